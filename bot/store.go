package bot

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/subscription"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// The store's buckets. Every bucket the bot uses is named here and listed in
// buckets, so that Open creates them all in one transaction.
var (
	// bucketMeta holds the store's own facts, such as its schema version.
	bucketMeta = []byte("meta")
	// bucketSubscriptions maps a big-endian sequence number to a versioned
	// subscription value.
	bucketSubscriptions = []byte("subscriptions")
	// bucketOutbox maps channel id, 0, big-endian sequence number to a
	// versioned delivery waiting to be posted (outbox.go).
	bucketOutbox = []byte("outbox")
	// bucketSeen maps an article's file name to when it was first seen.
	bucketSeen = []byte("seen")
	// bucketFeedItems maps a feed item's GUID or normalised link to the
	// article file it was saved as.
	bucketFeedItems = []byte("feed_items")

	buckets = [][]byte{bucketMeta, bucketSubscriptions, bucketOutbox, bucketSeen, bucketFeedItems}

	keySchema = []byte("schema")
)

// Versions of the stored values: the first byte of each value. A later
// schema adds a version and migrates the old ones when it reads them.
const (
	schemaVersion       = 1
	subscriptionVersion = 1
)

// DefaultOpenTimeout is how long Open waits for another process to release
// the file before failing.
const DefaultOpenTimeout = 2 * time.Second

// Store keeps the bot's durable state in one bbolt file: subscriptions now,
// and the delivery outbox later. It implements subscription.Store.
// It is safe for concurrent use.
type Store struct {
	db *bolt.DB
}

// OpenStore opens or creates the store at path, creating its folder and
// buckets. A file held by another process fails after timeout with an error
// that says so, rather than hanging.
func OpenStore(path string, timeout time.Duration) (*Store, error) {
	if timeout <= 0 {
		timeout = DefaultOpenTimeout
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: another coopbot process is using it (waited %s); stop it or set another COOPBOT_DATA: %w", path, timeout, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range buckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keySchema); len(v) == 1 && v[0] > schemaVersion {
			return fmt.Errorf("schema version %d is newer than this coopbot's %d", v[0], schemaVersion)
		}
		return meta.Put(keySchema, []byte{schemaVersion})
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// SaveSubscription creates sub, assigning its ID when empty, or replaces the
// subscription with sub's ID, which must exist.
func (s *Store) SaveSubscription(sub subscription.Subscription) (subscription.Subscription, error) {
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
func (s *Store) Subscriptions(guildID, channelID string) ([]subscription.Subscription, error) {
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
func (s *Store) DeleteSubscription(id string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubscriptions)
		k, err := idKey(id)
		if err != nil || b.Get(k) == nil {
			return fmt.Errorf("delete subscription %s: %w", id, subscription.ErrNoSubscription)
		}
		return b.Delete(k)
	})
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

func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, seq)
}

func idKey(id string) ([]byte, error) {
	seq, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return nil, err
	}
	return seqKey(seq), nil
}
