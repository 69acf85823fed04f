package commands

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// What the router has no handler for is the client's doing: the error
// wraps ErrUnknownInteraction, so the runtime logs it at Warn, and the
// reply gives advice, not the apology for our own faults. Data of the
// wrong kind for the type does not panic.
func TestUnknownInteractions(t *testing.T) {
	r := NewRouter(seedLib(), &memStore{})
	for _, i := range []*discordgo.Interaction{
		{Type: discordgo.InteractionApplicationCommand, Data: discordgo.ApplicationCommandInteractionData{Name: "weather"}},
		{Type: discordgo.InteractionApplicationCommand},
		{Type: discordgo.InteractionMessageComponent, Data: discordgo.ApplicationCommandInteractionData{Name: "latest"}},
		{Type: discordgo.InteractionModalSubmit, Data: discordgo.ModalSubmitInteractionData{CustomID: "x"}},
		{Type: 99},
	} {
		reply, err := r.Handle(context.Background(), i)
		if !errors.Is(err, ErrUnknownInteraction) || strings.Contains(err.Error(), "panic") {
			t.Errorf("Handle(type %d, %T) error = %v; want ErrUnknownInteraction", i.Type, i.Data, err)
		}
		if d := reply.Response.Data; d == nil || d.Content == Apology || !strings.Contains(d.Content, "/help") {
			t.Errorf("Handle(type %d, %T) replied %+v; want advice", i.Type, i.Data, d)
		}
	}
	reply, err := r.Handle(context.Background(), &discordgo.Interaction{Type: discordgo.InteractionApplicationCommandAutocomplete,
		Data: discordgo.ApplicationCommandInteractionData{Name: "weather"}})
	if err != nil || reply.Response.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Errorf("autocomplete of an unknown command = %+v, %v; want empty choices", reply.Response, err)
	}
}
