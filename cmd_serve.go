package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"

	"github.com/coopbot/coopbot/bot"
)

// runServe is `coopbot serve`: Discord's Interactions Endpoint URL on
// COOPBOT_HTTP_ADDR, answering the same commands as the gateway.
func runServe(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "", "the `address` to listen on (default COOPBOT_HTTP_ADDR, or :8080)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: coopbot serve [--addr HOST:PORT]

Serves Discord's HTTP interactions endpoint: instead of connecting to the
gateway, the bot receives each interaction as an HTTPS POST from Discord and
answers it in the HTTP response. Every request is checked against the
application's public key (Ed25519; 401 when the signature is missing, wrong,
or more than 5 minutes old); slow answers are completed through the
interaction webhook. GET /healthz answers "ok".

Put it behind an HTTPS reverse proxy (Caddy, nginx, a tunnel) and set the
Interactions Endpoint URL of your application (Developer Portal > General
Information) to https://YOUR.HOST/interactions: Discord then sends a PING
that this endpoint must answer, so start serve first. Register the commands
once with "coopbot register". Needs DISCORD_APP_ID and DISCORD_PUBLIC_KEY;
DISCORD_TOKEN is not needed.

Options:
`)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), "\n"+settingsHelp)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("serve takes no arguments, got %q", fs.Args())}
	}
	settings, err := discordSettings(env, bot.NeedPublicKey)
	if err != nil {
		return err
	}
	if *addr == "" {
		*addr = settings.HTTPAddr
	}
	app, err := openApp(ctx, env, env.ArticlesDir, bot.DefaultOpenTimeout, true)
	if err != nil {
		return err
	}
	defer closeApp(app, &err)
	session, err := bot.NewSession(settings)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s (COOPBOT_HTTP_ADDR): %w", *addr, err)
	}
	stopDelivery := startDelivery(ctx, env, app, session, settings)
	err = bot.New(app.Router, session, env.Logger).Serve(ctx, ln, settings.PublicKey)
	return errors.Join(err, stopDelivery())
}
