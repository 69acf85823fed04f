package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/text"
)

// The events of an article are read clause by clause, in the order the
// article tells them: each trigger (triggers.go) is a frame whose slots
// (who visited, who hosted, who signed with whom) are filled by where the
// institutions, delegations and people stand around it. A trip stays
// open across sentences, so that "the delegation" and "they" of later
// sentences are its delegation.

// trip is a delegation's journey while the text tells of it.
type trip struct {
	visitor     int
	leader      string
	leaderTitle string
	// country is where it went, when the text says.
	country    string
	start, end article.Date
	// dated says start and end come from the sentence that set out the trip.
	dated bool
	// stops are indices into facts.Visits.
	stops    []int
	evidence string
	// lastHost is the host of its last stop, or -1.
	lastHost int
	// legs are the visits to countries whose hosts the text did not name;
	// they are kept when the trip ends unless a stop there named one.
	legs []Visit
}

// events is the state of reading the events of one article.
type events struct {
	w    *draft
	trip *trip
	// last is the last date the text gave with a month.
	last article.DateMention
	// focus are the bodies the text last told of together, for "the two
	// sides" and "both universities".
	focus []int
	// pairs indexes facts.Partnerships by their sorted names.
	pairs map[[2]string]int
	// list is a frame whose sentence ended with a colon: the list items that
	// follow are its objects.
	list *frame
	// partnersOf is the owner of a list of partners that a sentence ending
	// with a colon opened, or -1: the list items that follow are partners.
	partnersOf int
	// prev is the unit's previous frame, whose subject a coordinated verb
	// shares: "The Rector met X, paid a visit to Y and held talks with Z".
	prev *frame
	// lastSigning are the parties of the last signing, for "The signing
	// ceremony took place in Lusaka" after it.
	lastSigning []int
	// signedBefore says a signing was read already: the dateline dates
	// only the first.
	signedBefore bool
	// stops counts the stops read so far.
	stops int
	// group is a signing's numbered group the text has yet to list.
	group *pendingGroup
	// guessed are the visits (visitor, host) read only from the dateline
	// of a signing, which the text may tell otherwise later: "LEÓN – …
	// signed with UTE. It was signed in Quito … during his visit to UTE".
	guessed [][2]string
}

// frame is a trigger with its slots filled.
type frame struct {
	trigger
	u *unit
	// agents are the bodies before the trigger (after it when passive).
	agents []int
	// objects are the bodies after it.
	objects []int
	// del is the delegation the trigger's subject or object is, or nil.
	del *delegation
	// person is the person before the trigger when no body is: "Rector P visited X".
	person *personMention
	// personOrgs are the institutions of the people before the trigger:
	// "Rector A and the Rector of B, C, signed …".
	personOrgs []int
}

// findEvents reads visits, agreements and partnerships.
func (w *draft) findEvents() {
	e := &events{w: w, pairs: map[[2]string]int{}, partnersOf: -1}
	for _, u := range w.units {
		if u.caption {
			continue
		}
		e.read(u)
	}
	e.finish()
	e.dropContradicted()
	w.dropRedundantLegs()
	// Captions repeat the prose, and tell no trip of their own; they may
	// name who met or worked with whom.
	for _, u := range w.units {
		if u.caption {
			e.readCaption(u)
		}
	}
}

// readCaption takes the partners a caption shows meeting or working together.
func (e *events) readCaption(u *unit) {
	trigs := u.findTriggers()
	for k, t := range trigs {
		end := len(u.toks)
		if k+1 < len(trigs) {
			end = trigs[k+1].from
		}
		if t.kind == trigMeet || t.kind == trigCoop {
			f := e.fill(u, t, nil, end)
			if len(f.agents) == 0 {
				f.agents = f.personOrgs
			}
			if len(f.agents) == 0 && e.w.home >= 0 {
				f.agents = []int{e.w.home}
			}
			if len(f.agents) > 0 && len(f.objects) > 0 {
				e.together(f, KindProgramme)
			}
		}
	}
}

// read reads the events of one unit.
func (e *events) read(u *unit) {
	for _, d := range u.dates {
		if d.Start.Month != 0 {
			e.last = d
		}
	}
	if e.list != nil {
		if e.readListItem(u) {
			return
		}
		e.list = nil
	}
	if e.partnersOf >= 0 {
		if article.IsListItem(u.text) {
			for _, m := range u.insts {
				if m.Org != e.partnersOf {
					e.pair(e.partnersOf, m.Org, KindProgramme, article.Date{}, u.text)
				}
			}
			return
		}
		e.partnersOf = -1
	}
	if e.group != nil {
		e.fillGroup(u)
	}
	dels := e.w.findDelegations(u)
	for i := range dels {
		e.setOut(u, &dels[i])
	}
	e.groupAtStart(u)
	e.partnerLists(u)
	trigs := u.findTriggers()
	e.prev = nil
	e.venueStop(u, dels)
	if !slices.ContainsFunc(trigs, func(t trigger) bool { return t.kind == trigSign }) {
		e.standingAgreement(u)
		e.tookPlace(u)
	}
	stops := e.stops
	for k, t := range trigs {
		end := len(u.toks)
		for n := k + 1; n < len(trigs); n++ {
			end = trigs[n].from
			// "visited and worked with X": the verbs share their object.
			if !onlyJoiners(u, t.to, end) {
				break
			}
			end = len(u.toks)
		}
		f := e.fill(u, t, dels, end)
		if e.prev != nil && !t.passive && coordinated(u, e.prev.to, t.from) {
			f.agents, f.del, f.person, f.personOrgs = e.prev.agents, e.prev.del, e.prev.person, e.prev.personOrgs
		}
		if p := e.prev; p != nil && t.kind == trigSign && p.kind == trigMeet && u.word(t.from-1) == "to" {
			// "P of A sat down with Q, president of B, to conclude an MoU":
			// those who met sign.
			f.agents = p.agents
			if len(f.agents) == 0 {
				f.agents = p.personOrgs
			}
			f.objects = slices.Clone(p.objects)
			for _, o := range e.peopleOrgs(u, p.to, t.from) {
				f.objects = appendOrg(f.objects, o)
			}
		}
		e.prev = f
		switch t.kind {
		case trigVisit:
			e.visit(f)
		case trigHost:
			e.host(f)
		case trigMeet:
			e.meet(f)
		case trigSign:
			e.sign(f)
		case trigCoop:
			e.coop(f)
		}
	}
	if e.stops == stops {
		e.peopleReceive(u, dels)
	}
}

