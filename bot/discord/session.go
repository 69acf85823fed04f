// Package discord is how coopbot talks to Discord through discordgo: a
// session whose REST calls and gateway discovery go to DISCORD_API_BASE,
// and what Discord's errors mean for whoever made the call.
package discord

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/settings"
)

// discordHost is the host discordgo's endpoints name.
const discordHost = "discord.com"

// RESTTimeout bounds one REST call, retries of a 502 included.
const RESTTimeout = 20 * time.Second

// NewSession returns a discordgo session for the bot whose REST calls and
// gateway discovery go to s.APIBase, paths kept. It uses the per-session
// seam, Session.Client, and leaves discordgo's package-level endpoints
// alone. The session asks for no gateway intents: interactions need none.
func NewSession(s settings.Settings) (*discordgo.Session, error) {
	token := ""
	if s.Token != "" {
		token = "Bot " + s.Token.Reveal()
	}
	dg, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("new discord session: %w", err)
	}
	base := s.APIBase
	if base == nil {
		if base, err = url.Parse(settings.DefaultAPIBase); err != nil {
			return nil, fmt.Errorf("new discord session: %w", err)
		}
	}
	dg.Client = &http.Client{
		Timeout:   RESTTimeout,
		Transport: &rewriteTransport{base: base, next: http.DefaultTransport},
	}
	dg.Identify.Intents = discordgo.IntentsNone
	dg.StateEnabled = false
	dg.ShouldReconnectOnError = true
	dg.ShouldRetryOnRateLimit = true
	dg.MaxRestRetries = 3
	return dg, nil
}

// rewriteTransport sends the requests for https://discord.com/... to
// base, keeping their path after base's own; other hosts pass unchanged.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip rewrites req's URL when it names Discord, then sends it.
func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Hostname() != discordHost {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL = rewrite(t.base, req.URL)
	r.Host = ""
	return t.next.RoundTrip(r)
}

// rewrite returns u with Discord's scheme and host replaced by base's and
// base's path put in front of its own.
func rewrite(base, u *url.URL) *url.URL {
	c := *u
	c.Scheme, c.Host = base.Scheme, base.Host
	c.Path = base.Path + u.Path
	if u.RawPath != "" {
		c.RawPath = base.Path + u.RawPath
	}
	return &c
}

// APIBase returns where the session's REST calls go: the DISCORD_API_BASE
// NewSession was given, or https://discord.com for a session it did not make.
func APIBase(s *discordgo.Session) *url.URL {
	if s != nil && s.Client != nil {
		if t, ok := s.Client.Transport.(*rewriteTransport); ok {
			return t.base
		}
	}
	u, _ := url.Parse(settings.DefaultAPIBase)
	return u
}
