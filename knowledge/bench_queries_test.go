package knowledge

// The query sets of the answer methods for BenchmarkQuery.

import (
	"context"
	"errors"
	"fmt"

	"github.com/coopbot/coopbot/knowledge/article"
)

// answerQueries returns varied query sets for Latest, Partners, Visits and
// Ask, drawn from s.
func answerQueries(l *Library, s corpusSample) map[string][]func(ctx context.Context) error {
	qs := map[string][]func(ctx context.Context) error{}
	add := func(kind string, f func(ctx context.Context) error) { qs[kind] = append(qs[kind], f) }
	// A name the corpus does not know is an answer too, not a failure.
	ok := func(err error) error {
		var nf *NotFoundError
		if errors.As(err, &nf) {
			return nil
		}
		return err
	}
	add("Latest", func(ctx context.Context) error { _, err := l.Latest(ctx, 10, Filter{}); return ok(err) })
	for i, in := range s.institutions {
		add("Latest", func(ctx context.Context) error { _, err := l.Latest(ctx, 10, Filter{Institution: in}); return ok(err) })
		add("Partners", func(ctx context.Context) error { _, err := l.Partners(ctx, in, ""); return ok(err) })
		add("Visits", func(ctx context.Context) error {
			_, err := l.Visits(ctx, VisitFilter{Institution: in, From: article.Date{Year: 2019 + i%7}})
			return ok(err)
		})
		add("Ask", func(ctx context.Context) error {
			_, err := l.Ask(ctx, fmt.Sprintf("Which universities did %s visit in %d?", in, 2019+i%7))
			return err
		})
	}
	for _, a := range s.acronyms {
		add("Partners", func(ctx context.Context) error { _, err := l.Partners(ctx, a, ""); return ok(err) })
		add("Ask", func(ctx context.Context) error {
			_, err := l.Ask(ctx, fmt.Sprintf("Who are the partners of %s?", a))
			return err
		})
	}
	for _, c := range s.countries {
		add("Latest", func(ctx context.Context) error { _, err := l.Latest(ctx, 10, Filter{Country: c}); return ok(err) })
		add("Partners", func(ctx context.Context) error { _, err := l.Partners(ctx, "", c); return ok(err) })
		add("Visits", func(ctx context.Context) error { _, err := l.Visits(ctx, VisitFilter{Country: c}); return ok(err) })
		add("Ask", func(ctx context.Context) error {
			_, err := l.Ask(ctx, fmt.Sprintf("Which delegations went to %s?", c))
			return err
		})
	}
	for _, p := range s.people {
		add("Visits", func(ctx context.Context) error { _, err := l.Visits(ctx, VisitFilter{Leader: p}); return ok(err) })
		add("Ask", func(ctx context.Context) error { _, err := l.Ask(ctx, "What did "+p+" sign?"); return err })
	}
	for _, w := range s.words {
		add("Latest", func(ctx context.Context) error { _, err := l.Latest(ctx, 5, Filter{Keywords: w}); return ok(err) })
	}
	return qs
}
