package commands

import (
	"context"

	"github.com/coopbot/coopbot/knowledge"
)

// Knowledge is what the commands ask of the knowledge core. *knowledge.Library
// implements it; tests also use doubles that return extreme data, to prove
// every reply stays inside Discord's limits.
type Knowledge interface {
	Sync(ctx context.Context) (knowledge.SyncReport, error)
	Latest(ctx context.Context, n int, f knowledge.Filter) ([]knowledge.ArticleSummary, error)
	Partners(ctx context.Context, institution, country string) (*knowledge.PartnersResult, error)
	Visits(ctx context.Context, f knowledge.VisitFilter) ([]knowledge.VisitRecord, error)
	Search(ctx context.Context, query string, n int) (*knowledge.SearchResult, error)
	Ask(ctx context.Context, question string) (*knowledge.Answer, error)
	Resolve(name string) (knowledge.Entity, error)
	Suggest(prefix string, n int) []knowledge.Entity
	SuggestCountries(prefix string, n int) []string
	Matches(file string, f knowledge.Filter) bool
}
