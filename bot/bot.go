package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/commands"
)

// Bot answers Discord's interactions with the router's handlers, either
// over the gateway (RunGateway) or as Discord's HTTP interactions endpoint
// (Serve); both modes answer through the same code. A Bot runs once: after
// RunGateway or Serve returns it takes no more interactions.
type Bot struct {
	router  *commands.Router
	session *discordgo.Session
	log     *slog.Logger
	opts    options

	mu       sync.Mutex // guards closing, and adding to inflight
	closing  bool
	inflight sync.WaitGroup
}

// An Option tunes a Bot.
type Option func(*options)

type options struct {
	deferAfter  time.Duration
	grace       time.Duration
	workTimeout time.Duration
	retry       retryPolicy
	now         func() time.Time
}

// WithDeferAfter sets how long a handler may take before the bot answers
// "thinking…" (a deferred response) and edits the answer in when it comes;
// the default, 2 s, keeps the first response inside Discord's 3 seconds.
func WithDeferAfter(d time.Duration) Option { return func(o *options) { o.deferAfter = d } }

// WithShutdownGrace sets how long a shutdown waits for the interactions in
// flight before cancelling their work (default 30 s).
func WithShutdownGrace(d time.Duration) Option { return func(o *options) { o.grace = d } }

// WithRetry sets how many attempts a failed Discord call gets (5xx or
// network failures) and the wait before the second, doubled after each
// (default 3 attempts, 200 ms).
func WithRetry(attempts int, backoff time.Duration) Option {
	return func(o *options) { o.retry = retryPolicy{attempts: max(attempts, 1), backoff: backoff} }
}

// WithClock sets the clock that signature timestamps are checked against
// (default time.Now).
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// New returns a bot that answers with router, calls Discord through
// session and logs to logger.
func New(router *commands.Router, session *discordgo.Session, logger *slog.Logger, opts ...Option) *Bot {
	o := options{
		deferAfter:  2 * time.Second,
		grace:       30 * time.Second,
		workTimeout: 14 * time.Minute, // an interaction's token works 15
		retry:       retryPolicy{attempts: 3, backoff: 200 * time.Millisecond},
		now:         time.Now,
	}
	for _, opt := range opts {
		opt(&o)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Bot{router: router, session: session, log: logger, opts: o}
}

// begin counts an interaction in, or reports false once the bot is
// shutting down.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.inflight.Add(1)
	return true
}

// end counts an interaction out.
func (b *Bot) end() { b.inflight.Done() }

// drain stops taking interactions and waits for those in flight; after
// the grace period it cancels their work with stopWork and waits for them
// to send what they have.
func (b *Bot) drain(stopWork context.CancelFunc) {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() {
		b.inflight.Wait()
		close(done)
	}()
	t := time.NewTimer(b.opts.grace)
	defer t.Stop()
	select {
	case <-done:
		return
	case <-t.C:
	}
	b.log.Warn("shutdown: interactions still in flight after the grace period; cancelling them", "grace", b.opts.grace)
	stopWork()
	t.Reset(sendTimeout)
	select {
	case <-done:
	case <-t.C:
		b.log.Error("shutdown: abandoning interactions that ignored their cancellation", "waited", sendTimeout)
	}
}
