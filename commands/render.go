package commands

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge/text"
)

// The limits replies are cut to; package limits has Discord's.
const (
	maxContent     = limits.Content
	maxTitle       = limits.Title
	maxDescription = limits.Description
	maxFields      = limits.Fields
	maxFieldName   = limits.FieldName
	maxFieldValue  = limits.FieldValue
	maxFooter      = limits.Footer
	maxEmbedsTotal = limits.EmbedsTotal
	// maxLine bounds one listed item, so that a page of them always fits
	// a description.
	maxLine = 300
)

// color is the side bar of every embed.
const color = 0x2B6CB0

// truncate returns s cut to at most n runes on a rune boundary, ending in
// "…" when cut, with any invalid UTF-8 replaced and the bidirectional
// overrides and isolates taken out (they could make a title read
// backwards). Every text of a reply passes through it.
func truncate(s string, n int) string {
	s = text.StripBidiControls(strings.ToValidUTF8(s, "\uFFFD"))
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return strings.TrimRightFunc(s[:i], func(r rune) bool { return r == ' ' || r == '\n' }) + "…"
}

// oneLine flattens s to a single line of at most n runes.
func oneLine(s string, n int) string {
	// Only a prefix can show: cut it before the work, on a rune boundary.
	if limit := 8*n + 64; len(s) > limit {
		for limit > 0 && !utf8.RuneStart(s[limit]) {
			limit--
		}
		s = s[:limit]
	}
	return truncate(strings.Join(strings.Fields(s), " "), n)
}

// escape keeps text from the articles from being read as Discord markdown.
var markdown = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`, `#`, `\#`)

func escape(s string) string { return markdown.Replace(s) }

// joinLines joins as many of lines as fit in max runes, one a line; a
// first line longer than max is truncated.
func joinLines(lines []string, max int) string {
	var b strings.Builder
	n := 0
	for i, l := range lines {
		size := utf8.RuneCountInString(l)
		if i > 0 {
			size++
		}
		if n+size > max {
			if i == 0 {
				return truncate(l, max)
			}
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		n += size
	}
	return b.String()
}

// field returns an embed field within its limits; Discord refuses empty ones.
func field(name, value string, inline bool) *discordgo.MessageEmbedField {
	name, value = truncate(strings.TrimSpace(name), maxFieldName), truncate(strings.TrimSpace(value), maxFieldValue)
	if name == "" {
		name = "\u200b"
	}
	if value == "" {
		value = "—"
	}
	return &discordgo.MessageEmbedField{Name: name, Value: value, Inline: inline}
}

// card builds an embed inside every limit: each part is truncated, at most
// 25 fields are kept, and fields then the description are shortened until
// the whole embed holds at most 6000 characters.
func card(title, description string, fields []*discordgo.MessageEmbedField, footer string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title:       truncate(title, maxTitle),
		Description: truncate(description, maxDescription),
		Color:       color,
	}
	if footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(footer, maxFooter)}
	}
	if len(fields) > maxFields {
		fields = fields[:maxFields]
	}
	e.Fields = fields
	for size(e) > maxEmbedsTotal && len(e.Fields) > 0 {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	if over := size(e) - maxEmbedsTotal; over > 0 {
		e.Description = truncate(e.Description, utf8.RuneCountInString(e.Description)-over)
	}
	return e
}

// size counts an embed's characters the way Discord does for its 6000 limit.
func size(e *discordgo.MessageEmbed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	if e.Author != nil {
		n += utf8.RuneCountInString(e.Author.Name)
	}
	return n
}

// embedMessage returns message data of one embed and optional components,
// with mentions disabled, since article text may contain "@everyone".
func embedMessage(e *discordgo.MessageEmbed, components []discordgo.MessageComponent) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{
		Embeds:          []*discordgo.MessageEmbed{e},
		Components:      components,
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}
}

// source cites an article as "Title (13 November 2025)", the title cut
// to n characters.
func source(title string, d interface{ Human() string }, n int) string {
	return escape(oneLine(title, n)) + " (" + d.Human() + ")"
}
