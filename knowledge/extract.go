package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// extractorVersion is the version of the extraction rules and the
// gazetteer. Raise it whenever either changes what an article yields: the
// catalog of facts extracted by older rules is then ignored, and every
// article is read again.
const extractorVersion = 3

// Extractor finds institutions, people, visits, agreements and partnerships
// in articles. It is safe for concurrent use.
type Extractor struct {
	gaz *Gazetteer
}

// NewExtractor returns an Extractor that places institutions with g.
func NewExtractor(g *Gazetteer) *Extractor {
	return &Extractor{gaz: g}
}

// unit is a sentence of the prose or a caption line, ready for the rules.
type unit struct {
	text    string
	caption bool
	toks    []token
	insts   []mention
	places  []placeMention
	dates   []dateMention
	people  []personMention
	// lower is text with ASCII letters in lower case, for the cues.
	lower string
	// cues caches which cues the unit matches: 0 not yet known, 1 yes, 2 no.
	cues [numCues]uint8
}

// draft is the working state of one extraction.
type draft struct {
	x     *Extractor
	a     *Article
	units []*unit
	es    *entities
	home  int // the entity the article is mostly about, or -1
	facts Facts
	// acronymCount counts each acronym's uses, once needed.
	acronymCount map[string]int
	// tripDated marks the visits whose dates are a whole trip's, which a
	// stop's own date replaces.
	tripDated map[int]bool
}

// Extract returns the facts of a.
func (x *Extractor) Extract(a *Article) Facts {
	w := &draft{x: x, a: a, es: newEntities(), home: -1, tripDated: map[int]bool{}}
	w.split()
	w.resolveInstitutions()
	w.findHome()
	w.placeInstitutions()
	w.findPeople()
	w.findEvents()
	w.facts.AboutCooperation = w.aboutCooperation()
	return w.facts
}

// split cuts the article into units and finds the names, places and dates in each.
func (w *draft) split() {
	year := w.a.Published.Year
	add := func(text string, caption bool) {
		toks := tokenize(text)
		// A run-on "sentence" of a broken page is cut into pieces, so that
		// no rule's cost grows with the square of its length.
		from := 0
		for k := maxUnitTokens; k < len(toks); k += maxUnitTokens {
			w.units = append(w.units, w.newUnit(text[from:toks[k].Start], caption, year))
			from = toks[k].Start
		}
		w.units = append(w.units, w.newUnit(text[from:], caption, year))
	}
	for _, p := range w.a.Paragraphs {
		for _, s := range splitSentences(p) {
			add(s, false)
		}
	}
	for _, c := range w.a.Captions {
		add(c, true)
	}
}

// maxUnitTokens bounds the tokens of one unit.
const maxUnitTokens = 300

// newUnit finds the names, places and dates of one unit.
func (w *draft) newUnit(text string, caption bool, year int) *unit {
	{
		u := &unit{text: text, caption: caption, toks: tokenize(text), lower: asciiLower(text)}
		u.insts = findInstitutions(text, u.toks)
		u.places = w.x.findPlaces(u.toks)
		u.dates = findDates(text, year)
		return u
	}
}

