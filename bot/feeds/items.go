package feeds

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/coopbot/coopbot/knowledge/article"
)

// save writes the feed's items not saved before as article files, oldest
// first, and returns how many it wrote. Only the newest maxNew new items
// are saved; the older ones, and any item whose article would be over
// article.MaxArticleBytes, are recorded as passed over, so that no later
// poll saves them either. A feed's first poll saves its items but marks
// them seen, so they are indexed without being posted: the same baseline
// as the folder's first start.
func (f *Poller) save(st *feedState, feed *gofeed.Feed) (int, error) {
	known, err := f.store.FeedKnown(st.url)
	if err != nil {
		return 0, err
	}
	fresh, err := f.newItems(st, feed)
	if err != nil {
		return 0, err
	}
	if held := len(fresh) - f.maxNew; held > 0 {
		for _, it := range fresh[:held] {
			if err := f.store.RecordFeedItem(it.keys, ""); err != nil {
				return 0, err
			}
		}
		f.log.Warn("feed items held back: a poll saves only the newest new items of a feed (COOPBOT_FEED_MAX_NEW)",
			"feed", st.name, "new", len(fresh), "saved", f.maxNew, "held_back", held)
		fresh = fresh[held:]
	}
	root, err := os.OpenRoot(f.dir)
	if err != nil {
		return 0, fmt.Errorf("open the articles folder: %w", err)
	}
	defer root.Close()
	saved := 0
	for _, it := range fresh {
		file := "feed_" + it.keys[0][len(it.keys[0])-16:] + ".txt"
		text := articleText(it.item)
		if len(text) > article.MaxArticleBytes {
			f.log.Warn("feed item skipped: its article would be over the size limit", "feed", st.name,
				"title", oneLine(it.item.Title, 100), "bytes", len(text), "limit", article.MaxArticleBytes)
			if err := f.store.RecordFeedItem(it.keys, ""); err != nil {
				return saved, err
			}
			continue
		}
		if !known {
			if err := f.store.MarkFilesSeen([]string{file}); err != nil {
				return saved, err
			}
		}
		if err := writeArticle(root, file, text); err != nil {
			return saved, fmt.Errorf("save feed item %s: %w", file, err)
		}
		if err := f.store.RecordFeedItem(it.keys, file); err != nil {
			return saved, err
		}
		saved++
	}
	if !known {
		f.log.Info("feed polled for the first time: its items are saved as articles but not posted", "feed", st.name, "items", saved)
	}
	return saved, f.store.MarkFeedKnown(st.url)
}

// feedItem is an item of a feed with the keys it is known by.
type feedItem struct {
	item *gofeed.Item
	keys []string
}

// newItems returns the feed's items not saved or passed over before,
// oldest first; items with neither GUID nor link are logged and left out.
func (f *Poller) newItems(st *feedState, feed *gofeed.Feed) ([]feedItem, error) {
	items := slices.Clone(feed.Items)
	slices.Reverse(items) // feeds list the newest first
	slices.SortStableFunc(items, func(a, b *gofeed.Item) int { return itemTime(a).Compare(itemTime(b)) })
	var fresh []feedItem
	for _, it := range items {
		if it == nil {
			continue
		}
		keys := itemKeys(st.url, it)
		if len(keys) == 0 {
			f.log.Warn("feed item skipped", "feed", st.name, "title", oneLine(it.Title, 100), "err", errNoItemID)
			continue
		}
		seen, err := f.store.FeedItemSeen(keys)
		if err != nil {
			return nil, err
		}
		if !seen {
			fresh = append(fresh, feedItem{item: it, keys: keys})
		}
	}
	return fresh, nil
}

// oneLine is s on one line, cut to n bytes, for the log.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "…"
	}
	return s
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
// query sorted, no trailing slashes. Normalising a normal link changes
// nothing.
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
	if u.Host == "" { // "https://:443": no page, and no key
		return ""
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode() // sorted by key
	u.Path = strings.TrimRight(u.Path, "/")
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

// writeArticle writes an article file into the articles folder root,
// atomically: under a dot-name, which the library and the watcher ignore,
// then renamed into place. Both names stay inside the folder, and the
// dot-name is created afresh, so that a link planted under either name
// cannot make the write land outside it.
func writeArticle(root *os.Root, name, text string) error {
	tmp := "." + name + ".tmp"
	if err := root.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	w, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}
