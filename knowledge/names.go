package knowledge

import (
	"cmp"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Resolve finds the institution a user means by any of its names or
// acronyms, ignoring case and accents. A name that matches nothing, or
// several bodies equally, gives a *NotFoundError with the nearest names.
func (l *Library) Resolve(name string) (Entity, error) {
	m := l.model.Load()
	id, err := m.resolveName(name)
	if err != nil {
		return Entity{}, err
	}
	return *m.entities[id], nil
}

// resolveName returns the entity a user's name for an institution means.
func (m *model) resolveName(name string) (int, error) {
	key := text.Key(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(name), "'s"), "’s"))
	if key == "" {
		return -1, &NotFoundError{What: "institution", Name: name}
	}
	if ids := m.byKey[key]; len(ids) > 0 {
		return ids[0], nil
	}
	// A unique prefix or run of words: "Osaka University of Econ".
	var hits []int
	for id, e := range m.entities {
		for _, n := range e.names() {
			k := text.Key(n)
			if strings.HasPrefix(k, key) || strings.Contains(" "+k+" ", " "+key+" ") {
				hits = append(hits, id)
				break
			}
		}
	}
	if len(hits) == 1 {
		return hits[0], nil
	}
	if id := m.typoOf(key); id >= 0 {
		return id, nil
	}
	return -1, &NotFoundError{What: "institution", Name: name, Suggestions: m.displays(m.suggest(name, 3))}
}

// typoOf returns the entity a misspelt name surely means, or -1: one whose
// name is within a typo or two of key ("Hanoi Univrsity of Mining and
// Geology"), when no other entity comes as close. Short keys are never
// corrected: a typo in an acronym is another acronym.
func (m *model) typoOf(key string) int {
	if len(key) < 8 {
		return -1
	}
	limit := max(1, len(key)/12)
	best, bestDist, second := -1, limit+1, limit+3
	for id, e := range m.entities {
		d := limit + 3
		for _, n := range e.names() {
			k := text.Key(n)
			if len(k) < len(key)-limit-2 || len(k) > len(key)+limit+2 {
				continue
			}
			d = min(d, text.EditDistance(key, k))
		}
		switch {
		case d < bestDist:
			if best >= 0 {
				second = min(second, bestDist)
			}
			best, bestDist = id, d
		case d < second:
			second = d
		}
	}
	if best < 0 || second <= bestDist+1 {
		return -1
	}
	return best
}

// names returns every name and acronym of e, its canonical name first.
func (e *Entity) names() []string {
	out := append([]string{e.Name}, e.Aliases...)
	return append(out, e.Acronyms...)
}

// displays names entities as users write them.
func (m *model) displays(ids []int) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = m.entities[id].Display()
	}
	return out
}

// Suggest returns up to n institutions for an autocomplete: those with a
// name or acronym starting with prefix first, then a word of a name
// starting with it, then the nearest by spelling; more mentioned first.
func (l *Library) Suggest(prefix string, n int) []Entity {
	m := l.model.Load()
	ids := m.suggest(prefix, n)
	out := make([]Entity, len(ids))
	for i, id := range ids {
		out[i] = *m.entities[id]
	}
	return out
}

// suggest ranks entities for a typed prefix.
func (m *model) suggest(prefix string, n int) []int {
	key := text.Key(prefix)
	type hit struct{ id, rank, dist int }
	var hits []hit
	for id, e := range m.entities {
		rank, dist := 4, 1<<30
		for _, name := range e.names() {
			k := text.Key(name)
			switch {
			case key == "":
				rank = min(rank, 0)
			case strings.HasPrefix(k, key):
				rank = min(rank, 0)
			case strings.Contains(" "+k, " "+key):
				rank = min(rank, 1)
			case strings.Contains(k, key):
				rank = min(rank, 2)
			default:
				d := text.EditDistance(key, k[:min(len(k), len(key))])
				if d <= max(1, len(key)/4) {
					rank = min(rank, 3)
					dist = min(dist, d)
				}
			}
		}
		if rank < 4 {
			hits = append(hits, hit{id, rank, dist})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		if c := cmp.Compare(m.entities[b.id].Mentions, m.entities[a.id].Mentions); c != 0 {
			return c
		}
		return strings.Compare(m.entities[a.id].Name, m.entities[b.id].Name)
	})
	out := make([]int, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.id)
	}
	return out
}

// SuggestCountries returns up to n countries starting with prefix, or
// nearest to it, the corpus's own countries first.
func (l *Library) SuggestCountries(prefix string, n int) []string {
	m := l.model.Load()
	key := text.Fold(prefix)
	var out []string
	add := func(c string) {
		if len(out) < n && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for _, pass := range []func(k string) bool{
		func(k string) bool { return strings.HasPrefix(k, key) },
		func(k string) bool { return strings.Contains(k, key) },
		func(k string) bool { return text.EditDistance(key, k[:min(len(k), len(key))]) <= max(1, len(key)/4) },
	} {
		for _, c := range m.countries {
			if pass(text.Fold(c)) {
				add(c)
			}
		}
		for _, c := range m.gaz.Countries() {
			if pass(text.Fold(c)) {
				add(c)
			}
		}
	}
	return out
}

// resolveFilter resolves the institution and country of a filter; either
// may be blank, giving -1 and "".
func (m *model) resolveFilter(institution, country string) (int, string, error) {
	inst := -1
	if strings.TrimSpace(institution) != "" {
		id, err := m.resolveName(institution)
		if err != nil {
			return -1, "", err
		}
		inst = id
	}
	if strings.TrimSpace(country) == "" {
		return inst, "", nil
	}
	c, err := m.resolveCountry(country)
	if err != nil {
		return -1, "", err
	}
	return inst, c, nil
}

// resolveCountry returns the canonical name of a country a user typed:
// "vietnam", "Viet Nam", "Chinese", "USA".
func (m *model) resolveCountry(name string) (string, error) {
	name = strings.TrimSpace(name)
	if c, ok := m.gaz.CountryName(name); ok {
		return c, nil
	}
	if c, ok := m.gaz.CountryOfDemonym(name); ok {
		return c, nil
	}
	for _, c := range m.countries {
		if text.Fold(c) == text.Fold(name) {
			return c, nil
		}
	}
	var near []string
	key := text.Fold(name)
	for _, c := range m.gaz.Countries() {
		k := text.Fold(c)
		if strings.HasPrefix(k, key) || text.EditDistance(key, k) <= 2 {
			near = append(near, c)
		}
	}
	return "", &NotFoundError{What: "country", Name: name, Suggestions: near[:min(3, len(near))]}
}
