package index

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// MaxSnippets is the number of snippets a hit carries at most: one a field.
const MaxSnippets = 2

// Hit is one article matching a search.
type Hit struct {
	File string
	// Title is the stored title, for a hit whose article the caller does
	// not know yet.
	Title string
	Score float64
	// Snippets are fragments of the fields where the query matched, best
	// field first; the start of the body when it matched only in names.
	Snippets []Snippet
}

// Results are the best hits of a search, and how many matched in all.
type Results struct {
	Total uint64
	Hits  []Hit
}

// Search runs a full-text search in the query-string syntax: words,
// "phrases", +must, -must-not, field:word, word~1, pre*, /regexp/. Words
// with no field look in the title, body and captions; fuzzy, wildcard and
// regexp words also in the names. It returns at most n hits, best first,
// each with up to MaxSnippets snippets. A query that cannot run gives a
// *QueryError that says how to fix it.
func (x *Index) Search(ctx context.Context, q string, n int) (*Results, error) {
	parsed, err := Parse(q)
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		n = 10
	}
	req := bleve.NewSearchRequestOptions(parsed, n, 0, false)
	req.Fields = []string{fieldTitle, fieldBody, fieldCaptions}
	req.IncludeLocations = true
	res, err := x.bleve.SearchInContext(ctx, req)
	if err != nil {
		if msg := err.Error(); strings.Contains(msg, "fuzziness") || strings.Contains(msg, "regexp") {
			return nil, &QueryError{Query: q, Reason: msg, Hint: syntaxHint}
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	out := &Results{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		hit := Hit{File: h.ID, Score: h.Score, Snippets: snippets(h)}
		hit.Title, _ = h.Fields[fieldTitle].(string)
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// snippets returns up to MaxSnippets snippets of h, one a field, from the
// fields where the query matched; the start of the body when it matched
// none of them (a hit by its names or institutions).
func snippets(h *search.DocumentMatch) []Snippet {
	var out []Snippet
	for _, f := range []string{fieldBody, fieldCaptions, fieldTitle} {
		text, _ := h.Fields[f].(string)
		if text == "" || len(h.Locations[f]) == 0 || len(out) == MaxSnippets {
			continue
		}
		var spans []span
		for _, locs := range h.Locations[f] {
			for _, l := range locs {
				if int(l.End) <= len(text) && l.Start < l.End {
					spans = append(spans, span{int(l.Start), int(l.End)})
				}
			}
		}
		if len(spans) > 0 {
			out = append(out, fragment(text, spans, snippetRunes))
		}
	}
	if len(out) == 0 {
		if body, _ := h.Fields[fieldBody].(string); body != "" {
			out = append(out, fragment(body, nil, snippetRunes))
		}
	}
	return out
}

// Match returns the files of the n articles that best match text, taken as
// plain words, in their title, body and captions.
func (x *Index) Match(ctx context.Context, text string, n int) ([]string, error) {
	if strings.TrimSpace(text) == "" || n <= 0 {
		return nil, nil
	}
	var clauses []query.Query
	for _, f := range []string{fieldTitle, fieldBody, fieldCaptions} {
		mq := bleve.NewMatchQuery(text)
		mq.SetField(f)
		clauses = append(clauses, mq)
	}
	return x.files(ctx, bleve.NewDisjunctionQuery(clauses...), n)
}

// WithAll returns the files of at most limit articles that hold every one
// of words in their title, body or captions.
func (x *Index) WithAll(ctx context.Context, words []string, limit int) ([]string, error) {
	var must []query.Query
	for _, w := range words {
		var any []query.Query
		for _, f := range []string{fieldTitle, fieldBody, fieldCaptions} {
			q := bleve.NewMatchQuery(w)
			q.SetField(f)
			any = append(any, q)
		}
		must = append(must, bleve.NewDisjunctionQuery(any...))
	}
	return x.files(ctx, bleve.NewConjunctionQuery(must...), limit)
}

// files returns the files of the best n matches of q.
func (x *Index) files(ctx context.Context, q query.Query, n int) ([]string, error) {
	res, err := x.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, n, 0, false))
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	files := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		files[i] = h.ID
	}
	return files, nil
}
