package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/bot/settings"
	"github.com/coopbot/coopbot/commands"
)

// TestGateway runs one bot on the fake's gateway, through a session made
// by discord.NewSession with DISCORD_API_BASE pointing at the fake, and
// shares it between the scenarios: discordgo's Close costs a second.
func TestGateway(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithToken(testToken))
	b, session, cfg, h := newBot(t, srv, map[string]string{
		settings.EnvToken: testToken, settings.EnvAppID: srv.AppID, settings.EnvAPIBase: srv.URL,
	}, settings.NeedToken)
	if _, err := bot.Register(context.Background(), session, cfg.AppID, guildID, commands.Catalog()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- b.RunGateway(ctx) }()
	waitReady(t, srv, 1)

	h.send = func(t *testing.T, i *discordgo.Interaction) string {
		id, _ := srv.SendInteraction(i)
		return id
	}

	t.Run("every command", func(t *testing.T) { everyCommand(t, h) })
	t.Run("autocomplete", func(t *testing.T) { autocomplete(t, h) })
	t.Run("buttons page", func(t *testing.T) { paging(t, h) })
	t.Run("reload", func(t *testing.T) { reload(t, h) })
	t.Run("slow answer deferred", func(t *testing.T) { slow(t, h) })
	t.Run("slow ephemeral answer", func(t *testing.T) { slowEphemeral(t, h) })
	t.Run("apology", func(t *testing.T) { apology(t, h) })
	t.Run("subscribe another channel", func(t *testing.T) { otherChannel(t, h) })
	t.Run("client input", func(t *testing.T) { clientInput(t, h) })

	t.Run("callback retried after a 500", func(t *testing.T) {
		srv.InjectFault("POST /interactions/{id}/{token}/callback", discordtest.Fault{Status: 500})
		_, _, msg := h.answer(t, slash(t, memberPerms, commands.CmdHelp, nil))
		if !strings.Contains(text(msg), "/partners") {
			t.Errorf("/help after a 500 = %q; want the help", text(msg))
		}
	})

	t.Run("edit that fails for good is logged", func(t *testing.T) {
		srv.InjectFault("PATCH /webhooks/{app}/{token}/messages/{id}", discordtest.Fault{Status: 500, Times: 3})
		id := h.send(t, slash(t, adminPerms, commands.CmdReload, nil))
		line := h.waitLog(t, "id="+id, "level=ERROR")
		if !strings.Contains(line, "discord_error=") || !strings.Contains(line, "not completed") || strings.Contains(line, "aW50ZXJhY3Rpb246") {
			t.Errorf("log line = %q; want the Discord error, the outcome, and no token", line)
		}
	})

	t.Run("dropped gateway resumed", func(t *testing.T) {
		srv.DropGateway()
		// Sent while the bot is away: the fake replays it on Resume.
		_, _, msg := h.answer(t, slash(t, memberPerms, commands.CmdHelp, nil))
		if !strings.Contains(text(msg), "/partners") {
			t.Errorf("/help after a drop = %q; want the help", text(msg))
		}
		// The fake records a frame once it has written it, so the replayed
		// interaction can be answered before RESUMED is recorded: wait for
		// the frames, not for time.
		waitFrame(t, srv, true, 6, "")
		waitFrame(t, srv, false, 0, "RESUMED")
		_, _, msg = h.answer(t, slash(t, memberPerms, commands.CmdHelp, nil))
		if !strings.Contains(text(msg), "/partners") {
			t.Errorf("/help after the resume = %q; want the help", text(msg))
		}
	})

	t.Run("shutdown finishes the interactions in flight", func(t *testing.T) {
		h.lib.delay.Store(int64(3 * deferAfter))
		id := h.send(t, slash(t, memberPerms, commands.CmdAsk, map[string]string{"question": "Who led the HUMG delegation?"}))
		if _, err := srv.WaitResponse(context.Background(), id); err != nil {
			t.Fatal(err)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("RunGateway() = %v", err)
		}
		if o := srv.Original(id); o == nil || o.EditedTimestamp == nil {
			t.Errorf("after shutdown, the slow answer's original = %+v; want it edited", o)
		}
	})
	if strings.Contains(h.logs.String(), testToken) {
		t.Errorf("the token is in the logs:\n%s", h.logs)
	}
}

// waitReady waits until the fake has sent READY n times.
func waitReady(t *testing.T, srv *discordtest.Server, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		ready := 0
		for _, f := range srv.Frames() {
			if !f.FromClient && f.Type == "READY" {
				ready++
			}
		}
		if ready >= n {
			return
		}
	}
	t.Fatalf("the bot never got READY")
}

// waitFrame waits up to 5 s for a frame with op and type, sent by the
// client or by the fake.
func waitFrame(t *testing.T, srv *discordtest.Server, fromClient bool, op int, typ string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := srv.WaitFrame(ctx, func(f discordtest.Frame) bool {
		return f.FromClient == fromClient && f.Op == op && f.Type == typ
	}); err != nil {
		t.Errorf("no frame op %d %q from the client=%v: %v", op, typ, fromClient, err)
	}
}
