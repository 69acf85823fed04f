package feeds

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// save writes the feed's items not saved before as article files, oldest
// first, and returns how many it wrote. A feed's first poll saves its
// items but marks them seen, so they are indexed without being posted:
// the same baseline as the folder's first start.
func (f *Poller) save(feedURL string, feed *gofeed.Feed) (int, error) {
	known, err := f.store.FeedKnown(feedURL)
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
		seen, err := f.store.FeedItemSeen(keys)
		if err != nil {
			return saved, err
		}
		if seen {
			continue
		}
		file := "feed_" + keys[0][len(keys[0])-16:] + ".txt"
		if !known {
			if err := f.store.MarkFilesSeen([]string{file}); err != nil {
				return saved, err
			}
		}
		if err := writeArticle(filepath.Join(f.dir, file), articleText(it)); err != nil {
			return saved, fmt.Errorf("save feed item %s: %w", file, err)
		}
		if err := f.store.RecordFeedItem(keys, file); err != nil {
			return saved, err
		}
		saved++
	}
	if !known {
		f.log.Info("feed polled for the first time: its items are saved as articles but not posted", "feed", feedURL, "items", saved)
	}
	return saved, f.store.MarkFeedKnown(feedURL)
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
