package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func testEnv(t *testing.T) Env {
	return Env{ArticlesDir: "seeds", DataDir: t.TempDir(), Getenv: func(string) string { return "" },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// `coopbot ask -` answers questions and slash commands, one JSON line each.
func TestAskLines(t *testing.T) {
	in := strings.NewReader("Who led the HUMG delegation to China in November 2025?\n/partners institution:HUMG country:China\n/partner institution:HUMG\n")
	var out, errOut bytes.Buffer
	if err := runAsk(context.Background(), []string{"-"}, testEnv(t), in, &out, &errOut); err != nil {
		t.Fatalf("ask - = %v; stderr %s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("ask - printed %d lines; want 3:\n%s", len(lines), out.String())
	}
	wants := []string{"Nguyen Ngoc Khanh", "Partners of Hanoi University of Mining and Geology (HUMG) in China", "Did you mean /partners?"}
	for i, l := range lines {
		var qa struct{ Question, Answer string }
		if err := json.Unmarshal([]byte(l), &qa); err != nil || qa.Question == "" {
			t.Errorf("line %d = %s: %v", i, l, err)
		}
		if !strings.Contains(qa.Answer, wants[i]) {
			t.Errorf("answer %d = %q; want it to contain %q", i, qa.Answer, wants[i])
		}
	}
}

// `coopbot ask --json` prints the exact InteractionResponse.
func TestAskJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := runAsk(context.Background(), []string{"--json", "/partners institution:HUMG"}, testEnv(t), nil, &out, &errOut); err != nil {
		t.Fatalf("ask --json = %v; stderr %s", err, errOut.String())
	}
	var r struct {
		Type discordgo.InteractionResponseType
		Data struct {
			Embeds     []json.RawMessage
			Components []json.RawMessage
		}
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil || r.Type != discordgo.InteractionResponseChannelMessageWithSource ||
		len(r.Data.Embeds) != 1 || len(r.Data.Components) != 1 {
		t.Errorf("ask --json printed %s (%v); want a type 4 response with one embed and its buttons", out.String(), err)
	}
}

// `coopbot ask --help` explains itself.
func TestAskHelp(t *testing.T) {
	var out, errOut bytes.Buffer
	runAsk(context.Background(), []string{"--help"}, testEnv(t), nil, &out, &errOut)
	if !strings.Contains(errOut.String(), "coopbot ask [--articles DIR] [--json] TEXT") || !strings.Contains(errOut.String(), "-json") {
		t.Errorf("ask --help printed %q", errOut.String())
	}
}

// The console started without a token greets, then answers stdin.
func TestConsoleCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	in := strings.NewReader("/visits from:2025-11 to:2025-11\n/subscribe institution:HUMG\n/subscriptions\n" +
		"/partners institution:Hanoi Univrsity of Mining and Geology\n/partners institution:HUMG colour:red\n/partners institution:Zzyzx University\n")
	if err := run(context.Background(), nil, func(k string) string {
		return map[string]string{"COOPBOT_DATA": t.TempDir(), "COOPBOT_ARTICLES": "seeds"}[k]
	}, in, &out, &errOut); err != nil {
		t.Fatalf("run() = %v; stderr %s", err, errOut.String())
	}
	got := out.String()
	if first, _, _ := strings.Cut(got, "\n"); !strings.Contains(first, "DISCORD_TOKEN") {
		t.Errorf("first line %q is not the greeting", first)
	}
	for _, want := range []string{"== Visits from November 2025 to November 2025 ==", "Tianjin University of Technology", "== Subscribed ==", "== Subscriptions of this server ==",
		"Showing results for Hanoi University of Mining and Geology (HUMG).\n== Partners of Hanoi University of Mining and Geology (HUMG) ==",
		`/partners has no option "colour"; its options are institution, country`,
		"No partners found for 'Zzyzx University'. I know no institution by that name: check its spelling"} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q:\n%s", want, got)
		}
	}
}
