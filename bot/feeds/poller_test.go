package feeds

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// memStore is a Store in memory.
type memStore struct {
	mu    sync.Mutex // guards the maps
	known map[string]bool
	items map[string]string // key → file ("" when passed over)
	seen  map[string]bool
}

func newMemStore() *memStore {
	return &memStore{known: map[string]bool{}, items: map[string]string{}, seen: map[string]bool{}}
}

func (s *memStore) FeedKnown(u string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.known[u], nil
}

func (s *memStore) MarkFeedKnown(u string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.known[u] = true
	return nil
}

func (s *memStore) FeedItemSeen(keys []string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		if _, ok := s.items[k]; ok {
			return true, nil
		}
	}
	return false, nil
}

func (s *memStore) RecordFeedItem(keys []string, file string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		s.items[k] = file
	}
	return nil
}

func (s *memStore) MarkFilesSeen(files []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range files {
		s.seen[f] = true
	}
	return nil
}

// logBuffer is a log destination safe to read while the poller writes.
type logBuffer struct {
	mu sync.Mutex // guards b
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitLog waits until the log has a line containing s.
func (l *logBuffer) waitLog(t *testing.T, s string) string {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		for _, line := range strings.Split(l.String(), "\n") {
			if strings.Contains(line, s) {
				return line
			}
		}
	}
	t.Fatalf("the log has no %q:\n%s", s, l)
	return ""
}

// rss is a feed document of items.
func rss(items ...string) string {
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://uni.example/</link>` +
		strings.Join(items, "") + `</channel></rss>`
}

// item is one RSS item, published n days after 1 March 2026.
func item(n int, description string) string {
	date := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format(time.RFC1123Z)
	return fmt.Sprintf(`<item><guid>item-%d</guid><link>https://uni.example/news/%d</link><title>News %d</title><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>`,
		n, n, n, date, description)
}

// newTestPoller returns a poller of one feed, saving into a fresh folder,
// that logs to the returned buffer.
func newTestPoller(t *testing.T, feedURL string, opts ...Option) (*Poller, *memStore, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	st := newMemStore()
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	p := NewPoller(st, t.TempDir(), []string{feedURL}, 20*time.Millisecond, nil, logger, opts...)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("poller log:\n%s", logs)
		}
	})
	return p, st, logs
}

// pollOnce polls the poller's feed once.
func pollOnce(p *Poller, st *feedState) (int, time.Duration, error) {
	return p.poll(context.Background(), st)
}

// articles lists the article files of the poller's folder.
func articles(t *testing.T, p *Poller) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(p.dir, "feed_*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A feed's password never reaches the log or an error, whether the feed
// fails with a status or cannot be reached; the request still sends it.
func TestPasswordNeverLogged(t *testing.T) {
	t.Parallel()
	const password = "s3cr3t-feed-password"
	var gotAuth sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, p, ok := r.BasicAuth(); ok {
			gotAuth.Store(p, true)
		}
		http.Error(w, "try later", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close() // refuses connections from now on
	for name, feedURL := range map[string]string{
		"failing":     strings.Replace(srv.URL, "http://", "http://reader:"+password+"@", 1) + "/rss",
		"unreachable": strings.Replace(down.URL, "http://", "http://reader:"+password+"@", 1) + "/rss",
	} {
		p, _, logs := newTestPoller(t, feedURL)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- p.Run(ctx) }()
		logs.waitLog(t, "failures=2")
		cancel()
		<-done
		if strings.Contains(logs.String(), password) {
			t.Errorf("the log of the %s feed holds its password:\n%s", name, logs)
		}
		if !strings.Contains(logs.String(), "reader:xxxxx@") {
			t.Errorf("the log of the %s feed does not name it, redacted:\n%s", name, logs)
		}
	}
	if _, ok := gotAuth.Load(password); !ok {
		t.Errorf("the feed server never got the password; want it sent as basic auth")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		header      string
		wait, asked time.Duration
	}{
		{"120", 2 * time.Minute, 2 * time.Minute},
		// Six years of silence, once: capped at a day, and no overflow.
		{"99999999999999", 24 * time.Hour, 1<<63 - 1},
		{"999999999999999999999999", 24 * time.Hour, 1<<63 - 1},
		{"9223372036", 24 * time.Hour, 9223372036 * time.Second},
		// An HTTP date.
		{now.Add(90 * time.Minute).Format(http.TimeFormat), 90 * time.Minute, 90 * time.Minute},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, 0},
		// Not a wait.
		{"", 0, 0},
		{"-5", 0, 0},
		{"soon", 0, 0},
	} {
		wait, asked := retryAfter(tc.header, now)
		if wait != tc.wait || asked != tc.asked {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tc.header, wait, asked, tc.wait, tc.asked)
		}
	}
}

