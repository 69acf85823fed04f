package discordtest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Client returns an http.Client whose requests to discord.com, any
// *.discord.com and gateway.discord.gg go to the fake, paths unchanged; it
// refuses every other host, so a test cannot reach the network by mistake.
func (s *Server) Client() *http.Client {
	u, _ := url.Parse(s.URL)
	return &http.Client{Transport: &transport{
		fake: u.Host,
		base: &http.Transport{Proxy: nil, ForceAttemptHTTP2: false},
	}}
}

// transport sends Discord's hosts to the fake.
type transport struct {
	fake string // host:port of the fake
	base http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	host := req.URL.Hostname()
	switch {
	case host == "discord.com", strings.HasSuffix(host, ".discord.com"), host == "gateway.discord.gg":
	case req.URL.Host == t.fake:
	default:
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("discordtest: refusing request to %s: only Discord's hosts go to the fake", req.URL.Host)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme = "http"
	r.URL.Host = t.fake
	r.Host = req.URL.Host
	return t.base.RoundTrip(r)
}

// Session returns a real discordgo session with the given bot token (with
// or without its "Bot " prefix) whose REST calls go to the fake through
// Client; Open connects to the fake gateway. discordgo's package-level
// endpoints are left alone.
//
// ShouldReconnectOnError is false, so that no retry loop outlives the
// test; a test about reconnecting sets it to true before Open. Closing an open
// session costs 1 s: discordgo's Close sleeps that long before closing the
// socket, so share sessions between subtests, or run tests in parallel.
func (s *Server) Session(token string) *discordgo.Session {
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	dg, err := discordgo.New(token)
	if err != nil {
		s.t.Fatalf("discordtest: new session: %v", err)
	}
	dg.Client = s.Client()
	dg.ShouldReconnectOnError = false
	dg.ShouldRetryOnRateLimit = true
	dg.MaxRestRetries = 3
	dg.Identify.Intents = discordgo.IntentsNone
	return dg
}
