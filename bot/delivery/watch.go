package delivery

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settleCap bounds, in settle periods, how long a stream of changes can
// put a sync off.
const settleCap = 10

// Watch watches the articles folder dir with fsnotify until ctx is done.
// Once the folder has been quiet for the settle period after a change (a
// file still being written keeps it busy; an atomic rename lands at once),
// it syncs the library and delivers what was added. It syncs once at the
// start too, for what arrived before the watch began.
func (d *Delivery) Watch(ctx context.Context, dir string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch articles folder: %w", err)
	}
	defer w.Close()
	if err := w.Add(dir); err != nil {
		return fmt.Errorf("watch articles folder %s: %w", dir, err)
	}
	d.log.Info("watching the articles folder", "dir", dir, "settle", d.opts.settle)
	d.syncFolder(ctx)

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var first time.Time // the first change not synced yet; zero when none
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(ev) {
				continue
			}
			now := time.Now()
			if first.IsZero() {
				first = now
			}
			due := min(d.opts.settle, first.Add(settleCap*d.opts.settle).Sub(now))
			timer.Reset(max(due, 0))
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// An overflow loses events: sync soon to find what they were.
			d.log.Warn("watching the articles folder", "err", err)
			if first.IsZero() {
				first = time.Now()
			}
			timer.Reset(d.opts.settle)
		case <-timer.C:
			first = time.Time{}
			d.syncFolder(ctx)
		}
	}
}

// syncFolder syncs the library and delivers what it added, logging a
// failure: the next change tries again.
func (d *Delivery) syncFolder(ctx context.Context) {
	rep, err := d.Sync(ctx)
	if err != nil {
		if ctx.Err() == nil {
			d.log.Error("sync the articles folder", "err", err)
		}
		return
	}
	if n := len(rep.Added) + len(rep.Changed) + len(rep.Removed); n > 0 {
		d.log.Info("articles folder synced", "added", len(rep.Added), "changed", len(rep.Changed),
			"removed", len(rep.Removed), "skipped", len(rep.Skipped))
	}
}

// relevant reports whether an event may change the articles: dot-files
// (a feed's file while it is written) and bare permission changes do not.
func relevant(ev fsnotify.Event) bool {
	if strings.HasPrefix(filepath.Base(ev.Name), ".") {
		return false
	}
	return !ev.Has(fsnotify.Chmod) || ev.Op != fsnotify.Chmod
}
