package delivery

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// The invalid-request counter stops the senders at its cap until its
// window ends, and says so in the log once.
func TestInvalidRequestsCap(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	var logs strings.Builder // written by this goroutine only
	c := newInvalidRequests(3, 10*time.Minute, clock, slog.New(slog.NewTextHandler(&logs, nil)))
	for range 2 {
		c.add(429)
	}
	if err := c.wait(context.Background()); err != nil {
		t.Fatalf("wait() under the cap = %v; want nil at once", err)
	}
	c.add(403)
	c.add(403)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := c.wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("wait() at the cap = %v; want it to block until the context ends", err)
	}
	if got := c.Count(); got != 4 {
		t.Errorf("Count() = %d; want 4", got)
	}
	mu.Lock()
	now = now.Add(10 * time.Minute)
	mu.Unlock()
	if err := c.wait(context.Background()); err != nil || c.Count() != 0 {
		t.Errorf("after the window wait() = %v, Count() = %d; want nil and 0", err, c.Count())
	}
	if n := strings.Count(logs.String(), "too many invalid requests"); n != 1 {
		t.Errorf("the log warns %d times; want once:\n%s", n, logs.String())
	}
}

// The nonce of a post is at most 25 characters, the same for the same
// channel and article, and different for another channel or article.
func TestNonce(t *testing.T) {
	a := nonce("1400000000000000001", "korea_trip.txt")
	if len(a) > 25 || a != nonce("1400000000000000001", "korea_trip.txt") {
		t.Errorf("nonce = %q; want at most 25 characters, stable", a)
	}
	if a == nonce("1400000000000000002", "korea_trip.txt") || a == nonce("1400000000000000001", "other.txt") {
		t.Errorf("nonce %q repeats for another channel or article", a)
	}
}
