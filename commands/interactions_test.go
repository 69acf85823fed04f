package commands

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/commands/limits"
)

// TestRecordedInteractions runs interaction JSON as Discord sends it (kept
// in testdata/interactions) through the router over the seed articles, and
// checks each reply against Discord's limits and what a user should read.
func TestRecordedInteractions(t *testing.T) {
	lib := openCorpus(t, filepath.Join("..", "seeds"))
	r := NewRouter(lib, &memStore{})
	tests := []struct {
		file      string
		typ       discordgo.InteractionResponseType
		ephemeral bool
		contains  string // in the content, an embed or a choice
	}{
		// A member asks for HUMG's partners in China: a public embed.
		{"partners_command.json", discordgo.InteractionResponseChannelMessageWithSource, false, "Tianjin University of Technology"},
		// Typing "hu" suggests HUMG by its acronym.
		{"institution_autocomplete.json", discordgo.InteractionApplicationCommandAutocompleteResult, false, "Hanoi University of Mining and Geology (HUMG)"},
		// /reload from a member without Manage Server is refused, privately.
		{"reload_member.json", discordgo.InteractionResponseChannelMessageWithSource, true, "Manage Server"},
		// A question answered with its leader.
		{"ask_command.json", discordgo.InteractionResponseChannelMessageWithSource, false, "Nguyen Ngoc Khanh"},
		// The Next button of a paged result rebuilds page 2 from its custom_id.
		{"next_page_button.json", discordgo.InteractionResponseUpdateMessage, false, "HUMG"},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", "interactions", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		var i discordgo.Interaction
		if err := json.Unmarshal(data, &i); err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		reply, err := r.Handle(context.Background(), &i)
		if err != nil {
			t.Errorf("%s: Handle() error = %v", tt.file, err)
			continue
		}
		if err := limits.ValidateResponse(reply.Response); err != nil {
			t.Errorf("%s: reply breaks Discord's limits: %v", tt.file, err)
		}
		resp := reply.Response
		if reply.Deferred != nil {
			d, err := settle(t, reply)
			if err != nil {
				t.Errorf("%s: deferred work error = %v", tt.file, err)
				continue
			}
			resp = &discordgo.InteractionResponse{Type: tt.typ, Data: d}
		}
		if resp.Type != tt.typ {
			t.Errorf("%s: response type = %d; want %d", tt.file, resp.Type, tt.typ)
		}
		if got := resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
			t.Errorf("%s: ephemeral = %v; want %v", tt.file, got, tt.ephemeral)
		}
		if text := responseText(resp.Data); !strings.Contains(text, tt.contains) {
			t.Errorf("%s: reply = %q; want it to contain %q", tt.file, text, tt.contains)
		}
	}
}

// responseText joins everything a user reads of a response.
func responseText(d *discordgo.InteractionResponseData) string {
	var b strings.Builder
	b.WriteString(d.Content)
	for _, e := range d.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
	}
	for _, c := range d.Choices {
		b.WriteString("\n" + c.Name)
	}
	return b.String()
}
