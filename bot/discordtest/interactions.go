package discordtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The deadlines Discord enforces on interactions.
const (
	// CallbackDeadline is how long after its creation an interaction
	// accepts its first (and only) callback.
	CallbackDeadline = 3 * time.Second
	// TokenLifetime is how long an interaction's token works for webhook
	// edits and followups.
	TokenLifetime = 15 * time.Minute
)

// interaction is the fake's state of one interaction.
type interaction struct {
	i         *discordgo.Interaction
	created   time.Time
	response  *discordgo.InteractionResponse // the first callback; nil until then
	original  *discordgo.Message             // the original response message, if any
	followups []*discordgo.Message
	// overHTTP marks an interaction posted to the bot's HTTP endpoint,
	// whose callback is the HTTP answer the fake records on receipt.
	overHTTP bool
}

// register completes i as Discord would (id, token, application_id,
// version, type, locale, user) and keeps it. It returns a copy.
func (s *Server) register(i *discordgo.Interaction) *discordgo.Interaction {
	c := *i
	tok := make([]byte, 32)
	rand.Read(tok)
	s.mu.Lock()
	defer s.mu.Unlock()
	c.ID = s.newID()
	c.Token = "aW50ZXJhY3Rpb246" + c.ID + "_" + hex.EncodeToString(tok)
	c.AppID, c.Version = s.AppID, 1
	if c.Type == 0 {
		c.Type = discordgo.InteractionApplicationCommand
	}
	if c.Locale == "" {
		c.Locale = discordgo.EnglishUS
	}
	user := &discordgo.User{ID: "1200000000000000001", Username: "tester", GlobalName: "Tester"}
	switch {
	case c.GuildID != "" && c.Member == nil:
		c.Member = &discordgo.Member{User: user, GuildID: c.GuildID}
	case c.GuildID == "" && c.User == nil && c.Member == nil:
		c.User = user
	}
	if d, ok := c.Data.(discordgo.ApplicationCommandInteractionData); ok && d.ID == "" {
		for _, cmd := range append(s.commands[c.GuildID], s.commands[""]...) {
			if cmd.Name == d.Name {
				d.ID = cmd.ID
				break
			}
		}
		c.Data = d
	}
	it := &interaction{i: &c, created: s.now()}
	s.interactions[c.ID] = it
	s.byToken[c.Token] = it
	cp := c
	return &cp
}

// SendInteraction completes i as Discord would (id, token, application_id,
// version; type ApplicationCommand and a user when unset) and dispatches
// it as INTERACTION_CREATE to the bot's gateway session; if the socket is
// down the dispatch waits in the session for a Resume. Its 3 s deadline
// starts now, on the server's clock.
func (s *Server) SendInteraction(i *discordgo.Interaction) (id, token string) {
	s.t.Helper()
	c := s.register(i)
	raw, err := s.wire(c)
	if err == nil {
		err = s.dispatch("INTERACTION_CREATE", raw)
	}
	if err != nil {
		s.t.Errorf("discordtest: SendInteraction: %v", err)
	}
	return c.ID, c.Token
}

// WaitResponse waits for the first callback to an interaction and
// returns it, or ctx's error.
func (s *Server) WaitResponse(ctx context.Context, interactionID string) (*discordgo.InteractionResponse, error) {
	for {
		s.mu.Lock()
		it, changed := s.interactions[interactionID], s.changed
		if it == nil {
			s.mu.Unlock()
			return nil, fmt.Errorf("wait for response: unknown interaction %s", interactionID)
		}
		resp := it.response
		s.mu.Unlock()
		if resp != nil {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for response to interaction %s: %w", interactionID, ctx.Err())
		case <-changed:
		}
	}
}

// LastInteraction returns the interaction the fake created last, by
// SendInteraction or PostSignedInteraction, as it was sent; nil before the
// first. A test that posts over HTTP learns the interaction's id from it.
func (s *Server) LastInteraction() *discordgo.Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	var last *interaction
	for _, it := range s.interactions {
		if last == nil || later(it.i.ID, last.i.ID) { // ids only grow
			last = it
		}
	}
	if last == nil {
		return nil
	}
	c := *last.i
	return &c
}

// later reports whether snowflake a is after snowflake b.
func later(a, b string) bool { return len(a) > len(b) || (len(a) == len(b) && a > b) }