// resolveInstitutions turns the mentions of every unit into article-local
// entities, then finds the acronyms the text uses alone.
func (w *draft) resolveInstitutions() {
	for i, u := range w.units {
		kept := u.insts[:0]
		for _, m := range u.insts {
			if _, place := w.x.gaz.Lookup(m.Name); !place {
				kept = append(kept, m) // "Russian Federation" is a country
			}
		}
		u.insts = kept
		for k := range u.insts {
			u.insts[k].Entity = w.es.add(u.insts[k], i, !u.caption)
		}
	}
	// Parties named beside a known institution in a signing: "ITC and
	// Schneider Electric signed …", "signed an agreement with Acme Corp".
	for i, u := range w.units {
		if u.caption || !u.has(agreementNoun) || !u.has(signVerb) {
			continue
		}
		for _, m := range w.partiesBeside(u) {
			m.Entity = w.es.add(m, i, true)
			u.insts = sortMentions(append(u.insts, m))
		}
	}
	remap := w.es.mergeVariants()
	for _, u := range w.units {
		for k := range u.insts {
			u.insts[k].Entity = remap[u.insts[k].Entity]
		}
	}
	// Acronyms alone: "the HUMG delegation", "between QUI and LNU"; and
	// short names: "the Mapúa delegation".
	for _, u := range w.units {
		var extra []mention
		for i, t := range u.toks {
			if inMention(u.insts, i) {
				continue
			}
			if !t.isAcronym() {
				if id, ok := w.shortName(u, i); ok {
					extra = append(extra, mention{Name: t.Text, From: i, To: i + 1, AcronymOnly: true, Entity: id})
					w.es.list[id].mentions++
				}
				continue
			}
			id, ok := w.es.bindAcronym(t.Text)
			if !ok && w.standsAlone(t.Text, u, i) {
				id, ok = w.es.add(mention{Name: t.Text, Acronym: t.Text, AcronymOnly: true}, 0, !u.caption), true
				w.es.list[id].mentions--
			}
			if ok {
				extra = append(extra, mention{Name: t.Text, From: i, To: i + 1, AcronymOnly: true, Entity: id})
				w.es.list[id].mentions++
			}
		}
		if len(extra) > 0 {
			u.insts = sortMentions(append(u.insts, extra...))
		}
	}
	for _, u := range w.units {
		for _, m := range u.insts {
			if e := w.es.list[m.Entity]; e.evidence == "" {
				e.evidence = u.text
			}
		}
	}
}

// partiesBeside finds capitalised names joined by "and" to an institution
// the sentence names, or following "with" after its signing verb.
func (w *draft) partiesBeside(u *unit) []mention {
	var out []mention
	taken := func(i int) bool { return inMention(u.insts, i) }
	verb := u.find(signVerb)[0]
	for i, t := range u.toks {
		var from int
		switch {
		case t.Text == "and" && i > 0 && (mentionEndingAt(u.insts, i) || i+1 < len(u.toks) && mentionAt(u.insts, i+1) >= 0 && u.insts[mentionAt(u.insts, i+1)].From == i+1):
			if mentionEndingAt(u.insts, i) {
				from = i + 1
			} else {
				// "Schneider Electric and ITC": the run before "and".
				k := i
				for k > 0 && u.toks[k-1].isWord() && u.toks[k-1].isCap() && !taken(k-1) {
					k--
				}
				if m, ok := w.partyRun(u, k, i); ok {
					out = append(out, m)
				}
				continue
			}
		case t.Text == "with" && t.Start > verb:
			from = i + 1
		default:
			continue
		}
		j := from
		for j < len(u.toks) && u.toks[j].isWord() && (u.toks[j].isCap() || u.toks[j].isAcronym()) && !taken(j) && j-from < 4 {
			j++
		}
		if m, ok := w.partyRun(u, from, j); ok {
			out = append(out, m)
		}
	}
	return out
}

// mentionEndingAt reports whether a mention (with its acronym) ends right before token i.
func mentionEndingAt(ms []mention, i int) bool {
	for _, m := range ms {
		if m.To == i || m.Acronym != "" && m.To+3 == i {
			return true
		}
	}
	return false
}

// partyRun checks that toks[from:to] can name a party: capitalised, not a
// person, a place, a month or a word that opens sentences.
func (w *draft) partyRun(u *unit, from, to int) (mention, bool) {
	if to <= from || to-from > 4 {
		return mention{}, false
	}
	first := u.toks[from]
	if leftStops[first.Text] || titleWords[first.Text] || honorifics[first.Text] || isMonthOrDay(first.Text) {
		return mention{}, false
	}
	if from > 0 && (u.toks[from-1].Text == "." || honorifics[u.toks[from-1].Text]) {
		return mention{}, false // a person: "Dr. Jane Roe"
	}
	name := joinTokens(u.text, u.toks, from, to)
	if _, place := w.x.gaz.Lookup(name); place {
		return mention{}, false
	}
	if _, demonym := w.x.gaz.CountryOfDemonym(first.Text); demonym && to-from == 1 {
		return mention{}, false
	}
	return mention{Name: name, From: from, To: to}, true
}

