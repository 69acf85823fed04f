// Package delivery posts each new article to the Discord channels whose
// subscriptions match it, exactly once, through the store's durable
// outbox; it watches the articles folder for new files, and posts past
// articles on request (/subscribe backfill:N).
package delivery

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// Articles is what delivery asks of the knowledge library: to sync with
// the folder, the latest articles of a filter, the one matching rule
// (subscription.Matches), and an article's summary and facts for its post.
// *knowledge.Library implements it.
type Articles interface {
	Sync(ctx context.Context) (knowledge.SyncReport, error)
	Latest(ctx context.Context, n int, f knowledge.Filter) ([]knowledge.ArticleSummary, error)
	Matches(file string, f knowledge.Filter) bool
	Article(file string) (knowledge.ArticleSummary, extract.Facts, bool)
	// Files lists every article's file, oldest first.
	Files() []string
}

// Store is what delivery keeps durably: the articles seen, the outbox of
// posts, and the subscriptions the posts are for. *store.Bolt implements
// it; its methods name no database type, so that another store can.
type Store interface {
	// Baseline marks files seen when no baseline was ever recorded, and
	// reports whether it did: the first start on a folder posts nothing.
	Baseline(files []string, now time.Time) (bool, error)
	// Arrive records the files not seen before as seen and, at once,
	// queues a post of each in every channel with an active subscription
	// that match accepts; it returns the new files and the posts queued.
	Arrive(files []string, match func(subscription.Subscription, string) bool, now time.Time) (fresh []string, queued int, err error)
	// Enqueue queues posts of files in s's channel, leaving out those
	// waiting there already, and returns how many it queued.
	Enqueue(s subscription.Subscription, files []string, now time.Time) (int, error)
	// Pending counts the posts waiting in the outbox.
	Pending() (int, error)
	// PendingChannels lists the channels with posts waiting.
	PendingChannels() ([]string, error)
	// Next returns the oldest post waiting in channel, if any.
	Next(channel string) (subscription.Post, bool, error)
	// Done takes a post out of the outbox.
	Done(p subscription.Post) error
	// PauseChannel pauses the active subscriptions of channel with reason
	// and drops the posts waiting there.
	PauseChannel(channel, reason string) (paused []subscription.Subscription, dropped int, err error)
	// Subscription returns the subscription with id, if there is one.
	Subscription(id string) (subscription.Subscription, bool, error)
	// Subscriptions lists a guild's subscriptions ("" for every guild's),
	// or one channel's when channelID is not "".
	Subscriptions(guildID, channelID string) ([]subscription.Subscription, error)
}

// Delivery posts each new article to every channel whose active
// subscription matches it, exactly once, through the store's durable
// outbox: one sender per channel keeps the order, a shared limiter keeps
// the bot under Discord's global limit, and a nonce derived from the
// channel and the article makes a retried post the same message.
type Delivery struct {
	lib      Articles
	store    Store
	session  *discordgo.Session
	log      *slog.Logger
	opts     options
	limiter  *rate.Limiter
	invalid  *invalidRequests
	troubles troubles

	kick chan struct{} // wakes the dispatcher; holds at most one wake-up

	mu      sync.Mutex // guards senders and skipped
	senders map[string]bool
	skipped map[string]bool // files already logged as skipped
	wg      sync.WaitGroup  // the senders running
}

// An Option tunes a Delivery.
type Option func(*options)

type options struct {
	rate          rate.Limit
	minBackoff    time.Duration
	maxBackoff    time.Duration
	invalidCap    int
	invalidWindow time.Duration
	settle        time.Duration
	requestTime   time.Duration
	now           func() time.Time
}

// WithPostRate sets how many posts a second all senders together make at
// most (default 48, under Discord's global 50 requests a second).
func WithPostRate(perSecond float64) Option {
	return func(o *options) { o.rate = rate.Limit(perSecond) }
}

// WithPostBackoff sets the wait before retrying a post that failed in a way
// that may pass (5xx, network), doubled after each failure up to max
// (default 500 ms to 1 minute).
func WithPostBackoff(min, max time.Duration) Option {
	return func(o *options) { o.minBackoff, o.maxBackoff = min, max }
}

