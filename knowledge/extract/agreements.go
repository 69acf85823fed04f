package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
)

// sign reads a signing: who signed (the subject, and those "with" or
// "between" after the verb), what (one record per document the sentence
// names) and when.
func (e *events) sign(f *frame) {
	u := f.u
	parties := e.parties(f)
	if len(parties) < 2 {
		if len(parties) <= 1 && strings.HasSuffix(strings.TrimSpace(u.text), ":") {
			e.list = f // "… signed MoUs with the following universities:"
		}
		return
	}
	docs := agreementKinds(u.text)
	if len(docs) == 0 {
		docs = []string{"agreement"}
	}
	d := e.dateOf(u, f.from)
	if d.IsZero() && e.trip != nil && !f.planned {
		d = e.narrativeDate().Start
	}
	status := ""
	switch {
	case f.planned:
		status = " (planned)"
	case earlier(u, f.from):
		// "presented the previously signed MOU": signed before, on a day
		// the sentence does not give.
		status, d = " (signed earlier)", article.Date{}
	case u.word(f.from) == "renewed" || u.word(f.from) == "renews" || u.word(f.from) == "renew" || u.word(f.from) == "extended":
		status = " (renewal)"
	}
	// "signed MoUs with A, B and C": one document with each; "signed an
	// MoU with A and B", "A, B and C signed": one document between all.
	first := len(e.w.facts.Agreements)
	defer func() {
		if g, ok := e.numberedGroup(u); ok {
			g.parties, g.agreements = parties, [2]int{first, len(e.w.facts.Agreements)}
			g.date, g.evidence = d, u.text
			e.group = &g
		}
	}()
	groups := [][]int{parties}
	if e.oneEach(f, docs) {
		groups = nil
		for _, o := range parties[1:] {
			groups = append(groups, []int{parties[0], o})
		}
	}
	for _, g := range groups {
		for _, doc := range docs {
			e.w.addAgreement(g, doc+status, d, u.text)
		}
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				e.pair(g[i], g[j], KindAgreement, d, u.text)
			}
		}
	}
	e.focus = parties
	e.lastSigning = parties
	e.venueVisits(u, parties)
	// Where a signing of years before was held is no visit the article tells of.
	if e.venueOwner(u) < 0 && !e.w.longBefore(d) {
		country, dateline := e.signingPlace(u)
		n := len(e.w.facts.Visits)
		e.placeVisits(u, parties, country)
		if dateline {
			for _, v := range e.w.facts.Visits[n:] {
				e.guessed = append(e.guessed, [2]string{v.Visitor, v.Hosts[0]})
			}
		}
	}
	// A delegation abroad that signs with a body there visits it.
	if t := e.trip; t != nil && !f.planned && slices.Contains(parties, t.visitor) && !e.w.hasVisitBy(t.visitor) {
		for _, p := range parties {
			if p != t.visitor && e.abroad(p, t.visitor) && !onlineEvent.MatchString(u.lower) {
				e.stop(u, t.visitor, p, f.from)
			}
		}
	}
}

// venueVisits reads a signing or an event held on one party's premises
// as a visit by the others, when they are from other countries: "… signed
// at UniSey's Anse Royal Campus".
func (e *events) venueVisits(u *unit, parties []int) {
	if onlineEvent.MatchString(u.lower) {
		return
	}
	venue := e.venueOwner(u)
	if venue < 0 {
		venue = e.w.titleVenue() // "Conference … held at Nong Lam University"
	}
	if venue < 0 || !slices.Contains(parties, venue) {
		return
	}
	for _, p := range parties {
		vc, hc := e.w.orgs.list[p].country, e.w.orgs.list[venue].country
		if p != venue && vc != "" && hc != "" && vc != hc {
			e.stop(u, p, venue, 0)
		}
	}
}

// onlineEvent matches a sentence that tells of an event held at a distance,
// which is no one's visit: "a virtual signing", "via Zoom", "online".
var onlineEvent = regexp.MustCompile(`\b(online|virtually|via (zoom|teams|video|webex)|video ?(conference|call|link)s?|videoconferenc\w*|teleconferenc\w*|virtual (meeting|signing|ceremony|conference|event|session|platform|mou))\b`)