// membership matches a sentence that tells who a delegation is.
var membership = regexp.MustCompile(`\b(made up of|comprised|composed of|consisted of|consisting of|included|including|includes|members|accompanied|joined by)\b`)

// peopleReceive reads a sentence of a trip abroad that names the
// delegation and people of bodies there, and tells of no stop by its
// verbs, as stops at those bodies: "Prof. A, Vice-Chancellor of X, gave
// the delegation an overview", "the delegation talked with Prof. B of Y".
func (e *events) peopleReceive(u *unit, dels []delegation) {
	t := e.trip
	if t == nil || t.country == "" || !slices.ContainsFunc(dels, func(d delegation) bool { return d.visitor < 0 }) || membership.MatchString(u.lower) {
		return
	}
	for _, p := range u.people {
		if p.Institution < 0 {
			continue
		}
		h := u.insts[p.Institution].Org
		if o := e.w.orgs.list[h]; o.country == t.country && !o.guessed && e.foreignTo(h, t.visitor) && !e.w.business(h) {
			e.stop(u, t.visitor, h, p.From)
		}
	}
}

// setOut opens a trip for a delegation that names where it comes from, or
// tells more of the open one.
func (e *events) setOut(u *unit, d *delegation) {
	if d.visitor < 0 {
		if e.trip != nil && e.trip.leader == "" && d.leader != "" {
			e.setLeader(d.leader, d.leaderTitle)
		}
		return
	}
	if e.trip != nil && e.trip.visitor == d.visitor {
		if e.trip.leader == "" && d.leader != "" {
			e.setLeader(d.leader, d.leaderTitle)
		}
		return
	}
	e.finish()
	t := &trip{visitor: d.visitor, leader: d.leader, leaderTitle: d.leaderTitle, evidence: u.text, lastHost: -1}
	if ds := u.dates; len(ds) > 0 {
		t.start, t.end, t.dated = ds[0].Start, ds[0].End, true
	}
	t.country = e.w.destination(u, d.visitor)
	e.trip = t
}

// setLeader names the open trip's leader, on its stops so far too.
func (e *events) setLeader(name, title string) {
	e.trip.leader, e.trip.leaderTitle = name, title
	for _, i := range e.trip.stops {
		v := &e.w.facts.Visits[i]
		if v.Leader == "" {
			v.Leader, v.LeaderTitle = name, title
		}
	}
}

// fill fills a trigger's slots from the unit's tokens before it and up to end.
func (e *events) fill(u *unit, t trigger, dels []delegation, end int) *frame {
	f := &frame{trigger: t, u: u}
	before, after := e.subject(u, t.from), e.objects(u, t.to, end)
	f.agents, f.objects = before, after
	if t.passive {
		// The agent of a passive is the group right after "by".
		f.agents, f.objects = e.groupAt(u, t.to, end), before
		if t.kind == trigSign {
			// "signed by NUS with A, B and C": the group after "with" signs with it.
			f.agents, f.objects = splitAtWith(u, f.agents, t.to, end), append(f.objects, withGroup(u, f.agents, t.to, end)...)
		}
	}
	if len(f.agents) == 0 && !t.passive {
		// "Philippine HEIs that likewise forged linkages with UNP include
		// A, B and C": the list after "include" is the subject.
		for k := end; k < len(u.toks); k++ {
			if w := u.word(k); (w == "include" || w == "includes") && k > t.to {
				if g := e.groupAt(u, k+1, len(u.toks)); len(g) > 0 {
					f.agents = g
					f.objects = slices.DeleteFunc(f.objects, func(o int) bool { return slices.Contains(g, o) })
				}
				break
			}
		}
	}
	// The delegation that is the subject (or, received, the object).
	for i := range dels {
		d := &dels[i]
		switch {
		case t.kind == trigHost && !t.passive && d.at >= t.to && !clauseBreak(u, t.to, d.at):
			if f.del == nil {
				f.del = d
			}
		case (t.kind != trigHost || t.passive) && d.to <= t.from+1 && d.at < t.from:
			f.del = d // the last one before
		}
	}
	if t.kind == trigVisit && u.word(t.to-1) == "of" {
		// "the visit of a Canadian delegation to Monterrey": the delegation travels.
		for i := range dels {
			if d := &dels[i]; d.at >= t.to && d.at <= t.to+4 {
				f.del, f.agents = d, nil
				f.objects = e.objects(u, d.to, end)
				break
			}
		}
	}
	if t.kind == trigVisit && f.del == nil {
		// "a two-day visit to UoN by an NAU delegation"
		for i := range dels {
			if d := &dels[i]; d.at > t.to && d.at < end && (u.word(d.from-1) == "by" || u.word(d.from-2) == "by") {
				f.del = d
				f.objects = without(f.objects, d.visitor)
				break
			}
		}
	}
	// "Allen and CNU President Liu Chuning signed": the people before the
	// trigger, by their full names or their surnames alone.
	k := 0
	for _, p := range u.people {
		if p.To > t.from {
			break
		}
		for ; k < p.From; k++ {
			if o := e.w.surnameOrg(u, k); o >= 0 && !clauseBreak(u, k, t.from) {
				f.personOrgs = appendOrg(f.personOrgs, o)
			}
		}
		if p.Institution >= 0 && !clauseBreak(u, p.To, t.from) {
			f.personOrgs = appendOrg(f.personOrgs, u.insts[p.Institution].Org)
		}
		k = p.To
	}
	for ; k < t.from; k++ {
		if o := e.w.surnameOrg(u, k); o >= 0 && !clauseBreak(u, k, t.from) {
			f.personOrgs = appendOrg(f.personOrgs, o)
		}
	}
	if len(before) == 0 {
		for i := len(u.people) - 1; i >= 0; i-- {
			if p := &u.people[i]; p.To <= t.from && t.from-p.To <= 8 {
				f.person = p
				break
			}
		}
	}
	return f
}

// withIndex returns the token of the first "with" between i and end, or end.
func withIndex(u *unit, i, end int) int {
	for k := i; k < end; k++ {
		if u.word(k) == "with" && u.word(k-1) != "together" && u.word(k-1) != "along" {
			return k
		}
	}
	return end
}

// splitAtWith returns the members of group named before the first "with"
// after token i.
func splitAtWith(u *unit, group []int, i, end int) []int {
	k := withIndex(u, i, end)
	var out []int
	for _, o := range group {
		if slices.ContainsFunc(u.insts, func(m mention) bool { return m.Org == o && m.From >= i && m.From < k }) {
			out = append(out, o)
		}
	}
	return out
}

