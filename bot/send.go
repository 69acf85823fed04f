package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discord"
)

// call makes a Discord call about interaction i with retries, within
// sendTimeout; the interaction's token is kept out of the error.
func (b *Bot) call(ctx context.Context, i *discordgo.Interaction, op func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendTimeout)
	defer cancel()
	_, err := b.opts.retry.do(ctx, op)
	return redact(err, i.Token)
}

// callback sends the first response to an interaction received over the
// gateway: POST /interactions/{id}/{token}/callback, within Discord's 3 s.
// A retried callback that Discord says was already acknowledged had got
// through the first time.
func (b *Bot) callback(ctx context.Context, i *discordgo.Interaction, r *discordgo.InteractionResponse) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), callbackTimeout)
	defer cancel()
	attempts, err := b.opts.retry.do(ctx, func(ctx context.Context) error {
		return b.session.InteractionRespond(i, r, discordgo.WithContext(ctx))
	})
	if attempts > 1 && discord.Code(err) == codeAlreadyAnswered {
		return nil
	}
	return redact(err, i.Token)
}

// editOriginal replaces the interaction's original response (or, after a
// button's deferred update, the message the button is on) with e:
// PATCH /webhooks/{app}/{token}/messages/@original. It ends "thinking…".
func (b *Bot) editOriginal(ctx context.Context, i *discordgo.Interaction, e *discordgo.WebhookEdit) error {
	return b.call(ctx, i, func(ctx context.Context) error {
		_, err := b.session.InteractionResponseEdit(i, e, discordgo.WithContext(ctx))
		return err
	})
}

// followup posts d as a followup message of the interaction.
func (b *Bot) followup(ctx context.Context, i *discordgo.Interaction, d *discordgo.InteractionResponseData) error {
	p := &discordgo.WebhookParams{
		Content: d.Content, Embeds: d.Embeds, Components: d.Components, Flags: d.Flags,
		AllowedMentions: d.AllowedMentions,
	}
	return b.call(ctx, i, func(ctx context.Context) error {
		_, err := b.session.FollowupMessageCreate(i, true, p, discordgo.WithContext(ctx))
		return err
	})
}
