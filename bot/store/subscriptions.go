package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// SaveSubscription creates sub, assigning its ID when empty, or replaces the
// subscription with sub's ID, which must exist.
func (s *Bolt) SaveSubscription(sub subscription.Subscription) (subscription.Subscription, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubscriptions)
		var key []byte
		if sub.ID == "" {
			seq, err := b.NextSequence()
			if err != nil {
				return err
			}
			key = seqKey(seq)
			sub.ID = strconv.FormatUint(seq, 10)
		} else {
			k, err := idKey(sub.ID)
			if err != nil || b.Get(k) == nil {
				return fmt.Errorf("subscription %s: %w", sub.ID, subscription.ErrNoSubscription)
			}
			key = k
		}
		v, err := encodeSubscription(sub)
		if err != nil {
			return err
		}
		return b.Put(key, v)
	})
	if err != nil {
		return subscription.Subscription{}, fmt.Errorf("save subscription: %w", err)
	}
	return sub, nil
}

// Subscriptions lists subscriptions oldest first: a guild's, only one
// channel's when channelID is not "", or every guild's when guildID is "".
func (s *Bolt) Subscriptions(guildID, channelID string) ([]subscription.Subscription, error) {
	var out []subscription.Subscription
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSubscriptions).ForEach(func(k, v []byte) error {
			sub, err := decodeSubscription(k, v) // copies out of the transaction
			if err != nil {
				return err
			}
			if (guildID == "" || sub.GuildID == guildID) && (channelID == "" || sub.ChannelID == channelID) {
				out = append(out, sub)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return out, nil
}

// DeleteSubscription removes a subscription, or returns an error wrapping
// subscription.ErrNoSubscription.
func (s *Bolt) DeleteSubscription(id string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubscriptions)
		k, err := idKey(id)
		if err != nil || b.Get(k) == nil {
			return fmt.Errorf("delete subscription %s: %w", id, subscription.ErrNoSubscription)
		}
		return b.Delete(k)
	})
}

// Subscription returns the subscription with id, if there is one.
func (s *Bolt) Subscription(id string) (subscription.Subscription, bool, error) {
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

// subscriptionV1 is a subscription as version 1 stores it.
type subscriptionV1 struct {
	GuildID      string    `json:"guild_id"`
	ChannelID    string    `json:"channel_id"`
	Institution  string    `json:"institution,omitempty"`
	Country      string    `json:"country,omitempty"`
	Keywords     string    `json:"keywords,omitempty"`
	CreatedBy    string    `json:"created_by"`
	CreatedAt    time.Time `json:"created_at"`
	State        string    `json:"state"`
	PausedReason string    `json:"paused_reason,omitempty"`
}

func encodeSubscription(s subscription.Subscription) ([]byte, error) {
	b, err := json.Marshal(subscriptionV1{
		GuildID: s.GuildID, ChannelID: s.ChannelID,
		Institution: s.Filter.Institution, Country: s.Filter.Country, Keywords: s.Filter.Keywords,
		CreatedBy: s.CreatedBy, CreatedAt: s.CreatedAt, State: string(s.State), PausedReason: s.PausedReason,
	})
	if err != nil {
		return nil, fmt.Errorf("encode subscription %s: %w", s.ID, err)
	}
	return append([]byte{subscriptionVersion}, b...), nil
}

// decodeSubscription reads a stored value of any known version. It never
// keeps k or v, which bbolt reuses once the transaction ends.
func decodeSubscription(k, v []byte) (subscription.Subscription, error) {
	if len(k) != 8 {
		return subscription.Subscription{}, fmt.Errorf("subscription key %x: not a sequence number", k)
	}
	id := strconv.FormatUint(binary.BigEndian.Uint64(k), 10)
	if len(v) == 0 {
		return subscription.Subscription{}, fmt.Errorf("subscription %s: empty value", id)
	}
	switch v[0] {
	case 1:
		var s subscriptionV1
		if err := json.Unmarshal(v[1:], &s); err != nil {
			return subscription.Subscription{}, fmt.Errorf("subscription %s: %w", id, err)
		}
		return subscription.Subscription{
			ID: id, GuildID: s.GuildID, ChannelID: s.ChannelID,
			Filter:    knowledge.Filter{Institution: s.Institution, Country: s.Country, Keywords: s.Keywords},
			CreatedBy: s.CreatedBy, CreatedAt: s.CreatedAt,
			State: subscription.State(s.State), PausedReason: s.PausedReason,
		}, nil
	}
	return subscription.Subscription{}, fmt.Errorf("subscription %s: unknown value version %d", id, v[0])
}
