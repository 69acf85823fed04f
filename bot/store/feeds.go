package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// feedItemVersion is the version of a stored feed item's value.
const feedItemVersion = 1

// feedItemV1 is a saved feed item as version 1 stores it.
type feedItemV1 struct {
	File string    `json:"file"`
	At   time.Time `json:"at"`
}

// feedKey is the feed_items key that records a feed was polled once.
func feedKey(feedURL string) []byte { return []byte("feed\x00" + feedURL) }

// FeedKnown reports whether the feed was polled successfully before.
func (s *Bolt) FeedKnown(feedURL string) (bool, error) {
	known := false
	err := s.db.View(func(tx *bolt.Tx) error {
		known = tx.Bucket(bucketFeedItems).Get(feedKey(feedURL)) != nil
		return nil
	})
	return known, err
}

// MarkFeedKnown records that the feed was polled successfully.
func (s *Bolt) MarkFeedKnown(feedURL string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFeedItems).Put(feedKey(feedURL), []byte{feedItemVersion})
	})
}

// FeedItemSeen reports whether an item with any of keys was saved.
func (s *Bolt) FeedItemSeen(keys []string) (bool, error) {
	seen := false
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeedItems)
		for _, k := range keys {
			seen = seen || b.Get([]byte(k)) != nil
		}
		return nil
	})
	return seen, err
}

// RecordFeedItem records that the item with keys was saved as file.
func (s *Bolt) RecordFeedItem(keys []string, file string) error {
	v, err := json.Marshal(feedItemV1{File: file, At: time.Now().UTC()})
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, k := range keys {
			if err := tx.Bucket(bucketFeedItems).Put([]byte(k), append([]byte{feedItemVersion}, v...)); err != nil {
				return err
			}
		}
		return nil
	})
}
