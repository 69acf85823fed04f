package knowledge

import (
	"cmp"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// record is one article and the facts extracted from it: what the catalog
// persists, so that unchanged articles are never re-extracted.
type record struct {
	Article article.Article
	Facts   extract.Facts
}

// model is the corpus-wide view of every record: institutions resolved
// across articles, and the look-ups the answers need. It is immutable once
// built; a sync builds a new one and swaps it in.
type model struct {
	gaz *gazetteer.Gazetteer
	// text returns an article's paragraphs and captions, which a record
	// read back from the catalog does not hold.
	text func(r *record) (paragraphs, captions []string)
	// records are newest first.
	records []*record
	byFile  map[string]*record
	// entities are the institutions of the whole corpus.
	entities []*Entity
	// byKey maps a folded full name, alias or acronym to its entities, best first.
	byKey map[string][]int
	// local lists the entity of each name a record uses for an institution.
	local map[*record][]localName
	// visits are every stop of every trip, oldest first.
	visits []*VisitRecord
	// links are the partnerships, one per pair of entities.
	links map[[2]int]*link
	// linksOf lists the pairs each entity is part of.
	linksOf map[int][][2]int
	// articlesOf lists the records that name each entity, newest first.
	articlesOf map[int][]*record
	// countries are the countries the corpus names, sorted.
	countries []string
	// people are everyone the corpus names with a title or institution.
	people []personRecord
}

// personRecord is a person as one article names them.
type personRecord struct {
	extract.Person
	entity int // the institution's entity, or -1
	rec    *record
}

// link is a partnership as the whole corpus shows it.
type link struct {
	kinds    []extract.Kind
	dates    []article.Date
	sources  []*record
	evidence string
}

// newModel builds the corpus-wide view of recs; text fetches the text of
// records that do not hold it.
func newModel(recs []*record, g *gazetteer.Gazetteer, text func(r *record) (paragraphs, captions []string)) *model {
	m := &model{
		gaz: g, text: text, records: slices.Clone(recs), byFile: make(map[string]*record, len(recs)),
		byKey: map[string][]int{}, local: make(map[*record][]localName, len(recs)),
		links: map[[2]int]*link{}, linksOf: map[int][][2]int{}, articlesOf: map[int][]*record{},
	}
	slices.SortFunc(m.records, func(a, b *record) int {
		if c := b.Article.Published.Compare(a.Article.Published); c != 0 {
			return c
		}
		return strings.Compare(a.Article.File, b.Article.File)
	})
	for _, r := range m.records {
		m.byFile[r.Article.File] = r
	}
	m.resolve()
	m.collect()
	return m
}

// localName is a name one record uses for an institution, and its entity.
// A record names a handful of institutions: a slice is cheaper to build
// and to search than a map.
type localName struct {
	name   string
	entity int
}

// isAcronymName reports whether a name is an acronym alone.
func isAcronymName(name string) bool {
	return !strings.Contains(name, " ") && text.Token{Text: name}.IsAcronym()
}

// resolve merges the institutions of every record into corpus entities:
// one full name is one entity; an article's aliases join its names; an
// acronym used alone joins the one entity it is bound to elsewhere.
func (m *model) resolve() {
	names := m.joinNames()
	acronyms := bindAcronyms(names)
	m.tallyEntities(names, acronyms)
}

// nameGroups are the full names of the corpus joined into one group per
// institution: a record's name and its aliases are one group.
type nameGroups struct {
	uf *unionFind
	// keysOf are each institution's folded full names, its name first.
	keysOf map[*extract.Institution][]string
	// acronymOf counts, for each acronym, the full-name keys it stands beside.
	acronymOf map[string]map[string]int
}

// joinNames groups the full names of every record's institutions.
func (m *model) joinNames() *nameGroups {
	g := &nameGroups{uf: newUnionFind(), keysOf: map[*extract.Institution][]string{}, acronymOf: map[string]map[string]int{}}
	for _, r := range m.records {
		for i := range r.Facts.Institutions {
			inst := &r.Facts.Institutions[i]
			keys := fullKeys(*inst)
			g.keysOf[inst] = keys
			if len(keys) == 0 {
				continue
			}
			for _, k := range keys[1:] {
				g.uf.union(keys[0], k)
			}
			g.uf.find(keys[0])
			for _, a := range inst.Aliases {
				if isAcronymName(a) {
					if g.acronymOf[a] == nil {
						g.acronymOf[a] = map[string]int{}
					}
					g.acronymOf[a][keys[0]]++
				}
			}
		}
	}
	return g
}

// bindAcronyms returns the group of each acronym bound to one group only
// across the corpus: such an acronym names that body wherever it is used
// alone.
func bindAcronyms(g *nameGroups) map[string]string {
	bound := map[string]string{}
	for acr, keys := range g.acronymOf {
		roots := map[string]int{}
		for k, n := range keys {
			roots[g.uf.find(k)] += n
		}
		if len(roots) == 1 {
			for root := range roots {
				bound[acr] = root
			}
		}
	}
	return bound
}

// tally is what the corpus says of one entity while it is being built.
type tally struct {
	names, acronyms, countries map[string]int
	records                    map[*record]bool
}

// tallyEntities makes one entity of each group, naming it by the name the
// corpus uses most, and records the entity of every name each record uses.
func (m *model) tallyEntities(g *nameGroups, acronyms map[string]string) {
	byRoot := map[string]int{}
	var tallies []*tally
	entityOf := func(root string) int {
		if id, ok := byRoot[root]; ok {
			return id
		}
		id := len(tallies)
		byRoot[root] = id
		tallies = append(tallies, &tally{names: map[string]int{}, acronyms: map[string]int{}, countries: map[string]int{}, records: map[*record]bool{}})
		return id
	}
	for _, r := range m.records {
		var loc []localName
		for i := range r.Facts.Institutions {
			inst := &r.Facts.Institutions[i]
			var id int
			if keys := g.keysOf[inst]; len(keys) > 0 {
				id = entityOf(g.uf.find(keys[0]))
			} else if root, ok := acronyms[inst.Name]; ok {
				id = entityOf(root)
			} else {
				id = entityOf("acronym:" + inst.Name)
			}
			tallies[id].count(r, inst)
			loc = append(loc, localName{inst.Name, id})
			for _, a := range inst.Aliases {
				loc = append(loc, localName{a, id})
			}
		}
		m.local[r] = loc
	}
	countries := map[string]bool{}
	for id, t := range tallies {
		e := t.entity()
		if e.Country != "" {
			countries[e.Country] = true
		}
		m.entities = append(m.entities, e)
		for _, n := range append(append([]string{e.Name}, e.Aliases...), e.Acronyms...) {
			keys := []string{text.Key(n)}
			// "Nong Lam University – Ho Chi Minh City" goes by its first part too.
			for _, dash := range []string{" – ", " - ", " — "} {
				if first, _, ok := strings.Cut(n, dash); ok && strings.Contains(first, " ") {
					keys = append(keys, text.Key(first))
				}
			}
			for _, k := range keys {
				if !slices.Contains(m.byKey[k], id) {
					m.byKey[k] = append(m.byKey[k], id)
				}
			}
		}
	}
	for k, ids := range m.byKey {
		slices.SortFunc(ids, func(a, b int) int { return cmp.Compare(m.entities[b].Mentions, m.entities[a].Mentions) })
		m.byKey[k] = ids
	}
	for c := range countries {
		m.countries = append(m.countries, c)
	}
	slices.Sort(m.countries)
}

// count adds what one record says of the institution.
func (t *tally) count(r *record, inst *extract.Institution) {
	if !isAcronymName(inst.Name) {
		t.names[inst.Name] += 1 + inst.Mentions
	}
	for _, a := range inst.Aliases {
		if isAcronymName(a) {
			t.acronyms[a]++
		} else {
			t.names[a]++
		}
	}
	if isAcronymName(inst.Name) {
		t.acronyms[inst.Name]++
	}
	if inst.Country != "" {
		t.countries[inst.Country]++
	}
	t.records[r] = true
}

// entity is the entity the tally makes.
func (t *tally) entity() *Entity {
	e := &Entity{Name: mostCounted(t.names), Country: mostCounted(t.countries), Mentions: len(t.records)}
	e.Acronyms = sortedByCount(t.acronyms)
	for _, n := range sortedByCount(t.names) {
		if n != e.Name {
			e.Aliases = append(e.Aliases, n)
		}
	}
	if e.Name == "" && len(e.Acronyms) > 0 {
		e.Name = e.Acronyms[0]
	}
	e.ID = text.Key(e.Name)
	return e
}

// fullKeys returns the folded full names of an institution: its name and
// its aliases that are not acronyms, with "University of X" also as "X University".
func fullKeys(inst extract.Institution) []string {
	var keys []string
	for _, n := range append([]string{inst.Name}, inst.Aliases...) {
		if isAcronymName(n) {
			continue
		}
		k := text.Key(n)
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// sortedByCount returns the keys of counts, most counted first, then in order.
func sortedByCount(counts map[string]int) []string {
	out := make([]string, 0, len(counts))
	for k := range counts {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return out
}

// mostCounted returns the key of counts counted most, the first in order
// on a tie, or "" when there is none.
func mostCounted(counts map[string]int) string {
	top, n := "", 0
	for k, v := range counts {
		if v > n || v == n && k < top {
			top, n = k, v
		}
	}
	return top
}

// unionFind merges keys into groups.
type unionFind struct{ parent map[string]string }

func newUnionFind() *unionFind { return &unionFind{parent: map[string]string{}} }

func (u *unionFind) find(k string) string {
	p, ok := u.parent[k]
	if !ok {
		u.parent[k] = k
		return k
	}
	if p == k {
		return k
	}
	root := u.find(p)
	u.parent[k] = root
	return root
}

func (u *unionFind) union(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u.parent[rb] = ra
	}
}
