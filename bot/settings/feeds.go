package settings

import (
	"fmt"
	"net/url"
	"strconv"
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
	// DefaultFeedMaxNew is how many new items of one feed a poll saves
	// when COOPBOT_FEED_MAX_NEW is not set.
	DefaultFeedMaxNew = 50
	// MaxFeedMaxNew bounds COOPBOT_FEED_MAX_NEW.
	MaxFeedMaxNew = 1000
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
			return nil, 0, fmt.Errorf("%s has %s, not an absolute http or https URL: list the feeds' URLs separated by commas, such as https://example.edu/news/rss", EnvFeeds, quote(RedactURL(f)))
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

// parseFeedMaxNew reads COOPBOT_FEED_MAX_NEW, how many new items of one
// feed a poll saves at most (empty: DefaultFeedMaxNew).
func parseFeedMaxNew(v string) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return DefaultFeedMaxNew, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > MaxFeedMaxNew {
		return 0, fmt.Errorf("%s is %s, not a whole number from 1 to %d (the new items of one feed a poll saves; default %d)",
			EnvFeedMaxNew, quote(v), MaxFeedMaxNew, DefaultFeedMaxNew)
	}
	return n, nil
}
