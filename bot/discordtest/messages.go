package discordtest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// nonceWindow is how long enforce_nonce deduplicates ("a few minutes").
const nonceWindow = 2 * time.Minute

type nonceEntry struct {
	msg  *discordgo.Message
	sent time.Time
}

// Messages returns the messages in a channel, oldest first: those the bot
// posted and the non-ephemeral answers to interactions in it.
func (s *Server) Messages(channelID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*discordgo.Message(nil), s.messages[channelID]...)
}

// messageJSON is msg as Discord sends it: discordgo does not marshal
// Message.Components.
func messageJSON(msg *discordgo.Message) map[string]any {
	var out map[string]any
	b, _ := json.Marshal(msg)
	json.Unmarshal(b, &out)
	comps := msg.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	out["components"] = comps
	return out
}

// createMessage posts a channel message; a repeated nonce with
// enforce_nonce returns the first message instead of posting again.
func (s *Server) createMessage(w http.ResponseWriter, r *restRequest) {
	m, ok := s.decodeBody(w, r)
	if !ok {
		return
	}
	channel := r.params["channel_id"]
	nonce := ""
	if len(m.Nonce) > 0 && string(m.Nonce) != "null" {
		if err := json.Unmarshal(m.Nonce, &nonce); err != nil {
			nonce = string(m.Nonce) // an integer nonce
		}
		if n := utf8.RuneCountInString(nonce); n > 25 {
			s.fail(w, http.StatusBadRequest, 50035, "Invalid Form Body",
				map[string]any{"nonce": map[string]any{"_errors": []any{map[string]string{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 25 or fewer in length."}}}},
				"%s %s: nonce of %d characters, limit 25", r.Method, r.URL.Path, n)
			return
		}
	}
	msg := s.newMessage(channel, m)
	if !s.checkMessage(w, r, msg, m.files) {
		return
	}
	s.mu.Lock()
	key := channel + "/" + nonce
	if e, ok := s.nonces[key]; ok && m.EnforceNonce && nonce != "" && s.now().Sub(e.sent) < nonceWindow {
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, messageJSON(e.msg))
		return
	}
	msg.ID = s.newID()
	s.messages[channel] = append(s.messages[channel], msg)
	if nonce != "" {
		s.nonces[key] = nonceEntry{msg: msg, sent: s.now()}
	}
	s.notify()
	out := messageJSON(msg)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// listMessages answers newest first, as Discord does, at most limit (50).
func (s *Server) listMessages(w http.ResponseWriter, r *restRequest) {
	limit := 50
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 && l <= 100 {
		limit = l
	}
	msgs := s.Messages(r.params["channel_id"])
	out := []map[string]any{}
	for i := len(msgs) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, messageJSON(msgs[i]))
	}
	writeJSON(w, http.StatusOK, out)
}

// channelMessage finds a message by the route's ids. Callers hold mu.
func (s *Server) channelMessage(r *restRequest) (int, *discordgo.Message) {
	for i, m := range s.messages[r.params["channel_id"]] {
		if m.ID == r.params["message_id"] {
			return i, m
		}
	}
	return -1, nil
}

func (s *Server) unknownMessage(w http.ResponseWriter, r *restRequest) {
	s.fail(w, http.StatusNotFound, 10008, "Unknown Message", nil, "%s %s: no such message", r.Method, r.URL.Path)
}

// writeMessage answers with the message that find returns (called with mu
// held), or Discord's 10008 when it returns nil: a channel's or a
// webhook's get.
func (s *Server) writeMessage(w http.ResponseWriter, r *restRequest, find func() *discordgo.Message) {
	s.mu.Lock()
	var out map[string]any
	if m := find(); m != nil {
		out = messageJSON(m)
	}
	s.mu.Unlock()
	if out == nil {
		s.unknownMessage(w, r)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// edit applies the edit m to msg, a copy of the message, checks the result
// against Discord's limits, keeps it with keep (called with mu held), and
// answers with it: a channel's or a webhook's edit.
func (s *Server) edit(w http.ResponseWriter, r *restRequest, msg discordgo.Message, m *messageBody, keep func(*discordgo.Message)) {
	applyEdit(&msg, m)
	if !s.checkMessage(w, r, &msg, m.files) {
		return
	}
	s.mu.Lock()
	now := s.now()
	msg.EditedTimestamp = &now
	keep(&msg)
	s.notify()
	out := messageJSON(&msg)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getMessage(w http.ResponseWriter, r *restRequest) {
	s.writeMessage(w, r, func() *discordgo.Message {
		_, m := s.channelMessage(r)
		return m
	})
}

func (s *Server) editMessage(w http.ResponseWriter, r *restRequest) {
	m, ok := s.decodeBody(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	i, old := s.channelMessage(r)
	s.mu.Unlock()
	if old == nil {
		s.unknownMessage(w, r)
		return
	}
	s.edit(w, r, *old, m, func(edited *discordgo.Message) {
		if ms := s.messages[r.params["channel_id"]]; i < len(ms) && ms[i] == old {
			ms[i] = edited
		}
	})
}

func (s *Server) deleteMessage(w http.ResponseWriter, r *restRequest) {
	s.mu.Lock()
	i, m := s.channelMessage(r)
	if m != nil {
		ms := s.messages[r.params["channel_id"]]
		s.messages[r.params["channel_id"]] = append(ms[:i:i], ms[i+1:]...)
		s.notify()
	}
	s.mu.Unlock()
	if m == nil {
		s.unknownMessage(w, r)
		return
	}
	writeJSON(w, http.StatusNoContent, nil)
}
