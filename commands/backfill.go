package commands

import (
	"context"
	"fmt"

	"github.com/coopbot/coopbot/knowledge/subscription"
)

// Backfiller posts past articles to a subscription's channel. A
// subscription.Store that also implements it (the bot's delivery does)
// lets /subscribe take backfill:N; with one that does not, backfill says
// it is unavailable.
type Backfiller interface {
	// Backfill queues the n latest articles matching s for s's channel,
	// oldest first, and returns how many it queued.
	Backfill(ctx context.Context, s subscription.Subscription, n int) (int, error)
}

// backfill posts the n latest articles matching s in its channel and
// returns a sentence for the reply; "" when none were asked for.
func (r *Router) backfill(ctx context.Context, s subscription.Subscription, n int) (string, error) {
	if n <= 0 {
		return "", nil
	}
	b, ok := r.subs.(Backfiller)
	if !ok {
		return "Posting past articles is not available on this bot, so none were posted.", nil
	}
	queued, err := b.Backfill(ctx, s, min(n, MaxBackfill))
	if err != nil {
		return "", fmt.Errorf("backfill subscription %s: %w", s.ID, err)
	}
	switch queued {
	case 0:
		return "No past article matches (or they are already on their way), so none was posted.", nil
	case 1:
		return fmt.Sprintf("The latest matching article will be posted in <#%s> now.", s.ChannelID), nil
	}
	return fmt.Sprintf("The %d latest matching articles will be posted in <#%s> now, oldest first.", queued, s.ChannelID), nil
}
