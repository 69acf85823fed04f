package console

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/store"
	"github.com/coopbot/coopbot/commands"
)

func newConsole(t *testing.T, st *store.Bolt, logs *bytes.Buffer) *Console {
	t.Helper()
	return &Console{
		Router: commands.NewRouter(stubLib{}, st),
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	}
}

// TestConsoleThroughStdin drives the console as a person would: commands,
// a typo, a bare question, paging with the buttons, admin commands.
func TestConsoleThroughStdin(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "coopbot.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var logs, out bytes.Buffer
	in := strings.NewReader(strings.Join([]string{
		"/partners institution:HUMG country:China",
		"next",
		"Next",
		"next", // disabled on the last page: read as a question
		"prev",
		"/partner institution:HUMG",
		"Who led the delegation?",
		"/visits from:2025-11 to:2025-11",
		"/visits from:November",
		"/subscribe institution:Hanoi University of Mining and Geology",
		"/subscriptions",
		"/reload",
		"quit",
		"/help",
	}, "\n"))
	if err := newConsole(t, st, &logs).Run(context.Background(), in, &out); err != nil {
		t.Fatalf("Run = %v", err)
	}
	got := out.String()
	if first, _, _ := strings.Cut(got, "\n"); first != Greeting || !strings.Contains(first, "DISCORD_TOKEN") {
		t.Errorf("first line = %q; want the greeting", first)
	}
	for _, want := range []string{
		"== Partners of Hanoi University of Mining and Geology (HUMG) in China ==",
		"(Page 1 of 3 · 23 partners)", "[Previous (disabled)] [Next]",
		"(Page 2 of 3 · 23 partners)", "(Page 3 of 3 · 23 partners)", "[Previous] [Next (disabled)]",
		"There is no command /partner. Did you mean /partners?",
		"== Who led the delegation? ==", "Vice Rector Nguyen Ngoc Khanh led the delegation.",
		"`2025-11-13` **Hanoi University of Mining and Geology (HUMG)** → Tianjin, China",
		"`2025-11-14`",
		"== Subscribed ==", "<#console-channel>",
		"== Subscriptions of this server ==",
		"== Reloaded the articles ==", "1 added, 0 changed, 0 removed, 1 skipped, 5 unchanged", "`bad.txt`: empty file",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q", want)
		}
	}
	if strings.Count(got, "(Page 2 of 3") != 2 {
		t.Errorf("prev after the last page should show page 2 again; output:\n%s", got)
	}
	if strings.Contains(got, "coopbot help") {
		t.Error("the console answered a line after quit")
	}
	if logs.Len() != 0 {
		t.Errorf("unexpected log lines:\n%s", logs.String())
	}
}

// TestConsoleSubscriptionsSurviveReopen subscribes in one console, closes
// the store, and finds the subscription from a new console on the same file.
func TestConsoleSubscriptionsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "coopbot.db")
	ctx := context.Background()
	var logs bytes.Buffer
	for i, step := range []struct{ line, want string }{
		{"/subscribe institution:HUMG keywords:scholarship", "Subscribed"},
		{"/subscriptions", "institution: Hanoi University of Mining and Geology, keywords: scholarship"},
	} {
		st, err := store.Open(path, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		o, err := newConsole(t, st, &logs).Line(ctx, step.line)
		st.Close()
		if err != nil || !strings.Contains(o.Text, step.want) {
			t.Errorf("run %d: Line(%q) = %q, %v; want %q", i, step.line, o.Text, err, step.want)
		}
	}
}

// Line returns the exact response for Discord, and the deferred edit.
func TestConsoleLineResponses(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "coopbot.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var logs bytes.Buffer
	c := newConsole(t, st, &logs)
	o, err := c.Line(context.Background(), "/partners institution:HUMG")
	if err != nil || o.Response == nil || o.Response.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("Line(/partners) = %+v, %v", o, err)
	}
	b, err := json.Marshal(o.Response)
	if err != nil || !strings.Contains(string(b), `"custom_id":"pg|partners|1|HUMG|"`) {
		t.Errorf("response JSON = %s, %v", b, err)
	}
	o, err = c.Line(context.Background(), "/reload")
	if err != nil || o.Response.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || o.Edit == nil {
		t.Fatalf("Line(/reload) = %+v, %v; want a deferred response and its edit", o, err)
	}
	if !strings.Contains(Plain(o.Message), "1 added") {
		t.Errorf("Plain(reload message) = %q", Plain(o.Message))
	}
}