// WithInvalidRequestCap sets how many invalid requests (401, 403, 429)
// the senders may meet in a window before they stop posting until the
// window ends (default 1000 per 10 minutes, a tenth of what gets
// Discord to ban the bot's address).
func WithInvalidRequestCap(n int, window time.Duration) Option {
	return func(o *options) { o.invalidCap, o.invalidWindow = n, window }
}

// WithSettle sets how long the articles folder must be quiet after a
// change before it is read (default 400 ms), so that a file still being
// written is not read halfway.
func WithSettle(d time.Duration) Option {
	return func(o *options) { o.settle = d }
}

// WithPostTimeout bounds one post request (default 20 s); a post that
// times out is retried with the same nonce.
func WithPostTimeout(d time.Duration) Option {
	return func(o *options) { o.requestTime = d }
}

// New returns a delivery of lib's new articles to the subscriptions kept
// in store, posted through session.
func New(lib Articles, store Store, session *discordgo.Session, logger *slog.Logger, opts ...Option) *Delivery {
	o := options{
		rate:          48,
		minBackoff:    500 * time.Millisecond,
		maxBackoff:    time.Minute,
		invalidCap:    1000,
		invalidWindow: 10 * time.Minute,
		settle:        400 * time.Millisecond,
		requestTime:   discord.RESTTimeout,
		now:           time.Now,
	}
	for _, opt := range opts {
		opt(&o)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Delivery{
		lib: lib, store: store, session: session, log: logger, opts: o,
		limiter:  rate.NewLimiter(o.rate, 1),
		invalid:  newInvalidRequests(o.invalidCap, o.invalidWindow, o.now, logger),
		troubles: troubles{now: o.now},
		kick:     make(chan struct{}, 1),
		senders:  map[string]bool{},
		skipped:  map[string]bool{},
	}
}

// Run delivers until ctx is done. It first records a baseline on a first
// start (every article present is taken as seen, and none is posted), or
// else queues the articles that arrived while the bot was down; then it
// drains the outbox, and watches articlesDir (unless it is "") for new
// files. When ctx is done it lets each sender finish the post in flight
// and returns; what is left in the outbox is posted at the next start.
func (d *Delivery) Run(ctx context.Context, articlesDir string) error {
	if err := d.catchUp(ctx); err != nil {
		return err
	}
	if n, err := d.store.Pending(); err == nil && n > 0 {
		d.log.Info("delivery: posting what is waiting in the outbox", "posts", n)
	}
	watched := make(chan error, 1)
	if articlesDir != "" {
		go func() {
			err := d.Watch(ctx, articlesDir)
			if err != nil {
				d.log.Error("new files in the articles folder will not be seen until /reload or a restart", "err", err)
			}
			watched <- err
		}()
	} else {
		watched <- nil
	}
	d.wake()
	for {
		select {
		case <-ctx.Done():
			d.wg.Wait()
			err := <-watched
			d.log.Info("delivery stopped")
			return err
		case <-d.kick:
			d.dispatch(ctx)
		}
	}
}

// wake makes the dispatcher look at the outbox again.
func (d *Delivery) wake() {
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// dispatch starts a sender for each channel with posts waiting and none.
func (d *Delivery) dispatch(ctx context.Context) {
	channels, err := d.store.PendingChannels()
	if err != nil {
		d.log.Error("delivery: read the outbox", "err", err)
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, ch := range channels {
		if d.senders[ch] {
			continue
		}
		d.senders[ch] = true
		d.wg.Add(1)
		go d.sender(ctx, ch)
	}
}

// release retires channel's sender when its outbox is empty, and reports
// whether it did; the check and the retirement happen under mu, so a post
// queued after it finds no sender and gets a new one.
func (d *Delivery) release(channel string, force bool) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !force {
		if _, found, err := d.store.Next(channel); err != nil || found {
			return false
		}
	}
	delete(d.senders, channel)
	return true
}
