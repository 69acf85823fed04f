package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/bot/settings"
	"github.com/coopbot/coopbot/commands/limits"
)

// registerTimeout bounds a registration, retries included.
const registerTimeout = 30 * time.Second

// Registration says what Register registered, and where.
type Registration struct {
	// AppID is the application the commands belong to.
	AppID string
	// GuildID is the one server they were registered in, or "" for every
	// server the bot is in (global commands).
	GuildID string
	// Commands are the commands as Discord stored them, with their ids.
	Commands []*discordgo.ApplicationCommand
}

// Where names the place of the registration for people.
func (r Registration) Where() string {
	if r.GuildID == "" {
		return "globally (in every server the bot is in)"
	}
	return "in server " + r.GuildID
}

// Register replaces the application's slash commands with cmds in one
// bulk overwrite (PUT): commands that are no longer in cmds are deleted.
// With a guildID they go to that one server, where changes show at once
// (handy in development); without, they are global. It checks cmds
// against Discord's rules first, and retries 5xx and network failures.
func Register(ctx context.Context, session *discordgo.Session, appID, guildID string, cmds []*discordgo.ApplicationCommand) (Registration, error) {
	var errs []error
	for _, c := range cmds {
		if err := limits.ValidateCommand(c); err != nil {
			errs = append(errs, fmt.Errorf("/%s: %w", c.Name, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Registration{}, fmt.Errorf("register commands: the catalogue breaks Discord's rules: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, registerTimeout)
	defer cancel()
	reg := Registration{AppID: appID, GuildID: guildID}
	retry := retryPolicy{attempts: 4, backoff: 500 * time.Millisecond}
	_, err := retry.do(ctx, func(ctx context.Context) error {
		var err error
		reg.Commands, err = session.ApplicationCommandBulkOverwrite(appID, guildID, cmds, discordgo.WithContext(ctx))
		return err
	})
	if err != nil {
		// Name the address the calls went to (DISCORD_API_BASE), not the
		// https://discord.com that discordgo's URLs say.
		base := discord.APIBase(session)
		err = discord.Relocated(base, err)
		return Registration{}, fmt.Errorf("register %d commands %s: %s%w", len(cmds), reg.Where(), registerHint(err, base), err)
	}
	return reg, nil
}

// registerHint explains the usual causes of a failed registration, the
// calls having gone to base.
func registerHint(err error, base *url.URL) string {
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response == nil {
		if errors.Is(err, context.Canceled) {
			return ""
		}
		return fmt.Sprintf("no answer from %s (check DISCORD_API_BASE, or the network): ", base.Redacted())
	}
	viaProxy := ""
	if base.Redacted() != settings.DefaultAPIBase {
		viaProxy = fmt.Sprintf(", and that DISCORD_API_BASE %s forwards to Discord", base.Redacted())
	}
	switch rest.Response.StatusCode {
	case 401:
		return "Discord refused the token (check DISCORD_TOKEN" + viaProxy + "): "
	case 403:
		return "the bot may not do this (check DISCORD_APP_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope" + viaProxy + "): "
	case 404:
		return "unknown application or server (check DISCORD_APP_ID and DISCORD_GUILD_ID" + viaProxy + "): "
	}
	return ""
}
