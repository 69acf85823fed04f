package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands"
)

func TestRegister(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithToken(testToken))
	session := srv.Session(testToken)
	ctx := context.Background()

	// In one guild, through a 500 that a retry gets past.
	srv.InjectFault("PUT /applications/{app}/guilds/{guild}/commands", discordtest.Fault{Status: 500})
	start := time.Now()
	reg, err := bot.Register(ctx, session, srv.AppID, guildID, commands.Catalog())
	if err != nil {
		t.Fatalf("Register(guild) = %v", err)
	}
	if n := len(srv.Commands(guildID)); n != len(commands.Catalog()) || len(reg.Commands) != n || reg.Commands[0].ID == "" || !strings.Contains(reg.Where(), guildID) {
		t.Errorf("Register(guild) = %d commands %s, the fake has %d; want the catalogue, with ids, in the guild", len(reg.Commands), reg.Where(), n)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("Register took %v", time.Since(start))
	}

	// Globally; the guild keeps its own.
	if _, err := bot.Register(ctx, session, srv.AppID, "", commands.Catalog()[:2]); err != nil {
		t.Fatalf("Register(global) = %v", err)
	}
	if n := len(srv.Commands("")); n != 2 {
		t.Errorf("global commands = %d; want 2", n)
	}

	// A refused token says what to check, and never shows the token.
	_, err = bot.Register(ctx, discordtest.NewServer(t, discordtest.WithToken("other.token.x"), discordtest.ExpectRejections()).Session(testToken), srv.AppID, "", commands.Catalog())
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") || strings.Contains(err.Error(), testToken) {
		t.Errorf("Register(bad token) = %v; want a hint at DISCORD_TOKEN, without the token", err)
	}

	// A catalogue that breaks Discord's rules never leaves.
	bad := commands.Catalog()
	bad[0].Name = "Bad Name"
	if _, err := bot.Register(ctx, session, srv.AppID, guildID, bad); err == nil || !strings.Contains(err.Error(), "Bad Name") {
		t.Errorf("Register(bad name) = %v; want the rule it breaks", err)
	}
}
