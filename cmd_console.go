package main

import (
	"context"
	"io"

	"github.com/coopbot/coopbot/bot"
)

// runConsole runs the local console that `coopbot` starts without a
// DISCORD_TOKEN: a one-line greeting, then one reply per line of stdin.
func runConsole(ctx context.Context, env Env, stdin io.Reader, stdout, stderr io.Writer) error {
	app, err := openApp(ctx, env, env.ArticlesDir, bot.DefaultOpenTimeout, true)
	if err != nil {
		return err
	}
	defer app.Close()
	c := &bot.Console{Router: app.router, Logger: env.Logger}
	return c.Run(ctx, stdin, stdout)
}
