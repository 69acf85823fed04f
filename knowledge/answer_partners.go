package knowledge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/text"
)

// answerSigned answers "What did X and Y sign?" and "Which companies has X
// signed agreements with?".
func (m *model) answerSigned(q *question) *Answer {
	if !q.asks(askSigned) || len(q.entities) == 0 {
		return nil
	}
	a := &Answer{Found: true}
	var lines []string
	for _, r := range m.records {
		for _, ag := range r.Facts.Agreements {
			var ids []int
			for _, p := range ag.Parties {
				ids = append(ids, m.entityOf(r, p))
			}
			all := true
			for _, id := range q.entities {
				all = all && slices.Contains(ids, id)
			}
			if !all || !q.when.IsZero() && !q.when.Overlaps(ag.Date) {
				continue
			}
			var names []string
			for _, id := range ids {
				if id >= 0 {
					names = append(names, m.entities[id].Display())
				}
			}
			if q.country != "" && !m.anyIn(ids, q.entities, q.country) {
				continue
			}
			line := fmt.Sprintf("%s signed %s", strings.Join(names, " and "), withArticle(ag.Kind))
			if !ag.Date.IsZero() {
				line += " (" + ag.Date.Human() + ")"
			}
			if !slices.Contains(lines, line) {
				lines = append(lines, line)
			}
			a.Support = addCitation(a.Support, cite(ag.Evidence, r.ref()))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	a.Text = strings.Join(lines, ".\n") + "."
	return a
}

// anyIn reports whether an entity of ids, other than those asked about, is in country.
func (m *model) anyIn(ids, asked []int, country string) bool {
	for _, id := range ids {
		if id >= 0 && !slices.Contains(asked, id) && m.entities[id].Country == country {
			return true
		}
	}
	return false
}

// answerPartners answers "Which Japanese universities does X work with?":
// X's partners in the country and period asked, narrowed to those whose
// sentences share the question's words when some clearly do.
func (m *model) answerPartners(q *question) *Answer {
	if q.wh() == "when" || len(q.entities) != 1 || q.asks(askVisited) && q.relation != relPartners {
		return nil
	}
	if q.focus != "" && !q.focusIsBody() {
		return nil // "What is the application deadline …" asks for no partner
	}
	id := q.entities[0]
	nameWords := text.Stems(strings.Fields(text.Fold(strings.Join(m.entities[id].names(), " "))))
	var words []string
	for _, w := range text.Stems(q.words) {
		_, demonym := m.gaz.CountryOfDemonym(w)
		if !slices.Contains(nameWords, w) && !isGenericWord(w) && !demonym {
			words = append(words, w)
		}
	}
	type scored struct {
		p     Partner
		score int
	}
	var all []scored
	top := 0
	for _, key := range m.linksOf[id] {
		other := key[0]
		if other == id {
			other = key[1]
		}
		if q.country != "" && m.entities[other].Country != q.country || !q.wantsKind(m.entities[other]) {
			continue
		}
		p := m.partner(key, other, nil)
		if !q.when.IsZero() && !anyOverlap(p.Dates, q.when) {
			continue
		}
		s := overlap(words, text.Stems(strings.Fields(text.Fold(p.Evidence))))
		top = max(top, s)
		all = append(all, scored{p, s})
	}
	if len(all) == 0 {
		return nil
	}
	var ps []Partner
	for _, s := range all {
		if top < 2 || s.score == top {
			ps = append(ps, s.p)
		}
	}
	sortPartners(ps)
	a := &Answer{Found: true}
	var lines []string
	for _, p := range ps {
		line := p.Partner.Display()
		if p.Partner.Country != "" {
			line += ", " + p.Partner.Country
		}
		if d := lastDate(p); !d.IsZero() {
			line += " (" + d.Human() + ")"
		}
		lines = append(lines, line)
		if len(p.Sources) > 0 {
			a.Support = addCitation(a.Support, cite(p.Evidence, p.Sources[0]))
		}
	}
	a.Text = fmt.Sprintf("%s works with:\n• %s", m.entities[id].Display(), strings.Join(lines, "\n• "))
	return a
}

// isGenericWord reports whether a question word says nothing of which partners.
func isGenericWord(w string) bool {
	switch w {
	case "university", "institution", "company", "organisation", "organization", "partner", "work",
		"cooperate", "collaborate", "enterprise", "firm", "which":
		return true
	}
	return false
}

// anyOverlap reports whether any of dates falls in period.
func anyOverlap(dates []article.Date, period article.Date) bool {
	for _, d := range dates {
		if period.Overlaps(d) {
			return true
		}
	}
	return false
}

// answerCountryPartners answers "Which Korean universities work with
// Vietnamese ones?": the pairs of partners, one of each country, when the
// question names no institution.
func (m *model) answerCountryPartners(q *question) *Answer {
	if len(q.entities) > 0 || q.origin == "" || q.country == "" {
		return nil
	}
	var lines []string
	a := &Answer{Found: true}
	for key, l := range m.links {
		x, y := m.entities[key[0]], m.entities[key[1]]
		if x.Country == q.country && y.Country == q.origin {
			x, y = y, x
		}
		if x.Country != q.origin || y.Country != q.country || !q.wantsKind(x) {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s with %s", x.Display(), y.Display()))
		if len(l.sources) > 0 {
			a.Support = addCitation(a.Support, cite(l.evidence, l.sources[0].ref()))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	slices.Sort(lines)
	a.Support = dedupeCitations(a.Support, 5)
	a.Text = "• " + strings.Join(lines, "\n• ")
	return a
}
