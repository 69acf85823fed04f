// Command coopbot is a Discord bot that answers questions about
// universities' international cooperation news: who partners with whom,
// which delegations visited whom, when, led by whom, and what was signed.
//
// Run "coopbot --help" for its commands and settings.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/joho/godotenv"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := godotenv.Load(); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(os.Stderr, "coopbot: read .env: %v\n", err)
		os.Exit(2)
	}
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stderr, "coopbot: %v\n", err)
		}
		var usage *usageError
		if errors.As(err, &usage) || errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// Env is what every command gets from the environment.
type Env struct {
	// ArticlesDir is COOPBOT_ARTICLES, or --articles.
	ArticlesDir string
	// DataDir is COOPBOT_DATA.
	DataDir string
	// Getenv reads the other settings.
	Getenv func(string) string
	// Logger logs to standard error.
	Logger *slog.Logger
}

// usageError is a mistake in the command line or the settings.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

const usage = `coopbot answers questions about universities' international cooperation news.

Usage:
  coopbot                        with DISCORD_TOKEN set: connect to Discord's gateway;
                                 without it: a local console where you type the same
                                 slash commands (/latest, /partners, /visits, /search, /ask, …)
  coopbot ask [--articles DIR] [--json] TEXT
                                 answer one slash-command line or question; TEXT "-" reads
                                 one per line from standard input and prints JSON lines
  coopbot export [--articles DIR]
                                 print every fact extracted from the articles, as JSON
  coopbot serve                  serve Discord's HTTP interactions endpoint on COOPBOT_HTTP_ADDR
  coopbot register               register the slash commands with Discord, then exit

Run "coopbot COMMAND --help" for a command's options.

Settings (from the environment or a .env file in the working directory):
  DISCORD_TOKEN         the bot's token; unset: the local console
  DISCORD_APP_ID        the application's id (for register, serve and the gateway)
  DISCORD_PUBLIC_KEY    the application's public key, hex (for serve)
  DISCORD_GUILD_ID      register the commands in this one server only (development)
  DISCORD_API_BASE      where REST calls and gateway discovery go (default https://discord.com)
  COOPBOT_ARTICLES      the articles folder (default ./seeds)
  COOPBOT_DATA          the index and bbolt files (default ./data)
  COOPBOT_HTTP_ADDR     the address serve listens on (default :8080)
  COOPBOT_FEEDS         RSS/Atom feeds to poll, comma-separated; new items become article files
  COOPBOT_FEED_INTERVAL how often the feeds are polled (default 15m)
  COOPBOT_FEED_MAX_NEW  how many new items of one feed a poll saves at most (default 50)
`

// run is coopbot with its command line, environment and standard streams.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	env := Env{
		ArticlesDir: orDefault(getenv("COOPBOT_ARTICLES"), "./seeds"),
		DataDir:     orDefault(getenv("COOPBOT_DATA"), "./data"),
		Getenv:      getenv,
		Logger:      slog.New(slog.NewTextHandler(stderr, nil)),
	}
	if len(args) == 0 {
		if getenv("DISCORD_TOKEN") == "" {
			return runConsole(ctx, env, stdin, stdout, stderr)
		}
		return runGateway(ctx, env, stdout, stderr)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	case "ask":
		return runAsk(ctx, args[1:], env, stdin, stdout, stderr)
	case "export":
		return runExport(ctx, args[1:], env, stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], env, stdout, stderr)
	case "register":
		return runRegister(ctx, args[1:], env, stdout, stderr)
	}
	return &usageError{fmt.Sprintf("unknown command %q; run coopbot --help", args[0])}
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
