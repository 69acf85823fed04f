package extract

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// Version is the version of the extraction rules and the
// gazetteer. Raise it whenever either changes what an article yields: the
// catalog of facts extracted by older rules is then ignored, and every
// article is read again.
const Version = 20

// Extractor finds institutions, people, visits, agreements and partnerships
// in articles. It is safe for concurrent use.
type Extractor struct {
	gaz *gazetteer.Gazetteer
}

// NewExtractor returns an Extractor that places institutions with g.
func NewExtractor(g *gazetteer.Gazetteer) *Extractor {
	return &Extractor{gaz: g}
}

// unit is a sentence of the prose or a caption line, ready for the rules.
type unit struct {
	text    string
	caption bool
	toks    []text.Token
	insts   []mention
	places  []PlaceMention
	dates   []article.DateMention
	people  []personMention
	// lower is text with ASCII letters in lower case, for the cues.
	lower string
	// cues caches which cues the unit matches: 0 not yet known, 1 yes, 2 no.
	cues [numCues]uint8
	// words are the tokens in lower case, once needed.
	words []string
	// parts are the token spans of the parts of institutions the unit
	// names: "the Faculty of Engineering".
	parts [][2]int
}

// draft is the working state of one extraction.
type draft struct {
	x     *Extractor
	a     *article.Article
	units []*unit
	orgs  *orgs
	home  int // the org the article is mostly about, or -1
	facts Facts
	// acronymCount counts each acronym's uses, once needed.
	acronymCount map[string]int
	// surnames maps the folded surname of each person the text ties to an
	// institution to that institution's org, or -1 when two people of
	// different bodies share it: "Allen and Liu signed …" after "Provost
	// Tony Allen of DSU".
	surnames map[string]int
}

// Extract returns the facts of a.
func (x *Extractor) Extract(a *article.Article) Facts {
	w := &draft{x: x, a: a, orgs: newOrgs(), home: -1}
	w.split()
	w.resolveInstitutions()
	w.findHome()
	w.placeInstitutions()
	w.findPeople()
	w.findEvents()
	w.placeHome()
	w.facts.AboutCooperation = w.aboutCooperation()
	return w.facts
}

// split cuts the article into units and finds the names, places and dates in each.
func (w *draft) split() {
	year := w.a.Published.Year
	add := func(s string, caption bool) {
		toks := text.Tokenize(s)
		if len(toks) <= maxUnitTokens {
			w.units = append(w.units, w.newUnit(s, toks, caption, year))
			return
		}
		// A run-on "sentence" of a broken page is cut into pieces, so that
		// no rule's cost grows with the square of its length.
		from := 0
		for k := maxUnitTokens; k < len(toks); k += maxUnitTokens {
			piece := s[from:toks[k].Start]
			w.units = append(w.units, w.newUnit(piece, text.Tokenize(piece), caption, year))
			from = toks[k].Start
		}
		w.units = append(w.units, w.newUnit(s[from:], text.Tokenize(s[from:]), caption, year))
	}
	for _, p := range w.a.Paragraphs {
		for _, s := range text.Sentences(p) {
			add(s, false)
		}
	}
	for _, c := range w.a.Captions {
		add(c, true)
	}
}

// maxUnitTokens bounds the tokens of one unit.
const maxUnitTokens = 300

// newUnit finds the names, places and dates of one unit, given its tokens.
func (w *draft) newUnit(s string, toks []text.Token, caption bool, year int) *unit {
	u := &unit{text: s, caption: caption, toks: toks, lower: text.Lower(s)}
	u.insts, u.parts = findNames(s, u.toks, w.x.isPlace)
	u.insts = w.x.gazetteerNames(s, u.toks, u.insts, u.parts)
	u.places = w.x.Places(u.toks)
	u.dates = pastYear(article.FindDates(s, year), w.a.Published)
	u.dates = append(u.dates, relativeDates(s, u.lower, w.a.Published)...)
	slices.SortFunc(u.dates, func(a, b article.DateMention) int { return a.Pos - b.Pos })
	return u
}

// pastYear moves a date the text gave without its year back a year when,
// in the year of publication, it would fall more than six months after
// the date line: "from 25 to 27 December" in news of 27 January is last
// December's, not next December's.
func pastYear(dates []article.DateMention, published article.Date) []article.DateMention {
	if published.Month == 0 {
		return dates
	}
	limit := published.Start().AddDate(0, 6, 0)
	for i, d := range dates {
		if d.ExplicitYear || d.Start.Year != published.Year || !d.Start.Start().After(limit) {
			continue
		}
		dates[i].Start.Year--
		if d.End.Year == published.Year {
			dates[i].End.Year--
		}
	}
	return dates
}