// withGroup returns the bodies named after the first "with" after token i
// up to end: those of group, and those joined to them.
func withGroup(u *unit, group []int, i, end int) []int {
	k := withIndex(u, i, end)
	if k == end {
		return nil
	}
	var out []int
	last := -1
	for j, m := range u.insts {
		if m.From <= k || m.From >= end {
			continue
		}
		if last >= 0 && !joined(u, u.insts[last].To, m.From) {
			break
		}
		out = appendOrg(out, m.Org)
		last = j
	}
	return out
}

// subject returns the bodies that end the clause before token i: the last
// one named and those joined to it by "and" or commas; "the University" is
// the article's own institution.
func (e *events) subject(u *unit, i int) []int {
	var group []int
	k := i - 1
	// Skip back over what stands between a subject and its verb: a date,
	// a person with a title, "officially", "have".
	last := -1
	for j := len(u.insts) - 1; j >= 0; j-- {
		m := u.insts[j]
		if m.From >= i {
			continue
		}
		if isVenue(u, m.From) || prepositionalObject(u, m.From) && last < 0 {
			continue
		}
		if clauseBreak(u, m.To, i) {
			break
		}
		if last >= 0 && !joined(u, u.insts[j].To, u.insts[last].From) {
			break
		}
		group = appendOrg(group, m.Org)
		last = j
	}
	if len(group) == 0 {
		for ; k >= 0 && k >= i-6; k-- {
			if isHomeAnaphora(u, k) && e.w.home >= 0 {
				return []int{e.w.home}
			}
			if clauseBreak(u, k, i) {
				break
			}
		}
	}
	slices.Reverse(group)
	return group
}

// objects returns the bodies named from token i up to end, venues ("at X",
// "in X") left out, and "the University" as the article's own.
func (e *events) objects(u *unit, i, end int) []int {
	var out []int
	for j, m := range u.insts {
		if m.From < i {
			continue
		}
		if m.From >= end || clauseBreak(u, i, m.From) {
			for _, o := range resumed(u, i, j) {
				out = appendOrg(out, o)
			}
			break
		}
		out = appendOrg(out, m.Org)
	}
	if len(out) == 0 && e.w.home >= 0 {
		for k := i; k < end && k < i+4; k++ {
			if isHomeAnaphora(u, k) {
				return []int{e.w.home}
			}
		}
	}
	if len(out) == 0 {
		if p := e.partnerAnaphora(u, i, end); p >= 0 {
			return []int{p}
		}
		if p := e.demonymAnaphora(u, i, end); p >= 0 {
			return []int{p}
		}
	}
	return out
}

// demonymAnaphora reads "the Chinese university" right after token i as
// the body of that country the unit named last, or the article's one body
// there; or -1.
func (e *events) demonymAnaphora(u *unit, i, end int) int {
	k := i
	if u.word(k) != "the" || k+2 >= end || !classNouns[text.Stem(u.word(k+2))] || text.Stem(u.word(k+2)) != u.word(k+2) {
		return -1 // "the Chinese universities" are more than one
	}
	c, ok := e.w.x.gaz.CountryOfDemonym(u.toks[k+1].Text)
	if !ok {
		return -1
	}
	found := -1
	for _, m := range u.insts {
		if m.From < i && e.w.orgs.list[m.Org].country == c {
			found = m.Org
		}
	}
	if found < 0 {
		found = e.w.orgIn(c)
	}
	return found
}

// resumed returns the bodies from mention j on that a clause after a
// relative clause adds to the objects after token i, by repeating the
// preposition they follow: "stopped at X, where …, and at Y, where …".
func resumed(u *unit, i, j int) []int {
	prep := u.word(i - 1)
	if prep != "at" && prep != "to" {
		return nil
	}
	var out []int
	for ; j < len(u.insts); j++ {
		m := u.insts[j]
		k := m.From - 1
		if u.word(k) == "the" {
			k--
		}
		if u.word(k) == prep && u.word(k-1) == "and" {
			out = appendOrg(out, m.Org)
		}
	}
	return out
}

// partnerAnaphora reads "the partner university", "the host institution"
// between tokens i and end as the partner the text last told of: the open
// trip's last host, or the one of the bodies in focus that is not the
// article's own.
func (e *events) partnerAnaphora(u *unit, i, end int) int {
	for k := i; k+2 < end && k < i+4; k++ {
		if u.word(k) != "the" || u.word(k+1) != "partner" && u.word(k+1) != "host" || !classNouns[text.Stem(u.word(k+2))] {
			continue
		}
		if e.trip != nil && e.trip.lastHost >= 0 {
			return e.trip.lastHost
		}
		for _, f := range e.focus {
			if f != e.w.home {
				return f
			}
		}
	}
	return -1
}

// groupAt returns the first body named from token i up to end, with those
// joined to it by "and" or commas: "by A, B and C".
func (e *events) groupAt(u *unit, i, end int) []int {
	var group []int
	last := -1
	for j, m := range u.insts {
		if m.From < i || m.From >= end {
			continue
		}
		if last >= 0 && !joined(u, u.insts[last].To, m.From) {
			break
		}
		if last < 0 && clauseBreak(u, i, m.From) {
			break
		}
		group = appendOrg(group, m.Org)
		last = j
	}
	if len(group) == 0 && e.w.home >= 0 {
		for k := i; k < end && k < i+4; k++ {
			if isHomeAnaphora(u, k) {
				return []int{e.w.home}
			}
		}
	}
	return group
}

// prepositionalObject reports whether the name at token i follows a
// preposition, so cannot be a clause's subject: "the new MoU with CNU";
// but "representatives of X", "the rector of X" speak for X.
func prepositionalObject(u *unit, i int) bool {
	k := i - 1
	if u.word(k) == "the" {
		k--
	}
	switch u.word(k) {
	case "with", "to", "from", "for", "between", "among", "by", "against", "towards", "into", "under":
		return true
	case "of":
		if !peopleNouns[u.word(k-1)] && !isTitleWord(u.toks[max(k-1, 0)].Text) {
			return true
		}
		// "held talks with the leadership of X": X is still with's object.
		return k >= 2 && prepositionalObject(u, k-1)
	}
	return false
}

// peopleNouns are the nouns of people who speak or act for a body: "the
// representatives of X visited …".
var peopleNouns = map[string]bool{"representatives": true, "representative": true, "delegation": true, "delegates": true,
	"members": true, "leaders": true, "leadership": true, "team": true, "staff": true, "officials": true, "head": true,
	"heads": true, "rector": true, "president": true, "dean": true, "director": true, "management": true, "guests": true}

