package discord_test

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/bot/settings"
)

// testToken is shaped like a bot token, and is not one.
const testToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.not-a-real-token-but-shaped-like-one"

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
	s, err := settings.Parse(func(k string) string {
		return map[string]string{settings.EnvToken: testToken, settings.EnvAppID: "1", settings.EnvAPIBase: proxy.URL + "/discord/"}[k]
	}, settings.NeedToken)
	if err != nil {
		t.Fatal(err)
	}
	session, err := discord.NewSession(s)
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
