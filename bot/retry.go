package bot

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
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
		if err == nil || attempt >= p.attempts || !transient(ctx, err) {
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

// transient reports whether a failed call may pass when made again.
func transient(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		return rest.Response != nil && rest.Response.StatusCode >= 500
	}
	var limited *discordgo.RateLimitError
	if errors.As(err, &limited) || errors.Is(err, discordgo.ErrJSONUnmarshal) {
		return false
	}
	var netErr net.Error
	var urlErr *url.Error
	if errors.As(err, &netErr) || errors.As(err, &urlErr) {
		return true
	}
	// discordgo's own error after retrying a 502 MaxRestRetries times.
	return strings.HasPrefix(err.Error(), "Exceeded Max retries")
}

// discordCode returns the JSON error code of a Discord error answer, or 0.
func discordCode(err error) int {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Message != nil {
		return rest.Message.Code
	}
	return 0
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
			msg = strings.ReplaceAll(msg, s, Redacted)
		}
	}
	return &redactedError{msg: msg, err: err}
}
