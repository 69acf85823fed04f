package discordtest

import (
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// hookInteraction finds the interaction behind an interaction webhook and
// checks its token's age; it answers the failure itself.
func (s *Server) hookInteraction(w http.ResponseWriter, r *restRequest) *interaction {
	s.t.Helper()
	s.mu.Lock()
	it := s.byToken[r.params["webhook_token"]]
	s.mu.Unlock()
	switch {
	case it == nil || r.params["webhook_id"] != s.AppID:
		s.fail(w, http.StatusNotFound, 10015, "Unknown Webhook", nil, "%s %s: unknown webhook", r.Method, r.URL.Path)
		return nil
	case s.now().Sub(it.created) > TokenLifetime:
		s.fail(w, http.StatusUnauthorized, 50027, "Invalid Webhook Token", nil,
			"%s %s: interaction token older than %v", r.Method, r.URL.Path, TokenLifetime)
		return nil
	}
	if !s.answered(it) {
		s.fail(w, http.StatusNotFound, 10015, "Unknown Webhook", nil,
			"%s %s: the interaction has no response yet: call back first", r.Method, r.URL.Path)
		return nil
	}
	return it
}

// answered reports whether it has its first response. An interaction
// posted over HTTP gets it when the fake has read the bot's HTTP answer,
// which may come a moment after the bot sent it and went on to edit:
// Discord too takes the answer first, so the fake waits for it, up to the
// 3 s deadline.
func (s *Server) answered(it *interaction) bool {
	deadline := time.NewTimer(CallbackDeadline)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		answered, wait, changed := it.response != nil, it.overHTTP, s.changed
		s.mu.Unlock()
		if answered || !wait {
			return answered
		}
		select {
		case <-changed:
		case <-deadline.C:
			return false
		}
	}
}

// hookMessage finds the message a webhook route names: @original or a
// followup's id. Callers hold mu.
func hookMessage(it *interaction, id string) (*discordgo.Message, int) {
	if id == "" || (it.original != nil && it.original.ID == id) {
		return it.original, -1
	}
	for i, m := range it.followups {
		if m.ID == id {
			return m, i
		}
	}
	return nil, -1
}

// createFollowup posts a followup message to an interaction.
func (s *Server) createFollowup(w http.ResponseWriter, r *restRequest) {
	it := s.hookInteraction(w, r)
	if it == nil {
		return
	}
	m, ok := s.decodeBody(w, r)
	if !ok {
		return
	}
	msg := s.newMessage(it.i.ChannelID, m)
	if !s.checkMessage(w, r, msg, m.files) {
		return
	}
	s.mu.Lock()
	msg.ID, msg.WebhookID = s.newID(), s.AppID
	it.followups = append(it.followups, msg)
	if msg.Flags&discordgo.MessageFlagsEphemeral == 0 && msg.ChannelID != "" {
		s.messages[msg.ChannelID] = append(s.messages[msg.ChannelID], msg)
	}
	s.notify()
	out := messageJSON(msg)
	s.mu.Unlock()
	if r.URL.Query().Get("wait") != "true" {
		writeJSON(w, http.StatusNoContent, nil)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getWebhookMessage(w http.ResponseWriter, r *restRequest) {
	it := s.hookInteraction(w, r)
	if it == nil {
		return
	}
	s.writeMessage(w, r, func() *discordgo.Message {
		msg, _ := hookMessage(it, r.params["message_id"])
		return msg
	})
}

// editWebhookMessage edits @original (which ends a deferred response's
// "thinking" state) or a followup.
func (s *Server) editWebhookMessage(w http.ResponseWriter, r *restRequest) {
	it := s.hookInteraction(w, r)
	if it == nil {
		return
	}
	m, ok := s.decodeBody(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	old, i := hookMessage(it, r.params["message_id"])
	s.mu.Unlock()
	if old == nil {
		s.unknownMessage(w, r)
		return
	}
	msg := *old
	msg.Flags &^= discordgo.MessageFlagsLoading
	s.edit(w, r, msg, m, func(edited *discordgo.Message) {
		if i >= 0 {
			it.followups[i] = edited
		} else {
			it.original = edited
		}
		s.replaceMessage(edited)
	})
}

func (s *Server) deleteWebhookMessage(w http.ResponseWriter, r *restRequest) {
	it := s.hookInteraction(w, r)
	if it == nil {
		return
	}
	s.mu.Lock()
	msg, i := hookMessage(it, r.params["message_id"])
	if msg != nil {
		if i >= 0 {
			it.followups = append(it.followups[:i:i], it.followups[i+1:]...)
		} else {
			it.original = nil
		}
		ms := s.messages[msg.ChannelID]
		for j := range ms {
			if ms[j].ID == msg.ID {
				s.messages[msg.ChannelID] = append(ms[:j:j], ms[j+1:]...)
				break
			}
		}
		s.notify()
	}
	s.mu.Unlock()
	if msg == nil {
		s.unknownMessage(w, r)
		return
	}
	writeJSON(w, http.StatusNoContent, nil)
}
