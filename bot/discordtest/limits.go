package discordtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/commands"
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

// checkMessage validates msg with commands.ValidateMessage and, when it
// breaks a limit, answers as Discord does and reports it.
func (s *Server) checkMessage(w http.ResponseWriter, r *restRequest, msg *discordgo.Message, files int) bool {
	s.t.Helper()
	err := commands.ValidateMessage(msg.Content, msg.Embeds, msg.Components, files+len(msg.Attachments))
	return s.checkLimits(w, r, err, "")
}

// checkLimits answers a commands.Validate* error as Discord does: 50006
// for an empty message, else 50035 with the fields at fault under prefix.
func (s *Server) checkLimits(w http.ResponseWriter, r *restRequest, err error, prefix string) bool {
	s.t.Helper()
	if err == nil {
		return true
	}
	var vs []*commands.Violation
	for _, e := range unjoin(err) {
		var v *commands.Violation
		if errors.As(e, &v) {
			vs = append(vs, v)
		}
	}
	if len(vs) == 1 && strings.HasPrefix(vs[0].Problem, "empty message") {
		s.fail(w, http.StatusBadRequest, 50006, "Cannot send an empty message", nil,
			"%s %s: empty message", r.Method, r.URL.Path)
		return false
	}
	errs := map[string]any{}
	for _, v := range vs {
		addFieldError(errs, prefix+v.Path, v.Problem)
	}
	s.fail(w, http.StatusBadRequest, 50035, "Invalid Form Body", errs,
		"%s %s: limits: %v", r.Method, r.URL.Path, strings.ReplaceAll(err.Error(), "\n", "; "))
	return false
}

// invalidForm answers a request that breaks the spec.
func (s *Server) invalidForm(w http.ResponseWriter, r *http.Request, specErrs []specError) {
	s.t.Helper()
	errs := map[string]any{}
	var lines []string
	for _, e := range specErrs {
		addFieldError(errs, e.Path, e.Problem)
		lines = append(lines, strings.TrimPrefix(e.Path+": "+e.Problem, ": "))
	}
	s.fail(w, http.StatusBadRequest, 50035, "Invalid Form Body", errs,
		"%s %s: spec: %s", r.Method, r.URL.Path, strings.Join(lines, "; "))
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// addFieldError files problem under path ("embeds[0].title") in Discord's
// nested errors object: {"embeds":{"0":{"title":{"_errors":[...]}}}}.
func addFieldError(errs map[string]any, path, problem string) {
	node := errs
	for _, key := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' || r == '[' || r == ']' || r == '/' }) {
		next, ok := node[key].(map[string]any)
		if !ok {
			next = map[string]any{}
			node[key] = next
		}
		node = next
	}
	list, _ := node["_errors"].([]any)
	node["_errors"] = append(list, map[string]string{"code": "BASE_TYPE_INVALID", "message": problem})
}
