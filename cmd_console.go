package main

import (
	"context"
	"io"

	"github.com/coopbot/coopbot/bot/console"
	"github.com/coopbot/coopbot/bot/store"
)

// runConsole runs the local console that `coopbot` starts without a
// DISCORD_TOKEN: a one-line greeting, then one reply per line of stdin.
func runConsole(ctx context.Context, env Env, stdin io.Reader, stdout, stderr io.Writer) error {
	app, err := openApp(ctx, env, env.ArticlesDir, store.DefaultOpenTimeout, true)
	if err != nil {
		return err
	}
	defer app.Close()
	c := &console.Console{Router: app.router, Logger: env.Logger}
	return c.Run(ctx, stdin, stdout)
}
