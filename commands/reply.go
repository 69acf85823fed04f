package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// Reply is what a handler returns: the response to send to Discord now and,
// for a deferred reply, the work that computes the edit sent afterwards.
//
// When Deferred is nil, Response is the whole answer (a message, autocomplete
// choices or a message update). When Deferred is set, Response is a type 5
// "thinking" response, which must reach Discord within 3 seconds; the runtime
// then calls Deferred and edits the original response with its result. The
// router wraps Deferred so that it always returns an edit to send: a non-nil
// error comes with an apology edit and is for the log only.
type Reply struct {
	Response *discordgo.InteractionResponse
	Deferred func(ctx context.Context) (*discordgo.WebhookEdit, error)
}

// IsDeferred reports whether r is answered in two steps.
func (r Reply) IsDeferred() bool { return r.Deferred != nil }

// Apology is what a user reads when something unexpected went wrong; the
// detail goes only to the log.
const Apology = "Something went wrong on our side while answering. Please try again in a moment; if it keeps happening, tell the server's admins."

// message returns a reply that posts a message.
func message(d *discordgo.InteractionResponseData) Reply {
	return Reply{Response: &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: d,
	}}
}

// ephemeral returns a reply that only the invoking user sees: errors,
// "nothing found", and advice on what to try instead.
func ephemeral(text string) Reply {
	return message(&discordgo.InteractionResponseData{
		Content: truncate(text, maxContent),
		Flags:   discordgo.MessageFlagsEphemeral,
	})
}

// choices returns an autocomplete result.
func choices(cs []*discordgo.ApplicationCommandOptionChoice) Reply {
	if cs == nil {
		cs = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return Reply{Response: &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: cs},
	}}
}

// deferred returns a reply that answers "thinking" at once and computes the
// edit in work; flags may make the eventual message ephemeral.
func deferred(flags discordgo.MessageFlags, work func(ctx context.Context) (*discordgo.WebhookEdit, error)) Reply {
	var data *discordgo.InteractionResponseData
	if flags != 0 {
		data = &discordgo.InteractionResponseData{Flags: flags}
	}
	return Reply{
		Response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: data,
		},
		Deferred: work,
	}
}

// EditOf turns message data into the edit of a deferred response (or of
// a message), which replaces the whole message.
func EditOf(d *discordgo.InteractionResponseData) *discordgo.WebhookEdit {
	content := d.Content
	embeds := d.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	components := d.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &components}
}

// ApologyEdit is the edit sent when a deferred reply failed.
func ApologyEdit() *discordgo.WebhookEdit {
	return EditOf(&discordgo.InteractionResponseData{Content: Apology})
}
