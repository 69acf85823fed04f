package knowledge

import (
	"context"
	"errors"

	"github.com/coopbot/coopbot/knowledge/index"
)

// Search runs a full-text search in the query-string syntax: words,
// "phrases", +must, -must-not, field:word, word~1, pre*, /regexp/. Words
// with no field look in the title, body and captions; fuzzy, wildcard and
// regexp words also in the names. It returns at most n hits, best first,
// with up to two snippets each. A query that cannot run gives a
// *QueryError that says how to fix it.
func (l *Library) Search(ctx context.Context, q string, n int) (*SearchResult, error) {
	res, err := l.index.Search(ctx, q, n)
	if err != nil {
		if qe := (*index.QueryError)(nil); errors.As(err, &qe) {
			return nil, &QueryError{Query: qe.Query, Reason: qe.Reason, Hint: qe.Hint}
		}
		return nil, err
	}
	m := l.model.Load()
	out := &SearchResult{Total: res.Total, Hits: make([]SearchHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		hit := SearchHit{ArticleRef: ArticleRef{File: h.File, Title: h.Title}, Score: h.Score}
		if r := m.byFile[h.File]; r != nil {
			hit.ArticleRef = r.ref()
		}
		for _, s := range h.Snippets {
			hit.Snippets = append(hit.Snippets, Snippet{Text: s.Text, Matches: s.Matches})
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// document returns what the index keeps of r.
func document(r *record) index.Doc {
	a := &r.Article
	d := index.Doc{File: a.File, Title: a.Title, Paragraphs: a.Paragraphs, Captions: a.Captions}
	if !a.Published.IsZero() {
		d.Published = a.Published.Start()
	}
	for _, in := range r.Facts.Institutions {
		d.Institutions = append(d.Institutions, in.Name)
		d.Names = append(d.Names, in.Name)
		d.Names = append(d.Names, in.Aliases...)
		d.Countries = append(d.Countries, in.Country)
	}
	for _, p := range r.Facts.People {
		d.Names = append(d.Names, p.Name)
	}
	for _, v := range r.Facts.Visits {
		d.Names = append(d.Names, v.City, v.Country)
		d.Countries = append(d.Countries, v.Country)
	}
	d.Names = append(d.Names, d.Countries...)
	return d
}
