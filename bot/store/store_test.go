package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

func openTestStore(t *testing.T, path string) *Bolt {
	t.Helper()
	s, err := Open(path, time.Second)
	if err != nil {
		t.Fatalf("Open(%q) = %v", path, err)
	}
	return s
}

// Subscriptions survive a close and reopen, with every field, in order.
func TestStoreSubscriptionsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "coopbot.db")
	s := openTestStore(t, path)
	created := time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC)
	want := []subscription.Subscription{
		{GuildID: "g1", ChannelID: "c1", Filter: knowledge.Filter{Institution: "Hanoi University of Mining and Geology"},
			CreatedBy: "u1", CreatedAt: created, State: subscription.Active},
		{GuildID: "g1", ChannelID: "c2", Filter: knowledge.Filter{Country: "China", Keywords: "summer camp"},
			CreatedBy: "u2", CreatedAt: created, State: subscription.Paused, PausedReason: "missing access (50001)"},
		{GuildID: "g2", ChannelID: "c3", CreatedBy: "u3", CreatedAt: created, State: subscription.Active},
	}
	for i := range want {
		got, err := s.SaveSubscription(want[i])
		if err != nil {
			t.Fatalf("SaveSubscription(%d) = %v", i, err)
		}
		if got.ID == "" {
			t.Fatalf("SaveSubscription(%d) assigned no ID", i)
		}
		want[i].ID = got.ID
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openTestStore(t, path)
	defer s.Close()
	got, err := s.Subscriptions("", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("after reopen Subscriptions = %d, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("after reopen [%d] = %+v; want %+v", i, got[i], want[i])
		}
	}
	g1, _ := s.Subscriptions("g1", "")
	c2, _ := s.Subscriptions("g1", "c2")
	if len(g1) != 2 || len(c2) != 1 || c2[0].ID != want[1].ID {
		t.Errorf("filtered lists: guild g1 %d (want 2), channel c2 %v", len(g1), c2)
	}

	// Resume, then delete.
	resumed := want[1]
	resumed.State, resumed.PausedReason = subscription.Active, ""
	if _, err := s.SaveSubscription(resumed); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSubscription(want[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSubscription(want[0].ID); !errors.Is(err, subscription.ErrNoSubscription) {
		t.Errorf("second DeleteSubscription = %v; want ErrNoSubscription", err)
	}
	if _, err := s.SaveSubscription(want[0]); !errors.Is(err, subscription.ErrNoSubscription) {
		t.Errorf("SaveSubscription of a deleted ID = %v; want ErrNoSubscription", err)
	}
	left, _ := s.Subscriptions("", "")
	if len(left) != 2 || left[0].State != subscription.Active {
		t.Errorf("after resume and delete: %+v", left)
	}
	// A new subscription never reuses a deleted ID.
	again, _ := s.SaveSubscription(subscription.Subscription{GuildID: "g1", ChannelID: "c1", State: subscription.Active})
	if again.ID == want[0].ID {
		t.Errorf("new subscription reused deleted ID %s", again.ID)
	}
}

// A second Open of a file in use fails fast with a message that says why.
func TestStoreSecondOpenFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "coopbot.db")
	s := openTestStore(t, path)
	defer s.Close()
	start := time.Now()
	s2, err := Open(path, 200*time.Millisecond)
	if err == nil {
		s2.Close()
		t.Fatal("second Open succeeded; want an error")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("second Open took %s; want about its 200ms timeout", d)
	}
	if !errors.Is(err, bolterrors.ErrTimeout) || !strings.Contains(err.Error(), "another coopbot process") {
		t.Errorf("second Open = %v; want a timeout that names the other process", err)
	}
}

// Values carry a version byte; an unknown version is an error, not a guess.
func TestStoreRejectsUnknownVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "coopbot.db")
	s := openTestStore(t, path)
	defer s.Close()
	sub, err := s.SaveSubscription(subscription.Subscription{GuildID: "g", ChannelID: "c", State: subscription.Active})
	if err != nil {
		t.Fatal(err)
	}
	k, _ := idKey(sub.ID)
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSubscriptions).Put(k, []byte{99, '{', '}'})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Subscriptions("", ""); err == nil || !strings.Contains(err.Error(), "version 99") {
		t.Errorf("Subscriptions over a version 99 value = %v; want an unknown-version error", err)
	}
}
