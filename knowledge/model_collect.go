package knowledge

import (
	"cmp"
	"slices"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
)

// entityOf returns the corpus entity that a record's institution name names, or -1.
func (m *model) entityOf(r *record, name string) int {
	for _, l := range m.local[r] {
		if l.name == name {
			return l.entity
		}
	}
	return -1
}

// ref cites a record.
func (r *record) ref() ArticleRef {
	return ArticleRef{File: r.Article.File, Title: r.Article.Title, Published: r.Article.Published}
}

// collect gathers the visits and partnerships of every record under their entities.
func (m *model) collect() {
	for _, r := range m.records {
		seen := map[int]bool{}
		for _, inst := range r.Facts.Institutions {
			if id := m.entityOf(r, inst.Name); id >= 0 && !seen[id] {
				seen[id] = true
				m.articlesOf[id] = append(m.articlesOf[id], r)
			}
		}
		for _, p := range r.Facts.People {
			id := -1
			if p.Institution != "" {
				id = m.entityOf(r, p.Institution)
			}
			m.people = append(m.people, personRecord{Person: p, entity: id, rec: r})
		}
		for _, v := range r.Facts.Visits {
			vis := m.entityOf(r, v.Visitor)
			if vis < 0 {
				continue
			}
			rec := &VisitRecord{
				Visitor: *m.entities[vis], Leader: v.Leader, LeaderTitle: v.LeaderTitle, City: v.City,
				Country: v.Country, Start: v.Start, End: v.End, Source: r.ref(), Evidence: v.Evidence,
			}
			if rec.Start.IsZero() {
				rec.Start = r.Article.Published
			}
			for _, h := range v.Hosts {
				if id := m.entityOf(r, h); id >= 0 {
					rec.Hosts = append(rec.Hosts, *m.entities[id])
				}
			}
			m.visits = append(m.visits, rec)
		}
		for _, p := range r.Facts.Partnerships {
			a, b := m.entityOf(r, p.A), m.entityOf(r, p.B)
			if a < 0 || b < 0 || a == b {
				continue
			}
			key := [2]int{min(a, b), max(a, b)}
			l := m.links[key]
			if l == nil {
				l = &link{evidence: p.Evidence}
				m.links[key] = l
				m.linksOf[a] = append(m.linksOf[a], key)
				m.linksOf[b] = append(m.linksOf[b], key)
			}
			if !slices.Contains(l.kinds, p.Kind) {
				l.kinds = append(l.kinds, p.Kind)
			}
			d := p.Date
			if d.IsZero() {
				d = r.Article.Published
			}
			if !d.IsZero() {
				l.dates = append(l.dates, d)
			}
			// Records come one at a time: a repeat is always the last one.
			if n := len(l.sources); n == 0 || l.sources[n-1] != r {
				l.sources = append(l.sources, r)
			}
		}
	}
	slices.SortStableFunc(m.visits, func(a, b *VisitRecord) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Source.File, b.Source.File)
	})
	for _, l := range m.links {
		slices.SortFunc(l.dates, article.Date.Compare)
		l.dates = slices.Compact(l.dates)
		slices.SortFunc(l.kinds, func(a, b extract.Kind) int { return cmp.Compare(b.Rank(), a.Rank()) })
	}
}
