package delivery_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coopbot/coopbot/bot/delivery"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/bot/store"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// dlToken is the bot token the delivery tests use.
const dlToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.delivery-test-token-shaped"

// deliveryEnv is a delivery over a copy of the seeds, a store and a fake
// Discord, for one test.
type deliveryEnv struct {
	t     testing.TB
	dir   string
	lib   *knowledge.Library
	store *store.Bolt
	fake  *discordtest.Server
	d     *delivery.Delivery
	logs  *syncBuffer
	stop  func()
}

// newDeliveryEnv copies ../seeds into a temporary articles folder, opens
// the library and a store there, and a delivery posting to a fake Discord.
func newDeliveryEnv(t testing.TB, fakeOpts []discordtest.Option, opts ...delivery.Option) *deliveryEnv {
	t.Helper()
	e := &deliveryEnv{t: t, dir: t.TempDir(), logs: &syncBuffer{}}
	seeds, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, s := range seeds {
		e.copyFile(s, filepath.Base(s))
	}
	e.lib, _, err = knowledge.Open(context.Background(), knowledge.Config{ArticlesDir: e.dir, DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("knowledge.Open() = %v", err)
	}
	t.Cleanup(func() { e.lib.Close() })
	e.store, err = store.Open(filepath.Join(t.TempDir(), "coopbot.db"), time.Second)
	if err != nil {
		t.Fatalf("store.Open() = %v", err)
	}
	t.Cleanup(func() { e.store.Close() })
	e.fake = discordtest.NewServer(t, fakeOpts...)
	logger := slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts = append([]delivery.Option{delivery.WithPostBackoff(20*time.Millisecond, 200*time.Millisecond), delivery.WithSettle(150 * time.Millisecond)}, opts...)
	e.d = delivery.New(e.lib, e.store, e.fake.Session(dlToken), logger, opts...)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("delivery log:\n%s", e.logs.String())
		}
	})
	return e
}

// subscribedAt is when the harness's subscriptions were made: before the
// test articles' dates, so that they are news to them (subscription.News).
var subscribedAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// subscribe saves an active subscription of channel to f, made at subscribedAt.
func (e *deliveryEnv) subscribe(channel string, f knowledge.Filter) subscription.Subscription {
	e.t.Helper()
	return e.subscribeAt(channel, f, subscribedAt)
}

// subscribeAt saves an active subscription of channel to f, made at made.
func (e *deliveryEnv) subscribeAt(channel string, f knowledge.Filter, made time.Time) subscription.Subscription {
	e.t.Helper()
	s, err := e.store.SaveSubscription(subscription.Subscription{
		GuildID: "1300000000000000001", ChannelID: channel, Filter: f, State: subscription.Active, CreatedAt: made,
	})
	if err != nil {
		e.t.Fatalf("SaveSubscription() = %v", err)
	}
	return s
}

// start runs the delivery until the test ends.
func (e *deliveryEnv) start() {
	e.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.d.Run(ctx, e.dir) }()
	e.stop = func() {
		cancel()
		if err := <-done; err != nil {
			e.t.Errorf("Run() = %v", err)
		}
	}
	e.t.Cleanup(func() {
		if e.stop != nil {
			e.stop()
		}
	})
	e.waitLog("watching the articles folder", 5*time.Second)
}

// copyFile copies src into the articles folder as name, atomically: it is
// written under a dot-name, then renamed.
func (e *deliveryEnv) copyFile(src, name string) {
	e.t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		e.t.Fatal(err)
	}
	e.write(name, data)
}

// write writes data into the articles folder as name, atomically.
func (e *deliveryEnv) write(name string, data []byte) {
	e.t.Helper()
	tmp := filepath.Join(e.dir, "."+name+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(e.dir, name)); err != nil {
		e.t.Fatal(err)
	}
}

// waitPosts waits until each channel has the number of messages wanted,
// then checks, a moment later, that none has more.
func (e *deliveryEnv) waitPosts(want map[string]int, timeout time.Duration) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		short := ""
		for ch, n := range want {
			if got := len(e.fake.Messages(ch)); got < n {
				short = ch
			}
		}
		if short == "" {
			break
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("after %s channel %s has %d posts; want %d", timeout, short, len(e.fake.Messages(short)), want[short])
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	for ch, n := range want {
		if got := len(e.fake.Messages(ch)); got != n {
			e.t.Errorf("channel %s has %d posts; want %d", ch, got, n)
		}
	}
}

// waitLog waits until the log has a line containing s.
func (e *deliveryEnv) waitLog(s string, timeout time.Duration) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for !strings.Contains(e.logs.String(), s) {
		if time.Now().After(deadline) {
			e.t.Fatalf("after %s the log has no %q:\n%s", timeout, s, e.logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// syncBuffer is a log destination that tests can read while bots write.
type syncBuffer struct {
	mu sync.Mutex // guards b
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
