package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// RunGateway connects to Discord's gateway and answers INTERACTION_CREATE
// (commands, autocomplete and buttons) until ctx is done. discordgo
// resumes a dropped connection by itself, and Discord replays what was
// missed. When ctx is done it stops taking interactions, waits for those
// in flight (up to the shutdown grace), and closes the session.
func (b *Bot) RunGateway(ctx context.Context) error {
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	// The raw event, not the InteractionCreate one: its JSON holds the
	// permissions of resolved channels, which discordgo does not decode.
	remove := b.session.AddHandler(func(_ *discordgo.Session, e *discordgo.Event) {
		if ic, ok := e.Struct.(*discordgo.InteractionCreate); ok && ic.Interaction != nil {
			b.fromGateway(work, ic.Interaction, e.RawData)
		}
	})
	defer remove()
	ready := b.session.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		b.log.Info("gateway ready", "session", r.SessionID, "user", r.User.Username, "guilds", len(r.Guilds))
	})
	defer ready()
	resumed := b.session.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
		b.log.Info("gateway resumed")
	})
	defer resumed()
	disconnected := b.session.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		if ctx.Err() == nil {
			b.log.Warn("gateway disconnected; reconnecting")
		}
	})
	defer disconnected()

	if err := b.session.Open(); err != nil {
		return fmt.Errorf("connect to Discord's gateway: %w", err)
	}
	b.log.Info("connected to Discord's gateway; answering interactions")
	<-ctx.Done()
	b.log.Info("shutting down: finishing the interactions in flight")
	b.drain(stopWork)
	if err := b.session.Close(); err != nil {
		return fmt.Errorf("close the gateway session: %w", err)
	}
	b.log.Info("gateway closed")
	return nil
}

// fromGateway answers one interaction that came over the gateway as raw;
// once the bot is shutting down it only logs it, since nothing will
// answer it.
func (b *Bot) fromGateway(ctx context.Context, i *discordgo.Interaction, raw []byte) {
	if !b.begin() {
		l := newLogLine(i)
		b.log.Warn("interaction not taken: shutting down", "id", l.id, "type", l.kind, "command", l.command, "guild", l.guild)
		return
	}
	defer b.end()
	b.answer(withResolved(ctx, raw), i, func(ctx context.Context, r *discordgo.InteractionResponse) error {
		return b.callback(ctx, i, r)
	})
}
