package bot_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/bot/settings"
	"github.com/coopbot/coopbot/commands"
)

// TestHTTP runs the bot as Discord's HTTP interactions endpoint on a
// loopback port; the fake posts signed interactions to it and takes the
// deferred replies' edits through the interaction webhook.
func TestHTTP(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	b, _, cfg, h := newBot(t, srv, map[string]string{
		settings.EnvAppID: srv.AppID, settings.EnvAPIBase: srv.URL, settings.EnvPublicKey: hex.EncodeToString(srv.PublicKey),
	}, settings.NeedPublicKey)
	if _, err := bot.Register(context.Background(), srv.Session(testToken), cfg.AppID, "", commands.Catalog()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- b.Serve(ctx, ln, cfg.PublicKey) }()

	h.send = func(t *testing.T, i *discordgo.Interaction) string {
		t.Helper()
		resp, err := srv.PostSignedInteraction(url+"/interactions", i)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST interaction: status %d; want 200", resp.StatusCode)
		}
		return srv.LastInteraction().ID
	}

	t.Run("ping", func(t *testing.T) {
		resp, err := srv.PostSignedInteraction(url, []byte(`{"type":1,"id":"1","application_id":"`+srv.AppID+`","token":"x","version":1}`))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || strings.TrimSpace(string(body)) != `{"type":1}` || resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("PING = %d %s %q; want 200 application/json {\"type\":1}", resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	})
	t.Run("bad signatures refused", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			opts []discordtest.SignOption
		}{
			{"wrong key", []discordtest.SignOption{discordtest.BadSignature()}},
			{"timestamp 6 minutes old", []discordtest.SignOption{discordtest.SignedAge(6 * time.Minute)}},
			{"timestamp 6 minutes ahead", []discordtest.SignOption{discordtest.SignedAge(-6 * time.Minute)}},
		} {
			resp, err := srv.PostSignedInteraction(url, []byte(`{"type":1}`), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: status %d; want 401", tc.name, resp.StatusCode)
			}
		}
		if code := post(t, url, nil, []byte(`{"type":1}`)); code != http.StatusUnauthorized {
			t.Errorf("no signature: status %d; want 401", code)
		}
	})
	t.Run("body too large", func(t *testing.T) {
		big := bytes.Repeat([]byte(" "), bot.MaxBodyBytes+1)
		if code := post(t, url, signed(t, big), big); code != http.StatusRequestEntityTooLarge {
			t.Errorf("a body over 1 MiB: status %d; want 413", code)
		}
	})
	t.Run("healthz", func(t *testing.T) {
		resp, err := http.Get(url + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || string(body) != "ok" {
			t.Errorf("GET /healthz = %d %q; want 200 ok", resp.StatusCode, body)
		}
	})
	t.Run("every command", func(t *testing.T) { everyCommand(t, h) })
	t.Run("autocomplete", func(t *testing.T) { autocomplete(t, h) })
	t.Run("buttons page", func(t *testing.T) { paging(t, h) })
	t.Run("reload", func(t *testing.T) { reload(t, h) })
	t.Run("slow answer deferred", func(t *testing.T) { slow(t, h) })
	t.Run("slow ephemeral answer", func(t *testing.T) { slowEphemeral(t, h) })
	t.Run("apology", func(t *testing.T) { apology(t, h) })
	t.Run("subscribe another channel", func(t *testing.T) { otherChannel(t, h) })
	t.Run("client input", func(t *testing.T) { clientInput(t, h) })

	t.Run("shutdown finishes the interactions in flight", func(t *testing.T) {
		h.lib.delay.Store(int64(3 * deferAfter))
		id := h.send(t, slash(t, memberPerms, commands.CmdAsk, map[string]string{"question": "Who led the HUMG delegation?"}))
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve() = %v", err)
		}
		if o := srv.Original(id); o == nil || o.EditedTimestamp == nil {
			t.Errorf("after shutdown, the slow answer's original = %+v; want it edited", o)
		}
		if _, err := http.Get(url + "/healthz"); err == nil {
			t.Errorf("GET /healthz after shutdown succeeded; want the listener closed")
		}
	})
}

// signed returns the headers that sign body with a key the bot does not
// know: only the size check comes before the signature check.
func signed(t *testing.T, body []byte) http.Header {
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	h := http.Header{}
	h.Set("X-Signature-Timestamp", ts)
	h.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	return h
}

// post POSTs body to url with header and returns the status.
func post(t *testing.T, url string, header http.Header, body []byte) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
