package bot

import (
	"context"
	"strings"
	"time"

	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/bot/settings"
)

// Discord's JSON error codes the runtime acts on.
const (
	codeUnknownInteraction = 10062 // too late to answer: log, never retry
	codeAlreadyAnswered    = 40060 // a retried callback that had reached Discord
)

// retryPolicy bounds the retries of a Discord call that failed in a way
// that may pass: a 5xx answer or a network failure. discordgo itself waits
// out 429s and retries a 502 at once; this adds a few spaced attempts.
type retryPolicy struct {
	// attempts is how many times a call is made at most, the first included.
	attempts int
	// backoff is the wait before the second attempt, doubled after each.
	backoff time.Duration
}

// do calls op until it succeeds, fails for good, runs out of attempts, or
// ctx ends; it returns op's last error and how many attempts it made.
func (p retryPolicy) do(ctx context.Context, op func(ctx context.Context) error) (int, error) {
	wait := p.backoff
	for attempt := 1; ; attempt++ {
		err := op(ctx)
		if err == nil || attempt >= p.attempts || !discord.Transient(ctx, err) {
			return attempt, err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return attempt, err
		case <-t.C:
		}
		wait *= 2
	}
}

// redactedError hides secrets, such as an interaction's token in a URL,
// from an error's message; errors.Is and errors.As still see the cause.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redact returns err with every secret in its message replaced by
// "[redacted]".
func redact(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, settings.Redacted)
		}
	}
	return &redactedError{msg: msg, err: err}
}
