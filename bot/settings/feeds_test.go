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
