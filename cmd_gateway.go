package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/settings"
	"github.com/coopbot/coopbot/commands"
)

// runGateway is `coopbot` with DISCORD_TOKEN set: it opens the articles
// and the subscriptions, registers the slash commands (a bulk overwrite,
// globally or in DISCORD_GUILD_ID), connects to Discord's gateway and
// answers interactions until ctx is done (SIGINT or SIGTERM), then
// finishes the interactions in flight and closes the session and stores.
func runGateway(ctx context.Context, env Env, stdout, stderr io.Writer) (err error) {
	cfg, err := discordSettings(env, settings.NeedToken)
	if err != nil {
		return err
	}
	a, err := openDiscordApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer closeApp(a, &err)
	reg, err := bot.Register(ctx, a.session, cfg.AppID, cfg.GuildID, commands.Catalog())
	if err != nil {
		return err
	}
	env.Logger.Info("registered the slash commands", "count", len(reg.Commands), "where", reg.Where())
	return a.serve(ctx, env, bot.New(a.router, a.session, env.Logger).RunGateway)
}

// discordFlags parses the flags of a subcommand that reaches Discord and
// takes no arguments, and reads the settings it needs; its --help is
// usage, then the flags, then the settings.
func discordFlags(fs *flag.FlagSet, usage string, args []string, env Env, need settings.Need) (settings.Settings, error) {
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), "\n"+settingsHelp)
	}
	if err := parseNoArgs(fs, args); err != nil {
		return settings.Settings{}, err
	}
	return discordSettings(env, need)
}

// parseNoArgs parses the flags of a subcommand that takes no arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("%s takes no arguments, got %q", fs.Name(), fs.Args())}
	}
	return nil
}

// discordSettings reads the settings that reach Discord; a missing or
// malformed one is a usage error, in one line that names it.
func discordSettings(env Env, need settings.Need) (settings.Settings, error) {
	s, err := settings.Parse(env.Getenv, need)
	if err != nil {
		return settings.Settings{}, &usageError{err.Error()}
	}
	return s, nil
}

// inviteURL is the link that adds the bot to a server with the scopes and
// permissions it needs.
func inviteURL(appID string) string {
	return fmt.Sprintf("https://discord.com/oauth2/authorize?client_id=%s&scope=bot+applications.commands&permissions=%d", appID, botPermissions)
}

// botPermissions are what the bot needs in a channel: View Channel, Send
// Messages and Embed Links (19456).
const botPermissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks

// settingsHelp explains the settings that reach Discord, for --help.
const settingsHelp = `Settings (from the environment or a .env file in the working directory):
  DISCORD_TOKEN       the bot's token (Developer Portal > your application > Bot > Reset Token)
  DISCORD_APP_ID      the application's id (Developer Portal > General Information > Application ID)
  DISCORD_PUBLIC_KEY  the application's public key, 64 hex characters (General Information > Public Key)
  DISCORD_GUILD_ID    register the commands in this one server only, where they show at once
                      (for development); unset: globally, in every server the bot is in
  DISCORD_API_BASE    where REST calls and gateway discovery go (default https://discord.com),
                      e.g. a REST proxy
  COOPBOT_ARTICLES    the articles folder (default ./seeds)
  COOPBOT_DATA        the index and the bbolt file (default ./data); one process at a time
  COOPBOT_HTTP_ADDR   the address serve listens on (default :8080)
  COOPBOT_FEEDS       RSS/Atom feeds to poll, comma-separated (optional)
  COOPBOT_FEED_INTERVAL  how often the feeds are polled (default 15m)
  COOPBOT_FEED_MAX_NEW   how many new items of one feed a poll saves at most (default 50)
`
