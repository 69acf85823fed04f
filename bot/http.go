package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Limits of the HTTP interactions endpoint.
const (
	// MaxBodyBytes caps an interaction's body; Discord's are a few KiB.
	MaxBodyBytes = 1 << 20
	// MaxClockSkew is how far from now a signature's timestamp may be.
	MaxClockSkew = 5 * time.Minute
)

// endpoint is Discord's Interactions Endpoint URL: POST / (or
// /interactions) takes signed interactions; GET /healthz answers "ok".
// Deferred work runs under work, which outlives each request.
func (b *Bot) endpoint(work context.Context, key ed25519.PublicKey) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok")
	})
	interactions := func(w http.ResponseWriter, r *http.Request) { b.serveHTTP(work, key, w, r) }
	mux.HandleFunc("POST /{$}", interactions)
	mux.HandleFunc("POST /interactions", interactions)
	return mux
}

// serveHTTP answers one signed interaction: it checks the signature, the
// timestamp and the size, answers PING with PONG, and answers the rest
// inline with the same code as the gateway.
func (b *Bot) serveHTTP(work context.Context, key ed25519.PublicKey, w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read the request body", http.StatusBadRequest)
		return
	}
	if why := b.verify(key, r.Header, body); why != "" {
		b.log.Warn("refused an unsigned or badly signed request", "reason", why, "remote", r.RemoteAddr)
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		b.log.Warn("refused a signed request that is not an interaction", "error", err.Error())
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeResponse(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	if !b.begin() {
		b.log.Warn("interaction not taken: shutting down", "id", i.ID)
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	firsts := make(chan *discordgo.InteractionResponse)
	written := make(chan error, 1)
	go func() {
		defer b.end()
		b.answer(withResolved(work, body), &i, func(ctx context.Context, resp *discordgo.InteractionResponse) error {
			select {
			case firsts <- resp:
				return <-written
			case <-r.Context().Done():
				return errors.New("the HTTP request ended before the first response was ready")
			}
		})
	}()
	select {
	case resp := <-firsts:
		written <- writeResponse(w, resp)
	case <-r.Context().Done():
	}
}

// verify checks Discord's signature: X-Signature-Ed25519 is the hex
// Ed25519 signature of X-Signature-Timestamp followed by the body, and the
// timestamp is within MaxClockSkew of now. It returns why not, or "".
func (b *Bot) verify(key ed25519.PublicKey, h http.Header, body []byte) string {
	sigHex, ts := h.Get("X-Signature-Ed25519"), h.Get("X-Signature-Timestamp")
	if sigHex == "" || ts == "" {
		return "missing signature headers"
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return "malformed signature"
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return "malformed timestamp"
	}
	if skew := b.opts.now().Sub(time.Unix(secs, 0)); skew > MaxClockSkew || skew < -MaxClockSkew {
		return "timestamp more than 5 minutes from now"
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(key, msg, sig) {
		return "bad signature"
	}
	return ""
}

// writeResponse writes an interaction response as the HTTP answer and
// flushes it, so that Discord has it before any edit that follows.
func writeResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	b, err := json.Marshal(resp)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	if _, err := w.Write(b); err != nil {
		return err
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}
