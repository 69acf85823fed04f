package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"time"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/knowledge"
)

// storeFile is the bbolt file, under the data folder, that keeps the
// subscriptions for the bot and the console alike.
const storeFile = "coopbot.db"

// runConsole runs the local console that `coopbot` starts without a
// DISCORD_TOKEN: a one-line greeting, then one reply per line of stdin.
func runConsole(ctx context.Context, env Env, stdin io.Reader, stdout, stderr io.Writer) error {
	app, err := openApp(ctx, env, env.ArticlesDir, bot.DefaultOpenTimeout, true)
	if err != nil {
		return err
	}
	defer app.Close()
	c := &bot.Console{Router: app.Router, Logger: env.Logger}
	return c.Run(ctx, stdin, stdout)
}

// app is the knowledge library and subscription store behind a router.
type app struct {
	Router *commands.Router
	lib    *knowledge.Library
	store  *bot.Store
}

// openApp opens the library over articlesDir and the store under the data
// folder. When needStore is false, a store that another process holds is
// done without (subscriptions then say they are unavailable), so that
// `coopbot ask` works next to a running bot.
func openApp(ctx context.Context, env Env, articlesDir string, storeTimeout time.Duration, needStore bool) (*app, error) {
	lib, err := openLibrary(ctx, env, articlesDir)
	if err != nil {
		return nil, err
	}
	a := &app{lib: lib}
	store, err := bot.OpenStore(filepath.Join(env.DataDir, storeFile), storeTimeout)
	switch {
	case err == nil:
		a.store = store
		a.Router = commands.NewRouter(lib, store, nil)
	case needStore:
		lib.Close()
		return nil, err
	default:
		if env.Logger != nil {
			env.Logger.Warn("subscriptions unavailable", "err", err)
		}
		a.Router = commands.NewRouter(lib, nil, nil) // an untyped nil: no store
	}
	return a, nil
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