// signingPlace returns the country a signing sentence says it happened in:
// its "in <City>" or "in <Country>", else the article's dateline for the
// article's first signing (and then dateline is true); "" when it says none.
func (e *events) signingPlace(u *unit) (country string, dateline bool) {
	for _, p := range u.places {
		if p.Demonym || p.Place.Country == "" || inMention(u.insts, p.From) || p.From == 0 {
			continue
		}
		if mentionEndingAt(u.insts, p.From-1) {
			continue // "Rector of Tenri University in Japan": where the body is
		}
		if w := u.word(p.From - 1); w == "in" || w == "at" {
			return p.Place.Country, false
		}
	}
	// The dateline places the article's first signing, unless the text is
	// telling of a trip abroad, which is where that signing happened.
	if !e.signedBefore && e.trip == nil {
		e.signedBefore = true
		if _, c := e.w.datelineCity(); c != "" {
			return c, true
		}
	}
	return "", false
}

// longBefore reports whether d is more than a few months before the
// article's date, or a year alone before its year.
func (w *draft) longBefore(d article.Date) bool {
	p := w.a.Published
	if d.IsZero() || p.IsZero() {
		return false
	}
	if d.Month == 0 {
		return d.Year < p.Year
	}
	return d.Start().AddDate(0, 3, 0).Before(p.Start())
}

// placeVisits reads a signing or meeting held in country as a visit to the
// one party there by each party from elsewhere.
func (e *events) placeVisits(u *unit, parties []int, country string) {
	if country == "" || onlineEvent.MatchString(u.lower) {
		return
	}
	host := -1
	for _, p := range parties {
		if e.w.orgs.list[p].country == country {
			if host >= 0 {
				return // two parties are there: which one hosted is not said
			}
			host = p
		}
	}
	if host < 0 {
		return
	}
	for _, p := range parties {
		if c := e.w.orgs.list[p].country; p != host && c != "" && c != country {
			e.stop(u, p, host, 0)
		}
	}
}

// tookPlace reads "The signing ceremony took place in Lusaka": where the
// last signing happened.
func (e *events) tookPlace(u *unit) {
	if len(e.lastSigning) < 2 || !strings.Contains(u.lower, "took place in") && !strings.Contains(u.lower, "was held in") ||
		!strings.Contains(u.lower, "sign") && !strings.Contains(u.lower, "ceremony") {
		return
	}
	country, _ := e.signingPlace(u)
	e.placeVisits(u, e.lastSigning, country)
}

// venueWords are the places of a body where a ceremony is held.
var venueWords = map[string]bool{"campus": true, "office": true, "hall": true, "headquarters": true, "premises": true,
	"building": true, "auditorium": true, "room": true, "library": true, "centre": true, "center": true}

// venueOwner returns the body on whose premises a unit's event is held:
// "at X", "at X's Anse Royal Campus", "at the Office of the X President",
// "at the … Classroom of X"; or -1.
func (e *events) venueOwner(u *unit) int {
	for k := 0; k < len(u.toks); k++ {
		// "signed the MoU in the vice chancellor's office here": the
		// dateline's place, the article's own body.
		if u.word(k) == "here" && e.w.home >= 0 {
			if c, _ := e.w.datelineCity(); c != "" {
				return e.w.home
			}
		}
		if describesDocument(u, k) {
			break // "… signed a memorandum that allows CNU students to study at DSU"
		}
		if u.word(k) != "at" && u.word(k) != "in" {
			continue
		}
		for _, m := range u.insts {
			if m.From <= k || m.From > k+10 || clauseBreak(u, k, m.From) {
				continue
			}
			if u.partAt(k+1) || u.partAt(k+2) {
				// "at the Faculty of Engineering, Chulalongkorn University": the part's body
				j := k + 1
				for j < m.From && (u.partAt(j) || u.word(j) == "the" || u.word(j) == ",") {
					j++
				}
				if j == m.From {
					return m.Org
				}
			}
			switch {
			case m.From == k+1 || m.From == k+2 && u.word(k+1) == "the":
				if u.word(k) == "at" || u.word(m.To) == "'s" {
					return m.Org // "at X", "in X's hall"
				}
			case u.word(k) == "at" && u.word(m.From-1) == "," && namedPlace(u, k+1, m.From-1):
				return m.Org // "at Simpur Herbal Café, UBD"
			case u.word(m.From-1) == "of" || u.word(m.From-1) == "the" && u.word(m.From-2) == "of":
				// "at the Office of the AAU President", "at the … Classroom of DU"
				if venueWords[u.word(m.From-2)] || venueWords[u.word(m.From-3)] || u.toks[m.From-2].IsCap() {
					return m.Org
				}
			}
			if u.word(m.To) == "'s" {
				for j := m.To + 1; j < len(u.toks) && j <= m.To+5; j++ {
					if venueWords[u.word(j)] {
						return m.Org // "at UniSey's Anse Royal Campus"
					}
				}
			}
			break
		}
	}
	return -1
}

