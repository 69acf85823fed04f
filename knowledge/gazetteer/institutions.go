package gazetteer

import (
	"fmt"
	"math/bits"
	"strings"
	"sync"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Institution is a university, college, school or institute, from
// institutions.tsv.
type Institution struct {
	Name    string // its English name when the data has one, else its own
	Country string // canonical country name; "" when its domain does not tell
	// Aliases are its other names: its name in its own language, short
	// forms, an acronym ("HUST"). The slice is shared: do not modify it.
	Aliases []string
	Domain  string // its academic web domain, e.g. "hust.edu.vn"
}

// InstitutionSpan is a run of words that names institutions.
type InstitutionSpan struct {
	From, To int // the name is words[From:To]
	// Institutions are the institutions of that name: one, or several
	// when they share it (an acronym of universities on three continents),
	// the one it is the name of before those it is an alias of.
	Institutions []Institution
}

// maxSpanWords bounds the names InstitutionsIn finds, in folded words.
const maxSpanWords = 32

// institutions is the institutions part of a Gazetteer. Load reads the
// rows; the index of their names, most of the work, is built on first use.
type institutions struct {
	insts []Institution
	once  sync.Once
	index *institutionIndex // built by once
}

// institutionIndex finds institutions by name.
type institutionIndex struct {
	// byKey maps the text.Key of every name and alias to i+1 for
	// insts[i] alone, or to -(j+1) for the institutions of shared[j].
	byKey  map[string]int32
	shared []sharedName
	// firstWord maps the first folded word of each name to the set of its
	// lengths in words: bit n-1 for a name of n words.
	firstWord map[string]uint32
	maxWords  int
}

// sharedName is a name several institutions have.
type sharedName struct {
	ids   []int32 // indexes into insts, those it is the name of first
	names int     // how many of them it is the name of
}

// load fills in the institutions from the rows of institutions.tsv;
// countries maps folded country names to canonical ones.
func (s *institutions) load(rows []tableRow, countries map[string]string) error {
	s.insts = make([]Institution, 0, len(rows))
	n := 0
	for _, row := range rows {
		n += strings.Count(row.fields[2], ";") + 1
	}
	aliases := make([]string, 0, n) // one backing array for every Aliases
	canonical := map[string]string{"": ""}
	for _, row := range rows {
		f := row.fields
		c, ok := canonical[f[1]]
		if !ok {
			if c, ok = countries[text.Fold(f[1])]; !ok {
				return fmt.Errorf("%s: unknown country %q", row.pos(), f[1])
			}
			canonical[f[1]] = c
		}
		start := len(aliases)
		aliases = appendList(aliases, f[2])
		s.insts = append(s.insts, Institution{Name: f[0], Country: c, Aliases: aliases[start:len(aliases):len(aliases)], Domain: f[3]})
	}
	return nil
}

// idx returns the index of the institutions' names, building it the first
// time.
func (s *institutions) idx() *institutionIndex {
	s.once.Do(func() { s.index = newInstitutionIndex(s.insts) })
	return s.index
}

// newInstitutionIndex indexes the names and aliases of insts, the names
// first, so that a name wins over another institution's alias.
func newInstitutionIndex(insts []Institution) *institutionIndex {
	x := &institutionIndex{byKey: make(map[string]int32, len(insts)*3/2), firstWord: make(map[string]uint32, len(insts)/2)}
	for id, in := range insts {
		x.addName(insts, text.Key(in.Name), int32(id), true)
	}
	for id, in := range insts {
		for _, a := range in.Aliases {
			x.addName(insts, text.Key(a), int32(id), false)
		}
	}
	return x
}

// addName files institution id under key, as its name or as an alias.
func (x *institutionIndex) addName(insts []Institution, key string, id int32, isName bool) {
	if key == "" {
		return
	}
	v, ok := x.byKey[key]
	switch {
	case !ok:
		x.byKey[key] = id + 1
		x.indexWords(key)
		return
	case v > 0:
		if v-1 == id {
			return
		}
		// The first holder went in as a name if any holder did, since
		// names go in first.
		first := v - 1
		names := 0
		if text.Key(insts[first].Name) == key {
			names = 1
		}
		x.shared = append(x.shared, sharedName{ids: []int32{first}, names: names})
		v = -int32(len(x.shared))
		x.byKey[key] = v
	}
	sh := &x.shared[-v-1]
	for _, other := range sh.ids {
		if other == id {
			return
		}
	}
	sh.ids = append(sh.ids, id)
	if isName {
		sh.names++
	}
}

// indexWords records key's first word and length for InstitutionsIn.
func (x *institutionIndex) indexWords(key string) {
	n := strings.Count(key, " ") + 1
	if n > x.maxWords {
		x.maxWords = n
	}
	if n > maxSpanWords {
		return
	}
	first, _, _ := strings.Cut(key, " ")
	x.firstWord[first] |= 1 << (n - 1)
}

// appendList appends the items of a ';'-separated list to dst.
func appendList(dst []string, list string) []string {
	for list != "" {
		var item string
		item, list, _ = strings.Cut(list, ";")
		if item = strings.TrimSpace(item); item != "" {
			dst = append(dst, item)
		}
	}
	return dst
}

// Institution finds an institution by its name or any of its aliases,
// ignoring case, diacritics, punctuation and a leading "The". When several
// institutions share the name, it returns the one whose name it is if
// there is exactly one, and false otherwise; Institutions returns them all.
func (g *Gazetteer) Institution(name string) (Institution, bool) {
	x := g.idx()
	v, ok := x.byKey[text.Key(name)]
	switch {
	case !ok:
		return Institution{}, false
	case v > 0:
		return g.insts[v-1], true
	}
	if sh := x.shared[-v-1]; sh.names == 1 {
		return g.insts[sh.ids[0]], true
	}
	return Institution{}, false
}

// Institutions returns every institution that has name as its name or an
// alias, those whose name it is first, or nil.
func (g *Gazetteer) Institutions(name string) []Institution {
	return g.lookupKey(text.Key(name))
}

// lookupKey returns the institutions filed under key.
func (g *Gazetteer) lookupKey(key string) []Institution {
	x := g.idx()
	v, ok := x.byKey[key]
	switch {
	case !ok:
		return nil
	case v > 0:
		return []Institution{g.insts[v-1]}
	}
	sh := x.shared[-v-1]
	out := make([]Institution, len(sh.ids))
	for i, id := range sh.ids {
		out[i] = g.insts[id]
	}
	return out
}

// InstitutionCount is the number of institutions in the gazetteer.
func (g *Gazetteer) InstitutionCount() int {
	return len(g.insts)
}

// InstitutionMaxWords is the number of words of the longest institution
// name or alias, once folded, for callers that scan text with a sliding
// window.
func (g *Gazetteer) InstitutionMaxWords() int {
	return g.idx().maxWords
}

// InstitutionsIn finds the institutions named in a run of words, such as
// the tokens of a sentence: at each word, the longest name that starts
// there, left to right, names not overlapping. Words are compared as
// Institution compares names. A word of punctuation alone is skipped
// inside a name ("St . Mary's"), except for , ; : ( ) [ ] and quotation
// marks, which no name found here spans.
func (g *Gazetteer) InstitutionsIn(words []string) []InstitutionSpan {
	// The folded words, each with the word it comes from: "Xi'an" is the
	// two folded words "xi" and "an". A break is an empty folded word.
	type folded struct {
		word  string
		from  int  // index into words
		start bool // the first folded word of its word
		end   bool // the last
	}
	fw := make([]folded, 0, len(words)+4)
	for i, w := range words {
		f := text.Fold(w)
		if f == "" {
			if breaksName(w) {
				fw = append(fw, folded{from: i})
			}
			continue
		}
		for j := 0; ; j++ {
			part, rest, more := strings.Cut(f, " ")
			fw = append(fw, folded{word: part, from: i, start: j == 0, end: !more})
			if !more {
				break
			}
			f = rest
		}
	}
	x := g.idx()
	var out []InstitutionSpan
	var key []byte
	for p := 0; p < len(fw); p++ {
		if !fw[p].start || fw[p].word == "" {
			continue
		}
		lengths := x.firstWord[fw[p].word]
		// The names may run to the next break.
		limit := len(fw) - p
		for q := p; q < len(fw) && q-p < limit; q++ {
			if fw[q].word == "" {
				limit = q - p
			}
		}
		if limit < maxSpanWords {
			lengths &= 1<<limit - 1
		}
		for lengths != 0 {
			n := bits.Len32(lengths) // the longest name left
			lengths &^= 1 << (n - 1)
			q := p + n - 1
			if !fw[q].end {
				continue
			}
			key = key[:0]
			for k := p; k <= q; k++ {
				if k > p {
					key = append(key, ' ')
				}
				key = append(key, fw[k].word...)
			}
			if _, ok := x.byKey[string(key)]; !ok {
				continue
			}
			out = append(out, InstitutionSpan{From: fw[p].from, To: fw[q].from + 1, Institutions: g.lookupKey(string(key))})
			p = q
			break
		}
	}
	return out
}

// breaksName reports whether a word of punctuation ends any name.
func breaksName(w string) bool {
	return strings.ContainsAny(w, ",;:()[]{}\"“”«»!?")
}
