package settings

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Bounds of COOPBOT_FEED_INTERVAL.
const (
	// DefaultFeedInterval is how often feeds are polled when
	// COOPBOT_FEED_INTERVAL is not set.
	DefaultFeedInterval = 15 * time.Minute
	// MinFeedInterval keeps the polling polite to the feeds' hosts.
	MinFeedInterval = 10 * time.Second
)

// parseFeeds reads COOPBOT_FEEDS, comma-separated absolute http or https
// URLs (empty: no feeds), and COOPBOT_FEED_INTERVAL, a Go duration such as
// 15m (empty: DefaultFeedInterval).
func parseFeeds(feeds, interval string) ([]string, time.Duration, error) {
	var urls []string
	seen := map[string]bool{}
	for _, f := range strings.Split(feeds, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		u, err := url.Parse(f)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, 0, fmt.Errorf("%s has %s, not an absolute http or https URL: list the feeds' URLs separated by commas, such as https://example.edu/news/rss", EnvFeeds, quote(f))
		}
		if !seen[u.String()] {
			seen[u.String()] = true
			urls = append(urls, u.String())
		}
	}
	d := DefaultFeedInterval
	if v := strings.TrimSpace(interval); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil || d < MinFeedInterval {
			return nil, 0, fmt.Errorf("%s is %s, not a duration of at least %s (such as 15m or 1h)", EnvFeedInterval, quote(v), MinFeedInterval)
		}
	}
	return urls, d, nil
}