// namedPlace reports whether tokens from..to name a place by capitalised
// words: "Simpur Herbal Café", "the Senate Hall".
func namedPlace(u *unit, from, to int) bool {
	if u.word(from) == "the" {
		from++
	}
	if from >= to {
		return false
	}
	for k := from; k < to; k++ {
		if !u.toks[k].IsWord() || !u.toks[k].IsCap() {
			return false
		}
	}
	return true
}

// describesDocument reports whether token k starts a clause that tells
// what a document does, not where it was signed: "that allows …",
// "which will enable …", "allowing …", "whereby …".
func describesDocument(u *unit, k int) bool {
	switch u.word(k) {
	case "allowing", "enabling", "whereby", "permitting":
		return true
	case "that", "which":
		switch u.word(k + 1) {
		case "was", "were", "took", "is", "has", "had":
			return false
		}
		return k > 0
	}
	return false
}

// standingAgreement reads an agreement named with its parties but not
// signed in the sentence: "under the MoU between A and B", "A and B have
// cooperated under a memorandum since 2019", "its agreement with X".
func (e *events) standingAgreement(u *unit) {
	if !u.has(agreementNoun) || u.caption {
		return
	}
	loc := u.find(agreementNoun)
	noun := tokenAt(u, loc[0])
	var parties []int
	planned := u.plannedAt(noun) || u.plannedAt(noun-1) || u.plannedAt(noun-2) || u.plannedAt(noun-3)
	switch {
	case len(e.betweenParties(u)) >= 2:
		parties = e.betweenParties(u)
	case (u.has(bothSides) || u.has(manySides)) && planned && len(e.focus) >= 2:
		// "Both parties agreed to prepare a specific cotutelle agreement"
		parties = e.focus
	case u.word(noun+1) == "with" || u.word(noun+2) == "with":
		k := noun + 1
		if u.word(k) != "with" {
			k++
		}
		objs := e.objects(u, k+1, min(len(u.toks), k+6))
		if len(objs) == 0 {
			return
		}
		owner := e.subject(u, noun)
		if len(owner) == 0 && e.w.home >= 0 {
			owner = []int{e.w.home}
		}
		if len(owner) == 0 {
			return
		}
		parties = append([]int{owner[0]}, objs[:1]...)
	case u.word(noun-1) == "a" && u.word(noun-2) == "under" || u.word(noun-1) == "the" && u.word(noun-2) == "under":
		parties = e.subject(u, noun-2)
	case u.word(noun-1) == "under" || u.word(noun-2) == "under" && (u.word(noun-1) == "bilateral" || u.word(noun-1) == "exchange"):
		// "Students from Mexico and South Korea study at TUL under bilateral
		// agreements": one with the body of each country the article names.
		if e.w.home < 0 {
			return
		}
		docs := agreementKinds(u.text)
		for _, p := range u.places {
			if p.From >= noun || p.Demonym || p.Place.Country == "" || inMention(u.insts, p.From) {
				continue
			}
			if o := e.w.orgIn(p.Place.Country); o >= 0 && o != e.w.home && len(docs) > 0 {
				e.w.addAgreement([]int{e.w.home, o}, singular(docs[0])+" (existing)", article.Date{}, u.text)
				e.pair(e.w.home, o, KindAgreement, article.Date{}, u.text)
			}
		}
		return
	}
	if len(parties) < 2 {
		return
	}
	docs := agreementKinds(u.text)
	if len(docs) == 0 {
		return
	}
	d := e.dateOf(u, noun)
	kind := docs[0]
	if planned {
		kind += " (planned)"
		d = article.Date{}
	}
	e.w.addAgreement(parties, kind, d, u.text)
	for i := range parties {
		for j := i + 1; j < len(parties); j++ {
			e.pair(parties[i], parties[j], KindAgreement, d, u.text)
		}
	}
	e.focus = parties
}

