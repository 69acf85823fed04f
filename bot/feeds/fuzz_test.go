package feeds

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/coopbot/coopbot/knowledge/article"
)

// FuzzHTMLText turns any HTML into paragraphs: a script's or a style's
// text never survives, paragraphs are separated by one blank line, and
// each is one line with single spaces, none empty.
func FuzzHTMLText(f *testing.F) {
	const marker = "track-me-script"
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64<<10 || strings.Contains(s, marker) {
			return
		}
		out := htmlText("<script>" + marker + "()</script><style>." + marker + "{}</style>" + s)
		if out == "" {
			return
		}
		for _, p := range strings.Split(out, "\n\n") {
			if p == "" || p != strings.Join(strings.Fields(p), " ") {
				t.Fatalf("htmlText(%q) has the paragraph %q; want one tidy line", s, p)
			}
		}
		if strings.Contains(out, marker) {
			t.Fatalf("htmlText(%q) = %q keeps a script's text", s, out)
		}
	})
}

// FuzzNormaliseLink normalises any link: the result parses, has no
// fragment, user information or utm_ parameter, and normalises to itself,
// so that one page's links compare equal however often they are read.
func FuzzNormaliseLink(f *testing.F) {
	f.Fuzz(func(t *testing.T, raw string) {
		n := normaliseLink(raw)
		if n == "" {
			return
		}
		u, err := url.Parse(n)
		if err != nil || u.Host == "" || u.Fragment != "" || u.User != nil {
			t.Fatalf("normaliseLink(%q) = %q, which is not a normal link (%v)", raw, n, err)
		}
		for k := range u.Query() {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				t.Fatalf("normaliseLink(%q) = %q keeps %s", raw, n, k)
			}
		}
		if again := normaliseLink(n); again != n {
			t.Fatalf("normaliseLink(%q) = %q, but normaliseLink(%q) = %q", raw, n, n, again)
		}
	})
}

// FuzzItemKeys keys any item: one key for a GUID, one for a link, each a
// hex SHA-256, the same for the same item, and the link's key the same
// in every feed.
func FuzzItemKeys(f *testing.F) {
	f.Fuzz(func(t *testing.T, feedURL, guid, link string) {
		it := &gofeed.Item{GUID: guid, Link: link}
		keys := itemKeys(feedURL, it)
		want := 0
		if strings.TrimSpace(guid) != "" {
			want++
		}
		if normaliseLink(link) != "" {
			want++
		}
		if len(keys) != want {
			t.Fatalf("itemKeys(%q, %q, %q) = %q; want %d keys", feedURL, guid, link, keys, want)
		}
		for _, k := range keys {
			if len(k) != 64 || strings.Trim(k, "0123456789abcdef") != "" {
				t.Fatalf("itemKeys() = %q; want hex SHA-256s", keys)
			}
		}
		again := itemKeys(feedURL, &gofeed.Item{GUID: guid, Link: link})
		if strings.Join(again, ",") != strings.Join(keys, ",") {
			t.Fatalf("itemKeys() = %q, then %q", keys, again)
		}
		if other := itemKeys(feedURL+"/other", &gofeed.Item{Link: link}); len(other) > 0 && other[0] != keys[len(keys)-1] {
			t.Fatalf("the link %q keys %q in one feed and %q in another", link, keys, other)
		}
	})
}

// FuzzFeedToArticle parses any feed document and writes each item as the
// poller would: the article text is valid UTF-8 in the seed format, and
// the library reads it back with the item's title, or skips it for a
// reason it names.
func FuzzFeedToArticle(f *testing.F) {
	f.Fuzz(func(t *testing.T, doc []byte) {
		if len(doc) > 256<<10 {
			return
		}
		feed, err := ParseFeed(doc)
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it == nil {
				continue
			}
			text := articleText(it)
			if !utf8.ValidString(text) {
				t.Fatalf("articleText(%+v) = %q: not valid UTF-8", it, text)
			}
			if len(text) > article.MaxArticleBytes {
				continue // save skips it before writing
			}
			a, err := article.Read("feed_x.txt", []byte(text))
			if err != nil {
				var ae *article.ArticleError
				if !errors.As(err, &ae) || ae.Reason == "" {
					t.Fatalf("article.Read(%q) = %v; want a reason", text, err)
				}
				t.Fatalf("article.Read(%q) = %v; want the item's article", text, err)
			}
			if a.Title == "" || !utf8.ValidString(a.Title) {
				t.Fatalf("article.Read(%q) = title %q", text, a.Title)
			}
		}
	})
}
