package delivery

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// invalidRequests counts the invalid requests (401, 403 and 429 answers)
// the senders met in the current window. Discord bans the address of a
// bot that makes 10,000 in 10 minutes; at the cap, well below that, the
// senders stop posting until the window ends.
type invalidRequests struct {
	limit  int
	window time.Duration
	now    func() time.Time
	log    *slog.Logger

	mu     sync.Mutex // guards the fields below
	start  time.Time
	count  int
	warned bool
}

func newInvalidRequests(limit int, window time.Duration, now func() time.Time, log *slog.Logger) *invalidRequests {
	return &invalidRequests{limit: max(limit, 1), window: window, now: now, log: log}
}

// roll starts a new window when the current one has ended. Callers hold mu.
func (c *invalidRequests) roll(now time.Time) {
	if now.Sub(c.start) >= c.window {
		c.start, c.count, c.warned = now, 0, false
	}
}

// add counts one invalid request.
func (c *invalidRequests) add(status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.roll(c.now())
	c.count++
	if c.count >= c.limit && !c.warned {
		c.warned = true
		c.log.Error("delivery: too many invalid requests; posting stops until the window ends",
			"invalid", c.count, "cap", c.limit, "window", c.window, "last_status", status,
			"resumes", c.start.Add(c.window).UTC().Format(time.RFC3339))
	}
}

// Count returns the invalid requests of the current window.
func (c *invalidRequests) Count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.roll(c.now())
	return c.count
}

// wait returns at once under the cap; at the cap it waits for the window
// to end, or for ctx.
func (c *invalidRequests) wait(ctx context.Context) error {
	for {
		c.mu.Lock()
		c.roll(c.now())
		var left time.Duration
		if c.count >= c.limit {
			left = c.start.Add(c.window).Sub(c.now())
		}
		c.mu.Unlock()
		if left <= 0 {
			return nil
		}
		if err := sleep(ctx, left); err != nil {
			return err
		}
	}
}

// sleep waits for d, or for ctx.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
