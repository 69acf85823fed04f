package store

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/coopbot/coopbot/knowledge/subscription"
)

// seenVersion is the version of a seen article's stored value.
const seenVersion = 1

// keyBaseline, in the meta bucket, records when the articles present at
// the first start were marked seen without being posted.
var keyBaseline = []byte("baseline")

// Baseline marks files seen when no baseline was ever recorded, so that
// the first start on a folder posts nothing; it reports whether it did.
func (s *Bolt) Baseline(files []string, now time.Time) (bool, error) {
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
// transaction, one post per channel for each of them that match
// accepts for an active subscription of that channel. Files are queued in
// the order given. It returns the files that were new and the number of
// posts queued.
func (s *Bolt) Arrive(files []string, match func(subscription.Subscription, string) bool, now time.Time) (fresh []string, queued int, err error) {
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

// seenV1 is a seen article as version 1 stores it.
type seenV1 struct {
	At time.Time `json:"at"`
}

// markSeen records file as seen at now.
func markSeen(seen *bolt.Bucket, file string, now time.Time) error {
	b, err := json.Marshal(seenV1{At: now.UTC()})
	if err != nil {
		return fmt.Errorf("encode seen article %s: %w", file, err)
	}
	return seen.Put([]byte(file), append([]byte{seenVersion}, b...))
}

// MarkFilesSeen records files as seen, so that they are never posted.
func (s *Bolt) MarkFilesSeen(files []string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, f := range files {
			if err := markSeen(tx.Bucket(bucketSeen), f, time.Now()); err != nil {
				return err
			}
		}
		return nil
	})
}
