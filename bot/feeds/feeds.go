// Package feeds polls RSS and Atom feeds and saves each new item as an
// article file in the articles folder, which stays the single source of
// truth: the delivery's folder watcher then indexes and posts it.
//
// A feed's server is not trusted: the document is read up to 10 MiB, at
// most 3 redirects are followed and only to http or https, a Retry-After
// is honoured up to 24 hours, at most a set number of new items are saved
// per poll, and every file is written inside the articles folder through
// an os.Root. A feed's URL may carry a password: the log shows it redacted.
package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/coopbot/coopbot/bot/settings"
)

// Limits of feed polling.
const (
	// maxFeedBytes bounds the feed document read.
	maxFeedBytes = 10 << 20
	// maxFeedBackoff is how many doublings of the interval a failing feed
	// waits at most.
	maxFeedBackoff = 4
	// maxWait bounds any wait between two polls of a feed: the backoff,
	// and the Retry-After a server asks for.
	maxWait = 24 * time.Hour
	// maxRedirects is how many redirects one request follows.
	maxRedirects = 3
	// feedTimeout bounds one feed request.
	feedTimeout = 30 * time.Second
	// DefaultMaxNewItems is how many new items of one feed a poll saves
	// when WithMaxNewItems is not given.
	DefaultMaxNewItems = 50
)

// errFeedTooLarge is the failure of a feed document over maxFeedBytes.
var errFeedTooLarge = fmt.Errorf("feed larger than %d MiB", maxFeedBytes>>20)

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
	// RecordFeedItem records that the item with keys was saved as file,
	// or, with file "", that it was passed over for good.
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
	maxNew   int
	onSave   func(ctx context.Context) error
	client   *http.Client
	log      *slog.Logger

	mu    sync.Mutex // guards hosts
	hosts map[string]*sync.Mutex
}

// An Option tunes a Poller.
type Option func(*Poller)

// WithMaxNewItems sets how many new items of one feed a poll saves at
// most (default DefaultMaxNewItems): the newest; the others are passed
// over for good, and the log says how many.
func WithMaxNewItems(n int) Option {
	return func(p *Poller) {
		if n > 0 {
			p.maxNew = n
		}
	}
}

// WithOnSave makes the poller call fn after each poll that saved items,
// such as a sync of the library when no folder watcher runs; an error is
// logged.
func WithOnSave(fn func(ctx context.Context) error) Option {
	return func(p *Poller) { p.onSave = fn }
}

