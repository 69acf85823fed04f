package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/commands"
)

const (
	e2eToken   = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.end-to-end-token"
	e2eGuild   = "1300000000000000001"
	e2eChannel = "1300000000000000002"
)

// lockedBuffer is a stderr that a test reads while run writes to it.
type lockedBuffer struct {
	mu sync.Mutex // guards b
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// discordEnv is the environment of a coopbot pointed at the fake.
func discordEnv(t *testing.T, srv *discordtest.Server, extra ...string) func(string) string {
	vars := map[string]string{
		"DISCORD_TOKEN":      e2eToken,
		"DISCORD_APP_ID":     srv.AppID,
		"DISCORD_PUBLIC_KEY": hex.EncodeToString(srv.PublicKey),
		"DISCORD_GUILD_ID":   e2eGuild,
		"DISCORD_API_BASE":   srv.URL,
		"COOPBOT_ARTICLES":   "seeds",
		"COOPBOT_DATA":       t.TempDir(),
		"COOPBOT_HTTP_ADDR":  "127.0.0.1:0",
	}
	for i := 0; i+1 < len(extra); i += 2 {
		vars[extra[i]] = extra[i+1]
	}
	return func(k string) string { return vars[k] }
}

// start runs coopbot with args in the background; stop cancels it and
// returns run's error.
func start(t *testing.T, args []string, getenv func(string) string) (stderr *lockedBuffer, stop func() error) {
	stderr = &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, getenv, strings.NewReader(""), io.Discard, stderr) }()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("coopbot's stderr:\n%s", stderr)
		}
	})
	var once sync.Once
	var err error
	return stderr, func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				err = errors.New("run did not return 10 s after its context was cancelled")
			}
		})
		return err
	}
}

// waitFor polls stderr until re matches, and returns the first submatch.
func waitFor(t *testing.T, stderr *lockedBuffer, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := rx.FindStringSubmatch(stderr.String()); m != nil {
			return m[len(m)-1]
		}
	}
	t.Fatalf("stderr never matched %q:\n%s", re, stderr)
	return ""
}

// command builds a slash command sent by a member with perms.
func command(t *testing.T, perms int64, name string, values map[string]string) *discordgo.Interaction {
	t.Helper()
	data, err := commands.CommandData(name, values, "")
	if err != nil {
		t.Fatal(err)
	}
	data.ID = ""
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand, Data: data, GuildID: e2eGuild, ChannelID: e2eChannel,
		Member: &discordgo.Member{GuildID: e2eGuild, User: &discordgo.User{ID: "1200000000000000001", Username: "tester"}, Permissions: perms},
	}
}

// final waits for the message an interaction ends up showing.
func final(t *testing.T, srv *discordtest.Server, id string) *discordgo.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := srv.WaitResponse(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for ctx.Err() == nil {
		o := srv.Original(id)
		if o != nil && (resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || o.EditedTimestamp != nil) {
			return o
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("interaction %s: no final message", id)
	return nil
}

func TestRunDiscordSettingsErrors(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	for _, tc := range []struct {
		args    []string
		without string // the setting left out, which the error names
	}{
		{nil, "DISCORD_APP_ID"},
		{[]string{"serve"}, "DISCORD_PUBLIC_KEY"},
		{[]string{"register"}, "DISCORD_APP_ID"},
	} {
		getenv := discordEnv(t, srv, tc.without, "")
		err := run(context.Background(), tc.args, getenv, nil, io.Discard, io.Discard)
		var usage *usageError
		if err == nil || !errors.As(err, &usage) || !strings.HasPrefix(err.Error(), tc.without) || strings.Contains(err.Error(), e2eToken) {
			t.Errorf("run(%q) without %s = %v; want a usage error naming it, without the token", tc.args, tc.without, err)
		}
	}
	err := run(context.Background(), nil, discordEnv(t, srv, "DISCORD_TOKEN", "not a token"), nil, io.Discard, io.Discard)
	if err == nil || !strings.HasPrefix(err.Error(), "DISCORD_TOKEN") || strings.Contains(err.Error(), "not a token") {
		t.Errorf("run() with a malformed token = %v; want an error naming DISCORD_TOKEN without its value", err)
	}
	for _, cmd := range []string{"serve", "register"} {
		var help bytes.Buffer
		err := run(context.Background(), []string{cmd, "--help"}, discordEnv(t, srv), nil, io.Discard, &help)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(help.String(), "DISCORD_APP_ID") || !strings.Contains(help.String(), "Usage: coopbot "+cmd) {
			t.Errorf("%s --help = %v, printed:\n%s\nwant its usage with the settings", cmd, err, help.String())
		}
	}
}

// getStatus GETs url and returns the status, or 0.
func getStatus(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}