// isVenue reports whether the name at token i is where something happens,
// not who does it: "at X", "in X's hall".
func isVenue(u *unit, i int) bool {
	k := i - 1
	if u.word(k) == "the" {
		k--
	}
	switch u.word(k) {
	case "at", "in", "on", "inside":
		return true
	}
	return false
}

// clauseBreak reports whether a new clause starts between tokens i and j:
// a semicolon, a relative pronoun after a comma, or a full stop.
func clauseBreak(u *unit, i, j int) bool {
	for k := max(i, 0); k < j && k < len(u.toks); k++ {
		switch u.word(k) {
		case ";":
			return true
		case ":":
			// "… with two partners: A and B", "the six partner universities
			// in Tunisia: A, B …" go on with a list.
			if !classNouns[text.Stem(u.word(k-1))] && !(u.word(k-2) == "in" && classNouns[text.Stem(u.word(k-3))] && u.placeAt(k-1)) {
				return true
			}
		case "which", "where", "while", "whereas", "whose", "when":
			if u.word(k-1) == "," {
				return true
			}
		}
	}
	return false
}

// joined reports whether the tokens between i and j only join two names:
// commas, "and", "&", "together with", "as well as", brackets, "the".
func joined(u *unit, i, j int) bool {
	if j-i > 14 {
		return false
	}
	for k := i; k < j; k++ {
		switch u.word(k) {
		case ",", "and", "&", "together", "with", "as", "well", "the", "(", ")", "its", "partner", "partners", "of", "-", "–", "under":
		case "in", "at":
			if !u.placeAt(k + 1) {
				return false // "X in Vienna, Austria, and Y": where X is
			}
		default:
			if u.toks[k].IsAcronym() || u.placeAt(k) || u.partAt(k) || u.word(k-1) == "(" && u.word(k+1) == ")" && isMixedAcronym(u.toks[k].Text) {
				continue // "(HUMG)", "(VinUni)", "of Colombia", "(Japan)", "the Institute of Aquaculture,"
			}
			return false
		}
	}
	return true
}

// partAt reports whether token i is inside the name of a part of an institution.
func (u *unit) partAt(i int) bool {
	for _, p := range u.parts {
		if i >= p[0] && i < p[1] {
			return true
		}
	}
	return false
}

// placeAt reports whether token i is part of a place's name.
func (u *unit) placeAt(i int) bool {
	for _, p := range u.places {
		if i >= p.From && i < p.To {
			return true
		}
	}
	return false
}

// visitor is who travels in a frame: its delegation's body, its subject,
// its person's institution, or the open trip's delegation.
func (e *events) visitor(f *frame) int {
	switch {
	case f.del != nil && f.del.visitor >= 0:
		return f.del.visitor
	case f.del == nil && len(f.agents) > 0:
		return f.agents[0]
	case f.person != nil && f.person.Institution >= 0:
		return f.u.insts[f.person.Institution].Org
	case e.trip != nil:
		return e.trip.visitor
	case e.w.home >= 0 && titleSubject(f.u, f.from):
		// "the VC visited …": the article's own head.
		return e.w.home
	case e.w.home >= 0 && f.person != nil && f.person.Title != "" && f.person.Institution < 0:
		// "… by the Vice-Rector for Internationalisation, P, during his
		// official visit to X": an officer the text ties to no body is the
		// article's own.
		return e.w.home
	}
	return -1
}

// titleSubject reports whether the subject before token i is a title
// alone: "the Rector", "the VC", "the Vice-Chancellor".
func titleSubject(u *unit, i int) bool {
	k := i - 1
	for k >= 0 && (u.word(k) == "also" || u.word(k) == "then" || u.word(k) == "later") {
		k--
	}
	if k < 1 || u.word(k-1) != "the" && u.word(k-1) != "its" && u.word(k-1) != "our" {
		return false
	}
	t := u.toks[k].Text
	return leadTitles[t] || titleWords[t] && t != "General" || t == "VC" || t == "PVC" || strings.HasSuffix(t, "-Chancellor")
}

// visit reads "X visited Y", "the delegation paid a working visit to Y",
// "they travelled to Japan".
func (e *events) visit(f *frame) {
	if f.planned || f.del == nil && len(f.agents) == 0 && nonTraveller(f.u, f.from) {
		return
	}
	v := e.visitor(f)
	if v < 0 {
		return
	}
	// "X, rector of A, and Y, rector of B, are in Tartu": each travels.
	if f.del == nil && len(f.agents) == 0 && len(f.personOrgs) > 1 && e.trip == nil {
		for _, o := range f.personOrgs {
			e.visit(&frame{trigger: f.trigger, u: f.u, agents: []int{o}, objects: f.objects})
			e.finish()
		}
		return
	}
	hosts := without(f.objects, v)
	if len(hosts) == 0 {
		hosts = without(e.peopleOrgs(f.u, f.to, len(f.u.toks)), v)
	}
	if f.person != nil && f.del == nil && len(f.agents) == 0 {
		e.openFor(f.u, v, f.person.Name, f.person.Title)
	} else {
		e.openFor(f.u, v, "", "")
	}
	if len(hosts) == 0 {
		e.leg(f)
		return
	}
	for _, h := range hosts {
		if e.ownMission(h, v) {
			e.leg(f)
			continue
		}
		e.stop(f.u, v, h, f.from)
	}
}

// ownMission reports whether h is an embassy, consulate or high commission
// of v's own country: meeting there is meeting on neutral ground.
func (e *events) ownMission(h, v int) bool {
	name := e.w.orgName(h)
	if !strings.Contains(name, "Embassy") && !strings.Contains(name, "Consulate") && !strings.Contains(name, "High Commission") {
		return false
	}
	hc, vc := e.w.orgs.list[h].country, e.w.orgs.list[v].country
	return hc != "" && hc == vc
}

// openFor makes sure a trip of visitor is open.
func (e *events) openFor(u *unit, visitor int, leader, title string) {
	if e.trip != nil && e.trip.visitor == visitor {
		if e.trip.leader == "" && leader != "" {
			e.setLeader(leader, title)
		}
		return
	}
	e.finish()
	e.trip = &trip{visitor: visitor, leader: leader, leaderTitle: title, evidence: u.text, lastHost: -1,
		country: e.w.destination(u, visitor)}
	if len(u.dates) > 0 {
		e.trip.start, e.trip.end, e.trip.dated = u.dates[0].Start, u.dates[0].End, true
	}
}

// host reads "X received a delegation from Y", "Y was welcomed by X".
func (e *events) host(f *frame) {
	if f.planned {
		return
	}
	var hosts []int
	v := -1
	if f.passive {
		hosts = f.agents
		v = e.visitor(&frame{trigger: f.trigger, u: f.u, agents: f.objects, del: f.del, person: f.person})
		if v < 0 && f.del == nil && len(f.objects) == 0 && e.w.home >= 0 && eventBefore(f.u, f.from) {
			// "The programmes were hosted by X": the article's own body took part.
			v = e.w.home
		}
		if f.del == nil && len(f.objects) == 0 {
			hosts = slices.DeleteFunc(slices.Clone(hosts), func(h int) bool { return !e.abroad(h, v) })
		}
	} else {
		hosts = f.agents
		switch {
		case f.del != nil && f.del.visitor >= 0:
			v = f.del.visitor
		case f.del != nil && e.trip != nil:
			v = e.trip.visitor
		case len(f.objects) > 0 && e.directObject(f):
			v = f.objects[0]
		}
	}
	if v < 0 {
		return
	}
	if len(hosts) == 0 && f.person != nil && f.person.Institution >= 0 {
		hosts = []int{f.u.insts[f.person.Institution].Org}
	}
	if len(hosts) == 0 && e.w.home >= 0 {
		hosts = []int{e.w.home}
	}
	e.openFor(f.u, v, "", "")
	for _, h := range without(hosts, v) {
		e.stop(f.u, v, h, f.from)
	}
}

// directObject reports whether the first body after a host trigger is
// what it received, not the subject of something else: "welcomed X", "hosted
// representatives of X".
func (e *events) directObject(f *frame) bool {
	u := f.u
	for _, m := range u.insts {
		if m.From < f.to {
			continue
		}
		gap := u.toks[f.to:m.From]
		if len(gap) > 4 {
			return false
		}
		for _, t := range gap {
			switch strings.ToLower(t.Text) {
			case "the", "a", "an", "representatives", "guests", "visitors", "of", "from", "leaders", "colleagues", "counterparts":
			default:
				return false
			}
		}
		return true
	}
	return false
}

// meet reads "the delegation met with X", "X held talks with Y": a stop
// of a delegation, or talks between two bodies.
func (e *events) meet(f *frame) {
	if f.planned {
		return
	}
	delegate := f.del != nil || e.trip != nil && (len(f.agents) == 0 || f.agents[0] == e.trip.visitor)
	if delegate {
		v := e.visitor(f)
		hosts := without(f.objects, v)
		if len(hosts) == 0 {
			hosts = without(e.peopleOrgs(f.u, f.to, len(f.u.toks)), v)
		}
		if v >= 0 && e.trip != nil && v == e.trip.visitor {
			for _, h := range hosts {
				if e.foreignTo(h, v) {
					e.stop(f.u, v, h, f.from)
				}
			}
			return
		}
	}
	e.together(f, KindProgramme)
}

// foreignTo reports whether host h can be visited by v: not v itself, and
// not in v's own country when both are known.
func (e *events) foreignTo(h, v int) bool {
	if h == v {
		return false
	}
	ho, vo := e.w.orgs.list[h], e.w.orgs.list[v]
	return ho.country == "" || vo.country == "" || ho.country != vo.country || ho.guessed || e.trip != nil && e.trip.country == ""
}

// together pairs a frame's agents with its objects (or with one another,
// when it has no objects) as partners of the given kind.
func (e *events) together(f *frame, kind Kind) {
	agents := f.agents
	if len(agents) == 0 && e.w.home >= 0 && len(f.objects) > 0 {
		agents = []int{e.w.home}
	}
	d := e.dateOf(f.u, f.from)
	if len(f.objects) == 0 && !f.all && (f.passive || f.kind == trigMeet) && e.w.home >= 0 && !slices.Contains(agents, e.w.home) {
		// "… supported by A and B": each of them with the article's own;
		// "the joint programme … funded by A": A with both partners.
		with := []int{e.w.home}
		if f.passive && len(e.focus) >= 2 && jointSubject(f.u, f.from) {
			with = e.focus
		}
		for _, a := range agents {
			for _, h := range with {
				e.pair(h, a, kind, d, f.u.text)
			}
		}
		return
	}
	if len(f.objects) == 0 && !f.all && !f.passive && f.kind == trigCoop {
		return // "… which AUAP put together with twelve host institutions": no one named
	}
	if len(f.objects) == 0 || f.all {
		all := append(slices.Clone(agents), f.objects...)
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				e.pair(all[i], all[j], kind, d, f.u.text)
			}
		}
		return
	}
	for _, a := range agents {
		for _, o := range f.objects {
			e.pair(a, o, kind, d, f.u.text)
		}
	}
	if f.kind == trigMeet {
		e.focus = append(slices.Clone(agents), f.objects...)
	}
}

// coop reads co-organisers, partners, funders: "A and B co-organised …",
// "in partnership with B", "supported by B".
func (e *events) coop(f *frame) {
	if f.all && len(f.objects) > 0 && f.passive {
		f.agents = nil
	}
	if f.all && len(f.agents) == 0 {
		// "co-organised by A, B and C": the objects together.
		e.together(&frame{trigger: trigger{all: true}, u: f.u, agents: f.objects}, KindEvent)
		return
	}
	kind := KindProgramme
	if f.all {
		kind = KindEvent
	}
	e.together(f, kind)
	if f.all {
		e.venueVisits(f.u, append(slices.Clone(f.agents), f.objects...))
	}
}

// peopleOrgs returns the institutions of the people named from token i to end.
func (e *events) peopleOrgs(u *unit, i, end int) []int {
	var out []int
	for _, p := range u.people {
		if p.From >= i && p.From < end && p.Institution >= 0 {
			out = appendOrg(out, u.insts[p.Institution].Org)
		}
	}
	return out
}

// dateOf is the date a unit gives nearest to token i.
func (e *events) dateOf(u *unit, i int) article.Date {
	best, dist := article.Date{}, -1
	for _, d := range u.dates {
		at := tokenAt(u, d.Pos)
		n := at - i
		if n < 0 {
			n = -n
		}
		if dist < 0 || n < dist {
			best, dist = d.Start, n
		}
	}
	return best
}

