package commands

import (
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/extract"
)

// Bounds of a post, inside Discord's embed limits.
const (
	postSummary   = 1000
	postVisits    = 5 // visits listed; the rest are counted
	postSourceMax = 300
)

// Post renders an article as the message posted to subscribed channels:
// one embed with its title, date, partners, visits, a two-sentence summary
// and its source file. Text from the article (or the feed it came from) is
// escaped as markdown and cut to Discord's limits, as in every reply, and
// mentions are disabled, since article text may contain "@everyone".
func Post(s knowledge.ArticleSummary, f extract.Facts) *discordgo.MessageSend {
	title := s.Title
	if strings.TrimSpace(title) == "" {
		title = s.File
	}
	summary := escape(s.Summary)
	if strings.TrimSpace(summary) == "" {
		summary = "(no summary)"
	}
	partners := "none found"
	if len(s.Institutions) > 0 {
		partners = escape(strings.Join(s.Institutions, ", "))
	}
	e := card(oneLine(escape(title), maxTitle), truncate(summary, postSummary), []*discordgo.MessageEmbedField{
		field("Date", s.Published.Human(), true),
		field("Partners", partners, false),
		field("Visits", visitLines(f.Visits), false),
	}, "Source: "+truncate(s.File, postSourceMax))
	return &discordgo.MessageSend{
		Embeds:          []*discordgo.MessageEmbed{e},
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}
}

// visitLines lists an article's first visits, one a line, within a field
// value.
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
		line := v.Visitor
		if strings.TrimSpace(line) == "" {
			line = "a delegation"
		}
		if len(v.Hosts) > 0 {
			line += " → " + strings.Join(v.Hosts, ", ")
		}
		var place []string
		for _, p := range []string{v.City, v.Country} {
			if strings.TrimSpace(p) != "" {
				place = append(place, p)
			}
		}
		if len(place) > 0 {
			line += " (" + strings.Join(place, ", ") + ")"
		}
		if !v.Start.IsZero() {
			line += ", " + v.Start.Human()
		}
		lines = append(lines, oneLine(escape(line), maxFieldValue/postVisits-8))
	}
	return truncate(strings.Join(lines, "\n"), maxFieldValue)
}