// relativeDates resolves "today", "yesterday", "this morning" and "on
// Thursday" against the date line, when it gives the day: a weekday is
// the last one on or before it.
func relativeDates(s, lower string, published article.Date) []article.DateMention {
	if published.Day == 0 {
		return nil
	}
	day := published.Start()
	var out []article.DateMention
	add := func(at, n int, t time.Time) {
		d := article.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
		out = append(out, article.DateMention{Start: d, End: d, Pos: at, EndPos: at + n, ExplicitYear: true})
	}
	for _, w := range []struct {
		word string
		days int
	}{{"today", 0}, {"this morning", 0}, {"this afternoon", 0}, {"tonight", 0}, {"yesterday", -1}} {
		if i := wordIndex(lower, w.word); i >= 0 {
			add(i, len(w.word), day.AddDate(0, 0, w.days))
		}
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		name := strings.ToLower(wd.String())
		i := wordIndex(lower, "on "+name)
		if i < 0 {
			i = wordIndex(lower, "last "+name)
		}
		if i < 0 || strings.Contains(lower[i:min(len(lower), i+len(name)+12)], ",") && dayNumberAfter(s, i+3+len(name)) {
			continue // "on Tuesday, 5 March": the date is written out
		}
		back := (int(day.Weekday()) - int(wd) + 7) % 7
		add(i+3, len(name), day.AddDate(0, 0, -back))
	}
	return out
}

// wordIndex returns where w stands in s as whole words, or -1.
func wordIndex(s, w string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before := i == 0 || !isLetter(s[i-1])
		after := i+len(w) >= len(s) || !isLetter(s[i+len(w)])
		if before && after {
			return i
		}
		from = i + 1
	}
}

// isLetter reports whether the byte is an ASCII letter.
func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// dayNumberAfter reports whether a day of the month follows offset i of s.
func dayNumberAfter(s string, i int) bool {
	rest := strings.TrimLeft(s[min(i, len(s)):], " ,")
	return len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9'
}

// resolveInstitutions turns the mentions of every unit into orgs, then
// finds the acronyms and short names the text uses alone.
func (w *draft) resolveInstitutions() {
	w.addMentions()
	w.addParties()
	w.mergeVariants()
	w.addNamesAlone()
	for _, u := range w.units {
		for _, m := range u.insts {
			if e := w.orgs.list[m.Org]; e.evidence == "" {
				e.evidence = u.text
			}
		}
	}
}

// addMentions makes an org of each mention, leaving out places the
// gazetteer knows and a country added to a name.
func (w *draft) addMentions() {
	for i, u := range w.units {
		kept := u.insts[:0]
		for _, m := range u.insts {
			if _, place := w.x.gaz.Lookup(m.Name); place {
				continue // "Russian Federation" is a country
			}
			w.trimCountry(u, &m)
			kept = append(kept, m)
		}
		u.insts = kept
		for k := range u.insts {
			m := &u.insts[k]
			// "Lodz University of Technology (Politechnika Łódzka, TUL)": the
			// bracket gives the same body's name in its own language.
			if k > 0 && m.From == u.insts[k-1].To+1 && u.toks[m.From-1].Text == "(" && m.Acronym == "" {
				prev := u.insts[k-1]
				w.orgs.alias(prev.Org, m.Name, i)
				m.Org = prev.Org
				if m.To+2 < len(u.toks) && u.toks[m.To].Text == "," && u.toks[m.To+1].IsAcronym() && u.toks[m.To+2].Text == ")" {
					w.orgs.acronym(prev.Org, u.toks[m.To+1].Text)
				}
				continue
			}
			m.Org = w.orgs.add(*m, i, !u.caption)
		}
	}
}

// addParties adds the parties named beside a known institution in a
// signing: "ITC and Schneider Electric signed …", "signed an agreement
// with Acme Corp".
func (w *draft) addParties() {
	for i, u := range w.units {
		if u.caption || !u.has(agreementNoun) || !u.has(signVerb) {
			continue
		}
		for _, m := range w.partiesBeside(u) {
			m.Org = w.orgs.add(m, i, true)
			u.insts = sortMentions(append(u.insts, m))
		}
	}
}

