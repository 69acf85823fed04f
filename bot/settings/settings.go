// Package settings reads coopbot's settings from the environment (or a
// .env file, which main loads into it) and checks them: a missing or
// malformed one gives a one-line error that names it, and the token never
// prints.
package settings

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The settings' names, as they appear in the environment and in .env.
const (
	EnvToken     = "DISCORD_TOKEN"
	EnvAppID     = "DISCORD_APP_ID"
	EnvPublicKey = "DISCORD_PUBLIC_KEY"
	EnvGuildID   = "DISCORD_GUILD_ID"
	EnvAPIBase   = "DISCORD_API_BASE"
	EnvHTTPAddr  = "COOPBOT_HTTP_ADDR"
	// EnvFeeds, EnvFeedInterval and EnvFeedMaxNew: see feeds.go.
	EnvFeeds        = "COOPBOT_FEEDS"
	EnvFeedInterval = "COOPBOT_FEED_INTERVAL"
	EnvFeedMaxNew   = "COOPBOT_FEED_MAX_NEW"
)

// Defaults of the optional settings.
const (
	DefaultAPIBase  = "https://discord.com"
	DefaultHTTPAddr = ":8080"
)

// Settings say how the bot reaches Discord and which feeds it polls. Parse
// reads and checks them; Settings is safe to log, since the token prints
// as "[redacted]".
type Settings struct {
	// Token is the bot's token, without its "Bot " prefix.
	Token Secret
	// AppID is the application's id, a snowflake.
	AppID string
	// PublicKey verifies the signatures of HTTP interactions.
	PublicKey ed25519.PublicKey
	// GuildID, when set, is the one server the commands are registered in.
	GuildID string
	// APIBase is where REST calls and gateway discovery go instead of
	// https://discord.com; the request paths are kept.
	APIBase *url.URL
	// HTTPAddr is the address serve listens on.
	HTTPAddr string
	// Feeds are the RSS or Atom feeds whose new items are saved as articles.
	Feeds []string
	// FeedInterval is how often each feed is polled.
	FeedInterval time.Duration
	// FeedMaxNew is how many new items of one feed a poll saves at most.
	FeedMaxNew int
}

// Need says which of the optional-by-default settings a mode requires.
type Need uint8

// What a mode needs besides DISCORD_APP_ID, which every mode needs.
const (
	// NeedToken requires DISCORD_TOKEN: the gateway and registration.
	NeedToken Need = 1 << iota
	// NeedPublicKey requires DISCORD_PUBLIC_KEY: the HTTP interactions endpoint.
	NeedPublicKey
)

// Parse reads the settings from getenv and checks them. A missing or
// malformed one gives a one-line error that names it and says where to
// find the right value; the token's value never appears in an error.
func Parse(getenv func(string) string, need Need) (Settings, error) {
	var s Settings
	var err error
	if s.Token, err = parseToken(strings.TrimSpace(getenv(EnvToken)), need&NeedToken != 0); err != nil {
		return Settings{}, err
	}
	if s.AppID, err = parseSnowflake(EnvAppID, getenv(EnvAppID), true,
		"copy the Application ID from the General Information page of your application in the Discord Developer Portal"); err != nil {
		return Settings{}, err
	}
	if s.PublicKey, err = parsePublicKey(getenv(EnvPublicKey), need&NeedPublicKey != 0); err != nil {
		return Settings{}, err
	}
	if s.GuildID, err = parseSnowflake(EnvGuildID, getenv(EnvGuildID), false,
		"leave it empty, or copy the server's id (Developer Mode on, right-click the server, Copy Server ID)"); err != nil {
		return Settings{}, err
	}
	if s.APIBase, err = parseAPIBase(getenv(EnvAPIBase)); err != nil {
		return Settings{}, err
	}
	if s.HTTPAddr, err = parseHTTPAddr(getenv(EnvHTTPAddr)); err != nil {
		return Settings{}, err
	}
	if s.Feeds, s.FeedInterval, err = parseFeeds(getenv(EnvFeeds), getenv(EnvFeedInterval)); err != nil {
		return Settings{}, err
	}
	if s.FeedMaxNew, err = parseFeedMaxNew(getenv(EnvFeedMaxNew)); err != nil {
		return Settings{}, err
	}
	return s, nil
}