// atVenue reports whether the mention of org o after token i stands in a
// phrase of where ("at the 6th Meeting of the General Assembly of X"),
// not of with whom.
func (e *events) atVenue(u *unit, o, i int) bool {
	for _, m := range u.insts {
		if m.Org != o || m.From < i {
			continue
		}
		for k := m.From - 1; k >= i && k >= m.From-14; k-- {
			switch u.word(k) {
			case "at", "during", "on the sidelines of":
				return true
			case "with", "between", ",", "and", "by":
				return false
			}
		}
		return false
	}
	return false
}

// betweenParties returns the bodies an agreement's noun says it is
// between: "a memorandum of understanding between KarTU and UNIST".
func (e *events) betweenParties(u *unit) []int {
	for k := range u.toks {
		if u.word(k) != "between" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			w := u.word(j)
			if strings.HasPrefix(w, "memorand") || strings.HasPrefix(w, "agreement") || w == "mou" || w == "moa" ||
				w == "loi" || w == "accord" || strings.HasPrefix(w, "contract") || w == ")" {
				return e.groupAt(u, k+1, len(u.toks))
			}
		}
	}
	return nil
}

// earlier reports whether the signing at token i happened before what the
// sentence tells: "the previously signed MoU", "the MoU signed earlier".
func earlier(u *unit, i int) bool {
	for j := max(0, i-3); j <= i+3 && j < len(u.toks); j++ {
		switch u.word(j) {
		case "previously", "earlier", "already", "formerly", "existing":
			return true
		}
	}
	return false
}

// parties returns who signs in a frame, the first one the subject when
// there is one.
func (e *events) parties(f *frame) []int {
	u := f.u
	agents := f.agents
	if len(agents) == 0 && f.del != nil && f.del.visitor >= 0 {
		agents = []int{f.del.visitor}
	}
	if len(f.personOrgs) > len(agents) && !slices.ContainsFunc(agents, func(a int) bool { return !slices.Contains(f.personOrgs, a) }) {
		// "the Rector of A, P, the Rector of B, Q, and … signed"
		agents = f.personOrgs
	}
	both := u.has(bothSides) || u.has(manySides)
	switch {
	case len(agents) == 0 && both && len(e.focus) >= 2:
		return e.focus
	case len(agents) == 0 && both && e.trip != nil && e.trip.lastHost >= 0:
		return []int{e.trip.visitor, e.trip.lastHost}
	case len(agents) == 0 && len(f.objects) >= 2 && e.between(f):
		return f.objects
	case len(agents) == 0 && e.trip != nil && len(f.objects) > 0 && f.objects[0] != e.trip.visitor:
		agents = []int{e.trip.visitor}
	case len(agents) == 0 && e.w.home >= 0:
		agents = []int{e.w.home}
	}
	out := slices.Clone(agents)
	for _, o := range f.objects {
		if !e.atVenue(u, o, f.to) {
			out = appendOrg(out, o)
		}
	}
	if len(out) < 2 {
		// "… to prepare a memorandum between KarTU and UNIST, which is planned to be signed"
		if b := e.betweenParties(u); len(b) >= 2 {
			return b
		}
	}
	if len(out) == 1 && both && len(e.focus) >= 2 {
		// "KALRO signed a letter of intent with the two universities"
		for _, o := range e.focus {
			out = appendOrg(out, o)
		}
	}
	if len(out) == 1 {
		// "… stopped at X, where an agreement is to be finalised": X signs.
		if o := whereAntecedent(u, f.from); o >= 0 && o != out[0] {
			return append(out, o)
		}
	}
	if len(out) == 1 && e.trip != nil && e.trip.lastHost >= 0 && out[0] == e.trip.visitor {
		out = append(out, e.trip.lastHost)
	}
	return out
}

