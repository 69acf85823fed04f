package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/coopbot/coopbot/bot/console"
)

const askUsage = `usage: coopbot ask [--articles DIR] [--json] TEXT
       coopbot ask [--articles DIR] -

Answers one line as the bot would on Discord, without Discord. TEXT is a
slash command, written as in the console, or a plain question (which is /ask):

  coopbot ask '/partners institution:Kyoto University country:Thailand'
  coopbot ask '/visits from:2025-11 to:2025-11'
  coopbot ask 'Who led the Kyoto University delegation to Vietnam?'

Option values need no quotes; the line is split at the command's option names.
The reply is printed as text. With --json, the exact InteractionResponse JSON
that would go to Discord is printed instead (and, for a deferred reply, the
webhook edit that follows, on a second line).

With -, each line of stdin is one command or question, and each answer is
printed as one JSON line {"question": ..., "answer": ...}, where answer is the
text a Discord user would read: message content, then every embed's title,
description and fields, joined with newlines.

The console acts as an admin of one local server; /subscribe and
/subscriptions use the bot's subscription store when no running bot holds it.

Flags:
`

// runAsk is `coopbot ask`: one line, or one per stdin line with -.
func runAsk(ctx context.Context, args []string, env Env, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	articles := fs.String("articles", env.ArticlesDir, "the articles `folder`")
	asJSON := fs.Bool("json", false, "print the exact InteractionResponse JSON")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), askUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	text := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if text == "" {
		fs.Usage()
		return &usageError{"ask: give a command or question, or - to read them from stdin"}
	}
	a, err := openApp(ctx, env, *articles, time.Second, false)
	if err != nil {
		return err
	}
	defer a.Close()
	c := &console.Console{Router: a.router, Logger: env.Logger}

	if text == "-" {
		return askLines(ctx, c, stdin, stdout, env)
	}
	out, err := c.Line(ctx, text)
	if err != nil && env.Logger != nil {
		env.Logger.Error("ask failed", "line", text, "err", err)
	}
	if !*asJSON {
		_, werr := fmt.Fprintln(stdout, out.Text)
		return werr
	}
	if out.Response == nil {
		return fmt.Errorf("ask: %s", out.Text)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out.Response); err != nil {
		return err
	}
	if out.Edit != nil {
		return enc.Encode(out.Edit)
	}
	return nil
}

// askLines answers each line of in with a JSON line {"question", "answer"}.
func askLines(ctx context.Context, c *console.Console, in io.Reader, stdout io.Writer, env Env) error {
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			continue
		}
		out, err := c.Line(ctx, q)
		if err != nil && env.Logger != nil {
			env.Logger.Error("ask failed", "line", q, "err", err)
		}
		answer := out.Text
		if out.Message != nil {
			answer = console.Plain(out.Message)
		}
		if err := enc.Encode(struct {
			Question string `json:"question"`
			Answer   string `json:"answer"`
		}{q, answer}); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return sc.Err()
}
