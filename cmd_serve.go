package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/settings"
)

// runServe is `coopbot serve`: Discord's Interactions Endpoint URL on
// COOPBOT_HTTP_ADDR, answering the same commands as the gateway.
func runServe(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "", "the `address` to listen on (default COOPBOT_HTTP_ADDR, or :8080)")
	cfg, err := discordFlags(fs, serveUsage, args, env, settings.NeedPublicKey)
	if err != nil {
		return err
	}
	if *addr == "" {
		*addr = cfg.HTTPAddr
	}
	a, err := openDiscordApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer closeApp(a, &err)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s (COOPBOT_HTTP_ADDR): %w", *addr, err)
	}
	return a.serve(ctx, env, func(ctx context.Context) error {
		return bot.New(a.router, a.session, env.Logger).Serve(ctx, ln, cfg.PublicKey)
	})
}

// serveUsage is the help of `coopbot serve`, before its flags.
const serveUsage = `Usage: coopbot serve [--addr HOST:PORT]

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
`
