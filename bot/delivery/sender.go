package delivery

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/bot/discord"
	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// Discord's JSON error codes that mean the bot cannot post in a channel:
// its subscriptions there are paused, not deleted.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
)

// pauseReasons say why a subscription was paused, as /subscriptions shows.
var pauseReasons = map[int]string{
	codeUnknownChannel:     "unknown channel (10003)",
	codeMissingAccess:      "missing access (50001)",
	codeMissingPermissions: "missing permissions (50013)",
}

// outcome is what became of one attempt to post a delivery.
type outcome int

const (
	sent    outcome = iota // posted, or Discord kept the first post of its nonce
	dropped                // never to be posted: the article or subscription is gone, or Discord refused the body
	lost                   // the channel cannot be posted in: pause its subscriptions
	again                  // may pass later: retry after a wait
)

// sender posts channel's deliveries in order until its outbox is empty or
// ctx is done.
func (d *Delivery) sender(ctx context.Context, channel string) {
	defer d.wg.Done()
	for {
		if ctx.Err() != nil {
			d.release(channel, true)
			return
		}
		e, found, err := d.store.Next(channel)
		if err != nil {
			d.log.Error("delivery: read the outbox", "channel", channel, "err", err)
			sleep(ctx, d.opts.maxBackoff)
			continue
		}
		if !found {
			if d.release(channel, false) {
				return
			}
			continue
		}
		d.deliver(ctx, e)
	}
}

// deliver posts e until it is sent or dropped, its channel is lost, or ctx
// is done; it then takes e out of the outbox, unless ctx ended first.
func (d *Delivery) deliver(ctx context.Context, e subscription.Post) {
	backoff := d.opts.minBackoff
	for {
		res, retryAfter, err := d.post(ctx, e)
		switch res {
		case sent:
			d.log.Debug("delivery: posted", "channel", e.Channel, "file", e.File)
			if n := d.troubles.over(e.Channel); n > 0 {
				d.log.Info("delivery: posting works again", "channel", e.Channel, "failed_tries", n)
			}
			if err := d.store.Done(e); err != nil {
				d.log.Error("delivery: remove a sent post from the outbox", "channel", e.Channel, "file", e.File, "err", err)
			}
			return
		case dropped:
			d.troubles.over(e.Channel)
			d.log.Warn("delivery: post dropped", "channel", e.Channel, "file", e.File, "err", err)
			if err := d.store.Done(e); err != nil {
				d.log.Error("delivery: remove a dropped post from the outbox", "channel", e.Channel, "file", e.File, "err", err)
			}
			return
		case lost:
			d.troubles.over(e.Channel) // /subscriptions shows it paused instead
			if !d.pause(e.Channel, pauseReasons[discord.Code(err)], err) {
				sleep(ctx, d.opts.maxBackoff) // the store failed: try again later
			}
			return
		}
		if ctx.Err() != nil {
			return
		}
		wait := retryAfter
		if wait <= 0 {
			wait = backoff/2 + rand.N(backoff/2+1) // jittered, so senders do not retry in step
			backoff = min(2*backoff, d.opts.maxBackoff)
		}
		// The first failure and every tenth after it show at the default
		// level; the others at Debug.
		level := slog.LevelDebug
		n := d.troubles.failed(e.Channel, err)
		if n%warnEvery == 1 {
			level = slog.LevelWarn
		}
		d.log.Log(ctx, level, "delivery: post failed; it will be retried", "channel", e.Channel, "file", e.File,
			"failed_tries", n, "reason", failureReason(err), "in", wait, "err", err)
		if sleep(ctx, wait) != nil {
			return
		}
	}
}

// pause pauses the channel's subscriptions and drops its waiting posts;
// it reports whether the store took the change.
func (d *Delivery) pause(channel, reason string, cause error) bool {
	subs, dropped, err := d.store.PauseChannel(channel, reason)
	if err != nil {
		d.log.Error("delivery: pause subscriptions", "channel", channel, "reason", reason, "err", err)
		return false
	}
	for _, s := range subs {
		d.log.Warn("subscription paused: the bot cannot post in its channel; /subscribe there resumes it",
			"subscription", s.ID, "guild", s.GuildID, "channel", channel, "reason", reason, "err", cause)
	}
	d.log.Warn("delivery: channel lost", "channel", channel, "reason", reason, "paused", len(subs), "dropped_posts", dropped)
	return true
}

