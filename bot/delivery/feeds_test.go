package delivery_test

import (
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

	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/bot/feeds"
	"github.com/coopbot/coopbot/knowledge"
)

// rssServer serves an RSS feed whose items a test sets, with an ETag, and
// answers 304 to a request that names the current one.
type rssServer struct {
	mu       sync.Mutex // guards the fields below
	items    []string
	version  int
	statuses []int
}

func (s *rssServer) set(items ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items, s.version = items, s.version+1
}

func (s *rssServer) count(status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, st := range s.statuses {
		if st == status {
			n++
		}
	}
	return n
}

func (s *rssServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	etag := fmt.Sprintf(`"v%d"`, s.version)
	if r.Header.Get("If-None-Match") == etag {
		s.statuses = append(s.statuses, http.StatusNotModified)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.statuses = append(s.statuses, http.StatusOK)
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>University news</title><link>https://uni.example/</link>%s</channel></rss>`,
		strings.Join(s.items, ""))
}

// rssItem is one item of the feed.
func rssItem(guid, link, title, date, html string) string {
	return fmt.Sprintf(`<item><guid>%s</guid><link>%s</link><title>%s</title><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>`,
		guid, link, title, date, html)
}

// A feed's first poll saves its items as articles without posting them;
// a new item is saved in the seed format and posted once; an item already
// saved under another GUID but the same link is not saved again; an
// unchanged feed answers 304 and posts nothing. The feed poller and the
// delivery are tried together here, on the delivery's harness.
func TestFeedsDeliverNewItems(t *testing.T) {
	t.Parallel()
	e := newDeliveryEnv(t, []discordtest.Option{discordtest.WithSpec("-")})
	e.subscribe(chAll, knowledge.Filter{})
	e.start()
	feed := &rssServer{}
	srv := httptest.NewServer(feed)
	defer srv.Close()
	feed.set(
		rssItem("a1", "https://uni.example/news/a1", "Old news one", "Mon, 03 Mar 2025 08:00:00 GMT",
			"<p>On 3 March 2025, Hue University welcomed a delegation from Leiden University.</p>"),
		rssItem("a2", "https://uni.example/news/a2", "Old news two", "Tue, 04 Mar 2025 08:00:00 GMT",
			"<p>Hue University and Kyoto University signed a memorandum of understanding.</p>"),
	)
	logger := slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	f := feeds.NewPoller(e.store, e.dir, []string{srv.URL + "/rss"}, 150*time.Millisecond, srv.Client(), logger)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	defer func() { cancel(); <-done }()

	e.waitLog("feed polled for the first time", 3*time.Second)
	e.waitLog("articles folder synced", 3*time.Second)
	if files, _ := filepath.Glob(filepath.Join(e.dir, "feed_*.txt")); len(files) != 2 {
		t.Fatalf("after the first poll the folder has %d feed articles; want 2", len(files))
	}
	feed.set(
		rssItem("a3", "https://uni.example/news/a3", "Can Tho University signs agreement with Wageningen University",
			"Wed, 12 Mar 2025 09:30:00 GMT",
			`<p>On 12 March 2025, <b>Can Tho University</b> signed a cooperation agreement with Wageningen University &amp; Research.</p><p>The two sides will exchange lecturers and students.</p><script>track()</script>`),
		rssItem("a1-renamed", "http://UNI.example:80/news/a1/?utm_source=rss#top", "Old news one", "Mon, 03 Mar 2025 08:00:00 GMT",
			"<p>On 3 March 2025, Hue University welcomed a delegation from Leiden University.</p>"),
		rssItem("a2", "https://uni.example/news/a2", "Old news two", "Tue, 04 Mar 2025 08:00:00 GMT",
			"<p>Hue University and Kyoto University signed a memorandum of understanding.</p>"),
	)
	e.waitPosts(map[string]int{chAll: 1}, 5*time.Second)
	files, _ := filepath.Glob(filepath.Join(e.dir, "feed_*.txt"))
	if len(files) != 3 {
		t.Errorf("the folder has %d feed articles; want 3", len(files))
	}
	post := e.fake.Messages(chAll)[0].Embeds[0]
	if !strings.Contains(post.Title, "Can Tho University signs agreement") {
		t.Errorf("posted %q; want the new item", post.Title)
	}
	data, err := os.ReadFile(filepath.Join(e.dir, strings.TrimPrefix(post.Footer.Text, "Source: ")))
	if err != nil {
		t.Fatal(err)
	}
	want := "Can Tho University signs agreement with Wageningen University\n\n12/03/2025\n\nOn 12 March 2025, Can Tho University signed a cooperation agreement with Wageningen University & Research.\n\nThe two sides will exchange lecturers and students.\n\nSource: https://uni.example/news/a3\n"
	if string(data) != want {
		t.Errorf("saved article =\n%s\nwant\n%s", data, want)
	}

	// Unchanged: 304s, nothing new.
	before := feed.count(http.StatusNotModified)
	deadline := time.Now().Add(3 * time.Second)
	for feed.count(http.StatusNotModified) < before+2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if feed.count(http.StatusNotModified) < before+2 {
		t.Errorf("the unchanged feed got %d 304s; want conditional requests", feed.count(http.StatusNotModified)-before)
	}
	e.waitPosts(map[string]int{chAll: 1}, time.Second)
}
