// Package store keeps the bot's durable state in one bbolt file: the
// subscriptions, the outbox of posts waiting for Discord, the set of
// articles already seen, and what the feed poller remembers. Each concern
// has its file; Bolt implements the stores that the commands
// (subscription.Store), the delivery and the feed poller define, whose
// methods name no bbolt type, so that another database can take its place.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// The store's buckets. Every bucket is named here and listed in buckets,
// so that Open creates them all in one transaction.
var (
	// bucketMeta holds the store's own facts, such as its schema version.
	bucketMeta = []byte("meta")
	// bucketSubscriptions maps a big-endian sequence number to a versioned
	// subscription value.
	bucketSubscriptions = []byte("subscriptions")
	// bucketOutbox maps channel id, 0, big-endian sequence number to a
	// versioned post waiting to be sent (outbox.go).
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

// Bolt is the store in one bbolt file. It is safe for concurrent use.
type Bolt struct {
	db *bolt.DB
}

// Open opens or creates the store at path, creating its folder and
// buckets. A file held by another process fails after timeout with an error
// that says so, rather than hanging.
func Open(path string, timeout time.Duration) (*Bolt, error) {
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
	return &Bolt{db: db}, nil
}

// Close releases the file.
func (s *Bolt) Close() error { return s.db.Close() }

// seqKey is the key of a sequence number: big-endian, so keys sort in order.
func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, seq)
}

// idKey is the key of a subscription's id.
func idKey(id string) ([]byte, error) {
	seq, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return nil, err
	}
	return seqKey(seq), nil
}