// NewPoller returns a poller of urls every interval that saves new items
// in dir; client makes the requests (http.DefaultClient when nil), with
// the poller's own redirect rules.
func NewPoller(store Store, dir string, urls []string, interval time.Duration, client *http.Client, logger *slog.Logger, opts ...Option) *Poller {
	if client == nil {
		client = http.DefaultClient
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	p := &Poller{store: store, dir: dir, urls: urls, interval: interval, maxNew: DefaultMaxNewItems,
		client: client, log: logger, hosts: map[string]*sync.Mutex{}}
	for _, opt := range opts {
		opt(p)
	}
	return p
}

// Run polls every feed at once and then every interval until ctx is done.
func (f *Poller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, u := range f.urls {
		wg.Go(func() { f.follow(ctx, u) })
	}
	if len(f.urls) > 0 {
		f.log.Info("polling feeds", "feeds", len(f.urls), "interval", f.interval, "max_new_items", f.maxNew)
	}
	wg.Wait()
	return nil
}

// feedState is what a feed's poller remembers between polls.
type feedState struct {
	url          string // as configured, password included: for requests and the store only
	name         string // url with its password redacted: for the log and errors
	etag         string
	lastModified string
	movedTo      string // where the feed last redirected to, redacted
	failures     int
}

// follow polls one feed until ctx is done.
func (f *Poller) follow(ctx context.Context, u string) {
	st := &feedState{url: u, name: settings.RedactURL(u)}
	for {
		wait := f.interval
		saved, retryAfter, err := f.poll(ctx, st)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			st.failures++
			wait = max(backoff(f.interval, st.failures), retryAfter)
			f.log.Warn("feed poll failed", "feed", st.name, "failures", st.failures, "next_in", wait, "err", err)
		default:
			st.failures = 0
			if saved > 0 {
				f.log.Info("feed items saved as articles", "feed", st.name, "items", saved)
				f.saved(ctx)
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

// saved runs the onSave hook, if any, after a poll saved items.
func (f *Poller) saved(ctx context.Context) {
	if f.onSave == nil {
		return
	}
	if err := f.onSave(ctx); err != nil && ctx.Err() == nil {
		f.log.Error("after saving feed items", "err", err)
	}
}

// backoff is the wait after a feed's failures-th failure in a row: the
// interval doubled for each, up to maxFeedBackoff times, and never over
// maxWait unless the interval itself is longer.
func backoff(interval time.Duration, failures int) time.Duration {
	wait := interval
	for range min(failures, maxFeedBackoff) {
		if wait >= maxWait {
			break
		}
		wait *= 2
	}
	return min(wait, max(maxWait, interval))
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
		return 0, 0, st.fail(err)
	}
	req.Header.Set("User-Agent", "coopbot (feed reader)")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if st.etag != "" {
		req.Header.Set("If-None-Match", st.etag)
	}
	if st.lastModified != "" {
		req.Header.Set("If-Modified-Since", st.lastModified)
	}
	resp, permanent, err := f.do(req)
	if err != nil {
		return 0, 0, st.fail(err)
	}
	defer resp.Body.Close()
	f.noteMove(st, resp, permanent)
	switch {
	case resp.StatusCode == http.StatusNotModified:
		f.log.Debug("feed not modified", "feed", st.name)
		return 0, 0, nil
	case resp.StatusCode != http.StatusOK:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		wait, asked := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		if asked > maxWait {
			f.log.Warn("feed asked for a wait longer than the cap; waiting the cap", "feed", st.name, "asked", asked, "cap", maxWait)
		}
		return 0, wait, st.fail(fmt.Errorf("status %s", resp.Status))
	case resp.ContentLength > maxFeedBytes:
		return 0, 0, st.fail(errFeedTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxFeedBytes+1))
	switch {
	case err != nil:
		return 0, 0, st.fail(err)
	case len(body) > maxFeedBytes:
		return 0, 0, st.fail(errFeedTooLarge)
	}
	feed, err := ParseFeed(body)
	if err != nil {
		return 0, 0, st.fail(err)
	}
	saved, err := f.save(st, feed)
	if err != nil {
		return saved, 0, st.fail(err)
	}
	// Remember the validators only once the items are saved, so that a
	// failed save fetches the whole feed again.
	st.etag, st.lastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	return saved, 0, nil
}

// ParseFeed parses an RSS, Atom or JSON feed document.
func ParseFeed(body []byte) (*gofeed.Feed, error) {
	feed, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return feed, nil
}

// do sends req with the poller's client, following at most maxRedirects
// redirects and only to http or https; it reports whether every redirect
// followed was permanent (301 or 308).
func (f *Poller) do(req *http.Request) (*http.Response, bool, error) {
	permanent := true
	c := *f.client // a copy, so that each request has its own redirect rule
	c.CheckRedirect = func(next *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return fmt.Errorf("more than %d redirects", maxRedirects)
		}
		if next.URL.Scheme != "http" && next.URL.Scheme != "https" {
			return fmt.Errorf("redirected to a %q URL; only http and https are followed", next.URL.Scheme)
		}
		if r := next.Response; r != nil && r.StatusCode != http.StatusMovedPermanently && r.StatusCode != http.StatusPermanentRedirect {
			permanent = false
		}
		return nil
	}
	resp, err := c.Do(req)
	return resp, permanent, err
}

// noteMove logs when a feed's answer came from another URL than the one
// configured, once each time the place changes.
func (f *Poller) noteMove(st *feedState, resp *http.Response, permanent bool) {
	final := ""
	if resp.Request != nil && resp.Request.URL.String() != st.url {
		final = resp.Request.URL.Redacted()
	}
	if final == st.movedTo {
		return
	}
	st.movedTo = final
	switch {
	case final == "":
		f.log.Info("feed answers at its own URL again", "feed", st.name)
	case permanent:
		f.log.Warn("feed moved for good: put its new URL in COOPBOT_FEEDS", "feed", st.name, "to", final)
	default:
		f.log.Info("feed redirected", "feed", st.name, "to", final)
	}
}

// fail wraps a poll's failure with the feed's redacted URL, and with the
// password taken out of any message that quotes the URL in full.
func (st *feedState) fail(err error) error {
	return &feedError{feed: st.name, err: err, secret: settings.URLPassword(st.url)}
}

// feedError is a failed poll; its message never holds the feed's password.
type feedError struct {
	feed, secret string
	err          error
}

func (e *feedError) Error() string {
	msg := "feed " + e.feed + ": " + e.err.Error()
	if e.secret != "" {
		msg = strings.ReplaceAll(msg, e.secret, settings.Redacted)
	}
	return msg
}
func (e *feedError) Unwrap() error { return e.err }

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

// retryAfter reads a Retry-After header, in seconds or as an HTTP date,
// and returns the wait to honour, at most maxWait, with the wait asked.
func retryAfter(v string, now time.Time) (wait, asked time.Duration) {
	if n, err := strconv.ParseUint(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		asked = math.MaxInt64 // saturate rather than overflow
		if err == nil && n <= math.MaxInt64/uint64(time.Second) {
			asked = time.Duration(n) * time.Second
		}
	} else if t, err := http.ParseTime(v); err == nil {
		asked = max(t.Sub(now), 0)
	}
	return min(asked, maxWait), asked
}

// errNoItemID is the reason an item with neither GUID nor link is skipped.
var errNoItemID = errors.New("item has neither GUID nor link")
