package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// org is one institution as one article knows it, with every name the
// article uses for it.
type org struct {
	names    map[string]int // full names as written, and how often
	acronyms []string
	mentions int
	first    int  // the first unit that names it
	inBody   bool // named in the prose, not only in captions
	country  string
	// guessed says the country came from the text around the org, not
	// from anything said of it; a trip's stop may correct it.
	guessed  bool
	evidence string
}

// name returns the org's fullest name: the most used full name from the
// prose, then the longest.
func (e *org) name() string {
	best, n := "", -1
	for name, c := range e.names {
		if c > n || c == n && len(name) > len(best) || c == n && len(name) == len(best) && name < best {
			best, n = name, c
		}
	}
	if best == "" && len(e.acronyms) > 0 {
		return e.acronyms[0]
	}
	return best
}

// aliases returns every other name and acronym of the org, sorted.
func (e *org) aliases() []string {
	main := e.name()
	var out []string
	for name := range e.names {
		if name != main {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	for _, a := range e.acronyms {
		if a != main {
			out = append(out, a)
		}
	}
	return out
}

// orgs resolves the institution mentions of one article into orgs:
// the same name, a bound acronym, "ACR University", and a caption's variant
// of a prose name all name one org.
type orgs struct {
	list  []*org
	byKey map[string]int // folded full name → org
	byAcr map[string]int // acronym → org
}

func newOrgs() *orgs {
	return &orgs{byKey: map[string]int{}, byAcr: map[string]int{}}
}

// add records a full-name mention and returns its org.
func (es *orgs) add(m mention, unit int, body bool) int {
	key := text.Key(m.Name)
	id, ok := es.byKey[key]
	if !ok && m.Acronym != "" {
		id, ok = es.byAcr[m.Acronym]
	}
	if !ok && (text.Token{Text: m.Name}).IsAcronym() {
		id, ok = es.byAcr[m.Name] // a party named by its acronym: "signed with UNP"
		if ok {
			m.AcronymOnly = true
		}
	}
	if !ok {
		if acr, head, found := strings.Cut(m.Name, " "); found && institutionHeads[head] {
			id, ok = es.byAcr[acr] // "SNU University"
		}
	}
	if !ok {
		id = len(es.list)
		es.list = append(es.list, &org{names: map[string]int{}, first: unit})
	}
	e := es.list[id]
	if !m.AcronymOnly {
		e.names[m.Name]++
		es.byKey[key] = id
	}
	if m.Acronym != "" && !slices.Contains(e.acronyms, m.Acronym) {
		e.acronyms = append(e.acronyms, m.Acronym)
		es.byAcr[m.Acronym] = id
	}
	e.mentions++
	e.inBody = e.inBody || body
	return id
}

// alias files name as another name of org id.
func (es *orgs) alias(id int, name string, unit int) {
	e := es.list[id]
	if _, ok := e.names[name]; !ok {
		e.names[name] = 0 // an alias, never the canonical name
	}
	es.byKey[text.Key(name)] = id
	e.mentions++
}

// acronym binds acr to org id.
func (es *orgs) acronym(id int, acr string) {
	e := es.list[id]
	if !slices.Contains(e.acronyms, acr) {
		e.acronyms = append(e.acronyms, acr)
	}
	es.byAcr[acr] = id
}

// bindAcronym finds the org an acronym that the text never spelled out
// stands for: the one org whose name it fits, by word initials.
func (es *orgs) bindAcronym(acr string) (int, bool) {
	if id, ok := es.byAcr[acr]; ok {
		return id, true
	}
	if len(acr) < 3 || commonAcronyms[strings.ToUpper(acr)] {
		return 0, false
	}
	found := -1
	// An acronym that is a word of a name: "NKE" of "Technobrige NKE".
	for id, e := range es.list {
		for name := range e.names {
			if slices.Contains(strings.Fields(name), acr) {
				return id, true
			}
		}
	}
	// A name the acronym spells exactly wins over names it fits but for a
	// letter: USAL is the Universidad de Salamanca, not the Universidad
	// Autónoma de Nuevo León.
	for _, exact := range []bool{true, false} {
		for id, e := range es.list {
			for name := range e.names {
				fits := initialsMisses(acr, name) == 0 || syllabicAcronym(acr, name)
				if !exact {
					fits = initialsFit(acr, name)
				}
				if fits {
					if found >= 0 && found != id {
						return 0, false // ambiguous
					}
					found = id
				}
			}
		}
		if found >= 0 {
			break
		}
	}
	if found < 0 {
		return 0, false
	}
	es.list[found].acronyms = append(es.list[found].acronyms, acr)
	es.byAcr[acr] = found
	return found, true
}

// initialsMisses counts the letters of acr that are not initials of
// name's words, in order; a large number when acr cannot stand for name.
func initialsMisses(acr, name string) int {
	if !initialsFit(acr, name) {
		return 100
	}
	words := strings.Fields(text.Fold(name))
	var initials []rune
	for _, w := range words {
		if nameConnectors[w] || w == "the" {
			continue
		}
		initials = append(initials, []rune(strings.ToUpper(w))[0])
	}
	misses, k := 0, 0
	for _, r := range strings.TrimSuffix(acr, "s") {
		for k < len(initials) && initials[k] != r {
			k++
		}
		if k == len(initials) {
			misses++
			k = 0
			continue
		}
		k++
	}
	return misses
}

// initialsFit reports whether acr starts with the initial of name's first
// word and all but one of its letters are initials of name's words, in order.
func initialsFit(acr, name string) bool {
	words := strings.Fields(text.Fold(name))
	var initials []rune
	for _, w := range words {
		if nameConnectors[w] || w == "the" {
			continue
		}
		initials = append(initials, []rune(strings.ToUpper(w))[0])
	}
	a := []rune(strings.TrimSuffix(acr, "s"))
	if len(initials) == 0 || a[0] != initials[0] || !acronymFits(acr, name) {
		return false
	}
	misses, k := 0, 0
	for _, r := range a {
		for k < len(initials) && initials[k] != r {
			k++
		}
		if k == len(initials) {
			misses++
			k = 0
			continue
		}
		k++
	}
	return misses <= 1 && len(a)-misses >= 2
}

// syllabicAcronym reports whether acr is made of the first letters of
// each of name's words in order, one or more from each, connectors
// optional: "UCALP" of "Universidad Católica de La Plata", "UNCuyo" of
// "Universidad Nacional de Cuyo".
func syllabicAcronym(acr, name string) bool {
	a := []rune(text.Fold(acr))
	var words [][]rune
	for _, w := range strings.Fields(text.Fold(name)) {
		words = append(words, []rune(w))
	}
	if len(a) < 4 || len(words) < 2 {
		return false
	}
	// match(i, k): a[i:] is spelt by words[k:].
	var match func(i, k int) bool
	match = func(i, k int) bool {
		if k == len(words) {
			return i == len(a)
		}
		w := words[k]
		if nameConnectors[string(w)] || articles[string(w)] {
			if match(i, k+1) {
				return true // a connector may give no letter
			}
		}
		for n := 1; n <= len(w) && i+n <= len(a) && n <= 3; n++ {
			if a[i+n-1] != w[n-1] {
				break
			}
			if match(i+n, k+1) {
				return true
			}
		}
		return false
	}
	return match(0, 0)
}

// mergeVariants folds a name used only in captions into the prose org
// that shares its first word and head noun: a headline's or caption's
// other name for the same body.
func (es *orgs) mergeVariants() []int {
	remap := make([]int, len(es.list))
	for i := range remap {
		remap[i] = i
	}
	for i, e := range es.list {
		if e.inBody || len(e.names) == 0 {
			continue
		}
		name := e.name()
		for j, o := range es.list {
			if j == i || !o.inBody || len(o.names) == 0 {
				continue
			}
			if sameStem(name, o.name()) {
				for n, c := range e.names {
					o.names[n] += c
				}
				// A variant is an alias, never the canonical name.
				for n := range e.names {
					o.names[n] = min(o.names[n], 1)
				}
				o.mentions += e.mentions
				e.names = map[string]int{}
				e.mentions = 0
				remap[i] = j
				break
			}
		}
	}
	return remap
}

// mergeTranslations folds the names of one body written in two languages
// or two orders into one org: "Université de Montpellier" and "University
// of Montpellier", "Mohammed V University" and "Université Mohammed V de
// Rabat". Two names are one body when their words, heads translated and
// connectors dropped, are the same, or one's are the other's and a place.
func (es *orgs) mergeTranslations(isPlace func(string) bool) []int {
	remap := make([]int, len(es.list))
	for i := range remap {
		remap[i] = i
	}
	words := make([][]string, len(es.list))
	for i, e := range es.list {
		if len(e.names) > 0 {
			words[i] = contentWords(e.name())
		}
	}
	for i, e := range es.list {
		if len(words[i]) < 2 || e.mentions == 0 {
			continue
		}
		for j, o := range es.list {
			if j == i || len(words[j]) < 2 || o.mentions == 0 || remap[j] != j {
				continue
			}
			a, b := wordSet(alignWords(words[i], words[j])), wordSet(alignWords(words[j], words[i]))
			if !sameBody(a, b, isPlace) || len(a) > len(b) || len(a) == len(b) && i < j {
				continue
			}
			// Fold i, the shorter or later, into j.
			for n, c := range e.names {
				o.names[n] = min(o.names[n]+c, max(o.names[n], 1))
			}
			for _, a := range e.acronyms {
				if !slices.Contains(o.acronyms, a) {
					o.acronyms = append(o.acronyms, a)
					es.byAcr[a] = j
				}
			}
			for k, id := range es.byKey {
				if id == i {
					es.byKey[k] = j
				}
			}
			o.mentions += e.mentions
			o.inBody = o.inBody || e.inBody
			e.names, e.mentions = map[string]int{}, 0
			remap[i] = j
			break
		}
	}
	return remap
}

// headTranslations map the heads of other languages to English.
// They are folded, as contentWords compares them.
var headTranslations = map[string]string{
	"universite": "university", "universidad": "university", "universita": "university", "universidade": "university",
	"universitat": "university", "universiteit": "university", "universitet": "university",
	"uniwersytet": "university", "univerzita": "university", "universiti": "university", "universitas": "university",
	"universitesi": "university", "institut": "institute", "instituto": "institute", "istituto": "institute",
	"ecole": "school", "escuela": "school", "escola": "school", "academia": "academy", "akademie": "academy",
	"akademia": "academy", "politecnico": "polytechnic", "politechnika": "polytechnic",
}

// contentWords returns the folded words of a name that say which body it
// is, in order: heads in English, connectors and articles left out.
func contentWords(name string) []string {
	var out []string
	name = strings.NewReplacer("'s ", "s ", "’s ", "s ").Replace(name + " ")
	for _, w := range strings.Fields(text.Fold(name)) {
		if t, ok := headTranslations[w]; ok {
			w = t
		}
		if nameConnectors[w] || articles[w] || w == "the" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// wordSet returns words as a set.
func wordSet(words []string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		out[w] = true
	}
	return out
}

// alignWords rewrites a's words in b's terms where a writes a place
// otherwise: two words b writes as one ("viet nam" for "vietnam"), or the
// initials of words b spells out ("hcm" for "ho chi minh").
func alignWords(a, b []string) []string {
	var out []string
	for k := 0; k < len(a); k++ {
		if k+1 < len(a) && slices.Contains(b, a[k]+a[k+1]) {
			out = append(out, a[k]+a[k+1])
			k++
			continue
		}
		if n := len(a[k]); n >= 2 && n <= 4 && !slices.Contains(b, a[k]) {
			if run := initialsRun(b, a[k]); run != nil {
				out = append(out, run...)
				continue
			}
		}
		out = append(out, a[k])
	}
	return out
}

// initialsRun returns the run of consecutive words whose initials are acr, or nil.
func initialsRun(words []string, acr string) []string {
	for i := 0; i+len(acr) <= len(words); i++ {
		ok := true
		for k := range len(acr) {
			if words[i+k][0] != acr[k] {
				ok = false
				break
			}
		}
		if ok {
			return words[i : i+len(acr)]
		}
	}
	return nil
}

// sameBody reports whether two sets of content words name one body: the
// same, or a's within b's and what b adds is places.
func sameBody(a, b map[string]bool, isPlace func(string) bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	head := false
	for w := range a {
		head = head || institutionHeads[strings.ToUpper(w[:1])+w[1:]]
	}
	if !head {
		return false
	}
	rest := 0
	for w := range b {
		if !a[w] {
			if !isPlace(w) {
				return false
			}
			rest++
		}
	}
	// "University of Montpellier" is not "Montpellier University of Technology"
	return rest <= 1
}

// sameStem reports whether two names share their first word and their
// head noun.
func sameStem(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 2 || len(wb) < 2 || wa[0] != wb[0] || headOf(wa) == "" || headOf(wa) != headOf(wb) {
		return false
	}
	// The shared first word must be a name's own ("Kasetsart"), not one
	// that many names start with ("University of …", "National …").
	w := wa[0]
	return !institutionHeads[w] && !genericWords[w] && !fieldWords[w] && w != "National" && w != "State" && w != "Royal"
}

// headOf returns the first institution head noun among words.
func headOf(words []string) string {
	for _, w := range words {
		if institutionHeads[w] {
			return w
		}
	}
	return ""
}

// commonAcronyms are all-capital words that are not institutions.
var commonAcronyms = text.Set("MOU", "MOA", "LOI", "ICT", "FDI", "GDP", "CEO", "STEM", "PHD", "AI", "IT",
	"COVID", "SDG", "SDGS", "USD", "VND", "EUR", "CV", "PDF", "TV", "GIS", "IOT", "ESG", "R&D", "UAV",
	"EV", "NQ", "TW", "CP", "QD", "BGD", "DT", "ODA", "NGO", "CSR", "HR", "KPI", "QS", "THE",
	"SVD", "SJ", "OP", "OSB", "FSC", "CFO", "CTO", "ASEAN", "APEC", "EU", "UN", "AUD", "SGD", "MYR", "THB", "IDR", "CNY", "JPY", "KRW",
	"HEI", "HEIS", "MOUS", "MOAS", "LOIS", "SDGS", "NGOS", "PHDS", "CEOS", "MBA", "MSC", "BSC", "MD", "PM", "AM", "UK", "US", "USA", "UAE")
