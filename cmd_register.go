package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/bot/settings"
	"github.com/coopbot/coopbot/commands"
)

// runRegister is `coopbot register`: it replaces the application's slash
// commands with the catalogue, prints what it registered and where, and
// exits.
func runRegister(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("register", flag.ContinueOnError)
	fs.SetOutput(stderr)
	guild := fs.String("guild", "", "register in this server `id` only (default DISCORD_GUILD_ID)")
	global := fs.Bool("global", false, "register globally even when DISCORD_GUILD_ID is set")
	clear := fs.Bool("clear", false, "remove the commands from there instead of registering them")
	cfg, err := discordFlags(fs, registerUsage, args, env, settings.NeedToken)
	if err != nil {
		return err
	}
	guildID := cfg.GuildID
	switch {
	case *global && *guild != "":
		return &usageError{"register takes --guild or --global, not both"}
	case *global:
		guildID = ""
	case *guild != "":
		if n, err := strconv.ParseUint(*guild, 10, 64); err != nil || n == 0 {
			return &usageError{fmt.Sprintf("--guild %q is not a server id (a number such as 1300000000000000001)", *guild)}
		}
		guildID = *guild
	}
	cmds := commands.Catalog()
	if *clear {
		cmds = []*discordgo.ApplicationCommand{}
	}
	session, err := discord.NewSession(cfg)
	if err != nil {
		return err
	}
	reg, err := bot.Register(ctx, session, cfg.AppID, guildID, cmds)
	if err != nil {
		return err
	}
	if *clear {
		fmt.Fprintf(stdout, "Removed the commands of application %s %s.\n", reg.AppID, reg.Where())
		return nil
	}
	names := make([]string, len(reg.Commands))
	for i, c := range reg.Commands {
		names[i] = "/" + c.Name
	}
	fmt.Fprintf(stdout, "Registered %d commands for application %s %s:\n  %s\n",
		len(reg.Commands), reg.AppID, reg.Where(), strings.Join(names, " "))
	fmt.Fprintf(stdout, "Invite the bot to a server with:\n  %s\n", inviteURL(cfg.AppID))
	return nil
}

// registerUsage is the help of `coopbot register`, before its flags.
const registerUsage = `Usage: coopbot register [--guild ID | --global] [--clear]

Registers coopbot's slash commands with Discord, then exits. It is a bulk
overwrite: the application ends up with exactly these commands, and ones
it no longer has are removed. Run it once after inviting the bot, and again
after upgrading coopbot. (Plain "coopbot" registers on every start; "coopbot
serve" does not.)

With DISCORD_GUILD_ID (or --guild) the commands go to that one server,
where they show at once: handy while trying the bot out. Without, they are
global: every server the bot is in gets them. Global and server commands
add up (a server then lists each twice), so once you go global, remove the
test server's copies with "coopbot register --guild ID --clear". Needs
DISCORD_TOKEN and DISCORD_APP_ID.

Options:
`
