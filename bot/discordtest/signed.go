package discordtest

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// A SignOption changes how PostSignedInteraction signs.
type SignOption func(*signing)

type signing struct {
	badSignature bool
	age          time.Duration
}

// BadSignature signs with the wrong key, as Discord does on purpose to
// check that the endpoint answers 401.
func BadSignature() SignOption { return func(s *signing) { s.badSignature = true } }

// SignedAge dates the signature timestamp age before the server's clock,
// to check that the endpoint refuses stale (replayed) requests.
func SignedAge(age time.Duration) SignOption { return func(s *signing) { s.age = age } }

// PostSignedInteraction POSTs an interaction to the bot's HTTP interactions
// endpoint at url (loopback only), signed with the fake's key as Discord
// signs: X-Signature-Ed25519 is the hex Ed25519 signature of
// X-Signature-Timestamp followed by the body.
//
// interaction is a *discordgo.Interaction, which the fake completes and
// registers as SendInteraction does, so the bot's followups and edits
// reach it; or raw JSON bytes, sent as they are. A 200 answer that decodes
// as an interaction response is recorded as the interaction's callback and
// checked against the limits. The caller closes the response body.
func (s *Server) PostSignedInteraction(endpoint string, interaction any, opts ...SignOption) (*http.Response, error) {
	var cfg signing
	for _, o := range opts {
		o(&cfg)
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, fmt.Errorf("post signed interaction: %w", err)
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("post signed interaction: %s is not a loopback address", u.Host)
	}
	var body []byte
	var registered *discordgo.Interaction
	switch i := interaction.(type) {
	case []byte:
		body = i
	case *discordgo.Interaction:
		registered = s.register(i)
		s.mu.Lock()
		s.interactions[registered.ID].overHTTP = true
		s.mu.Unlock()
		if body, err = s.wire(registered); err != nil {
			return nil, fmt.Errorf("post signed interaction: %w", err)
		}
	default:
		return nil, fmt.Errorf("post signed interaction: %T is neither []byte nor *discordgo.Interaction", interaction)
	}

	ts := strconv.FormatInt(s.now().Add(-cfg.age).Unix(), 10)
	key := s.privateKey
	if cfg.badSignature {
		_, key, _ = ed25519.GenerateKey(nil)
	}
	sig := ed25519.Sign(key, append([]byte(ts), body...))
	req, err := http.NewRequest(http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("post signed interaction: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", ts)
	client := &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("post signed interaction: %w", err)
	}
	if registered != nil && resp.StatusCode == http.StatusOK {
		s.recordHTTPResponse(registered.ID, resp)
	}
	return resp, nil
}

// recordHTTPResponse keeps the bot's HTTP answer to an interaction as its
// callback, leaving resp's body readable.
func (s *Server) recordHTTPResponse(id string, resp *http.Response) {
	s.t.Helper()
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	r, m, err := decodeResponse(resp.Header.Get("Content-Type"), b)
	if err != nil {
		s.reject("interaction %s: HTTP answer is not an interaction response: %v", id, err)
		return
	}
	if r.Type == discordgo.InteractionResponsePong {
		return
	}
	if ps := checkCallback(resp.Header.Get("Content-Type"), b); len(ps) > 0 {
		s.reject("interaction %s: HTTP answer breaks limits: %s", id, ps)
	}
	s.mu.Lock()
	it := s.interactions[id]
	s.mu.Unlock()
	if it != nil && !s.respond(it, r, m) {
		s.reject("interaction %s: answered over HTTP after a callback", id)
	}
}
