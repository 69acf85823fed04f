package subscription

import "time"

// Post is one article waiting in the outbox to be posted in a channel,
// queued for a subscription of that channel.
type Post struct {
	// Key is the post's place in the store that queued it; it means
	// nothing elsewhere.
	Key          string
	Channel      string
	File         string
	Subscription string
	Queued       time.Time
}
