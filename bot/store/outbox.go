package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/coopbot/coopbot/knowledge/subscription"
)

// postVersion is the version of a post's stored value.
const postVersion = 1

// postV1 is a post waiting in the outbox, as version 1 stores it, under
// the key channel id, 0, big-endian sequence number.
type postV1 struct {
	Channel      string    `json:"channel"`
	File         string    `json:"file"`
	Subscription string    `json:"subscription"`
	Queued       time.Time `json:"queued"`
}

// outboxPrefix is the prefix of a channel's outbox keys.
func outboxPrefix(channel string) []byte { return append([]byte(channel), 0) }

// Enqueue queues files for sub's channel, in order, leaving out those
// already waiting there; it returns how many it queued.
func (s *Bolt) Enqueue(sub subscription.Subscription, files []string, now time.Time) (int, error) {
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

// PendingChannels lists the channels with posts waiting.
func (s *Bolt) PendingChannels() ([]string, error) {
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

// Pending counts the posts waiting in the outbox.
func (s *Bolt) Pending() (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketOutbox).Stats().KeyN
		return nil
	})
	return n, err
}

// Next returns the oldest post waiting for channel.
func (s *Bolt) Next(channel string) (subscription.Post, bool, error) {
	var p subscription.Post
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := outboxPrefix(channel)
		k, v := tx.Bucket(bucketOutbox).Cursor().Seek(prefix)
		if k == nil || !bytes.HasPrefix(k, prefix) {
			return nil
		}
		var err error
		p, err = decodePost(k, v)
		found = err == nil
		return err
	})
	if err != nil {
		return subscription.Post{}, false, fmt.Errorf("read outbox of channel %s: %w", channel, err)
	}
	return p, found, nil
}

// Done removes a post from the outbox.
func (s *Bolt) Done(p subscription.Post) error {
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketOutbox).Delete([]byte(p.Key)) })
}

// PauseChannel pauses every active subscription of channel with reason and
// drops the posts waiting there, in one transaction.
func (s *Bolt) PauseChannel(channel, reason string) (paused []subscription.Subscription, dropped int, err error) {
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

// queue adds a post of file to sub's channel unless one is already
// waiting there; it reports whether it added one.
func queue(tx *bolt.Tx, sub subscription.Subscription, file string, now time.Time) (bool, error) {
	out := tx.Bucket(bucketOutbox)
	prefix := outboxPrefix(sub.ChannelID)
	c := out.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		p, err := decodePost(k, v)
		if err != nil {
			return false, err
		}
		if p.File == file {
			return false, nil
		}
	}
	seq, err := out.NextSequence()
	if err != nil {
		return false, err
	}
	v, err := json.Marshal(postV1{Channel: sub.ChannelID, File: file, Subscription: sub.ID, Queued: now.UTC()})
	if err != nil {
		return false, fmt.Errorf("encode post of %s to %s: %w", file, sub.ChannelID, err)
	}
	key := binary.BigEndian.AppendUint64(prefix, seq)
	return true, out.Put(key, append([]byte{postVersion}, v...))
}

// decodePost reads a stored post of any known version, copying what it
// keeps out of the transaction's memory.
func decodePost(k, v []byte) (subscription.Post, error) {
	if len(v) == 0 {
		return subscription.Post{}, fmt.Errorf("post %q: empty value", k)
	}
	switch v[0] {
	case 1:
		var p postV1
		if err := json.Unmarshal(v[1:], &p); err != nil {
			return subscription.Post{}, fmt.Errorf("post %q: %w", k, err)
		}
		return subscription.Post{Key: string(k), Channel: p.Channel, File: p.File, Subscription: p.Subscription, Queued: p.Queued}, nil
	}
	return subscription.Post{}, fmt.Errorf("post %q: unknown value version %d", k, v[0])
}
