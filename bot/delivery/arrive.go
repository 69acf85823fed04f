package delivery

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// catchUp runs at start: on a first start it records every article as
// seen without posting any; later it queues the articles not seen yet,
// those that arrived while the bot was down or that a crash left unqueued.
func (d *Delivery) catchUp(ctx context.Context) error {
	files := d.lib.Files()
	made, err := d.store.Baseline(files, d.opts.now())
	if err != nil {
		return err
	}
	if made {
		d.log.Info("delivery: first start, so the articles present are taken as seen and none is posted", "articles", len(files))
		return nil
	}
	return d.arrive(files)
}

// Sync syncs the library with the articles folder and delivers what it
// added. The folder watcher and /reload (commands.WithSync) both come here.
func (d *Delivery) Sync(ctx context.Context) (knowledge.SyncReport, error) {
	rep, err := d.lib.Sync(ctx)
	if err != nil {
		return rep, err
	}
	d.Arrived(rep)
	return rep, nil
}

// Arrived delivers the articles a sync added, oldest first, and logs the
// files it skipped (each once); changed articles are re-indexed by the
// sync and not posted again.
func (d *Delivery) Arrived(rep knowledge.SyncReport) {
	d.mu.Lock()
	for _, s := range rep.Skipped {
		if !d.skipped[s.File] {
			d.skipped[s.File] = true
			d.log.Warn("article skipped", "file", s.File, "reason", s.Reason)
		}
	}
	for _, f := range rep.Added {
		delete(d.skipped, f)
	}
	d.mu.Unlock()
	if len(rep.Added) == 0 {
		return
	}
	files := slices.Clone(rep.Added)
	dates := make(map[string]article.Date, len(files))
	for _, f := range files {
		s, _, _ := d.lib.Article(f)
		dates[f] = s.Published
	}
	slices.SortStableFunc(files, func(a, b string) int {
		return cmp.Or(dates[a].Compare(dates[b]), cmp.Compare(a, b))
	})
	if err := d.arrive(files); err != nil {
		d.log.Error("delivery: queue new articles", "err", err)
	}
}

// arrive records files as seen and queues their posts in one transaction,
// then wakes the senders. An article dated before a subscription was made
// is not posted to it (subscription.News).
func (d *Delivery) arrive(files []string) error {
	old := map[string]bool{}
	fresh, queued, err := d.store.Arrive(files, func(s subscription.Subscription, file string) bool {
		if !subscription.Matches(d.lib, s, file) {
			return false
		}
		a, _, _ := d.lib.Article(file)
		if !subscription.News(s, a.Published) {
			old[file] = true
			return false
		}
		return true
	}, d.opts.now())
	if err != nil {
		return err
	}
	for _, f := range fresh {
		d.log.Info("new article", "file", f)
	}
	if len(old) > 0 {
		d.log.Info("delivery: articles dated before a subscription are not posted to it (backfill:N posts past articles)", "articles", len(old))
	}
	if len(fresh) > 0 {
		d.log.Info("delivery: posts queued", "articles", len(fresh), "posts", queued)
	}
	d.wake()
	return nil
}

// Backfill queues the n latest articles matching s for its channel,
// oldest first, and returns how many it queued: /subscribe backfill:N
// (commands.WithBackfill).
func (d *Delivery) Backfill(ctx context.Context, s subscription.Subscription, n int) (int, error) {
	if n <= 0 {
		return 0, nil
	}
	latest, err := d.lib.Latest(ctx, n, s.Filter)
	if err != nil {
		return 0, fmt.Errorf("backfill: %w", err)
	}
	files := make([]string, 0, len(latest))
	for i := len(latest) - 1; i >= 0; i-- {
		if subscription.Matches(d.lib, s, latest[i].File) {
			files = append(files, latest[i].File)
		}
	}
	queued, err := d.store.Enqueue(s, files, d.opts.now())
	if err != nil {
		return 0, fmt.Errorf("backfill: %w", err)
	}
	d.log.Info("delivery: backfill queued", "subscription", s.ID, "channel", s.ChannelID, "posts", queued)
	d.wake()
	return queued, nil
}
