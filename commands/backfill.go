package commands

import (
	"context"
	"fmt"

	"github.com/coopbot/coopbot/knowledge/subscription"
)

// backfillNote posts the n latest articles matching s in its channel and
// returns a sentence for the reply; "" when none were asked for.
func (r *Router) backfillNote(ctx context.Context, s subscription.Subscription, n int) (string, error) {
	if n <= 0 {
		return "", nil
	}
	if r.backfill == nil {
		return "Posting past articles is not available on this bot, so none were posted.", nil
	}
	queued, err := r.backfill(ctx, s, min(n, MaxBackfill))
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