// Original returns the interaction's original response message, as sent
// and then edited, or nil.
func (s *Server) Original(interactionID string) *discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if it := s.interactions[interactionID]; it != nil {
		return it.original
	}
	return nil
}

// Followups returns the followup messages of an interaction, in order.
func (s *Server) Followups(interactionID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if it := s.interactions[interactionID]; it != nil {
		return append([]*discordgo.Message(nil), it.followups...)
	}
	return nil
}

// callback takes an interaction's first response.
func (s *Server) callback(w http.ResponseWriter, r *restRequest) {
	s.mu.Lock()
	it := s.interactions[r.params["interaction_id"]]
	s.mu.Unlock()
	if it == nil || it.i.Token != r.params["interaction_token"] || s.now().Sub(it.created) > CallbackDeadline {
		s.fail(w, http.StatusNotFound, 10062, "Unknown interaction", nil,
			"%s %s: unknown interaction, or answered more than %v after it was created", r.Method, r.URL.Path, CallbackDeadline)
		return
	}
	resp, m, err := decodeResponse(r.Header.Get("Content-Type"), r.body)
	if err != nil {
		s.invalidJSON(w, r, err)
		return
	}
	if !s.checkLimits(w, r, checkCallback(r.Header.Get("Content-Type"), r.body)) {
		return
	}
	if !s.respond(it, resp, m) {
		s.fail(w, http.StatusBadRequest, 40060, "Interaction has already been acknowledged.", nil,
			"%s %s: interaction already acknowledged", r.Method, r.URL.Path)
		return
	}
	writeJSON(w, http.StatusNoContent, nil)
}

// respond records the first response to it and the original message it
// makes; it reports false when it was already answered.
func (s *Server) respond(it *interaction, resp *discordgo.InteractionResponse, m *messageBody) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if it.response != nil {
		return false
	}
	it.response = resp
	channel := it.i.ChannelID
	var msg *discordgo.Message
	switch resp.Type {
	case discordgo.InteractionResponseChannelMessageWithSource:
		msg = s.newMessage(channel, m)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		msg = s.newMessage(channel, &messageBody{})
		msg.Flags = discordgo.MessageFlagsLoading
		if m != nil && m.Flags != nil {
			msg.Flags |= *m.Flags & discordgo.MessageFlagsEphemeral
		}
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		if it.i.Message != nil {
			c := *it.i.Message
			if m != nil && resp.Type == discordgo.InteractionResponseUpdateMessage {
				applyEdit(&c, m)
			}
			it.original = &c
			s.replaceMessage(&c)
		}
	}
	if msg != nil {
		msg.ID = s.newID()
		msg.Type = discordgo.MessageTypeChatInputCommand
		msg.WebhookID = s.AppID
		it.original = msg
		if msg.Flags&discordgo.MessageFlagsEphemeral == 0 && channel != "" {
			s.messages[channel] = append(s.messages[channel], msg)
		}
	}
	s.notify()
	return true
}

// replaceMessage puts msg in place of the channel message of the same id.
// Callers hold mu.
func (s *Server) replaceMessage(msg *discordgo.Message) {
	ms := s.messages[msg.ChannelID]
	for i := range ms {
		if ms[i].ID == msg.ID {
			ms[i] = msg
		}
	}
}

// decodeResponse decodes an interaction callback's body, JSON or multipart.
func decodeResponse(contentType string, body []byte) (*discordgo.InteractionResponse, *messageBody, error) {
	payload, files := splitMultipart(contentType, body)
	var raw struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(payload, &raw); err != nil {
		return nil, nil, fmt.Errorf("decode interaction response: %w", err)
	}
	resp := &discordgo.InteractionResponse{Type: raw.Type}
	if len(raw.Data) == 0 || string(raw.Data) == "null" {
		return resp, nil, nil
	}
	m, err := decodeMessageJSON(raw.Data)
	if err != nil {
		return nil, nil, err
	}
	m.files = files
	d := &discordgo.InteractionResponseData{
		Components: m.components, Choices: m.Choices, CustomID: m.CustomID, Title: m.Title,
		Files: make([]*discordgo.File, files),
	}
	if m.Content != nil {
		d.Content = *m.Content
	}
	if m.Embeds != nil {
		d.Embeds = *m.Embeds
	}
	if m.Flags != nil {
		d.Flags = *m.Flags
	}
	resp.Data = d
	return resp, m, nil
}
