package discordtest

import (
	"fmt"
	"hash/fnv"
	"net/http"
	"strconv"
	"time"
)

// bucket counts the requests of one rate-limit window.
type bucket struct {
	start time.Time
	count int
}

// take counts one request in a window of the given length, starting a new
// window when the last one ended. Callers hold mu.
func (b *bucket) take(now time.Time, window time.Duration) {
	if now.Sub(b.start) >= window {
		b.start, b.count = now, 0
	}
	b.count++
}

// rateLimit sets Discord's rate-limit headers on the answer and, with
// WithRateLimits, answers 429 when a limit is reached; it reports whether
// the request goes on. Buckets are per route and major parameter (channel,
// guild, webhook); windows run on the real clock, which the client sleeps on.
func (s *Server) rateLimit(w http.ResponseWriter, rt *route, params map[string]string) bool {
	key, limit, window := "unknown", 1000, time.Second
	exempt := false
	if rt != nil {
		key = rt.method + " " + rt.pattern
		exempt = rt.pattern == "/interactions/{interaction_id}/{interaction_token}/callback"
	}
	if s.opts.rateLimits {
		limit = 50
		if key == "POST /channels/{channel_id}/messages" {
			limit, window = 5, 5*time.Second
		}
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	bucketID := fmt.Sprintf("%016x", h.Sum64())
	for _, p := range []string{"channel_id", "guild_id", "webhook_token", "interaction_token"} {
		if v := params[p]; v != "" {
			key += " " + v
			break
		}
	}

	now := time.Now()
	s.mu.Lock()
	b := s.buckets[key]
	if b == nil {
		b = &bucket{}
		s.buckets[key] = b
	}
	if now.Sub(b.start) >= window {
		b.start, b.count = now, 0
	}
	if now.Sub(s.global.start) >= time.Second {
		s.global.start, s.global.count = now, 0
	}
	var retry time.Duration
	global := false
	switch {
	case !s.opts.rateLimits:
	case !exempt && s.global.count >= 50:
		retry, global = s.global.start.Add(time.Second).Sub(now), true
	case b.count >= limit:
		retry = b.start.Add(window).Sub(now)
	}
	if retry == 0 {
		b.take(now, window)
		if !exempt {
			s.global.take(now, time.Second)
		}
	}
	remaining, reset := limit-b.count, b.start.Add(window)
	s.mu.Unlock()

	hd := w.Header()
	hd.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	hd.Set("X-RateLimit-Remaining", strconv.Itoa(max(remaining, 0)))
	hd.Set("X-RateLimit-Reset", fmt.Sprintf("%.3f", float64(reset.UnixMilli())/1000))
	hd.Set("X-RateLimit-Reset-After", fmt.Sprintf("%.3f", max(reset.Sub(now), 0).Seconds()))
	hd.Set("X-RateLimit-Bucket", bucketID)
	if retry > 0 {
		tooMany(w, max(retry, time.Millisecond), global)
		return false
	}
	return true
}