// A server that asks for 99999999999999 seconds gets a day, and the log
// says the wait was capped.
func TestRetryAfterCapped(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "99999999999999")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	p, _, logs := newTestPoller(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	line := logs.waitLog(t, "feed poll failed")
	cancel()
	<-done
	if !strings.Contains(line, "next_in=24h0m0s") {
		t.Errorf("failed poll logged %q; want next_in=24h0m0s", line)
	}
	logs.waitLog(t, "cap=24h0m0s")
}

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		interval time.Duration
		failures int
		want     time.Duration
	}{
		{time.Minute, 1, 2 * time.Minute},
		{time.Minute, 4, 16 * time.Minute},
		{time.Minute, 40, 16 * time.Minute},
		{15 * time.Minute, 100, 4 * time.Hour},
		// Doubling a long interval stops at a day, and never overflows.
		{10 * time.Hour, 4, 24 * time.Hour},
		{1 << 61, 4, 1 << 61},
	} {
		if got := backoff(tc.interval, tc.failures); got != tc.want {
			t.Errorf("backoff(%v, %d) = %v; want %v", tc.interval, tc.failures, got, tc.want)
		}
	}
}

// redirector redirects /r/N to /r/N-1 with status, and serves the feed at /r/0.
func redirector(status int, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/r/%d", &n)
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), status)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	})
}

// Up to 3 redirects are followed, and the log says where the feed moved;
// a fourth, or one to another scheme, fails the poll.
func TestRedirects(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(redirector(http.StatusMovedPermanently, rss(item(1, "<p>One.</p>"))))
	defer srv.Close()

	p, _, logs := newTestPoller(t, srv.URL+"/r/3")
	if saved, _, err := pollOnce(p, &feedState{url: srv.URL + "/r/3", name: srv.URL + "/r/3"}); err != nil || saved != 1 {
		t.Errorf("poll after 3 redirects = %d, %v; want 1 item saved", saved, err)
	}
	if line := logs.waitLog(t, "feed moved"); !strings.Contains(line, "to="+srv.URL+"/r/0") || !strings.Contains(line, "COOPBOT_FEEDS") {
		t.Errorf("moved feed logged %q; want its new URL and a word about COOPBOT_FEEDS", line)
	}

	temp := httptest.NewServer(redirector(http.StatusFound, rss(item(1, "<p>One.</p>"))))
	defer temp.Close()
	p, _, logs = newTestPoller(t, temp.URL+"/r/1")
	if _, _, err := pollOnce(p, &feedState{url: temp.URL + "/r/1"}); err != nil {
		t.Errorf("poll after a 302 = %v", err)
	}
	if line := logs.waitLog(t, "feed redirected"); !strings.Contains(line, "to="+temp.URL+"/r/0") {
		t.Errorf("redirected feed logged %q; want where to", line)
	}

	p, _, _ = newTestPoller(t, srv.URL+"/r/4")
	if _, _, err := pollOnce(p, &feedState{url: srv.URL + "/r/4"}); err == nil || !strings.Contains(err.Error(), "more than 3 redirects") {
		t.Errorf("poll after 4 redirects = %v; want more than 3 redirects", err)
	}
	if n := len(articles(t, p)); n != 0 {
		t.Errorf("after 4 redirects the folder has %d articles; want none", n)
	}

	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	}))
	defer other.Close()
	p, _, _ = newTestPoller(t, other.URL)
	if _, _, err := pollOnce(p, &feedState{url: other.URL}); err == nil || !strings.Contains(err.Error(), `"file"`) {
		t.Errorf("poll redirected to file: = %v; want an error naming the scheme", err)
	}
}

// A poll of a feed with 120 new items saves the newest 50 and logs the
// 70 held back, which no later poll saves either; a new item then is.
func TestMaxNewItemsPerPoll(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var items []string
	for n := range 120 {
		items = append([]string{item(n, fmt.Sprintf("<p>Item %d.</p>", n))}, items...) // newest first
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprint(w, rss(items...))
	}))
	defer srv.Close()
	p, store, logs := newTestPoller(t, srv.URL, WithMaxNewItems(50))
	st := &feedState{url: srv.URL, name: srv.URL}
	if saved, _, err := pollOnce(p, st); err != nil || saved != 50 {
		t.Fatalf("first poll = %d, %v; want 50 saved", saved, err)
	}
	if n := len(articles(t, p)); n != 50 {
		t.Errorf("after the first poll the folder has %d articles; want 50", n)
	}
	if line := logs.waitLog(t, "held back"); !strings.Contains(line, "held_back=70") {
		t.Errorf("held-back items logged %q; want held_back=70", line)
	}
	for n := range 120 {
		data, err := os.ReadFile(filepath.Join(p.dir, fileOf(t, srv.URL, n)))
		if kept := n >= 70; kept != (err == nil) {
			t.Errorf("item %d saved = %v; want %v (the 50 newest)", n, err == nil, kept)
		} else if kept && !strings.Contains(string(data), fmt.Sprintf("Item %d.", n)) {
			t.Errorf("item %d saved as %q", n, data)
		}
	}
	if saved, _, err := pollOnce(p, st); err != nil || saved != 0 {
		t.Errorf("second poll = %d, %v; want nothing saved: the held-back items are passed over", saved, err)
	}
	mu.Lock()
	items = append([]string{item(200, "<p>Fresh.</p>")}, items...)
	mu.Unlock()
	if saved, _, err := pollOnce(p, st); err != nil || saved != 1 {
		t.Errorf("poll with one new item = %d, %v; want 1", saved, err)
	}
	if len(store.seen) != 50 {
		t.Errorf("%d files marked seen; want the first poll's 50", len(store.seen))
	}
}

