package discordtest

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"
)

// Fault is a failure InjectFault makes a route answer with. Faults are the
// test's doing, so they never fail the test.
type Fault struct {
	// Status is the HTTP status to answer: 429, 500, 502, 403, 404...; 0
	// answers normally after Latency.
	Status int
	// Code is Discord's JSON error code, such as 50001 Missing Access,
	// 50013 Missing Permissions or 10003 Unknown Channel; 0 for none.
	Code int
	// Message is the error's message; empty picks Discord's for the code
	// or status.
	Message string
	// RetryAfter is a 429's retry_after (default 100 ms); Global marks it
	// as the global limit.
	RetryAfter time.Duration
	Global     bool
	// Latency is added before the answer.
	Latency time.Duration
	// Times is how many requests the fault applies to (default 1); -1
	// means every one.
	Times int
}

// Common faults.
var (
	// MissingAccess is Discord's 403 for a channel the bot cannot see.
	MissingAccess = Fault{Status: http.StatusForbidden, Code: 50001}
	// MissingPermissions is Discord's 403 for a channel the bot cannot post in.
	MissingPermissions = Fault{Status: http.StatusForbidden, Code: 50013}
	// UnknownChannel is Discord's 404 for a deleted channel.
	UnknownChannel = Fault{Status: http.StatusNotFound, Code: 10003}
)

var faultMessages = map[int]string{
	0:     "",
	10003: "Unknown Channel",
	10008: "Unknown Message",
	10062: "Unknown interaction",
	50001: "Missing Access",
	50013: "Missing Permissions",
}

type faultRule struct {
	method, pattern string // pattern "" matches any path
	f               Fault
	left            int // -1 for ever
}

// InjectFault makes the requests matching route fail with f. route is a
// method and a path pattern after /api/v{N}, where {name} matches one
// segment: "POST /channels/{id}/messages"; "POST *" or "*" match every
// path (for a global 429). Faults apply in the order injected.
func (s *Server) InjectFault(route string, f Fault) {
	method, pattern, _ := strings.Cut(strings.TrimSpace(route), " ")
	if pattern == "*" || method == "*" {
		pattern = ""
	}
	if f.Times == 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &faultRule{method: method, pattern: pattern, f: f, left: f.Times})
}

// injectFault answers a request with the first fault matching it, if any,
// and reports whether it did.
func (s *Server) injectFault(w http.ResponseWriter, method, path string) bool {
	s.mu.Lock()
	var f *Fault
	for _, rule := range s.faults {
		if rule.left == 0 || (rule.method != "*" && rule.method != method) {
			continue
		}
		if _, ok := matchPattern(rule.pattern, path); rule.pattern != "" && !ok {
			continue
		}
		if rule.left > 0 {
			rule.left--
		}
		f = &rule.f
		break
	}
	s.mu.Unlock()
	if f == nil {
		return false
	}
	time.Sleep(f.Latency)
	switch {
	case f.Status == 0:
		return false
	case f.Status == http.StatusTooManyRequests:
		retry := f.RetryAfter
		if retry == 0 {
			retry = 100 * time.Millisecond
		}
		tooMany(w, retry, f.Global)
		return true
	}
	msg := f.Message
	if msg == "" {
		msg = faultMessages[f.Code]
	}
	if msg == "" {
		msg = fmt.Sprintf("%d: %s", f.Status, http.StatusText(f.Status))
	}
	writeJSON(w, f.Status, discordError{Code: f.Code, Message: msg})
	return true
}

// tooMany answers Discord's 429.
func tooMany(w http.ResponseWriter, retry time.Duration, global bool) {
	h := w.Header()
	h.Set("Retry-After", fmt.Sprint(int(math.Ceil(retry.Seconds()))))
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset-After", fmt.Sprintf("%.3f", retry.Seconds()))
	h.Set("X-RateLimit-Scope", "user")
	if global {
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
	}
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": retry.Seconds(), "global": global,
	})
}