// dateMentionOf is the date mention a unit gives nearest to token i, and
// whether it gives one.
func (e *events) dateMentionOf(u *unit, i int) (article.DateMention, bool) {
	var best article.DateMention
	dist := -1
	for _, d := range u.dates {
		n := tokenAt(u, d.Pos) - i
		if n < 0 {
			n = -n
		}
		if dist < 0 || n < dist {
			best, dist = d, n
		}
	}
	return best, dist >= 0
}

// narrativeDate is the date of an event a sentence does not date: the last
// date the text gave, when it falls within the open trip or there is
// none; else the trip's.
func (e *events) narrativeDate() article.DateMention {
	t := e.trip
	if t == nil || !t.dated {
		return e.last
	}
	if !e.last.Start.IsZero() && e.last.Start.Compare(t.start) >= 0 && (t.end.IsZero() || e.last.Start.Compare(t.end) <= 0) {
		return e.last
	}
	return article.DateMention{Start: t.start, End: t.end}
}

// tokenAt returns the index of the token at byte offset pos.
func tokenAt(u *unit, pos int) int {
	for k, t := range u.toks {
		if t.End > pos {
			return k
		}
	}
	return len(u.toks)
}

// stop records that visitor visited host, told by unit u around token i.
func (e *events) stop(u *unit, visitor, host, i int) {
	w := e.w
	name, hostName := w.orgName(visitor), w.orgName(host)
	if name == "" || hostName == "" || name == hostName || e.ownMission(host, visitor) {
		return
	}
	d, dated := e.dateMentionOf(u, i)
	if !dated {
		d = e.narrativeDate()
	}
	end := d.End
	if d.Start == d.End && d.Start.Day == 0 {
		end = article.Date{} // a month or a year: the end is not known
	}
	city := w.cityIn(u)
	if c, country := w.datelineCity(); city == "" && c != "" && country == w.orgs.list[host].country {
		city = c // "CEBU CITY — The University of San Carlos welcomed …"
	}
	e.stops++
	e.pair(visitor, host, KindVisit, d.Start, u.text)
	if len(e.focus) == 0 || !w.business(host) {
		e.focus = []int{visitor, host} // "the two sides" are the delegation and its academic host
	}
	if e.trip != nil {
		e.trip.lastHost = host
	}
	for i := range w.facts.Visits {
		v := &w.facts.Visits[i]
		if v.Visitor != name || len(v.Hosts) != 1 || v.Hosts[0] != hostName {
			continue
		}
		switch {
		case v.Start.IsZero() && !d.Start.IsZero():
			v.Start, v.End = d.Start, end
		case dated && !d.Start.IsZero() && d.Start.Compare(v.Start) > 0 && d.Start.Day != 0:
			v.End = d.Start // the stop went on: "the working session on November 3"
		}
		if v.City == "" {
			v.City = city
		}
		return
	}
	if o := w.orgs.list[host]; (o.guessed || o.country == "") && e.trip != nil && e.trip.visitor == visitor && e.trip.country != "" {
		w.setCountry(host, e.trip.country) // a stop of a trip to a country is there
	}
	v := Visit{Visitor: name, Hosts: []string{hostName}, City: city, Start: d.Start, End: end, Evidence: u.text}
	v.Country = w.orgs.list[host].country
	if e.trip != nil && e.trip.visitor == visitor {
		v.Leader, v.LeaderTitle = e.trip.leader, e.trip.leaderTitle
		if v.Country == "" {
			v.Country = e.trip.country
		}
		e.trip.stops = append(e.trip.stops, len(w.facts.Visits))
	}
	if v.Country == "" {
		v.Country = w.countryOf(u, city)
	}
	w.facts.Visits = append(w.facts.Visits, v)
}

// leg records a leg of the open trip to a country whose hosts the text
// does not name: "the delegation travelled to Sri Lanka".
func (e *events) leg(f *frame) {
	t := e.trip
	if t == nil {
		return
	}
	u := f.u
	home := e.w.orgs.list[t.visitor].country
	country, city := "", ""
	for _, p := range u.places {
		if p.From >= f.to && p.Place.Country != "" && p.Place.Country != home && !p.Demonym && !inMention(u.insts, p.From) {
			country = p.Place.Country
			if p.Place.Kind == placeCity {
				city = p.Place.Name
			}
			break
		}
	}
	if country == "" {
		return
	}
	// "… are in Tartu for the yearly meeting": the article's own body there hosts.
	if home := e.w.home; home >= 0 && home != t.visitor && city != "" {
		if c, _ := e.w.datelineCity(); c == city || strings.Contains(e.w.orgName(home), city) {
			e.stop(u, t.visitor, home, f.from)
			return
		}
	}
	if t.country == "" {
		t.country = country
	}
	// "P inked the agreements during his visit to Vietnam": the parties
	// there of the signing told before are the trip's stops.
	if e.signedOnTrip(u, t.visitor, country, f.from) {
		return
	}
	name := e.w.orgName(t.visitor)
	for _, v := range t.legs {
		if v.Country == country {
			return
		}
	}
	d, dated := e.dateMentionOf(u, f.from)
	if !dated && t.dated {
		d = article.DateMention{Start: t.start, End: t.end}
	}
	end := d.End
	if d.Start == d.End && d.Start.Day == 0 {
		end = article.Date{}
	}
	t.legs = append(t.legs, Visit{
		Visitor: name, Leader: t.leader, LeaderTitle: t.leaderTitle, Country: country,
		City: city, Start: d.Start, End: end, Evidence: u.text,
	})
}

// signedOnTrip reads a unit that tells a trip to country in which the
// documents of the last signing were signed as the trip's stops at its
// parties there; it reports whether it did.
func (e *events) signedOnTrip(u *unit, visitor int, country string, i int) bool {
	if !slices.Contains(e.lastSigning, visitor) || !documentAnaphora.MatchString(u.lower) ||
		!slices.ContainsFunc(u.findTriggers(), func(t trigger) bool { return t.kind == trigSign && !t.planned }) {
		return false
	}
	stopped := false
	for _, p := range e.lastSigning {
		if p != visitor && e.w.orgs.list[p].country == country {
			e.stop(u, visitor, p, i)
			stopped = true
		}
	}
	return stopped
}

// documentAnaphora matches the words that refer back to documents named
// before: "inked the agreements", "signed them".
var documentAnaphora = regexp.MustCompile(`\b(the|these|those|both|all) (three |two |four )?(agreements|memoranda|mous|moas|documents|mou|agreement|memorandum)\b|\bsigned them\b`)

