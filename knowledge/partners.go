package knowledge

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
)

// Partners returns the partners of an institution, found by any of its
// names, most active first; with country set, only partners in that
// country. With no institution, it returns the most active partnerships.
func (l *Library) Partners(ctx context.Context, institution, country string) (*PartnersResult, error) {
	m := l.model.Load()
	want := ""
	if strings.TrimSpace(country) != "" {
		c, err := m.resolveCountry(country)
		if err != nil {
			return nil, err
		}
		want = c
	}
	if strings.TrimSpace(institution) == "" {
		return &PartnersResult{Partners: m.topLinks(want)}, nil
	}
	id, err := m.resolveName(institution)
	if err != nil {
		return nil, err
	}
	res := &PartnersResult{Institution: m.entities[id]}
	for _, key := range m.linksOf[id] {
		other := key[0]
		if other == id {
			other = key[1]
		}
		if want != "" && m.entities[other].Country != want {
			continue
		}
		res.Partners = append(res.Partners, m.partner(key, other, nil))
	}
	sortPartners(res.Partners)
	return res, nil
}

// topLinks returns every partnership, most active first, each pair once.
func (m *model) topLinks(country string) []Partner {
	var out []Partner
	for key := range m.links {
		a, b := m.entities[key[0]], m.entities[key[1]]
		// The side that is in more articles is the one the pair is "of".
		of, other := key[0], key[1]
		if b.Mentions > a.Mentions || b.Mentions == a.Mentions && b.Name < a.Name {
			of, other = key[1], key[0]
		}
		if country != "" && m.entities[of].Country != country && m.entities[other].Country != country {
			continue
		}
		out = append(out, m.partner(key, other, m.entities[of]))
	}
	sortPartners(out)
	return out
}

// partner renders a link from one side.
func (m *model) partner(key [2]int, other int, of *Entity) Partner {
	l := m.links[key]
	p := Partner{Of: of, Partner: *m.entities[other], Kinds: l.kinds, Dates: l.dates, Evidence: l.evidence}
	for _, r := range l.sources {
		p.Sources = append(p.Sources, r.ref())
	}
	slices.SortFunc(p.Sources, func(a, b ArticleRef) int { return b.Published.Compare(a.Published) })
	return p
}

// sortPartners orders partners by how many articles show them, then by
// their latest date, then by name.
func sortPartners(ps []Partner) {
	slices.SortFunc(ps, func(a, b Partner) int {
		if c := cmp.Compare(len(b.Sources), len(a.Sources)); c != 0 {
			return c
		}
		if c := lastDate(b).Compare(lastDate(a)); c != 0 {
			return c
		}
		return strings.Compare(a.Partner.Name, b.Partner.Name)
	})
}

// lastDate returns the latest date of a partnership.
func lastDate(p Partner) article.Date {
	if len(p.Dates) == 0 {
		return article.Date{}
	}
	return p.Dates[len(p.Dates)-1]
}
