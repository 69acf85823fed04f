package bot

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Timeouts of the HTTP interactions endpoint's server. Discord wants an
// answer within 3 s, so none needs to be long.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 60 * time.Second
)

// Serve runs Discord's Interactions Endpoint on ln until ctx is done:
// POST / (or /interactions) takes the interactions Discord signs with the
// application's key, GET /healthz answers "ok". Deferred replies are
// completed through the interaction webhook with the bot's session. When
// ctx is done it stops accepting requests, finishes the ones in progress
// and the deferred work in flight (up to the shutdown grace), and returns.
func (b *Bot) Serve(ctx context.Context, ln net.Listener, key ed25519.PublicKey) error {
	if len(key) != ed25519.PublicKeySize {
		ln.Close()
		return fmt.Errorf("serve interactions: want a %d-byte public key, got %d bytes", ed25519.PublicKeySize, len(key))
	}
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	srv := &http.Server{
		Handler:           b.endpoint(work, key),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(b.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return work },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	b.log.Info("serving Discord's interactions endpoint", "addr", ln.Addr().String())

	select {
	case err := <-served:
		b.drain(stopWork)
		return fmt.Errorf("serve interactions on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	b.log.Info("shutting down: finishing the requests and interactions in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), b.opts.grace)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	b.drain(stopWork)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("shut the interactions endpoint down: %w", err)
	}
	if e := <-served; e != nil && !errors.Is(e, http.ErrServerClosed) {
		return fmt.Errorf("serve interactions on %s: %w", ln.Addr(), e)
	}
	b.log.Info("interactions endpoint closed")
	return nil
}
