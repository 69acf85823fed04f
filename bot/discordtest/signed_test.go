package discordtest_test

import (
	"crypto/ed25519"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discordtest"
)

// endpoint is a tiny HTTP interactions endpoint: it verifies the signature
// with discordgo.VerifyInteraction, refuses timestamps older than 5 s, and
// answers PING and slash commands.
func endpoint(key ed25519.PublicKey) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts, _ := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
		if !discordgo.VerifyInteraction(r, key) || time.Since(time.Unix(ts, 0)) > 5*time.Second {
			http.Error(w, "invalid request signature", http.StatusUnauthorized)
			return
		}
		var i discordgo.Interaction
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &i); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		resp := discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
		if i.Type == discordgo.InteractionApplicationCommand {
			resp = discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "hello " + i.ApplicationCommandData().Name},
			}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(resp)
	})
}

func TestPostSignedInteraction(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	bot := httptest.NewServer(endpoint(srv.PublicKey))
	defer bot.Close()

	post := func(i any, opts ...discordtest.SignOption) *http.Response {
		t.Helper()
		resp, err := srv.PostSignedInteraction(bot.URL, i, opts...)
		if err != nil {
			t.Fatalf("PostSignedInteraction() = %v", err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := post([]byte(`{"type":1}`)); resp.StatusCode != http.StatusOK {
		t.Errorf("PING: status %d; want 200", resp.StatusCode)
	}
	if resp := post([]byte(`{"type":1}`), discordtest.BadSignature()); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("bad signature: status %d; want 401", resp.StatusCode)
	}
	if resp := post([]byte(`{"type":1}`), discordtest.SignedAge(10*time.Minute)); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("old timestamp: status %d; want 401", resp.StatusCode)
	}

	resp := post(command("news"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("command: status %d; want 200", resp.StatusCode)
	}
	// The answer was recorded as the interaction's callback: find its id.
	var id string
	for _, m := range srv.Messages("1300000000000000002") {
		if m.Content == "hello news" {
			id = m.ID
		}
	}
	if id == "" {
		t.Errorf("Messages() = %v; want the HTTP answer recorded", srv.Messages("1300000000000000002"))
	}
	if _, err := srv.PostSignedInteraction("http://example.com/", []byte(`{}`)); err == nil {
		t.Errorf("PostSignedInteraction(example.com) succeeded; want loopback only")
	}
}
