package bot

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/coopbot/coopbot/knowledge/subscription"
	bolt "go.etcd.io/bbolt"
)

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

// queue adds a delivery of file to sub's channel unless one is already
// waiting there; it reports whether it added one.
func queue(tx *bolt.Tx, sub subscription.Subscription, file string, now time.Time) (bool, error) {
	out := tx.Bucket(bucketOutbox)
	prefix := outboxPrefix(sub.ChannelID)
	c := out.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		d, err := decodeDelivery(k, v)
		if err != nil {
			return false, err
		}
		if d.File == file {
			return false, nil
		}
	}
	seq, err := out.NextSequence()
	if err != nil {
		return false, err
	}
	d := delivery{Channel: sub.ChannelID, File: file, Subscription: sub.ID, Queued: now.UTC()}
	v, err := json.Marshal(d)
	if err != nil {
		return false, fmt.Errorf("encode delivery of %s to %s: %w", file, sub.ChannelID, err)
	}
	key := binary.BigEndian.AppendUint64(prefix, seq)
	return true, out.Put(key, append([]byte{deliveryVersion}, v...))
}

// decodeDelivery reads a stored delivery of any known version, copying
// what it keeps out of the transaction's memory.
func decodeDelivery(k, v []byte) (delivery, error) {
	if len(v) == 0 {
		return delivery{}, fmt.Errorf("delivery %q: empty value", k)
	}
	switch v[0] {
	case 1:
		var d delivery
		if err := json.Unmarshal(v[1:], &d); err != nil {
			return delivery{}, fmt.Errorf("delivery %q: %w", k, err)
		}
		d.key = bytes.Clone(k)
		return d, nil
	}
	return delivery{}, fmt.Errorf("delivery %q: unknown value version %d", k, v[0])
}

// activeSubscriptions lists the active subscriptions, oldest first, within tx.
func activeSubscriptions(tx *bolt.Tx) ([]subscription.Subscription, error) {
	subs := []subscription.Subscription{}
	err := tx.Bucket(bucketSubscriptions).ForEach(func(k, v []byte) error {
		sub, err := decodeSubscription(k, v)
		if err != nil {
			return err
		}
		if sub.State == subscription.Active {
			subs = append(subs, sub)
		}
		return nil
	})
	return subs, err
}

// subscription returns the subscription with id, if there is one.
func (s *Store) subscription(id string) (subscription.Subscription, bool, error) {
	var sub subscription.Subscription
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		k, err := idKey(id)
		if err != nil {
			return nil
		}
		v := tx.Bucket(bucketSubscriptions).Get(k)
		if v == nil {
			return nil
		}
		sub, err = decodeSubscription(k, v)
		found = err == nil
		return err
	})
	if err != nil {
		return subscription.Subscription{}, false, fmt.Errorf("read subscription %s: %w", id, err)
	}
	return sub, found, nil
}
