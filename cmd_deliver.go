package main

import (
	"context"
	"errors"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/commands"
)

// startDelivery starts posting new articles to the subscribed channels
// (issue 5): the outbox is drained, the articles folder watched, and the
// feeds of COOPBOT_FEEDS polled into it. It rewires app.Router so that
// /reload delivers what it adds and /subscribe takes backfill:N, so call
// it before handing the router to the bot. The returned stop ends the
// delivery, lets each sender finish the post in flight (what is left is
// posted at the next start) and returns the first error.
func startDelivery(ctx context.Context, env Env, a *app, session *discordgo.Session, settings bot.Settings) (stop func() error) {
	if settings.Token == "" {
		env.Logger.Warn("DISCORD_TOKEN is not set: new articles are not posted to the subscribed channels")
		return func() error { return nil }
	}
	ctx, cancel := context.WithCancel(ctx)
	d := bot.NewDelivery(a.lib, a.store, session, env.Logger)
	a.Router = commands.NewRouter(d.Knowledge(), d.Subscriptions(), nil)
	delivered, polled := make(chan error, 1), make(chan error, 1)
	go func() {
		err := d.Run(ctx, env.ArticlesDir)
		if err != nil {
			env.Logger.Error("delivery stopped: new articles are not posted", "err", err)
		}
		delivered <- err
	}()
	go func() {
		polled <- bot.NewFeeds(a.store, env.ArticlesDir, settings.Feeds, settings.FeedInterval, nil, env.Logger).Run(ctx)
	}()
	return func() error {
		cancel()
		return errors.Join(<-delivered, <-polled)
	}
}
