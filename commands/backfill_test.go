package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coopbot/coopbot/knowledge/subscription"
)

// backfillStore is a memStore that records the backfills asked of it.
type backfillStore struct {
	memStore
	asked []int // n of each Backfill call
	has   int   // how many articles it pretends to queue at most
}

func (b *backfillStore) Backfill(ctx context.Context, s subscription.Subscription, n int) (int, error) {
	b.asked = append(b.asked, n)
	return min(n, b.has), nil
}

// /subscribe backfill:N asks the store to post the N latest articles, for
// a new subscription and for one the channel already has, and says so.
func TestSubscribeBackfill(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store subscription.Store
		args  []string
		want  string
		asked []int
	}{
		// No backfill asked: the store is not called.
		{"none", &backfillStore{has: 5}, nil, "will be posted in", nil},
		// A new subscription with backfill:3.
		{"new", &backfillStore{has: 5}, []string{"backfill", "3"}, "The 3 latest matching articles will be posted in <#c1> now", []int{3}},
		// Fewer articles than asked for.
		{"fewer", &backfillStore{has: 1}, []string{"backfill", "3"}, "The latest matching article will be posted", []int{3}},
		// Nothing matches.
		{"nothing", &backfillStore{}, []string{"backfill", "3"}, "No past article matches", []int{3}},
		// A store without Backfill says it is unavailable.
		{"unavailable", &memStore{}, []string{"backfill", "3"}, "not available", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRouter(seedLib(), tc.store, func() time.Time { return time.Date(2025, 11, 20, 8, 0, 0, 0, time.UTC) })
			reply, err := r.Handle(context.Background(), command(t, moderator, "subscribe", append([]string{"institution", "HUMG"}, tc.args...)...))
			if err != nil {
				t.Fatalf("Handle() = %v", err)
			}
			if text := textOf(reply.Response.Data); !strings.Contains(text, tc.want) {
				t.Errorf("reply lacks %q; it reads:\n%s", tc.want, text)
			}
			if b, ok := tc.store.(*backfillStore); ok && !equalInts(b.asked, tc.asked) {
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
