package subscription

import (
	"testing"
	"time"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
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

func TestNews(t *testing.T) {
	made := time.Date(2026, 12, 2, 16, 0, 0, 0, time.UTC)
	s := Subscription{State: Active, CreatedAt: made}
	for _, tc := range []struct {
		d    article.Date
		want bool
	}{
		{article.Date{Year: 2026, Month: 12, Day: 2}, true},
		{article.Date{Year: 2026, Month: 12, Day: 3}, true},
		// The day before, in a zone ahead of UTC: still news.
		{article.Date{Year: 2026, Month: 12, Day: 1}, true},
		// Two days before, a month before, a year before: not news.
		{article.Date{Year: 2026, Month: 11, Day: 30}, false},
		{article.Date{Year: 2026, Month: 11}, false},
		{article.Date{Year: 2025}, false},
		// This month, at month precision; this year, at year precision.
		{article.Date{Year: 2026, Month: 12}, true},
		{article.Date{Year: 2026}, true},
		// Undated.
		{article.Date{}, true},
	} {
		if got := News(s, tc.d); got != tc.want {
			t.Errorf("News(made %s, %s) = %v; want %v", made.Format(time.DateOnly), tc.d, got, tc.want)
		}
	}
	if !News(Subscription{}, article.Date{Year: 2001}) {
		t.Errorf("News(no creation time, 2001) = false; want true")
	}
}
