package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// messageBody is a message create or edit as sent by the bot: channel
// messages, interaction callbacks' data, webhook messages. Pointer fields
// are nil when absent, which an edit leaves unchanged.
type messageBody struct {
	Content      *string                    `json:"content"`
	Embeds       *[]*discordgo.MessageEmbed `json:"embeds"`
	Components   *[]json.RawMessage         `json:"components"`
	Flags        *discordgo.MessageFlags    `json:"flags"`
	Nonce        json.RawMessage            `json:"nonce"`
	EnforceNonce bool                       `json:"enforce_nonce"`
	Poll         json.RawMessage            `json:"poll"`

	// Autocomplete and modal responses only.
	Choices  []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	CustomID string                                      `json:"custom_id"`
	Title    string                                      `json:"title"`

	files      int                          // file parts of a multipart body
	components []discordgo.MessageComponent // decoded Components
}

// splitMultipart returns the JSON payload of a body (its payload_json
// part when multipart) and how many files it carries.
func splitMultipart(contentType string, body []byte) ([]byte, int) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" {
		return body, 0
	}
	payload, files := []byte("{}"), 0
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for p, err := mr.NextPart(); err == nil; p, err = mr.NextPart() {
		if p.FormName() == "payload_json" {
			var buf bytes.Buffer
			buf.ReadFrom(p)
			payload = buf.Bytes()
		} else if p.FileName() != "" {
			files++
		}
	}
	return payload, files
}

// decodeMessage decodes a JSON or multipart (payload_json) message body.
func decodeMessage(contentType string, body []byte) (*messageBody, error) {
	payload, files := splitMultipart(contentType, body)
	m, err := decodeMessageJSON(payload)
	if err != nil {
		return nil, err
	}
	m.files = files
	return m, nil
}

// decodeBody decodes a request's message body, or answers Discord's 50109.
func (s *Server) decodeBody(w http.ResponseWriter, r *restRequest) (*messageBody, bool) {
	m, err := decodeMessage(r.Header.Get("Content-Type"), r.body)
	if err != nil {
		s.invalidJSON(w, r, err)
		return nil, false
	}
	return m, true
}

// invalidJSON answers a body that does not decode, as Discord does.
func (s *Server) invalidJSON(w http.ResponseWriter, r *restRequest, err error) {
	s.t.Helper()
	s.fail(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.", nil, "%s %s: %v", r.Method, r.URL.Path, err)
}

// decodeMessageJSON decodes a message body and its components.
func decodeMessageJSON(payload []byte) (*messageBody, error) {
	var m messageBody
	if err := json.Unmarshal(payload, &m); err != nil {
		return nil, fmt.Errorf("decode message: %w", err)
	}
	if m.Components != nil {
		for i, raw := range *m.Components {
			c, err := discordgo.MessageComponentFromJSON(raw)
			if err != nil {
				return nil, fmt.Errorf("components[%d]: %w", i, err)
			}
			m.components = append(m.components, c)
		}
	}
	return &m, nil
}

// newMessage builds a message from a create body.
func (s *Server) newMessage(channelID string, m *messageBody) *discordgo.Message {
	msg := &discordgo.Message{
		ChannelID: channelID,
		Author:    &discordgo.User{ID: s.AppID, Username: s.BotName, Bot: true},
		Timestamp: s.now(),
	}
	applyEdit(msg, m)
	return msg
}

// applyEdit sets the fields present in m on msg.
func applyEdit(msg *discordgo.Message, m *messageBody) {
	if m.Content != nil {
		msg.Content = *m.Content
	}
	if m.Embeds != nil {
		msg.Embeds = *m.Embeds
	}
	if m.Components != nil {
		msg.Components = m.components
	}
	if m.Flags != nil {
		msg.Flags = *m.Flags
	}
}
