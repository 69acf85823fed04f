package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/delivery"
	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/bot/feeds"
	"github.com/coopbot/coopbot/bot/settings"
	"github.com/coopbot/coopbot/bot/store"
	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/knowledge"
)

// storeFile is the bbolt file, under the data folder, that keeps the
// subscriptions for the bot and the console alike.
const storeFile = "coopbot.db"

// app is what a command runs on: the knowledge library and the store and,
// in the Discord modes, a session and the delivery of new articles, with
// the one router over them built last.
type app struct {
	lib      *knowledge.Library
	store    *store.Bolt        // nil when another process holds it (ask only)
	session  *discordgo.Session // the Discord modes only
	delivery *delivery.Delivery // with DISCORD_TOKEN only
	feeds    *feeds.Poller      // with COOPBOT_FEEDS only
	router   *commands.Router
}

// openApp opens the library over articlesDir and the store under the data
// folder, and the router over them, for the console and `coopbot ask`.
// When needStore is false, a store that another process holds is done
// without (subscriptions then say they are unavailable), so that `coopbot
// ask` works next to a running bot.
func openApp(ctx context.Context, env Env, articlesDir string, storeTimeout time.Duration, needStore bool) (*app, error) {
	a, err := openData(ctx, env, articlesDir, storeTimeout, needStore)
	if err != nil {
		return nil, err
	}
	if a.store == nil {
		a.router = commands.NewRouter(a.lib, nil, commands.WithoutAutocomplete()) // an untyped nil: no store
	} else {
		a.router = commands.NewRouter(a.lib, a.store, commands.WithoutAutocomplete())
	}
	return a, nil
}

// openDiscordApp opens the library and the store for the gateway or the
// interactions endpoint and makes the session, and the feed poller when
// COOPBOT_FEEDS lists feeds; with DISCORD_TOKEN it also makes the delivery
// of new articles to the subscribed channels (issue 5), before the router,
// which it gives the delivery's Sync and Backfill: /reload then posts what
// it adds, and /subscribe takes backfill:N. Without the token (coopbot
// serve needs none) the feeds are still polled into the folder.
func openDiscordApp(ctx context.Context, env Env, cfg settings.Settings) (*app, error) {
	a, err := openData(ctx, env, env.ArticlesDir, store.DefaultOpenTimeout, true)
	if err != nil {
		return nil, err
	}
	if a.session, err = discord.NewSession(cfg); err != nil {
		a.Close()
		return nil, err
	}
	if cfg.Token == "" {
		a.router = commands.NewRouter(a.lib, a.store)
		if len(cfg.Feeds) == 0 {
			env.Logger.Warn("DISCORD_TOKEN is not set: new articles are not posted to the subscribed channels")
			return a, nil
		}
		// Nothing posts, and nothing watches the folder: the poller syncs
		// the library itself after saving items, so that they can be asked about.
		env.Logger.Warn("DISCORD_TOKEN is not set: the feeds are polled into the articles folder, but new articles are not posted to the subscribed channels")
		a.feeds = newPoller(a.store, env, cfg, feeds.WithOnSave(func(ctx context.Context) error {
			rep, err := a.lib.Sync(ctx)
			if err == nil {
				env.Logger.Info("articles folder synced", "added", len(rep.Added), "changed", len(rep.Changed), "removed", len(rep.Removed))
			}
			return err
		}))
		return a, nil
	}
	a.delivery = delivery.New(a.lib, a.store, a.session, env.Logger)
	a.feeds = newPoller(a.store, env, cfg)
	a.router = commands.NewRouter(a.lib, a.store, commands.WithSync(a.delivery.Sync), commands.WithBackfill(a.delivery.Backfill),
		commands.WithTrouble(a.delivery.Trouble))
	return a, nil
}

// newPoller returns the poller of the feeds in cfg, saving into the
// articles folder, or nil when there are none.
func newPoller(st *store.Bolt, env Env, cfg settings.Settings, opts ...feeds.Option) *feeds.Poller {
	if len(cfg.Feeds) == 0 {
		return nil
	}
	opts = append([]feeds.Option{feeds.WithMaxNewItems(cfg.FeedMaxNew)}, opts...)
	return feeds.NewPoller(st, env.ArticlesDir, cfg.Feeds, cfg.FeedInterval, nil, env.Logger, opts...)
}

// openData opens the library over articlesDir and the store under the
// data folder; a store held by another process is done without unless
// needStore.
func openData(ctx context.Context, env Env, articlesDir string, storeTimeout time.Duration, needStore bool) (*app, error) {
	lib, err := openLibrary(ctx, env, articlesDir)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(filepath.Join(env.DataDir, storeFile), storeTimeout)
	switch {
	case err == nil:
		return &app{lib: lib, store: st}, nil
	case needStore:
		lib.Close()
		return nil, err
	}
	if env.Logger != nil {
		env.Logger.Warn("subscriptions unavailable", "err", err)
	}
	return &app{lib: lib}, nil
}

// serve runs answer (the gateway or the endpoint) until it returns, with
// the delivery and the feed poller alongside, those there are: the outbox
// is drained, the articles folder watched, and the feeds polled into it.
// When answer returns, they stop, each sender finishing the post in
// flight (what is left is posted at the next start).
func (a *app) serve(ctx context.Context, env Env, answer func(ctx context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var delivered, polled error
	if a.delivery != nil {
		wg.Go(func() {
			delivered = a.delivery.Run(ctx, env.ArticlesDir)
			if delivered != nil {
				env.Logger.Error("delivery stopped: new articles are not posted", "err", delivered)
			}
		})
	}
	if a.feeds != nil {
		wg.Go(func() { polled = a.feeds.Run(ctx) })
	}
	err := answer(ctx)
	cancel()
	wg.Wait()
	return errors.Join(err, delivered, polled)
}

// Close closes the store and the library.
func (a *app) Close() error {
	var errs []error
	if a.store != nil {
		errs = append(errs, a.store.Close())
	}
	errs = append(errs, a.lib.Close())
	return errors.Join(errs...)
}

// closeApp closes the app, keeping the first error in *err.
func closeApp(a *app, err *error) {
	if cerr := a.Close(); cerr != nil && *err == nil {
		*err = fmt.Errorf("close the stores: %w", cerr)
	}
}