// standsAlone reports whether an acronym that the article never spells out
// names an institution: it is not a common abbreviation, and it recurs or
// stands where institutions stand ("a HUMG delegation", "led by HUMG").
func (w *draft) standsAlone(acr string, u *unit, i int) bool {
	if len(acr) < 3 || commonAcronyms[strings.ToUpper(acr)] || strings.ContainsAny(acr, "0123456789") {
		return false
	}
	// "ICSA 2024" names an event, not a body.
	if i+1 < len(u.toks) && len(u.toks[i+1].Text) == 4 && hasYear.MatchString(u.toks[i+1].Text) {
		return false
	}
	if w.acronymCount == nil {
		w.acronymCount = map[string]int{}
		for _, v := range w.units {
			for _, t := range v.toks {
				if t.isAcronym() {
					w.acronymCount[t.Text]++
				}
			}
		}
	}
	if w.acronymCount[acr] >= 2 {
		return true
	}
	next, prev := "", ""
	if i+1 < len(u.toks) {
		next = strings.ToLower(u.toks[i+1].Text)
	}
	if i > 0 {
		prev = strings.ToLower(u.toks[i-1].Text)
	}
	switch next {
	case "delegation", "students", "lecturers", "staff", "'s", "university", "leaders", "representatives":
		return true
	}
	switch prev {
	case "of", "at", "with", "by", "from", "between", "and":
		return true
	}
	return false
}

// shortNameCues are the words after which an institution's first word
// alone stands for it: "the Mapúa delegation", "Monash's campus".
var shortNameCues = set("delegation", "delegates", "'s", "students", "team", "side", "leaders", "representatives", "lecturers", "campus")

// shortName finds the entity that a capitalised word before a cue stands
// for: the one multi-word name it starts, when it is not a place.
func (w *draft) shortName(u *unit, i int) (int, bool) {
	t := u.toks[i]
	if !t.isCap() || i+1 >= len(u.toks) || !shortNameCues[u.toks[i+1].Text] || leftStops[t.Text] || institutionHeads[t.Text] || titleWords[t.Text] {
		return 0, false
	}
	if _, place := w.x.gaz.Lookup(t.Text); place {
		return 0, false
	}
	if _, demonym := w.x.gaz.CountryOfDemonym(t.Text); demonym {
		return 0, false
	}
	found := -1
	for id, e := range w.es.list {
		for name := range e.names {
			if words := strings.Fields(name); len(words) > 1 && words[0] == t.Text {
				if found >= 0 && found != id {
					return 0, false
				}
				found = id
			}
		}
	}
	if found < 0 {
		return 0, false
	}
	if _, ok := w.es.list[found].names[t.Text]; !ok {
		w.es.list[found].names[t.Text] = 0 // an alias, never the canonical name
	}
	return found, true
}

// inMention reports whether token i lies inside one of ms.
func inMention(ms []mention, i int) bool {
	for _, m := range ms {
		if i >= m.From && i < m.To+3 && (i < m.To || m.Acronym != "") {
			return true
		}
	}
	return false
}

// sortMentions orders mentions by position.
func sortMentions(ms []mention) []mention {
	slices.SortStableFunc(ms, func(a, b mention) int { return cmp.Compare(a.From, b.From) })
	return ms
}

// findHome picks the institution the article is mostly about: the most
// mentioned, the first named on a tie.
func (w *draft) findHome() {
	for id, e := range w.es.list {
		if e.mentions == 0 {
			continue
		}
		if w.home < 0 || e.mentions > w.es.list[w.home].mentions ||
			e.mentions == w.es.list[w.home].mentions && e.first < w.es.list[w.home].first {
			w.home = id
		}
	}
	for _, e := range w.es.list {
		if e.mentions == 0 {
			continue
		}
		w.facts.Institutions = append(w.facts.Institutions, Institution{
			Name: e.name(), Aliases: e.aliases(), Mentions: e.mentions, Evidence: e.evidence,
		})
	}
}

// entityName returns the name an entity goes by in the facts.
func (w *draft) entityName(id int) string {
	if id < 0 || id >= len(w.es.list) {
		return ""
	}
	return w.es.list[id].name()
}

// homeAnaphora matches the words that refer to the article's own institution.
func isHomeAnaphora(u *unit, i int) bool {
	if i+1 >= len(u.toks) {
		return false
	}
	t, n := u.toks[i].Text, strings.ToLower(u.toks[i+1].Text)
	return (t == "the" || t == "The") && (n == "university" || n == "school" || n == "college" || n == "institute" || n == "academy") &&
		(i+2 >= len(u.toks) || !u.toks[i+2].isCap() && u.toks[i+2].Text != "of")
}