// LogValue shows the settings without the token.
func (s Settings) LogValue() slog.Value {
	base := DefaultAPIBase
	if s.APIBase != nil {
		base = s.APIBase.String()
	}
	return slog.GroupValue(
		slog.Bool("token_set", s.Token != ""),
		slog.String("app_id", s.AppID),
		slog.String("guild_id", s.GuildID),
		slog.String("api_base", base),
		slog.String("http_addr", s.HTTPAddr),
		slog.Int("feeds", len(s.Feeds)),
		slog.Duration("feed_interval", s.FeedInterval),
		slog.Int("feed_max_new", s.FeedMaxNew),
	)
}

func parseToken(v string, required bool) (Secret, error) {
	v = strings.TrimPrefix(v, "Bot ")
	switch {
	case v == "" && required:
		return "", fmt.Errorf("%s is not set: copy the token from the Bot page of your application in the Discord Developer Portal (Reset Token)", EnvToken)
	case v == "":
		return "", nil
	case strings.ContainsFunc(v, func(r rune) bool { return r <= ' ' || r == '"' || r == '\'' || r > '~' }):
		return "", fmt.Errorf("%s contains spaces, quotes or other characters a bot token never has: copy it again from the Bot page of the Developer Portal", EnvToken)
	case strings.Count(v, ".") != 2:
		return "", fmt.Errorf("%s does not look like a bot token (three parts separated by dots): the client secret and the public key are not the token; copy it from the Bot page of the Developer Portal", EnvToken)
	}
	return Secret(v), nil
}

func parseSnowflake(name, v string, required bool, hint string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		if required {
			return "", fmt.Errorf("%s is not set: %s", name, hint)
		}
		return "", nil
	}
	if n, err := strconv.ParseUint(v, 10, 64); err != nil || n == 0 {
		return "", fmt.Errorf("%s is %s, not a Discord id (a number such as 1100000000000000001): %s", name, quote(v), hint)
	}
	return v, nil
}

func parsePublicKey(v string, required bool) (ed25519.PublicKey, error) {
	const hint = "copy the Public Key from the General Information page of your application in the Discord Developer Portal"
	v = strings.TrimSpace(v)
	if v == "" {
		if required {
			return nil, fmt.Errorf("%s is not set: %s", EnvPublicKey, hint)
		}
		return nil, nil
	}
	b, err := hex.DecodeString(v)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%s must be %d hexadecimal characters, not %d characters: %s", EnvPublicKey, 2*ed25519.PublicKeySize, len(v), hint)
	}
	return ed25519.PublicKey(b), nil
}

func parseAPIBase(v string) (*url.URL, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		v = DefaultAPIBase
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%s is %s, not an absolute http or https URL without query (such as %s); leave it empty for Discord itself", EnvAPIBase, quote(v), DefaultAPIBase)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

func parseHTTPAddr(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return DefaultHTTPAddr, nil
	}
	_, port, err := net.SplitHostPort(v)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return "", fmt.Errorf("%s is %s, not a host:port address (such as :8080 or 127.0.0.1:8080)", EnvHTTPAddr, quote(v))
	}
	return v, nil
}

// quote quotes a setting's value for an error, cut to keep it on one
// short line.
func quote(v string) string {
	if r := []rune(v); len(r) > 60 {
		v = string(r[:60]) + "…"
	}
	return strconv.Quote(v)
}

// Secret is a credential that never prints: fmt and log/slog show
// "[redacted]". Reveal returns the value for the one place that sends it.
type Secret string

// Redacted is how a Secret prints.
const Redacted = "[redacted]"

// String returns "[redacted]".
func (Secret) String() string { return Redacted }

// GoString returns "[redacted]", for %#v.
func (Secret) GoString() string { return Redacted }

// LogValue returns "[redacted]", for log/slog.
func (Secret) LogValue() slog.Value { return slog.StringValue(Redacted) }

// MarshalText returns "[redacted]", for encoders.
func (Secret) MarshalText() ([]byte, error) { return []byte(Redacted), nil }

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }
