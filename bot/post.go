package bot

import (
	"crypto/sha256"
	"encoding/base32"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/extract"
)

// Bounds of a post, inside Discord's embed limits (title 256, description
// 4096, field value 1024, footer 2048, 6000 in all).
const (
	postTitle     = 256
	postSummary   = 1000
	postField     = 1024
	postVisits    = 5 // visits listed; the rest are counted
	postColor     = 0x2b6cb0
	postSourceMax = 300
)

// newPost renders an article as the message posted to subscribed channels:
// one embed with its title, date, partners, visits, a two-sentence summary
// and its source file.
func newPost(s knowledge.ArticleSummary, f extract.Facts) *discordgo.MessageSend {
	summary := s.Summary
	if strings.TrimSpace(summary) == "" {
		summary = "(no summary)"
	}
	e := &discordgo.MessageEmbed{
		Title:       cut(orElse(s.Title, s.File), postTitle),
		Description: cut(summary, postSummary),
		Color:       postColor,
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Date", Value: s.Published.Human(), Inline: true},
			{Name: "Partners", Value: cut(orElse(strings.Join(s.Institutions, ", "), "none found"), postField)},
			{Name: "Visits", Value: visitLines(f.Visits)},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: "Source: " + cut(s.File, postSourceMax)},
	}
	return &discordgo.MessageSend{
		Embeds:          []*discordgo.MessageEmbed{e},
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}
}

// visitLines lists the first visits, one a line, within a field value.
func visitLines(visits []extract.Visit) string {
	if len(visits) == 0 {
		return "none found"
	}
	var lines []string
	for i, v := range visits {
		if i == postVisits {
			lines = append(lines, "… and "+strconv.Itoa(len(visits)-i)+" more")
			break
		}
		line := orElse(v.Visitor, "a delegation")
		if len(v.Hosts) > 0 {
			line += " → " + strings.Join(v.Hosts, ", ")
		}
		if place := strings.Join(nonEmpty(v.City, v.Country), ", "); place != "" {
			line += " (" + place + ")"
		}
		if !v.Start.IsZero() {
			line += ", " + v.Start.Human()
		}
		lines = append(lines, cut(line, postField/postVisits-8))
	}
	return cut(strings.Join(lines, "\n"), postField)
}

// nonce derives the nonce of a post from its channel and article: the same
// pair always gives the same 24 characters, so Discord's enforce_nonce
// turns a retried post into the first one.
func nonce(channel, file string) string {
	sum := sha256.Sum256([]byte(channel + "\x00" + file))
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:15])
}

// messageWithNonce is a channel message with the fields discordgo's
// MessageSend lacks.
type messageWithNonce struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce"`
	EnforceNonce bool   `json:"enforce_nonce"`
}

// cut shortens s to at most n characters, ending it with "…" when cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// orElse returns s, or def when s is blank.
func orElse(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// nonEmpty returns the strings that are not blank.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
