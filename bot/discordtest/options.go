package discordtest

import (
	"fmt"
	"time"
)

// An Option configures a Server.
type Option func(*options)

type options struct {
	clock             func() time.Time
	rateLimits        bool
	expectRejections  bool
	specPath          string // "" to search; "-" for no spec validation
	heartbeatInterval time.Duration
	appID             string
	token             string // "" accepts any token
}

func defaultOptions() options {
	return options{
		clock:             time.Now,
		heartbeatInterval: 41250 * time.Millisecond,
		appID:             "1100000000000000001",
	}
}

// WithClock makes the server read the time from now: it governs the 3 s
// deadline of interaction callbacks, the 15 minutes of interaction
// webhooks, nonce deduplication and snowflakes. Rate limits keep real time,
// since the client sleeps in real time. See Clock for a settable one.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.clock = now }
}

// WithRateLimits enforces Discord's limits with 429 answers: 50 requests a
// second in all (interaction callbacks exempt), 5 messages per 5 seconds
// per channel. Without it the headers announce a limit of 1000 a second,
// so the client never waits.
func WithRateLimits() Option {
	return func(o *options) { o.rateLimits = true }
}

// ExpectRejections is for tests that send bad requests on purpose: a
// request Discord would reject is logged and answered with Discord's error,
// but does not fail the test. Server.Rejections lists them.
func ExpectRejections() Option {
	return func(o *options) { o.expectRejections = true }
}

// WithSpec validates requests against the OpenAPI spec at path instead of
// the one found from DISCORD_OPENAPI_SPEC or the working directory; "-"
// turns spec validation off (the limits are still checked).
func WithSpec(path string) Option {
	return func(o *options) { o.specPath = path }
}

// WithHeartbeatInterval sets the heartbeat_interval sent in Hello
// (Discord's is 41.25 s); a short one lets a test see heartbeats.
func WithHeartbeatInterval(d time.Duration) Option {
	return func(o *options) { o.heartbeatInterval = d }
}

// WithAppID sets the application id (a snowflake), which is also the bot
// user's id.
func WithAppID(id string) Option {
	return func(o *options) { o.appID = id }
}

// WithToken makes the fake accept only this bot token, on REST
// ("Authorization: Bot <token>") and in Identify; by default any
// non-empty token is accepted.
func WithToken(token string) Option {
	return func(o *options) { o.token = token }
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
