package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/store"
	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge"
)

// noNetwork fails every request at once: the fuzzed interactions' edits
// and followups go nowhere.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("no network in the fuzz test")
}

// FuzzServeHTTP sends any body, validly signed, to the interactions
// endpoint, over the real router and the seeds: the endpoint never fails
// (no 5xx, no panic), refuses what is not an interaction with 400, and
// answers everything else with an interaction response within Discord's
// limits.
func FuzzServeHTTP(f *testing.F) {
	lib, _, err := knowledge.Open(context.Background(), knowledge.Config{ArticlesDir: filepath.Join("..", "seeds"), DataDir: f.TempDir()})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { lib.Close() })
	st, err := store.Open(filepath.Join(f.TempDir(), "coopbot.db"), time.Second)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	session, err := discordgo.New("Bot fuzz")
	if err != nil {
		f.Fatal(err)
	}
	session.Client = &http.Client{Transport: noNetwork{}}
	b := New(commands.NewRouter(lib, st), session, nil, WithDeferAfter(5*time.Second), WithRetry(1, 0))
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		f.Fatal(err)
	}
	h := b.endpoint(context.Background(), pub)
	f.Fuzz(func(t *testing.T, body []byte) {
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...))))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			return
		case http.StatusOK:
		default:
			t.Fatalf("POST %q = %d %s; want 200 or 400", body, rec.Code, rec.Body)
		}
		var resp discordgo.InteractionResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || resp.Type == 0 {
			t.Fatalf("POST %q = 200 %s, not an interaction response: %v", body, rec.Body, err)
		}
		if err := limits.ValidateResponse(&resp); err != nil {
			t.Fatalf("POST %q = %s, which breaks Discord's limits: %v", body, rec.Body, err)
		}
	})
}
