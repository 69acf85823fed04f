package console

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Plain is the text a Discord user reads in a message: its content, then
// each embed's title, description and fields, joined with newlines.
func Plain(d *discordgo.InteractionResponseData) string {
	if d == nil {
		return ""
	}
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(d.Content)
	for _, e := range d.Embeds {
		if e == nil {
			continue
		}
		add(e.Title)
		add(e.Description)
		for _, f := range e.Fields {
			if f != nil {
				add(f.Name)
				add(f.Value)
			}
		}
	}
	return strings.Join(parts, "\n")
}

// Render shows a response as text for the console: the message as Plain
// shows it with each embed's footer, the buttons as [Label], autocomplete
// choices one a line, and a note when only the user would see it.
func Render(r *discordgo.InteractionResponse) string {
	if r == nil {
		return ""
	}
	d := r.Data
	var b strings.Builder
	if d != nil && d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		b.WriteString("(only you can see this)\n")
	}
	switch r.Type {
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if d == nil || len(d.Choices) == 0 {
			return "(no suggestions)"
		}
		for _, c := range d.Choices {
			fmt.Fprintf(&b, "  %s  →  %v\n", c.Name, c.Value)
		}
		return strings.TrimRight(b.String(), "\n")
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		if d == nil || Plain(d) == "" {
			b.WriteString("(thinking…)")
			return b.String()
		}
	}
	if d == nil {
		return strings.TrimRight(b.String(), "\n")
	}
	if d.Content != "" {
		b.WriteString(strings.TrimSpace(d.Content) + "\n")
	}
	for _, e := range d.Embeds {
		if e == nil {
			continue
		}
		if e.Title != "" {
			fmt.Fprintf(&b, "== %s ==\n", e.Title)
		}
		if e.Description != "" {
			b.WriteString(e.Description + "\n")
		}
		for _, f := range e.Fields {
			if f != nil {
				fmt.Fprintf(&b, "-- %s\n%s\n", f.Name, f.Value)
			}
		}
		if e.Footer != nil && e.Footer.Text != "" {
			fmt.Fprintf(&b, "(%s)\n", e.Footer.Text)
		}
	}
	if labels := buttonLabels(d.Components); len(labels) > 0 {
		b.WriteString(strings.Join(labels, " ") + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// buttonLabels shows the buttons of an action row as [Label], or
// [Label (disabled)].
func buttonLabels(cs []discordgo.MessageComponent) []string {
	var out []string
	for _, bt := range buttonsOf(cs) {
		if bt.Disabled {
			out = append(out, "["+bt.Label+" (disabled)]")
		} else {
			out = append(out, "["+bt.Label+"]")
		}
	}
	return out
}

// buttonsOf returns the buttons inside the action rows of cs.
func buttonsOf(cs []discordgo.MessageComponent) []discordgo.Button {
	var out []discordgo.Button
	for _, c := range cs {
		var row discordgo.ActionsRow
		switch c := c.(type) {
		case discordgo.ActionsRow:
			row = c
		case *discordgo.ActionsRow:
			row = *c
		default:
			continue
		}
		for _, rc := range row.Components {
			switch bt := rc.(type) {
			case discordgo.Button:
				out = append(out, bt)
			case *discordgo.Button:
				out = append(out, *bt)
			}
		}
	}
	return out
}
