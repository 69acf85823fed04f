package feeds

import "testing"

func TestNormaliseLink(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Scheme, host case, default port, fragment, tracking, trailing slash.
		{"http://UNI.example:80/news/a1/?utm_source=rss&id=2#top", "https://uni.example/news/a1?id=2"},
		// The query is sorted.
		{"https://uni.example/n?b=2&a=1", "https://uni.example/n?a=1&b=2"},
		// Not a link.
		{"news/a1", ""},
		{"", ""},
	} {
		if got := normaliseLink(tc.in); got != tc.want {
			t.Errorf("normaliseLink(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Paragraphs, inline tags, entities, scripts.
		{"<p>One <b>bold</b> &amp; two.</p><p>Three.</p><script>x()</script>", "One bold & two.\n\nThree."},
		// Line breaks and lists.
		{"a<br>b<ul><li>c</li><li>d</li></ul>", "a\n\nb\n\nc\n\nd"},
		// Plain text keeps its paragraphs.
		{"First  line.\n\nSecond.", "First line.\n\nSecond."},
	} {
		if got := htmlText(tc.in); got != tc.want {
			t.Errorf("htmlText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
