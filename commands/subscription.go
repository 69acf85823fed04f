package commands

import (
	"errors"
	"strings"
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

// ErrNoSubscription is returned by a SubscriptionStore asked about an
// unknown subscription id.
var ErrNoSubscription = errors.New("no such subscription")

// SubscriptionStore keeps subscriptions. bot.Store implements it in bbolt.
type SubscriptionStore interface {
	// SaveSubscription creates s, assigning its ID when empty, or replaces
	// the subscription with s's ID; it returns s as stored.
	SaveSubscription(s Subscription) (Subscription, error)
	// Subscriptions lists a guild's subscriptions, oldest first, or only
	// one channel's when channelID is not "".
	Subscriptions(guildID, channelID string) ([]Subscription, error)
	// DeleteSubscription removes one, or returns ErrNoSubscription.
	DeleteSubscription(id string) error
}

// Matches is the one rule for whether an article should be posted to a
// subscription: the subscription is active and the library says the article
// matches its filter.
func Matches(k Knowledge, s Subscription, file string) bool {
	return s.State == Active && k.Matches(file, s.Filter)
}

// SameFilter reports whether two filters ask for the same articles, ignoring
// case, accents and spacing.
func SameFilter(a, b knowledge.Filter) bool {
	return text.Fold(a.Institution) == text.Fold(b.Institution) &&
		text.Fold(a.Country) == text.Fold(b.Country) &&
		text.Fold(a.Keywords) == text.Fold(b.Keywords)
}

// describeFilter names a filter as a list shows it.
func describeFilter(f knowledge.Filter) string {
	var parts []string
	if f.Institution != "" {
		parts = append(parts, "institution: "+f.Institution)
	}
	if f.Country != "" {
		parts = append(parts, "country: "+f.Country)
	}
	if f.Keywords != "" {
		parts = append(parts, "keywords: "+f.Keywords)
	}
	if len(parts) == 0 {
		return "every article"
	}
	return strings.Join(parts, ", ")
}