// mergeVariants folds the variants of one name into one org, in every
// mention.
func (w *draft) mergeVariants() {
	for _, remap := range [][]int{w.orgs.mergeVariants(), w.orgs.mergeTranslations(w.x.isPlace)} {
		for _, u := range w.units {
			for k := range u.insts {
				u.insts[k].Org = remap[u.insts[k].Org]
			}
		}
	}
}

// addNamesAlone adds the mentions of acronyms alone ("the SNU
// delegation", "between CTU and WUR") and of short names ("the Mapúa
// delegation").
func (w *draft) addNamesAlone() {
	for _, u := range w.units {
		var extra []mention
		for i := range u.toks {
			if inMention(u.insts, i) {
				continue
			}
			if m, ok := w.nameAlone(u, i); ok {
				extra = append(extra, m)
				w.orgs.list[m.Org].mentions++
			}
		}
		if len(extra) > 0 {
			u.insts = sortMentions(append(u.insts, extra...))
		}
	}
}

// nameAlone reads the token at i as an acronym or short name of an org.
func (w *draft) nameAlone(u *unit, i int) (mention, bool) {
	t := u.toks[i]
	alone := func(id int) mention { return mention{Name: t.Text, From: i, To: i + 1, AcronymOnly: true, Org: id} }
	if t.IsAcronym() && i+1 < len(u.toks) && !inMention(u.insts, i+1) {
		if m, ok := w.acronymAndPlace(u, i); ok {
			return m, true
		}
	}
	if id, ok := w.orgs.byAcr[t.Text]; ok && !t.IsAcronym() {
		return alone(id), true // an acronym with lower-case letters that a bracket bound: "UdeA"
	}
	if !t.IsAcronym() {
		if id, ok := w.shortName(u, i); ok {
			return alone(id), true
		}
		return mention{}, false
	}
	id, ok := w.orgs.bindAcronym(t.Text)
	if !ok && w.standsAlone(t.Text, u, i) {
		id, ok = w.orgs.add(mention{Name: t.Text, Acronym: t.Text, AcronymOnly: true}, 0, !u.caption), true
		w.orgs.list[id].mentions--
	}
	return alone(id), ok
}

// findHome picks the article's anchor, the institution it is about: the
// one its headline names first, when the body names it too, else the
// first one the opening sentence names, else the most mentioned; on a
// tie, a body named in full beats an acronym alone, then the first named.
func (w *draft) findHome() {
	if id := w.headlineOrg(); id >= 0 {
		w.home = id
	} else if len(w.units) > 0 && !w.units[0].caption && len(w.units[0].insts) > 0 {
		w.home = w.units[0].insts[0].Org
	}
	for id, e := range w.orgs.list {
		if w.home >= 0 && w.orgs.list[w.home].mentions > 0 {
			break
		}
		if e.mentions == 0 {
			continue
		}
		h := w.orgs.list[max(w.home, 0)]
		if w.home < 0 || e.mentions > h.mentions ||
			e.mentions == h.mentions && (len(e.names) > 0) != (len(h.names) > 0) && len(e.names) > 0 ||
			e.mentions == h.mentions && (len(e.names) > 0) == (len(h.names) > 0) && e.first < h.first {
			w.home = id
		}
	}
	for _, e := range w.orgs.list {
		if e.mentions == 0 {
			continue
		}
		w.facts.Institutions = append(w.facts.Institutions, Institution{
			Name: e.name(), Aliases: e.aliases(), Mentions: e.mentions, Evidence: e.evidence,
		})
	}
}

// orgName returns the name an org goes by in the facts.
func (w *draft) orgName(id int) string {
	if id < 0 || id >= len(w.orgs.list) {
		return ""
	}
	return w.orgs.list[id].name()
}

// trimCountry drops a country added to a name that says where it is
// already: "University of Groningen of the Netherlands" (but "Institute of
// Technology of Cambodia" is a name).
func (w *draft) trimCountry(u *unit, m *mention) {
	i := strings.LastIndex(m.Name, " of ")
	if i < 0 || !strings.Contains(m.Name[:i], " of ") {
		return
	}
	if !strings.HasPrefix(m.Name[i+4:], "the ") {
		return // "Institute of Technology of Cambodia" is a name
	}
	if p, ok := w.x.gaz.Lookup(m.Name[i+8:]); !ok || p.Kind != gazetteer.PlaceCountry {
		return
	}
	for m.To > m.From && u.toks[m.To-1].Start >= u.toks[m.From].Start+i {
		m.To--
	}
	m.Name = m.Name[:i]
}

