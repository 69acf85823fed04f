package settings

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseFeeds(t *testing.T) {
	for _, tc := range []struct {
		feeds, interval string
		want            []string
		wantInterval    time.Duration
		err             string // the setting the error names; "" for none
	}{
		// Nothing set: no feeds, the default interval.
		{"", "", nil, DefaultFeedInterval, ""},
		// Two feeds with spaces and a repeat, and an interval.
		{" https://a.example/rss , http://b.example/atom.xml,https://a.example/rss,", "1h", []string{"https://a.example/rss", "http://b.example/atom.xml"}, time.Hour, ""},
		// Not a URL.
		{"a.example/rss", "", nil, 0, EnvFeeds},
		// Another scheme.
		{"ftp://a.example/rss", "", nil, 0, EnvFeeds},
		// Not a duration, and too short.
		{"", "fifteen", nil, 0, EnvFeedInterval},
		{"", "1s", nil, 0, EnvFeedInterval},
	} {
		got, d, err := parseFeeds(tc.feeds, tc.interval)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("parseFeeds(%q, %q) = %v; want an error naming %s", tc.feeds, tc.interval, err, tc.err)
		case tc.err == "" && (err != nil || !slices.Equal(got, tc.want) || d != tc.wantInterval):
			t.Errorf("parseFeeds(%q, %q) = %q, %s, %v; want %q, %s", tc.feeds, tc.interval, got, d, err, tc.want, tc.wantInterval)
		}
	}
}

func TestParseFeedMaxNew(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		err  bool
	}{
		{"", DefaultFeedMaxNew, false},
		{" 10 ", 10, false},
		{"1000", 1000, false},
		{"0", 0, true},
		{"1001", 0, true},
		{"-3", 0, true},
		{"fifty", 0, true},
	} {
		got, err := parseFeedMaxNew(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("parseFeedMaxNew(%q) = %d, %v; want %d, error %v", tc.in, got, err, tc.want, tc.err)
		}
		if err != nil && !strings.Contains(err.Error(), EnvFeedMaxNew) {
			t.Errorf("parseFeedMaxNew(%q) = %v; want an error naming %s", tc.in, err, EnvFeedMaxNew)
		}
	}
}

// A feed URL that the settings refuse is quoted without its password.
func TestBadFeedURLRedacted(t *testing.T) {
	for _, feeds := range []string{
		"ftp://reader:hunter2-password@news.example/rss",
		"https://reader:hunter2-password@news.example:port/rss", // does not parse
	} {
		_, _, err := parseFeeds(feeds, "")
		if err == nil || strings.Contains(err.Error(), "hunter2-password") || !strings.Contains(err.Error(), "news.example") {
			t.Errorf("parseFeeds(%q) = %v; want an error naming the feed without its password", feeds, err)
		}
	}
}

func TestRedactURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://reader:pw@news.example/rss", "https://reader:xxxxx@news.example/rss"},
		{"https://news.example/rss?k=v", "https://news.example/rss?k=v"},
		{"https://reader@news.example/rss", "https://reader@news.example/rss"},
		// Does not parse: the whole user information goes.
		{"https://reader:pw@news.example:port/rss", "https://[redacted]@news.example:port/rss"},
	} {
		if got := RedactURL(tc.in); got != tc.want {
			t.Errorf("RedactURL(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	if got := URLPassword("https://reader:pw@news.example/rss"); got != "pw" {
		t.Errorf("URLPassword() = %q; want pw", got)
	}
}