// whereAntecedent returns the body a ", where …" clause that holds token
// i tells of: the one named right before it; or -1.
func whereAntecedent(u *unit, i int) int {
	for k := i - 1; k > 1 && k >= i-25; k-- {
		switch u.word(k) {
		case ";", ".":
			return -1
		case "where":
			if u.word(k-1) != "," {
				return -1
			}
			for _, m := range u.insts {
				if m.To == k-1 || m.To+3 == k-1 && u.word(m.To) == "(" {
					return m.Org
				}
			}
			return -1
		}
	}
	return -1
}

// between reports whether the frame's objects follow "between".
func (e *events) between(f *frame) bool {
	for k := f.from; k < len(f.u.toks) && k < f.to+12; k++ {
		if f.u.word(k) == "between" {
			return true
		}
	}
	return false
}

// oneEach reports whether a signing with several counterparts gives one
// document with each: the document is plural, or named once per
// counterpart, and no word makes it one between all.
func (e *events) oneEach(f *frame, docs []string) bool {
	if len(f.agents) != 1 && !(len(f.agents) == 0 && !e.between(f)) {
		return false
	}
	if len(f.objects) < 2 {
		return false
	}
	lower := f.u.lower
	for _, w := range []string{"tripartite", "trilateral", "three-party", "four-party", "multilateral", "quadripartite", "joint agreement", "consortium"} {
		if strings.Contains(lower, w) {
			return false
		}
	}
	return pluralDocument.MatchString(f.u.text)
}

// readListItem takes a list item after a signing that ended with a colon
// as one more counterpart; it reports whether the unit was one.
func (e *events) readListItem(u *unit) bool {
	if !article.IsListItem(u.text) && !(len(u.insts) > 0 && u.insts[0].From <= 1 && len(u.toks) <= u.insts[0].To+6) {
		return false
	}
	f := e.list
	if len(u.insts) == 0 {
		return true
	}
	subject := e.parties(&frame{trigger: f.trigger, u: f.u, agents: f.agents, del: f.del, person: f.person})
	if len(subject) == 0 {
		return true
	}
	other := u.insts[0].Org
	docs := agreementKinds(f.u.text)
	if len(docs) == 0 {
		docs = []string{"agreement"}
	}
	d := e.dateOf(f.u, f.from)
	e.w.addAgreement([]int{subject[0], other}, singular(docs[0]), d, u.text)
	e.pair(subject[0], other, KindAgreement, d, u.text)
	return true
}

// singular names one document of a plural kind: "MOUs" gives "MOU".
func singular(kind string) string {
	return pluralKinds.Replace(kind)
}

// pluralKinds turns the documents' names in the plural into the singular.
var pluralKinds = strings.NewReplacer("agreements", "agreement", "contracts", "contract", "MOUs", "MOU", "MoUs", "MoU",
	"MOAs", "MOA", "MoAs", "MoA", "memorandums", "memorandum", "memoranda", "memorandum", "protocols", "protocol", "conventions", "convention",
	"letters of intent", "letter of intent")

// bracketedAcronym is the acronym a document's name gives after it: "memorandum of understanding (MoU)".
var bracketedAcronym = regexp.MustCompile(` \((MOU|MoU|MOA|MoA|LOI|LoI)\)`)

// addAgreement records an agreement once per set of parties and kind.
func (w *draft) addAgreement(ids []int, kind string, d article.Date, evidence string) {
	var names []string
	for _, id := range ids {
		if n := w.orgName(id); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) < 2 {
		return
	}
	sort.Strings(names)
	if d.Month == 0 {
		d = article.Date{} // a year alone dates no act
	}
	for i := range w.facts.Agreements {
		if a := &w.facts.Agreements[i]; slices.Equal(a.Parties, names) && sameDocument(a.Kind, kind) {
			// "MoUs have been signed with A, B and C", then "A and B signed
			// the MoU on January 24": one document, dated by the second.
			if a.Date.IsZero() && !d.IsZero() {
				a.Date = d
			}
			return
		}
	}
	w.facts.Agreements = append(w.facts.Agreements, Agreement{Parties: names, Kind: kind, Date: d, Evidence: evidence})
}