// finish closes the open trip. A trip that made no stop the text names
// went to the article's own institution when it is foreign to it, or to
// the country it named; a leg to a country is kept unless a stop there
// named its host.
func (e *events) finish() {
	t := e.trip
	e.trip = nil
	if t == nil {
		return
	}
	w := e.w
	if len(t.stops) == 0 && len(t.legs) == 0 && !w.hasVisitBy(t.visitor) {
		home := w.home
		if home >= 0 && t.visitor != home && (t.country == "" || t.country == w.orgs.list[home].country) &&
			w.orgs.list[t.visitor].country != w.orgs.list[home].country {
			e.trip = t
			e.stop(&unit{text: t.evidence}, t.visitor, home, 0)
			e.trip = nil
			return
		}
		if t.country != "" && t.country != w.orgs.list[t.visitor].country {
			end := t.end
			if end == t.start && end.Day == 0 {
				end = article.Date{}
			}
			t.legs = append(t.legs, Visit{
				Visitor: w.orgName(t.visitor), Leader: t.leader, LeaderTitle: t.leaderTitle,
				Country: t.country, Start: t.start, End: end, Evidence: t.evidence,
			})
		}
	}
	for _, l := range t.legs {
		if !w.hostedIn(l.Visitor, l.Country) {
			w.facts.Visits = append(w.facts.Visits, l)
		}
	}
}

// hostedIn reports whether a visit by the named visitor to a named host in
// country is recorded.
func (w *draft) hostedIn(visitor, country string) bool {
	for _, v := range w.facts.Visits {
		if v.Visitor == visitor && len(v.Hosts) > 0 && (v.Country == country || v.Country == "") {
			return true
		}
	}
	return false
}

// pair records that two bodies cooperate; a pair shown more than one way
// keeps the kind that shows most.
func (e *events) pair(a, b int, kind Kind, d article.Date, evidence string) {
	na, nb := e.w.orgName(a), e.w.orgName(b)
	if a < 0 || b < 0 || na == "" || nb == "" || na == nb {
		return
	}
	key := [2]string{na, nb}
	if nb < na {
		key = [2]string{nb, na}
	}
	if i, ok := e.pairs[key]; ok {
		if p := &e.w.facts.Partnerships[i]; kind.Rank() > p.Kind.Rank() {
			p.Kind, p.Date, p.Evidence = kind, d, evidence
		}
		return
	}
	e.pairs[key] = len(e.w.facts.Partnerships)
	e.w.facts.Partnerships = append(e.w.facts.Partnerships, Partnership{A: na, B: nb, Kind: kind, Date: d, Evidence: evidence})
}

