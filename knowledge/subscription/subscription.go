// Package subscription holds what a subscription is: a channel's standing
// request for the new articles that match a filter, the state it is in,
// the one rule for whether an article goes to it, and the interface of the
// store that keeps subscriptions. It knows nothing of Discord: guilds,
// channels and users are ids, kept as strings.
package subscription

import (
	"errors"
	"time"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/text"
)

// State says whether a subscription is delivering.
type State string

// The states of a subscription.
const (
	// Active subscriptions receive new articles.
	Active State = "active"
	// Paused subscriptions receive nothing until resumed; PausedReason says why.
	Paused State = "paused"
)

// Subscription asks for the new articles that match Filter to be posted in
// one channel.
type Subscription struct {
	// ID is assigned by the store when the subscription is first saved.
	ID        string
	GuildID   string
	ChannelID string
	// Filter is what an article must match; the zero Filter matches every article.
	Filter knowledge.Filter
	// CreatedBy is the Discord user id of whoever subscribed.
	CreatedBy string
	CreatedAt time.Time
	State     State
	// PausedReason says why a paused subscription stopped, e.g. "missing access".
	PausedReason string
}

// ErrNoSubscription is returned by a Store asked about an unknown
// subscription id.
var ErrNoSubscription = errors.New("no such subscription")

// Store keeps subscriptions; the runtime's bbolt store implements it.
type Store interface {
	// SaveSubscription creates s, assigning its ID when empty, or replaces
	// the subscription with s's ID; it returns s as stored.
	SaveSubscription(s Subscription) (Subscription, error)
	// Subscriptions lists a guild's subscriptions, oldest first, or only
	// one channel's when channelID is not "".
	Subscriptions(guildID, channelID string) ([]Subscription, error)
	// DeleteSubscription removes one, or returns ErrNoSubscription.
	DeleteSubscription(id string) error
}

// Matcher says whether an article matches a filter; *knowledge.Library
// is one.
type Matcher interface {
	Matches(file string, f knowledge.Filter) bool
}

// Matches is the one rule for whether an article should be posted to a
// subscription: the subscription is active and the library says the article
// matches its filter.
func Matches(m Matcher, s Subscription, file string) bool {
	return s.State == Active && m.Matches(file, s.Filter)
}

// SameFilter reports whether two filters ask for the same articles, ignoring
// case, accents and spacing.
func SameFilter(a, b knowledge.Filter) bool {
	return text.Fold(a.Institution) == text.Fold(b.Institution) &&
		text.Fold(a.Country) == text.Fold(b.Country) &&
		text.Fold(a.Keywords) == text.Fold(b.Keywords)
}
