// Package feeds polls RSS and Atom feeds and saves each new item as an
// article file in the articles folder, which stays the single source of
// truth: the delivery's folder watcher then indexes and posts it.
package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
)

// Limits of feed polling.
const (
	// maxFeedBytes bounds the feed document read.
	maxFeedBytes = 10 << 20
	// maxFeedBackoff is how many doublings of the interval a failing feed
	// waits at most.
	maxFeedBackoff = 4
	// feedTimeout bounds one feed request.
	feedTimeout = 30 * time.Second
)

// Store is what the poller remembers between polls and across restarts:
// which feeds were polled before, which items were saved, and the articles
// to mark seen so that they are never posted. *store.Bolt implements it.
type Store interface {
	// FeedKnown reports whether the feed was polled successfully before.
	FeedKnown(feedURL string) (bool, error)
	// MarkFeedKnown records that the feed was polled successfully.
	MarkFeedKnown(feedURL string) error
	// FeedItemSeen reports whether an item with any of keys was saved.
	FeedItemSeen(keys []string) (bool, error)
	// RecordFeedItem records that the item with keys was saved as file.
	RecordFeedItem(keys []string, file string) error
	// MarkFilesSeen records articles as seen, so that they are never posted.
	MarkFilesSeen(files []string) error
}

// Poller polls RSS and Atom feeds and saves each new item as an article
// file in the articles folder, in the seed format. Items are deduplicated
// by GUID or normalised link in the store, never by a date watermark.
// Requests are conditional (ETag and Last-Modified), one at a time per
// host, and a failing feed backs off.
type Poller struct {
	store    Store
	dir      string
	urls     []string
	interval time.Duration
	client   *http.Client
	log      *slog.Logger

	mu    sync.Mutex // guards hosts
	hosts map[string]*sync.Mutex
}

// NewPoller returns a poller of urls every interval that saves new items
// in dir; client makes the requests (http.DefaultClient when nil).
func NewPoller(store Store, dir string, urls []string, interval time.Duration, client *http.Client, logger *slog.Logger) *Poller {
	if client == nil {
		client = http.DefaultClient
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Poller{store: store, dir: dir, urls: urls, interval: interval, client: client, log: logger, hosts: map[string]*sync.Mutex{}}
}

// Run polls every feed at once and then every interval until ctx is done.
func (f *Poller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, u := range f.urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.follow(ctx, u)
		}()
	}
	if len(f.urls) > 0 {
		f.log.Info("polling feeds", "feeds", len(f.urls), "interval", f.interval)
	}
	wg.Wait()
	return nil
}

// feedState is what a feed's poller remembers between polls.
type feedState struct {
	url          string
	etag         string
	lastModified string
	failures     int
}

// follow polls one feed until ctx is done.
func (f *Poller) follow(ctx context.Context, u string) {
	st := &feedState{url: u}
	for {
		wait := f.interval
		saved, retryAfter, err := f.poll(ctx, st)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			st.failures++
			wait = max(f.interval<<min(st.failures, maxFeedBackoff), retryAfter)
			f.log.Warn("feed poll failed", "feed", u, "failures", st.failures, "next_in", wait, "err", err)
		default:
			st.failures = 0
			if saved > 0 {
				f.log.Info("feed items saved as articles", "feed", u, "items", saved)
			}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// poll fetches a feed once, conditionally, and saves its new items; it
// returns how many it saved and, on failure, the wait the server asked for.
func (f *Poller) poll(ctx context.Context, st *feedState) (int, time.Duration, error) {
	unlock := f.lockHost(st.url)
	defer unlock()
	ctx, cancel := context.WithTimeout(ctx, feedTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, st.url, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("feed %s: %w", st.url, err)
	}
	req.Header.Set("User-Agent", "coopbot (feed reader)")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if st.etag != "" {
		req.Header.Set("If-None-Match", st.etag)
	}
	if st.lastModified != "" {
		req.Header.Set("If-Modified-Since", st.lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, 0, fmt.Errorf("feed %s: %w", st.url, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		f.log.Debug("feed not modified", "feed", st.url)
		return 0, 0, nil
	case resp.StatusCode != http.StatusOK:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return 0, retryAfter(resp.Header.Get("Retry-After")), fmt.Errorf("feed %s: status %s", st.url, resp.Status)
	}
	feed, err := gofeed.NewParser().Parse(io.LimitReader(resp.Body, maxFeedBytes))
	if err != nil {
		return 0, 0, fmt.Errorf("feed %s: parse: %w", st.url, err)
	}
	saved, err := f.save(st.url, feed)
	if err != nil {
		return saved, 0, err
	}
	// Remember the validators only once the items are saved, so that a
	// failed save fetches the whole feed again.
	st.etag, st.lastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	return saved, 0, nil
}

// lockHost takes the host's lock, so that one request at a time goes to
// each host, and returns its release.
func (f *Poller) lockHost(raw string) func() {
	host := raw
	if u, err := url.Parse(raw); err == nil {
		host = u.Host
	}
	f.mu.Lock()
	m := f.hosts[host]
	if m == nil {
		m = &sync.Mutex{}
		f.hosts[host] = m
	}
	f.mu.Unlock()
	m.Lock()
	return m.Unlock
}

// retryAfter reads a Retry-After header given in seconds, or 0.
func retryAfter(v string) time.Duration {
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 0
}

// errNoItemID is the reason an item with neither GUID nor link is skipped.
var errNoItemID = errors.New("item has neither GUID nor link")