// post makes one attempt to post e, paced by the limits.
func (d *Delivery) post(ctx context.Context, e subscription.Post) (outcome, time.Duration, error) {
	summary, facts, ok := d.lib.Article(e.File)
	if !ok {
		return dropped, 0, errors.New("the article is no longer in the folder")
	}
	if want, err := d.wanted(e); err != nil {
		return again, 0, err
	} else if !want {
		return dropped, 0, errors.New("no active subscription of the channel wants it")
	}
	post := commands.Post(summary, facts)
	if err := limits.ValidateMessage(post.Content, post.Embeds, post.Components, 0); err != nil {
		return dropped, 0, fmt.Errorf("the post breaks Discord's limits: %w", err)
	}
	endpoint := discordgo.EndpointChannelMessages(e.Channel)
	if err := d.pace(ctx, endpoint); err != nil {
		return again, 0, err
	}
	body := messageWithNonce{MessageSend: post, Nonce: nonce(e.Channel, e.File), EnforceNonce: true}
	reqCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), d.opts.requestTime)
	defer cancel()
	_, err := d.session.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint,
		discordgo.WithContext(reqCtx), discordgo.WithRetryOnRatelimit(false), discordgo.WithRestRetries(0))
	return d.classify(ctx, err)
}

// classify says what a post's error means, and counts invalid requests.
func (d *Delivery) classify(ctx context.Context, err error) (outcome, time.Duration, error) {
	if err == nil {
		return sent, 0, nil
	}
	var limited *discordgo.RateLimitError
	if errors.As(err, &limited) {
		d.invalid.add(http.StatusTooManyRequests)
		return again, limited.RetryAfter, err
	}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil {
		status := rest.Response.StatusCode
		switch status {
		case http.StatusUnauthorized, http.StatusForbidden, http.StatusTooManyRequests:
			d.invalid.add(status)
		}
		switch {
		case pauseReasons[discord.Code(err)] != "":
			return lost, 0, err
		case status == http.StatusUnauthorized:
			d.log.Error("delivery: Discord refuses the bot's token; check DISCORD_TOKEN", "err", err)
			return again, 0, err
		case status == http.StatusTooManyRequests, status >= 500:
			return again, 0, err
		}
		return dropped, 0, fmt.Errorf("discord refused the post: %w", err)
	}
	if ctx.Err() == nil && (discord.Transient(ctx, err) || errors.Is(err, context.DeadlineExceeded)) {
		return again, 0, err
	}
	return again, 0, err // the unknown may pass too; the nonce keeps a retry single
}

// wanted reports whether a subscription of e's channel still wants e: the
// one it was queued for, or any other active one that matches.
func (d *Delivery) wanted(e subscription.Post) (bool, error) {
	sub, found, err := d.store.Subscription(e.Subscription)
	if err != nil {
		return false, err
	}
	if found && sub.State == subscription.Active && sub.ChannelID == e.Channel {
		return true, nil
	}
	subs, err := d.store.Subscriptions("", e.Channel)
	if err != nil {
		return false, err
	}
	for _, s := range subs {
		if subscription.Matches(d.lib, s, e.File) {
			return true, nil
		}
	}
	return false, nil
}

// pace waits until a post to endpoint may go: under the invalid-request
// cap, out of the channel's and the global rate-limit waits discordgo
// learnt from Discord's headers, and within the senders' shared rate.
func (d *Delivery) pace(ctx context.Context, endpoint string) error {
	rl := d.session.Ratelimiter
	bucket := rl.GetBucket(endpoint)
	waitTime := func() time.Duration {
		bucket.Lock()
		defer bucket.Unlock()
		return rl.GetWaitTime(bucket, 1)
	}
	for {
		if err := d.invalid.wait(ctx); err != nil {
			return err
		}
		if w := waitTime(); w > 0 {
			if err := sleep(ctx, w); err != nil {
				return err
			}
		}
		if err := d.limiter.Wait(ctx); err != nil {
			return err
		}
		if waitTime() <= 0 {
			return nil
		}
	}
}