// appendOrg appends id unless ids holds it.
func appendOrg(ids []int, id int) []int {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

// without returns ids without id.
func without(ids []int, id int) []int {
	var out []int
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// hasVisitBy reports whether a visit by the org is already recorded.
func (w *draft) hasVisitBy(id int) bool {
	name := w.orgName(id)
	for _, v := range w.facts.Visits {
		if v.Visitor == name {
			return true
		}
	}
	return false
}

// abroad reports whether host h is foreign to visitor v, or not known to
// be in the same country.
func (e *events) abroad(h, v int) bool {
	if h == v || h < 0 || v < 0 {
		return false
	}
	hc, vc := e.w.orgs.list[h].country, e.w.orgs.list[v].country
	return hc == "" || vc == "" || hc != vc
}

// nonTravellers are the people whose going somewhere is no delegation's
// visit: "students visited a factory".
var nonTravellers = map[string]bool{
	"students": true, "participants": true, "attendees": true, "members": true, "children": true,
	"pupils": true, "trainees": true, "interns": true, "volunteers": true, "athletes": true, "players": true,
	"graduates": true, "alumni": true, "learners": true, "campers": true, "residents": true, "tourists": true,
}

// nonTraveller reports whether the subject right before token i is a group
// of non-travellers.
func nonTraveller(u *unit, i int) bool {
	k := i - 1
	for k >= 0 {
		switch u.word(k) {
		case "also", "then", "later", "have", "has", "had", "successfully", "officially", "further", "all", "each", "even":
			k--
			continue
		}
		break
	}
	return nonTravellers[u.word(k)]
}

// groupAtStart reads a sentence that opens with two or more bodies as its
// subject, "KKU, NUOL and RUPP launched …": they act together.
func (e *events) groupAtStart(u *unit) {
	i := 0
	// "On 19 February 2025, the A, B and C …": an opening adverbial.
	if len(u.dates) > 0 && tokenAt(u, u.dates[0].Pos) <= 2 {
		for k := 0; k < len(u.toks) && k < 10; k++ {
			if u.word(k) == "," {
				i = k + 1
				break
			}
		}
	}
	for i < len(u.toks) && (u.word(i) == "the" || u.toks[i].IsWord() && !u.toks[i].IsCap() && i == 0) {
		i++
	}
	var group []int
	last := -1
	for j, m := range u.insts {
		if m.From < i {
			continue
		}
		if last < 0 && m.From > i+1 || last >= 0 && !joined(u, u.insts[last].To, m.From) {
			break
		}
		group = appendOrg(group, m.Org)
		last = j
	}
	if len(group) < 2 || last < 0 {
		return
	}
	k := u.insts[last].To
	for k < len(u.toks) && (u.toks[k].Text == "(" || u.toks[k].Text == ")" || u.toks[k].IsAcronym()) {
		k++
	}
	// "A and B signed", "A, B and C on 16 January launched": a verb follows.
	if k >= len(u.toks) || u.toks[k].IsCap() && u.word(k) != "on" || u.word(k) == "are" || u.word(k) == "is" || u.word(k) == "were" {
		return
	}
	d := e.dateOf(u, k)
	for a := range group {
		for b := a + 1; b < len(group); b++ {
			e.pair(group[a], group[b], KindEvent, d, u.text)
		}
	}
	e.focus = group
}

// venueStop reads "At X, the delegation …": the delegation's stop at X.
func (e *events) venueStop(u *unit, dels []delegation) {
	if len(u.insts) == 0 || u.word(0) != "at" || len(dels) == 0 {
		return
	}
	m := u.insts[0]
	if m.From > 2 {
		return
	}
	v := -1
	for _, d := range dels {
		switch {
		case d.visitor >= 0 && d.visitor != m.Org:
			v = d.visitor
		case d.visitor < 0 && e.trip != nil:
			v = e.trip.visitor
		}
		if v >= 0 {
			break
		}
	}
	if v >= 0 && e.abroad(m.Org, v) {
		e.openFor(u, v, "", "")
		e.stop(u, v, m.Org, m.From)
	}
}

// partnerLists reads the partners a sentence lists: "partner universities
// such as A and B", "its partners: A, B", "A, a long-standing partner of B".
func (e *events) partnerLists(u *unit) {
	for i := range u.toks {
		w := u.word(i)
		if w != "partner" && w != "partners" {
			continue
		}
		// Whose partners: "X's partners", "partners of X", "a partner of X".
		owner := -1
		for _, m := range u.insts {
			if m.To == i-1 && u.word(i-1) == "'s" || m.To == i-2 && u.word(m.To) == "'s" {
				owner = m.Org
			}
			if (u.word(i+1) == "of" && (m.From == i+2 || m.From == i+3 && u.word(i+2) == "the")) && owner < 0 {
				owner = m.Org
				// "A, a long-standing partner of B": A and B.
				for _, a := range u.insts {
					if a.To <= i && a.To >= i-5 && u.word(a.To) == "," && a.Org != m.Org {
						e.pair(a.Org, m.Org, KindProgramme, e.dateOf(u, i), u.text)
					}
				}
			}
		}
		if owner < 0 {
			owner = e.w.home
		}
		// The list: after "such as", "including", "namely", a colon, or right
		// after the noun ("its corporate partners Telstra, Westpac and Atlassian").
		start := -1
		if u.orgAt(i + 1) {
			start = i + 1
		}
		for k := i + 1; start < 0 && k < len(u.toks) && k < i+14; k++ {
			switch u.word(k) {
			case "such", "including", "namely", "like", ":", "among":
				start = k + 1
			}
			if start >= 0 {
				break
			}
		}
		if start < 0 || start >= len(u.toks)-1 {
			if strings.HasSuffix(strings.TrimSpace(u.text), ":") && owner >= 0 {
				e.partnersOf = owner // "… from the following partners:"
			}
			continue
		}
		for _, m := range u.insts {
			if m.From < start || clauseBreak(u, start, m.From) && u.word(start-1) != ":" {
				continue
			}
			if u.word(m.From-1) == "at" || u.word(m.From-1) == "in" {
				continue
			}
			if owner >= 0 && m.Org != owner {
				e.pair(owner, m.Org, KindProgramme, e.dateOf(u, i), u.text)
			}
		}
	}
}

// onlyJoiners reports whether tokens i to j are only "and", commas and adverbs.
func onlyJoiners(u *unit, i, j int) bool {
	for k := i; k < j; k++ {
		switch u.word(k) {
		case "and", ",", "also", "then", "officially", "formally":
		default:
			return false
		}
	}
	return true
}

// businessHeads are the heads of firms, farms and plants.
var businessHeads = text.Set("Company", "Cooperative", "Group", "Corporation", "Corp", "Ltd", "Inc", "LLC", "GmbH", "JSC",
	"Bank", "Plant", "Farm", "Factory", "Holdings", "Industries", "Enterprise", "Enterprises", "Co")

// business reports whether an org's name is a firm's.
func (w *draft) business(id int) bool {
	for _, word := range strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(w.orgName(id))) {
		if businessHeads[word] {
			return true
		}
	}
	return false
}

// dropContradicted drops a visit guessed from the dateline when the text
// tells of the visit the other way.
func (e *events) dropContradicted() {
	w := e.w
	for _, g := range e.guessed {
		if !slices.ContainsFunc(w.facts.Visits, func(v Visit) bool {
			return v.Visitor == g[1] && slices.Contains(v.Hosts, g[0])
		}) {
			continue
		}
		w.facts.Visits = slices.DeleteFunc(w.facts.Visits, func(v Visit) bool {
			return v.Visitor == g[0] && len(v.Hosts) == 1 && v.Hosts[0] == g[1]
		})
	}
}

// dropRedundantLegs removes the visits to a country with no named host
// when the same visitor's visits name a host there.
func (w *draft) dropRedundantLegs() {
	w.facts.Visits = slices.DeleteFunc(w.facts.Visits, func(v Visit) bool {
		return len(v.Hosts) == 0 && w.hostedIn(v.Visitor, v.Country)
	})
}

// academic reports whether an org's name has the head of a body that
// teaches or researches.
func (w *draft) academic(id int) bool {
	for _, word := range strings.Fields(w.orgName(id)) {
		if academicHeads[word] || compoundHead(word) {
			return true
		}
	}
	return false
}

// eventNouns name events and programmes one takes part in.
var eventNouns = map[string]bool{"program": true, "programs": true, "programme": true, "programmes": true,
	"conference": true, "conferences": true, "camp": true, "school": true, "forum": true, "seminar": true,
	"event": true, "events": true, "workshop": true, "course": true, "courses": true, "festival": true,
	"competition": true, "symposium": true, "summit": true, "congress": true, "meeting": true, "fair": true}

// eventBefore reports whether the subject before token i names an event:
// "The programmes were hosted by X".
func eventBefore(u *unit, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if eventNouns[u.word(k)] {
			return true
		}
	}
	return false
}

// jointSubject reports whether the sentence before token i speaks of
// something two bodies share: a joint programme, their cooperation.
func jointSubject(u *unit, i int) bool {
	for k := 0; k < i; k++ {
		switch u.word(k) {
		case "joint", "cooperation", "partnership", "collaboration", "programme", "program", "project", "centre", "center", "laboratory":
			return true
		}
	}
	return false
}

// verbLead are the words that may open a verb phrase before its trigger:
// "paid a visit to", "held a working session with".
var verbLead = map[string]bool{"paid": true, "made": true, "held": true, "had": true, "a": true, "an": true,
	"the": true, "working": true, "official": true, "courtesy": true, "short": true, "also": true, "then": true,
	"later": true, "further": true, "several": true, "two": true, "three": true}

// coordinated reports whether the trigger at j opens a verb phrase joined
// by a comma or "and" to the one that ended at i: they share a subject.
func coordinated(u *unit, i, j int) bool {
	k := j - 1
	for k >= i && verbLead[u.word(k)] {
		k--
	}
	if k < i || u.word(k) != "," && u.word(k) != "and" {
		return false
	}
	// Between the two, only the first one's objects: names, commas, "and".
	for m := i; m < k; m++ {
		if !u.toks[m].IsCap() && !u.toks[m].IsAcronym() && u.word(m) != "," && u.word(m) != "and" && u.word(m) != "the" &&
			u.word(m) != "of" && u.word(m) != "(" && u.word(m) != ")" && !inMention(u.insts, m) && !peopleNouns[u.word(m)] {
			return false
		}
	}
	return true
}