// agreementKinds names the documents a unit speaks of, one each: "an MoU
// and an MoA" gives both; "memorandum of understanding (MOU)" one.
func agreementKinds(text string) []string {
	var out []string
	for _, k := range kindPhrase.FindAllString(text, -1) {
		words := strings.Fields(k)
		for i, w := range words {
			// "Memorandum" is written in lower case; "MOU" and "MoU" are kept.
			if strings.ToUpper(w) != w && strings.ToLower(w[1:]) == w[1:] {
				words[i] = strings.ToLower(w)
			}
			switch words[i] {
			case "mou", "mous":
				words[i] = "MoU"
			case "moa", "moas":
				words[i] = "MoA"
			}
		}
		k = singular(strings.Join(words, " "))
		k = bracketedAcronym.ReplaceAllString(k, "")
		if !slices.Contains(out, k) && !slices.ContainsFunc(out, func(o string) bool { return sameDocument(o, k) }) {
			out = append(out, k)
		}
	}
	return out
}

// sameDocument reports whether two kinds name the same document: "MoU" and
// "memorandum of understanding".
func sameDocument(a, b string) bool {
	short := func(s string) string {
		s = strings.ToLower(s)
		s = strings.ReplaceAll(s, "memorandum of understanding", "mou")
		s = strings.ReplaceAll(s, "memoranda of understanding", "mous")
		s = strings.ReplaceAll(s, "memorandum of agreement", "moa")
		return strings.TrimSuffix(s, "s")
	}
	return short(a) == short(b)
}

// aboutCooperation says whether the article is about international
// cooperation: it tells of a visit, an agreement or a partnership, or
// speaks of cooperation again and again.
func (w *draft) aboutCooperation() bool {
	if len(w.facts.Visits)+len(w.facts.Agreements)+len(w.facts.Partnerships) > 0 {
		return true
	}
	n := 0
	for _, u := range w.units {
		n += len(cooperationCue.re.FindAllString(u.lower, -1))
		n += len(delegationCue.re.FindAllString(u.lower, -1))
	}
	return n >= 3
}

// pendingGroup is a number of bodies of a country that a signing names
// before the text lists them: "X and six Tunisian universities initialled
// an agreement", then "… the six partner universities in Tunisia: A, B, …".
type pendingGroup struct {
	n       int
	country string
	// parties are those the signing named; agreements the span of the
	// records it made.
	parties    []int
	agreements [2]int
	date       article.Date
	evidence   string
}

// numberWords are the numbers a group is counted by.
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12}

// numberedGroup finds "six Tunisian universities" in a unit.
func (e *events) numberedGroup(u *unit) (pendingGroup, bool) {
	for k := 0; k+2 < len(u.toks); k++ {
		n, ok := numberWords[u.word(k)]
		if !ok {
			continue
		}
		// "six Tunisian universities", "the three local universities": of a
		// country, or of any.
		c, ok := e.w.x.gaz.CountryOfDemonym(u.toks[k+1].Text)
		j := k + 2
		switch {
		case ok:
		case u.word(k+1) == "local":
			c = ""
		default:
			continue // "the two universities" counts bodies named already
		}
		if u.word(j) == "partner" {
			j++
		}
		if w := u.word(j); w == "universities" || w == "institutions" || w == "colleges" || w == "heis" {
			return pendingGroup{n: n, country: c}, true
		}
	}
	return pendingGroup{}, false
}

// fillGroup reads a list of as many bodies of the pending group's country
// as it counted as the group, and makes them parties of its signing.
func (e *events) fillGroup(u *unit) {
	g := e.group
	var members []int
	for j, m := range u.insts {
		if g.country != "" && e.w.orgs.list[m.Org].country != g.country || slices.Contains(g.parties, m.Org) && g.country == "" {
			continue
		}
		if len(members) > 0 && !joined(u, u.insts[j-1].To, m.From) {
			members = nil
		}
		members = appendOrg(members, m.Org)
		if len(members) == g.n {
			break
		}
	}
	if len(members) != g.n {
		return
	}
	e.group = nil
	all := slices.Clone(g.parties)
	for _, m := range members {
		all = appendOrg(all, m)
	}
	var names []string
	for _, id := range all {
		if n := e.w.orgName(id); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for i := g.agreements[0]; i < g.agreements[1] && i < len(e.w.facts.Agreements); i++ {
		e.w.facts.Agreements[i].Parties = names
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			e.pair(all[i], all[j], KindAgreement, g.date, g.evidence)
		}
	}
}
