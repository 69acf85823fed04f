package discordtest

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// checkMessage checks msg, as created or edited, and the files of its
// request against Discord's limits; when it breaks one, it answers as
// Discord does and reports it.
func (s *Server) checkMessage(w http.ResponseWriter, r *restRequest, msg *discordgo.Message, files int) bool {
	s.t.Helper()
	var ps problems
	ps.checkMessage(jsonOf(messageJSON(msg)), "", files, true)
	return s.checkLimits(w, r, ps)
}

// checkCommand checks one command definition, at prefix in the request
// ("3." in a bulk overwrite), against Discord's rules.
func (s *Server) checkCommand(w http.ResponseWriter, r *restRequest, c *discordgo.ApplicationCommand, prefix string) bool {
	s.t.Helper()
	var ps problems
	ps.checkCommand(jsonOf(c), prefix)
	return s.checkLimits(w, r, ps)
}

// checkCallback checks an interaction response as the bot sent it (JSON,
// or multipart with payload_json) against Discord's limits.
func checkCallback(contentType string, body []byte) problems {
	payload, files := splitMultipart(contentType, body)
	var resp any
	json.Unmarshal(payload, &resp)
	var ps problems
	ps.checkResponse(resp, files)
	return ps
}

// jsonOf returns v as encoding/json decodes its JSON into an any.
func jsonOf(v any) any {
	b, _ := json.Marshal(v)
	var out any
	json.Unmarshal(b, &out)
	return out
}

// String lists the problems as "path: problem; ...".
func (ps problems) String() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = strings.TrimPrefix(p.Path+": "+p.Problem, ": ")
	}
	return strings.Join(lines, "; ")
}

// checkLimits answers a request with problems as Discord does: 50006 for
// an empty message, else 50035 with the fields at fault; it reports
// whether there were none.
func (s *Server) checkLimits(w http.ResponseWriter, r *restRequest, ps problems) bool {
	s.t.Helper()
	if len(ps) == 0 {
		return true
	}
	if len(ps) == 1 && ps[0].Problem == emptyMessage {
		s.fail(w, http.StatusBadRequest, 50006, "Cannot send an empty message", nil,
			"%s %s: empty message", r.Method, r.URL.Path)
		return false
	}
	s.fail(w, http.StatusBadRequest, 50035, "Invalid Form Body", formErrors(ps),
		"%s %s: limits: %s", r.Method, r.URL.Path, ps)
	return false
}

// invalidForm answers a request that breaks the spec.
func (s *Server) invalidForm(w http.ResponseWriter, r *http.Request, ps problems) {
	s.t.Helper()
	s.fail(w, http.StatusBadRequest, 50035, "Invalid Form Body", formErrors(ps),
		"%s %s: spec: %s", r.Method, r.URL.Path, ps)
}

// formErrors files each problem under its path ("embeds[0].title") in
// Discord's nested errors object: {"embeds":{"0":{"title":{"_errors":[...]}}}}.
func formErrors(ps problems) map[string]any {
	errs := map[string]any{}
	for _, p := range ps {
		node := errs
		for _, key := range strings.FieldsFunc(p.Path, func(r rune) bool { return r == '.' || r == '[' || r == ']' || r == '/' }) {
			next, ok := node[key].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[key] = next
			}
			node = next
		}
		list, _ := node["_errors"].([]any)
		node["_errors"] = append(list, map[string]string{"code": "BASE_TYPE_INVALID", "message": p.Problem})
	}
	return errs
}
