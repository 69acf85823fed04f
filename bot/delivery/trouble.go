package delivery

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// warnEvery is how often a channel's failing posts are logged at Warn:
// the first failure, then every warnEvery-th after it.
const warnEvery = 10

// troubles are the channels whose posts keep failing, for the log and
// /subscriptions; a channel leaves once a post there goes, or is dropped.
type troubles struct {
	now func() time.Time

	mu sync.Mutex // guards by
	by map[string]*trouble
}

// trouble is a channel's run of failed attempts to post.
type trouble struct {
	since    time.Time
	failures int
	reason   string
}

// failed counts a failed attempt to post in channel, for reason, and
// reports how many in a row have failed there.
func (t *troubles) failed(channel string, err error) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.by == nil {
		t.by = map[string]*trouble{}
	}
	tr := t.by[channel]
	if tr == nil {
		tr = &trouble{since: t.now()}
		t.by[channel] = tr
	}
	tr.failures++
	tr.reason = failureReason(err)
	return tr.failures
}

// over ends channel's trouble and returns how many attempts had failed.
func (t *troubles) over(channel string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	if tr := t.by[channel]; tr != nil {
		n = tr.failures
	}
	delete(t.by, channel)
	return n
}

// describe says how channel's posts are failing, or "".
func (t *troubles) describe(channel string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	tr := t.by[channel]
	if tr == nil {
		return ""
	}
	tries := "1 failed try"
	if tr.failures > 1 {
		tries = fmt.Sprintf("%d failed tries", tr.failures)
	}
	return fmt.Sprintf("%s since %s: %s", tries, tr.since.UTC().Format("2006-01-02 15:04 UTC"), tr.reason)
}

// failureReason says in a few words why a post failed, for people: the
// status Discord answered, or the kind of failure; never a URL or a token.
func failureReason(err error) string {
	var limited *discordgo.RateLimitError
	var rest *discordgo.RESTError
	switch {
	case errors.As(err, &limited):
		return "rate limited by Discord"
	case errors.As(err, &rest) && rest.Response != nil:
		return "Discord answered " + rest.Response.Status
	case errors.Is(err, context.DeadlineExceeded):
		return "Discord did not answer in time"
	}
	return "Discord could not be reached"
}

// Trouble says how the posts to channel are failing, such as "12 failed
// tries since 2026-12-02 16:02 UTC: Discord answered 503 Service
// Unavailable", or "" when they are not: /subscriptions shows it
// (commands.WithTrouble).
func (d *Delivery) Trouble(channel string) string { return d.troubles.describe(channel) }
