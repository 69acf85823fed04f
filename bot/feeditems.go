package bot

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	bolt "go.etcd.io/bbolt"
)

// feedItemVersion is the version of a stored feed item's value.
const feedItemVersion = 1

// save writes the feed's items not saved before as article files, oldest
// first, and returns how many it wrote. A feed's first poll saves its
// items but marks them seen, so they are indexed without being posted:
// the same baseline as the folder's first start.
func (f *Feeds) save(feedURL string, feed *gofeed.Feed) (int, error) {
	known, err := f.store.feedKnown(feedURL)
	if err != nil {
		return 0, err
	}
	items := slices.Clone(feed.Items)
	slices.Reverse(items) // feeds list the newest first
	slices.SortStableFunc(items, func(a, b *gofeed.Item) int { return cmp.Compare(itemTime(a).Unix(), itemTime(b).Unix()) })
	saved := 0
	for _, it := range items {
		keys := itemKeys(feedURL, it)
		if len(keys) == 0 {
			f.log.Warn("feed item skipped", "feed", feedURL, "title", it.Title, "err", errNoItemID)
			continue
		}
		seen, err := f.store.feedItemSeen(keys)
		if err != nil {
			return saved, err
		}
		if seen {
			continue
		}
		file := "feed_" + keys[0][len(keys[0])-16:] + ".txt"
		if !known {
			if err := f.store.markFilesSeen([]string{file}); err != nil {
				return saved, err
			}
		}
		if err := writeArticle(filepath.Join(f.dir, file), articleText(it)); err != nil {
			return saved, fmt.Errorf("save feed item %s: %w", file, err)
		}
		if err := f.store.recordFeedItem(keys, file); err != nil {
			return saved, err
		}
		saved++
	}
	if !known {
		f.log.Info("feed polled for the first time: its items are saved as articles but not posted", "feed", feedURL, "items", saved)
	}
	return saved, f.store.markFeedKnown(feedURL)
}

// itemKeys are the keys an item is known by: its GUID within its feed,
// and its normalised link across feeds, each as a hex SHA-256.
func itemKeys(feedURL string, it *gofeed.Item) []string {
	var keys []string
	hash := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
	if g := strings.TrimSpace(it.GUID); g != "" {
		keys = append(keys, hash("guid\x00"+feedURL+"\x00"+g))
	}
	if l := normaliseLink(it.Link); l != "" {
		keys = append(keys, hash("link\x00"+l))
	}
	return keys
}

// normaliseLink makes the links of one page compare equal: scheme and host
// in lower case, no default port, no fragment, no tracking parameters, the
// query sorted, no trailing slash.
func normaliseLink(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme, u.Host, u.Fragment, u.User = strings.ToLower(u.Scheme), strings.ToLower(u.Host), "", nil
	if u.Scheme == "http" || u.Scheme == "https" {
		u.Scheme = "https"
		u.Host = strings.TrimSuffix(strings.TrimSuffix(u.Host, ":80"), ":443")
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode() // sorted by key
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u.String()
}

// itemTime is when an item was published, or updated, or the zero time.
func itemTime(it *gofeed.Item) time.Time {
	switch {
	case it.PublishedParsed != nil:
		return *it.PublishedParsed
	case it.UpdatedParsed != nil:
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// articleText renders an item in the seed format: the title, a blank
// line, the date line (dd/mm/yyyy), then the paragraphs, and the source.
func articleText(it *gofeed.Item) string {
	title := strings.Join(strings.Fields(htmlText(it.Title)), " ")
	if title == "" {
		title = "Untitled news item"
	}
	when := itemTime(it)
	if when.IsZero() {
		when = time.Now()
	}
	body := htmlText(cmp.Or(it.Content, it.Description))
	parts := []string{title, when.UTC().Format("02/01/2006")}
	if strings.TrimSpace(body) != "" {
		parts = append(parts, body)
	}
	if it.Link != "" {
		parts = append(parts, "Source: "+strings.TrimSpace(it.Link))
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// writeArticle writes an article file atomically: under a dot-name, which
// the library and the watcher ignore, then renamed into place.
func writeArticle(path, text string) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// feedItemV1 is a saved feed item as version 1 stores it.
type feedItemV1 struct {
	File string    `json:"file"`
	At   time.Time `json:"at"`
}

// feedKey is the feed_items key that records a feed was polled once.
func feedKey(feedURL string) []byte { return []byte("feed\x00" + feedURL) }

// feedKnown reports whether the feed was polled successfully before.
func (s *Store) feedKnown(feedURL string) (bool, error) {
	known := false
	err := s.db.View(func(tx *bolt.Tx) error {
		known = tx.Bucket(bucketFeedItems).Get(feedKey(feedURL)) != nil
		return nil
	})
	return known, err
}

// markFeedKnown records that the feed was polled successfully.
func (s *Store) markFeedKnown(feedURL string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFeedItems).Put(feedKey(feedURL), []byte{feedItemVersion})
	})
}

// feedItemSeen reports whether an item with any of keys was saved.
func (s *Store) feedItemSeen(keys []string) (bool, error) {
	seen := false
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeedItems)
		for _, k := range keys {
			seen = seen || b.Get([]byte(k)) != nil
		}
		return nil
	})
	return seen, err
}

// recordFeedItem records that the item with keys was saved as file.
func (s *Store) recordFeedItem(keys []string, file string) error {
	v, err := json.Marshal(feedItemV1{File: file, At: time.Now().UTC()})
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, k := range keys {
			if err := tx.Bucket(bucketFeedItems).Put([]byte(k), append([]byte{feedItemVersion}, v...)); err != nil {
				return err
			}
		}
		return nil
	})
}

// markFilesSeen records files as seen, so that they are never posted.
func (s *Store) markFilesSeen(files []string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, f := range files {
			if err := markSeen(tx.Bucket(bucketSeen), f, time.Now()); err != nil {
				return err
			}
		}
		return nil
	})
}
