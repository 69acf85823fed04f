package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coopbot/coopbot/knowledge/subscription"
)

// backfiller records the backfills asked of it.
type backfiller struct {
	asked []int // n of each Backfill call
	has   int   // how many articles it pretends to queue at most
}

func (b *backfiller) Backfill(ctx context.Context, s subscription.Subscription, n int) (int, error) {
	b.asked = append(b.asked, n)
	return min(n, b.has), nil
}

// /subscribe backfill:N asks the delivery to post the N latest articles,
// for a new subscription and for one the channel already has, and says so.
func TestSubscribeBackfill(t *testing.T) {
	for _, tc := range []struct {
		name     string
		backfill *backfiller // nil: the router has no backfill
		args     []string
		want     string
		asked    []int
	}{
		// No backfill asked: the delivery is not called.
		{"none", &backfiller{has: 5}, nil, "will be posted in", nil},
		// A new subscription with backfill:3.
		{"new", &backfiller{has: 5}, []string{"backfill", "3"}, "The 3 latest matching articles will be posted in <#c1> now", []int{3}},
		// Fewer articles than asked for.
		{"fewer", &backfiller{has: 1}, []string{"backfill", "3"}, "The latest matching article will be posted", []int{3}},
		// Nothing matches.
		{"nothing", &backfiller{}, []string{"backfill", "3"}, "No past article matches", []int{3}},
		// A router without backfill says it is unavailable.
		{"unavailable", nil, []string{"backfill", "3"}, "not available", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := []Option{WithClock(func() time.Time { return time.Date(2025, 11, 20, 8, 0, 0, 0, time.UTC) })}
			if tc.backfill != nil {
				opts = append(opts, WithBackfill(tc.backfill.Backfill))
			}
			r := NewRouter(seedLib(), &memStore{}, opts...)
			reply, err := r.Handle(context.Background(), command(t, moderator, "subscribe", append([]string{"institution", "HUMG"}, tc.args...)...))
			if err != nil {
				t.Fatalf("Handle() = %v", err)
			}
			if text := textOf(reply.Response.Data); !strings.Contains(text, tc.want) {
				t.Errorf("reply lacks %q; it reads:\n%s", tc.want, text)
			}
			if b := tc.backfill; b != nil && !equalInts(b.asked, tc.asked) {
				t.Errorf("Backfill calls = %v; want %v", b.asked, tc.asked)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
