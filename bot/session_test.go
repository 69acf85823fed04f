package bot_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands"
)

// A session made by NewSession sends discordgo's https://discord.com/...
// requests to DISCORD_API_BASE, after the base's own path, with the bot's
// token; gateway discovery included.
func TestNewSessionRewritesToAPIBase(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var paths, auths []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths, auths = append(paths, r.URL.Path), append(auths, r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"url":"wss://gateway.example"}`))
	}))
	defer proxy.Close()
	s, err := bot.ParseSettings(env(map[string]string{bot.EnvToken: testToken, bot.EnvAppID: "1", bot.EnvAPIBase: proxy.URL + "/discord/"}), bot.NeedToken)
	if err != nil {
		t.Fatal(err)
	}
	session, err := bot.NewSession(s)
	if err != nil {
		t.Fatal(err)
	}
	gw, err := session.Gateway()
	if err != nil || gw != "wss://gateway.example/" {
		t.Fatalf("Gateway() = %q, %v; want the proxy's answer", gw, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(paths) != 1 || paths[0] != "/discord/api/v9/gateway" || auths[0] != "Bot "+testToken {
		t.Errorf("the proxy got %q with Authorization %q; want /discord/api/v9/gateway with the bot token", paths, auths)
	}
	if discordgo.EndpointDiscord != "https://discord.com/" {
		t.Errorf("discordgo.EndpointDiscord = %q; NewSession must leave the package's endpoints alone", discordgo.EndpointDiscord)
	}
}

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
