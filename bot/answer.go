package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/commands/limits"
)

// Budgets of the calls that answer an interaction.
const (
	// callbackTimeout bounds the first response, retries included: Discord
	// refuses it 3 s after the interaction was created.
	callbackTimeout = 3 * time.Second
	// sendTimeout bounds an edit or a followup, retries included.
	sendTimeout = 10 * time.Second
)

// firstFunc sends an interaction's first response: a REST callback over
// the gateway, the HTTP answer on the interactions endpoint.
type firstFunc func(ctx context.Context, r *discordgo.InteractionResponse) error

// handled is what the router returned.
type handled struct {
	reply commands.Reply
	err   error
}

// answer answers i with the router's reply. The first response goes out
// through first as soon as the router returns, or, when it takes longer
// than deferAfter, as "thinking…" with the reply edited in afterwards. A
// deferred reply's work then runs and its result is edited in. It logs one
// line for the interaction, with the detail of any failure.
func (b *Bot) answer(ctx context.Context, i *discordgo.Interaction, first firstFunc) {
	l := newLogLine(i)
	defer b.logInteraction(l)
	work, cancel := context.WithTimeout(ctx, b.opts.workTimeout)
	defer cancel()

	replies := make(chan handled, 1)
	go func() {
		reply, err := b.router.Handle(work, i)
		replies <- handled{reply, err}
	}()
	timer := time.NewTimer(b.opts.deferAfter)
	defer timer.Stop()
	var h handled
	select {
	case h = <-replies:
		l.handlerFailed(h.err)
		resp := b.checked(l, h.reply.Response)
		if !l.sent(first(ctx, resp), "answered") || !h.reply.IsDeferred() || resp != h.reply.Response {
			return
		}
		l.outcome = "deferred"
	case <-timer.C:
		if !l.sent(first(ctx, placeholder(i)), "late") {
			return
		}
		h = <-replies
		l.handlerFailed(h.err)
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			l.outcome = "too slow: sent no choices"
			return
		}
		if !h.reply.IsDeferred() {
			how, err := b.late(ctx, i, b.checked(l, h.reply.Response))
			l.finished(err, how)
			return
		}
	}
	edit, err := h.reply.Deferred(work)
	l.handlerFailed(err)
	l.finished(b.editOriginal(ctx, i, b.checkedEdit(l, edit)), "edited")
}

// withResolved returns ctx carrying the permissions Discord resolved for
// the channels the interaction raw names, for the router's handlers
// (commands.WithChannelPermissions); raw that does not decode carries none.
func withResolved(ctx context.Context, raw []byte) context.Context {
	p, err := commands.ResolvedChannelPermissions(raw)
	if err != nil || len(p) == 0 {
		return ctx
	}
	return commands.WithChannelPermissions(ctx, p)
}

// placeholder is the first response sent for a reply that is late: an
// empty list of choices for autocomplete, which cannot wait; "thinking…"
// for a command; an acknowledgement that edits later for a button.
func placeholder(i *discordgo.Interaction) *discordgo.InteractionResponse {
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		return &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}},
		}
	case discordgo.InteractionMessageComponent:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
}

// late sends a reply that came after its placeholder: a message or a
// page edits the original response (or the message whose button was
// pressed); an ephemeral message, which the placeholder cannot become,
// goes as an ephemeral followup, and "thinking…" is deleted.
// It returns how it sent the reply, for the log.
func (b *Bot) late(ctx context.Context, i *discordgo.Interaction, r *discordgo.InteractionResponse) (string, error) {
	d := r.Data
	switch {
	case r.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource || r.Type == discordgo.InteractionResponseDeferredMessageUpdate:
		return "nothing more", nil
	case d == nil:
		return "", fmt.Errorf("late reply of type %d has no data", r.Type)
	case d.Flags&discordgo.MessageFlagsEphemeral == 0:
		return "edited", b.editOriginal(ctx, i, commands.EditOf(d))
	}
	if err := b.followup(ctx, i, d); err != nil {
		return "", err
	}
	if i.Type == discordgo.InteractionMessageComponent {
		return "ephemeral followup", nil
	}
	return "ephemeral followup", b.call(ctx, i, func(ctx context.Context) error {
		return b.session.InteractionResponseDelete(i, discordgo.WithContext(ctx))
	})
}

// checked returns r, or an apology when r would break Discord's limits.
func (b *Bot) checked(l *logLine, r *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	err := limits.ValidateResponse(r)
	if err == nil {
		return r
	}
	l.handlerFailed(fmt.Errorf("reply breaks Discord's limits: %w", err))
	if r != nil && r.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		return placeholder(&discordgo.Interaction{Type: discordgo.InteractionApplicationCommandAutocomplete})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: commands.Apology, Flags: discordgo.MessageFlagsEphemeral},
	}
}

// checkedEdit returns e, or an apology when e would break Discord's limits.
func (b *Bot) checkedEdit(l *logLine, e *discordgo.WebhookEdit) *discordgo.WebhookEdit {
	var err error
	if e == nil {
		err = fmt.Errorf("no edit")
	} else {
		err = limits.ValidateMessage(deref(e.Content), deref(e.Embeds), deref(e.Components), len(e.Files))
	}
	if err == nil {
		return e
	}
	l.handlerFailed(fmt.Errorf("edit breaks Discord's limits: %w", err))
	return commands.ApologyEdit()
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
