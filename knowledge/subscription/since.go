package subscription

import (
	"time"

	"github.com/coopbot/coopbot/knowledge/article"
)

// dateGrace is how far before its subscription an article's date may end
// and the article still be news to it: a date has no time of day, and is
// written in the time zone of whoever published it.
const dateGrace = 24 * time.Hour

// News reports whether an article published on d is news to s, which is
// what a new article must be to be posted there: not dated before s was
// made, as MonitoRSS does, so that a feed that republishes its archive, or
// an old file dropped into the folder, floods no channel. Undated articles
// are news, and so is everything to a subscription of unknown age.
// Backfill posts past articles on request and does not ask.
func News(s Subscription, d article.Date) bool {
	if d.IsZero() || s.CreatedAt.IsZero() {
		return true
	}
	return !d.End().Add(dateGrace).Before(s.CreatedAt)
}
