package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/bot/store"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// crashChild, set in the environment, makes the test binary run coopbot
// itself, as main does, instead of the tests.
const crashChild = "COOPBOT_TEST_RUN_AS_COOPBOT"

// A real coopbot process (this test binary re-executed as coopbot) is
// killed with SIGKILL in the middle of posting a new article to 50
// channels, then started again: every channel gets the post exactly once.
// The fake Discord keeps running across the restart, with its real rate
// limits and its nonce dedupe.
func TestDeliverySurvivesSIGKILL(t *testing.T) {
	if os.Getenv(crashChild) != "" {
		runAsCoopbot()
		return
	}
	if testing.Short() {
		t.Skip("starts coopbot processes")
	}
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithToken(e2eToken), discordtest.WithRateLimits(), discordtest.WithSpec("-"))
	articles, data := t.TempDir(), t.TempDir()
	copyInto(t, articles, "seeds", "")
	var chs []string
	st, err := store.Open(filepath.Join(data, storeFile), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		ch := fmt.Sprintf("16000000000000%05d", i)
		chs = append(chs, ch)
		if _, err := st.SaveSubscription(subscription.Subscription{GuildID: e2eGuild, ChannelID: ch, State: subscription.Active}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	env := append(os.Environ(), crashChild+"=1",
		"DISCORD_TOKEN="+e2eToken, "DISCORD_APP_ID="+srv.AppID, "DISCORD_GUILD_ID="+e2eGuild,
		"DISCORD_API_BASE="+srv.URL, "COOPBOT_ARTICLES="+articles, "COOPBOT_DATA="+data)
	total := func() int {
		n := 0
		for _, ch := range chs {
			n += len(srv.Messages(ch))
		}
		return n
	}

	first := startCoopbot(t, env)
	waitFor(t, first.stderr, `watching the articles folder`)
	copyInto(t, articles, filepath.Join("knowledge", "testdata"), "korea_trip.txt")
	deadline := time.Now().Add(10 * time.Second)
	for total() < 10 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	if err := first.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	first.cmd.Wait()
	atKill := total()
	if atKill == 0 || atKill >= len(chs) {
		t.Fatalf("killed with %d of %d posts made; want the kill in the middle of the delivery", atKill, len(chs))
	}

	second := startCoopbot(t, env)
	deadline = time.Now().Add(15 * time.Second)
	for total() < len(chs) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	for _, ch := range chs {
		if n := len(srv.Messages(ch)); n != 1 {
			t.Errorf("channel %s has %d posts; want exactly 1", ch, n)
		}
	}
	if err := second.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := second.cmd.Wait(); err != nil {
		t.Errorf("coopbot after SIGTERM: %v", err)
	}
	t.Logf("killed after %d of %d posts; the restart posted the rest", atKill, len(chs))
}

// coopbotProcess is a coopbot started by the test, with its stderr.
type coopbotProcess struct {
	cmd    *exec.Cmd
	stderr *lockedBuffer
}

// startCoopbot starts this test binary as coopbot with env.
func startCoopbot(t *testing.T, env []string) *coopbotProcess {
	t.Helper()
	p := &coopbotProcess{stderr: &lockedBuffer{}}
	p.cmd = exec.Command(os.Args[0], "-test.run=^TestDeliverySurvivesSIGKILL$")
	p.cmd.Env = env
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		if t.Failed() {
			t.Logf("coopbot's stderr:\n%s", p.stderr)
		}
	})
	return p
}

// runAsCoopbot is main, for the process the test starts.
func runAsCoopbot() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, nil, os.Getenv, strings.NewReader(""), os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "coopbot: %v\n", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// copyInto copies name from folder src into dst, or every file of src
// when name is "".
func copyInto(t *testing.T, dst, src, name string) {
	t.Helper()
	files := []string{filepath.Join(src, name)}
	if name == "" {
		var err error
		if files, err = filepath.Glob(filepath.Join(src, "*")); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(dst, "."+filepath.Base(f))
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dst, filepath.Base(f))); err != nil {
			t.Fatal(err)
		}
	}
}