// fileOf is the article file of test item n of feedURL.
func fileOf(t *testing.T, feedURL string, n int) string {
	t.Helper()
	keys := itemKeys(feedURL, &gofeed.Item{GUID: fmt.Sprintf("item-%d", n), Link: fmt.Sprintf("https://uni.example/news/%d", n)})
	return "feed_" + keys[0][len(keys[0])-16:] + ".txt"
}

// An item whose article would be over 1 MiB is never written; the others are.
func TestItemTooBigNotWritten(t *testing.T) {
	t.Parallel()
	huge := "<p>" + strings.Repeat("cooperation ", 100_000) + "</p>" // 1.2 MB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rss(item(2, huge), item(1, "<p>Small.</p>")))
	}))
	defer srv.Close()
	p, _, logs := newTestPoller(t, srv.URL)
	st := &feedState{url: srv.URL, name: srv.URL}
	if saved, _, err := pollOnce(p, st); err != nil || saved != 1 {
		t.Errorf("poll = %d, %v; want the small item saved", saved, err)
	}
	if _, err := os.Stat(filepath.Join(p.dir, fileOf(t, srv.URL, 2))); err == nil {
		t.Errorf("the 1.2 MB item was written")
	}
	if _, err := os.Stat(filepath.Join(p.dir, fileOf(t, srv.URL, 1))); err != nil {
		t.Errorf("the small item was not written: %v", err)
	}
	logs.waitLog(t, "over the size limit")
	if saved, _, err := pollOnce(p, st); err != nil || saved != 0 || strings.Count(logs.String(), "over the size limit") != 1 {
		t.Errorf("second poll = %d, %v; want the big item passed over for good, logged once", saved, err)
	}
}

// A feed over 10 MiB fails with an error that says so, with or without a
// Content-Length, and the feed backs off.
func TestFeedTooLarge(t *testing.T) {
	t.Parallel()
	big := rss(item(1, strings.Repeat("x", 11<<20)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.(http.Flusher).Flush() // no Content-Length
		} else {
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		}
		fmt.Fprint(w, big)
	}))
	defer srv.Close()
	for _, path := range []string{"/sized", "/chunked"} {
		p, _, logs := newTestPoller(t, srv.URL+path)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- p.Run(ctx) }()
		first := logs.waitLog(t, "failures=1")
		second := logs.waitLog(t, "failures=2")
		cancel()
		<-done
		if !strings.Contains(first, "feed larger than 10 MiB") || strings.Contains(first, "XML") {
			t.Errorf("%s: failed poll logged %q; want feed larger than 10 MiB", path, first)
		}
		if !strings.Contains(first, "next_in=40ms") || !strings.Contains(second, "next_in=80ms") {
			t.Errorf("%s: failed polls logged\n%s\n%s\nwant the wait doubled after each", path, first, second)
		}
		if n := len(articles(t, p)); n != 0 {
			t.Errorf("%s: %d articles saved; want none", path, n)
		}
	}
}

// Links planted in the articles folder under the names a feed item is
// written to (the temporary dot-name and the article's) cannot make the
// write land outside the folder.
func TestWriteConfinedToFolder(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rss(item(1, "<p>One.</p>"), item(2, "<p>Two.</p>")))
	}))
	defer srv.Close()
	p, _, _ := newTestPoller(t, srv.URL)
	outside := t.TempDir()
	victims := []string{filepath.Join(outside, "tmp-victim"), filepath.Join(outside, "victim")}
	for _, v := range victims {
		if err := os.WriteFile(v, []byte("untouched"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	one, two := fileOf(t, srv.URL, 1), fileOf(t, srv.URL, 2)
	if err := os.Symlink(victims[0], filepath.Join(p.dir, "."+one+".tmp")); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	if err := os.Symlink(victims[1], filepath.Join(p.dir, two)); err != nil {
		t.Fatal(err)
	}
	if saved, _, err := pollOnce(p, &feedState{url: srv.URL, name: srv.URL}); err != nil || saved != 2 {
		t.Fatalf("poll = %d, %v; want both items saved", saved, err)
	}
	for _, v := range victims {
		if data, _ := os.ReadFile(v); string(data) != "untouched" {
			t.Errorf("%s outside the folder now holds %q", filepath.Base(v), data)
		}
	}
	for _, f := range []string{one, two} {
		info, err := os.Lstat(filepath.Join(p.dir, f))
		if err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s in the folder = %v, %v; want a regular file", f, info, err)
		}
	}
}
