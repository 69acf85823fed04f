package subscription

import (
	"testing"

	"github.com/coopbot/coopbot/knowledge"
)

// everything is a Matcher for which every article matches every filter.
type everything struct{}

func (everything) Matches(string, knowledge.Filter) bool { return true }

// Matches is the one rule delivery uses: only active subscriptions match.
func TestMatches(t *testing.T) {
	if !Matches(everything{}, Subscription{State: Active}, "001.txt") {
		t.Error("Matches(active) = false")
	}
	if Matches(everything{}, Subscription{State: Paused}, "001.txt") {
		t.Error("Matches(paused) = true")
	}
}
