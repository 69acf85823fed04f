package bot

import (
	"bytes"
	"fmt"
	"time"

	"github.com/coopbot/coopbot/knowledge/subscription"
	bolt "go.etcd.io/bbolt"
)

// Versions of the outbox's and the seen articles' stored values.
const (
	deliveryVersion = 1
	seenVersion     = 1
)

// keyBaseline, in the meta bucket, records when the articles present at
// the first start were marked seen without being posted.
var keyBaseline = []byte("baseline")

// delivery is one post waiting in the outbox: an article for a channel,
// queued for a subscription of that channel.
type delivery struct {
	key          []byte    // the outbox key, copied out of its transaction
	Channel      string    `json:"channel"`
	File         string    `json:"file"`
	Subscription string    `json:"subscription"`
	Queued       time.Time `json:"queued"`
}

// outboxPrefix is the prefix of a channel's outbox keys.
func outboxPrefix(channel string) []byte { return append([]byte(channel), 0) }

// Baseline marks files seen when no baseline was ever recorded, so that
// the first start on a folder posts nothing; it reports whether it did.
func (s *Store) Baseline(files []string, now time.Time) (bool, error) {
	made := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta.Get(keyBaseline) != nil {
			return nil
		}
		seen := tx.Bucket(bucketSeen)
		for _, f := range files {
			if err := markSeen(seen, f, now); err != nil {
				return err
			}
		}
		made = true
		return meta.Put(keyBaseline, []byte(now.UTC().Format(time.RFC3339Nano)))
	})
	if err != nil {
		return false, fmt.Errorf("record baseline: %w", err)
	}
	return made, nil
}

// Arrive records the files not seen before as seen and queues, in the same
// transaction, one delivery per channel for each of them that match
// accepts for an active subscription of that channel. Files are queued in
// the order given. It returns the files that were new and the number of
// deliveries queued.
func (s *Store) Arrive(files []string, match func(subscription.Subscription, string) bool, now time.Time) (fresh []string, queued int, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		fresh, queued = nil, 0
		seen := tx.Bucket(bucketSeen)
		var subs []subscription.Subscription
		for _, f := range files {
			if seen.Get([]byte(f)) != nil {
				continue
			}
			if subs == nil {
				var err error
				if subs, err = activeSubscriptions(tx); err != nil {
					return err
				}
			}
			if err := markSeen(seen, f, now); err != nil {
				return err
			}
			fresh = append(fresh, f)
			for _, sub := range subs {
				if !match(sub, f) {
					continue
				}
				ok, err := queue(tx, sub, f, now)
				if err != nil {
					return err
				}
				if ok {
					queued++
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("record new articles: %w", err)
	}
	return fresh, queued, nil
}

// Enqueue queues files for sub's channel, in order, leaving out those
// already waiting there; it returns how many it queued.
func (s *Store) Enqueue(sub subscription.Subscription, files []string, now time.Time) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		n = 0
		for _, f := range files {
			ok, err := queue(tx, sub, f, now)
			if err != nil {
				return err
			}
			if ok {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("queue articles for channel %s: %w", sub.ChannelID, err)
	}
	return n, nil
}

// PendingChannels lists the channels with deliveries waiting.
func (s *Store) PendingChannels() ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOutbox).Cursor()
		for k, _ := c.First(); k != nil; {
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				return fmt.Errorf("outbox key %q: no channel", k)
			}
			out = append(out, string(k[:i]))
			k, _ = c.Seek(append(k[:i:i], 1))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list pending channels: %w", err)
	}
	return out, nil
}

// Pending counts the deliveries waiting in the outbox.
func (s *Store) Pending() (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketOutbox).Stats().KeyN
		return nil
	})
	return n, err
}

// next returns the oldest delivery waiting for channel.
func (s *Store) next(channel string) (delivery, bool, error) {
	var d delivery
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := outboxPrefix(channel)
		k, v := tx.Bucket(bucketOutbox).Cursor().Seek(prefix)
		if k == nil || !bytes.HasPrefix(k, prefix) {
			return nil
		}
		var err error
		d, err = decodeDelivery(k, v)
		found = err == nil
		return err
	})
	if err != nil {
		return delivery{}, false, fmt.Errorf("read outbox of channel %s: %w", channel, err)
	}
	return d, found, nil
}

// done removes a delivery from the outbox.
func (s *Store) done(d delivery) error {
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketOutbox).Delete(d.key) })
}

// pauseChannel pauses every active subscription of channel with reason and
// drops the deliveries waiting there, in one transaction.
func (s *Store) pauseChannel(channel, reason string) (paused []subscription.Subscription, dropped int, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		paused, dropped = nil, 0
		subs, err := activeSubscriptions(tx)
		if err != nil {
			return err
		}
		b := tx.Bucket(bucketSubscriptions)
		for _, sub := range subs {
			if sub.ChannelID != channel {
				continue
			}
			sub.State, sub.PausedReason = subscription.Paused, reason
			k, err := idKey(sub.ID)
			if err != nil {
				return err
			}
			v, err := encodeSubscription(sub)
			if err != nil {
				return err
			}
			if err := b.Put(k, v); err != nil {
				return err
			}
			paused = append(paused, sub)
		}
		out := tx.Bucket(bucketOutbox)
		prefix := outboxPrefix(channel)
		var keys [][]byte
		c := out.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		for _, k := range keys {
			if err := out.Delete(k); err != nil {
				return err
			}
		}
		dropped = len(keys)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("pause subscriptions of channel %s: %w", channel, err)
	}
	return paused, dropped, nil
}