// isHomeAnaphora reports whether the words at i refer to the article's own
// institution: "the University", "the school".
func isHomeAnaphora(u *unit, i int) bool {
	if i+1 >= len(u.toks) {
		return false
	}
	t, n := u.toks[i].Text, strings.ToLower(u.toks[i+1].Text)
	return (t == "the" || t == "The") && (n == "university" || n == "school" || n == "college" || n == "institute" || n == "academy") &&
		(i+2 >= len(u.toks) || !u.toks[i+2].IsCap() && u.toks[i+2].Text != "of")
}

// headlineOrg returns the org the headline names first, by any of its
// names or acronyms, or -1.
func (w *draft) headlineOrg() int {
	title := " " + text.Fold(w.a.Title) + " "
	best, at := -1, len(title)
	for id, e := range w.orgs.list {
		if e.mentions == 0 {
			continue
		}
		names := slices.Collect(maps.Keys(e.names))
		for _, n := range append(names, e.acronyms...) {
			k := text.Fold(n)
			if k == "" {
				continue
			}
			if i := strings.Index(title, " "+k+" "); i >= 0 && i < at {
				best, at = id, i
			}
		}
	}
	if best >= 0 {
		return best
	}
	// "Sorbonne / Tunisian universities cooperation": a word of one name only.
	found := -1
	for id, e := range w.orgs.list {
		if e.mentions == 0 || len(e.names) == 0 {
			continue
		}
		for _, word := range strings.Fields(text.Fold(e.name())) {
			if len(word) < 5 || headTranslations[word] != "" || institutionHeads[strings.ToUpper(word[:1])+word[1:]] {
				continue
			}
			if i := strings.Index(title, " "+word+" "); i >= 0 {
				if found >= 0 && found != id {
					return -1
				}
				found = id
			}
		}
	}
	return found
}

// titleVenue returns the org the headline says an event was held at or
// hosted by ("… held at Nong Lam University", "… hosted by X"), or -1.
func (w *draft) titleVenue() int {
	title := " " + text.Fold(w.a.Title) + " "
	at := -1
	for _, cue := range []string{" held at ", " hosted by ", " took place at "} {
		if i := strings.Index(title, cue); i >= 0 {
			at = i + len(cue) - 1
			break
		}
	}
	if at < 0 {
		return -1
	}
	for id, e := range w.orgs.list {
		if e.mentions == 0 {
			continue
		}
		for _, n := range append(slices.Collect(maps.Keys(e.names)), e.acronyms...) {
			k := text.Fold(n)
			rest := strings.TrimSpace(title[at:])
			// The headline may shorten the name: "Nong Lam University" for
			// "Nong Lam University – Ho Chi Minh City".
			if k != "" && (strings.HasPrefix(rest+" ", k+" ") || strings.Count(rest, " ") >= 1 && strings.HasPrefix(k+" ", rest+" ")) {
				return id
			}
		}
	}
	return -1
}

// Institutions returns the names of the institutions a sentence names by
// their full names, as extraction reads them: for reading questions.
func (x *Extractor) Institutions(s string) []string {
	var out []string
	for _, m := range findInstitutions(s, text.Tokenize(s), x.isPlace) {
		out = append(out, m.Name)
	}
	return out
}

// gazetteerNames adds the institutions the gazetteer knows that a unit
// names with no head noun the rules recognise ("Technion", "Sciences
// Po", "Universitas Airlangga"): two words or more, capitalised, not
// overlapping a name or part already found.
func (x *Extractor) gazetteerNames(s string, toks []text.Token, insts []mention, parts [][2]int) []mention {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	added := false
	for _, sp := range x.gaz.InstitutionsIn(words) {
		if sp.To-sp.From < 2 || !toks[sp.From].IsCap() || !toks[sp.To-1].IsCap() || leftStops[toks[sp.From].Text] ||
			generic(toks, sp.From, sp.To) || sp.From > 0 && (toks[sp.From-1].IsAcronym() || toks[sp.From-1].Text == "'s") {
			continue // "Main Campus", "Student Association", "the UTM Main Campus": parts, not bodies
		}
		overlaps := slices.ContainsFunc(insts, func(m mention) bool { return m.From < sp.To && sp.From < m.To }) ||
			slices.ContainsFunc(parts, func(p [2]int) bool { return p[0] < sp.To && sp.From < p[1] })
		if overlaps {
			continue
		}
		m := mention{Name: text.Join(s, toks, sp.From, sp.To), From: sp.From, To: sp.To}
		m.Acronym = acronymAfter(toks, m.To, m.Name)
		insts = append(insts, m)
		added = true
	}
	if added {
		insts = sortMentions(insts)
	}
	return insts
}
