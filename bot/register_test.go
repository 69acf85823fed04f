package bot_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/bot/settings"
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

// A failed registration names where the calls went, DISCORD_API_BASE, not
// the https://discord.com of discordgo's URLs (issue 8).
func TestRegisterErrorNamesAPIBase(t *testing.T) {
	t.Parallel()
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close() // refuses connections from now on
	refusing := discordtest.NewServer(t, discordtest.WithToken("other.token.x"), discordtest.ExpectRejections())
	for _, tc := range []struct {
		name, base string
		want       []string
	}{
		{"unreachable", gone.URL, []string{"no answer from " + gone.URL, "DISCORD_API_BASE", gone.URL + "/api/v9/applications/"}},
		{"token refused", refusing.URL, []string{"DISCORD_TOKEN", "DISCORD_API_BASE " + refusing.URL}},
	} {
		cfg, err := settings.Parse(env(map[string]string{
			settings.EnvToken: testToken, settings.EnvAppID: refusing.AppID, settings.EnvAPIBase: tc.base,
		}), settings.NeedToken)
		if err != nil {
			t.Fatal(err)
		}
		session, err := discord.NewSession(cfg)
		if err != nil {
			t.Fatal(err)
		}
		// Short: an unreachable base would be retried for seconds.
		ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
		_, err = bot.Register(ctx, session, cfg.AppID, "", commands.Catalog())
		cancel()
		if err == nil {
			t.Fatalf("%s: Register() = nil", tc.name)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: Register() = %v; want it to say %q", tc.name, err, w)
			}
		}
		if strings.Contains(err.Error(), "https://discord.com") || strings.Contains(err.Error(), testToken) {
			t.Errorf("%s: Register() = %v; want no https://discord.com, where the calls did not go, and no token", tc.name, err)
		}
	}
}
