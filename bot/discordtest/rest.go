package discordtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// route is one REST route of the fake: a method and a path pattern after
// /api/v{N}, in which {name} matches one segment.
type route struct {
	method  string
	pattern string
	noAuth  bool // webhook and interaction routes need no bot token
	handle  func(w http.ResponseWriter, r *restRequest)
}

// restRequest is a REST request as the route handlers see it.
type restRequest struct {
	*http.Request
	body   []byte
	params map[string]string
}

func (s *Server) restRoutes() []route {
	const (
		global = "/applications/{application_id}/commands"
		guild  = "/applications/{application_id}/guilds/{guild_id}/commands"
		hook   = "/webhooks/{webhook_id}/{webhook_token}"
	)
	return []route{
		{"GET", "/gateway", true, s.getGateway},
		{"GET", "/gateway/bot", false, s.getGateway},
		{"GET", global, false, s.listCommands},
		{"PUT", global, false, s.overwriteCommands},
		{"POST", global, false, s.createCommand},
		{"GET", global + "/{command_id}", false, s.getCommand},
		{"PATCH", global + "/{command_id}", false, s.editCommand},
		{"DELETE", global + "/{command_id}", false, s.deleteCommand},
		{"GET", guild, false, s.listCommands},
		{"PUT", guild, false, s.overwriteCommands},
		{"POST", guild, false, s.createCommand},
		{"GET", guild + "/{command_id}", false, s.getCommand},
		{"PATCH", guild + "/{command_id}", false, s.editCommand},
		{"DELETE", guild + "/{command_id}", false, s.deleteCommand},
		{"POST", "/interactions/{interaction_id}/{interaction_token}/callback", true, s.callback},
		{"POST", hook, true, s.createFollowup},
		{"GET", hook + "/messages/@original", true, s.getWebhookMessage},
		{"PATCH", hook + "/messages/@original", true, s.editWebhookMessage},
		{"DELETE", hook + "/messages/@original", true, s.deleteWebhookMessage},
		{"GET", hook + "/messages/{message_id}", true, s.getWebhookMessage},
		{"PATCH", hook + "/messages/{message_id}", true, s.editWebhookMessage},
		{"DELETE", hook + "/messages/{message_id}", true, s.deleteWebhookMessage},
		{"GET", "/channels/{channel_id}/messages", false, s.listMessages},
		{"POST", "/channels/{channel_id}/messages", false, s.createMessage},
		{"GET", "/channels/{channel_id}/messages/{message_id}", false, s.getMessage},
		{"PATCH", "/channels/{channel_id}/messages/{message_id}", false, s.editMessage},
		{"DELETE", "/channels/{channel_id}/messages/{message_id}", false, s.deleteMessage},
	}
}

// matchPattern reports whether path matches pattern, and its parameters.
func matchPattern(pattern, path string) (map[string]string, bool) {
	ps, rs := strings.Split(strings.Trim(pattern, "/"), "/"), strings.Split(strings.Trim(path, "/"), "/")
	if len(ps) != len(rs) {
		return nil, false
	}
	params := map[string]string{}
	for i, p := range ps {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") && rs[i] != "" {
			params[p[1:len(p)-1]] = rs[i]
		} else if p != rs[i] {
			return nil, false
		}
	}
	return params, true
}

// apiPath strips /api/v9 or /api/v10 from a request path.
func apiPath(p string) (string, bool) {
	for _, prefix := range []string{"/api/v9/", "/api/v10/"} {
		if strings.HasPrefix(p, prefix) {
			return p[len(prefix)-1:], true
		}
	}
	return p, false
}

// serveREST answers every request but the gateway's websocket: faults,
// rate limits, route, authorization, spec validation, then the handler.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := &recorder{ResponseWriter: w}
	start := time.Now()
	path, versioned := apiPath(r.URL.Path)
	var rt *route
	var params map[string]string
	for i := range s.routes {
		if p, ok := matchPattern(s.routes[i].pattern, path); ok && versioned && s.routes[i].method == r.Method {
			rt, params = &s.routes[i], p
			break
		}
	}
	name := ""
	if rt != nil {
		name = rt.method + " " + rt.pattern
	}
	defer func() { s.record(r, body, name, rec, start) }()

	if !s.rateLimit(rec, rt, params) || s.injectFault(rec, r.Method, path) {
		return
	}
	if rt == nil {
		s.fail(rec, http.StatusNotFound, 0, "404: Not Found", nil, "%s %s: no such route", r.Method, r.URL.Path)
		return
	}
	if !rt.noAuth && !s.authorized(r.Header.Get("Authorization")) {
		s.fail(rec, http.StatusUnauthorized, 0, "401: Unauthorized", nil,
			"%s %s: Authorization header %q, want \"Bot <token>\"", r.Method, r.URL.Path, r.Header.Get("Authorization"))
		return
	}
	if s.spec != nil {
		if errs := s.spec.validate(r, body); len(errs) > 0 {
			s.invalidForm(rec, r, errs)
			return
		}
	}
	rt.handle(rec, &restRequest{Request: r, body: body, params: params})
}

func (s *Server) authorized(header string) bool {
	token, ok := strings.CutPrefix(header, "Bot ")
	if !ok || token == "" {
		return false
	}
	return s.opts.token == "" || token == strings.TrimPrefix(s.opts.token, "Bot ")
}

func (s *Server) getGateway(w http.ResponseWriter, r *restRequest) {
	out := map[string]any{"url": s.GatewayURL}
	if strings.HasSuffix(r.URL.Path, "/bot") {
		out["shards"] = 1
		out["session_start_limit"] = map[string]int{"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}
	}
	writeJSON(w, http.StatusOK, out)
}

// writeJSON answers with v as JSON, or with no content when v is nil.
func writeJSON(w http.ResponseWriter, status int, v any) {
	if v == nil {
		w.WriteHeader(status)
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// discordError is the body of Discord's error answers.
type discordError struct {
	Code    int            `json:"code"`
	Errors  map[string]any `json:"errors,omitempty"`
	Message string         `json:"message"`
}

// fail answers with Discord's error shape and reports the rejection.
func (s *Server) fail(w http.ResponseWriter, status, code int, message string, errs map[string]any, format string, args ...any) {
	s.t.Helper()
	writeJSON(w, status, discordError{Code: code, Errors: errs, Message: message})
	s.reject(format, args...)
}

// recorder keeps the status and body of an answer for Requests.
type recorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}
