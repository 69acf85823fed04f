package extract

// The mentions of institutions beyond their full names: acronyms used
// alone, short names, and parties named beside a known institution.

import (
	"cmp"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// standsAlone reports whether an acronym that the article never spells out
// names an institution: it is not a common abbreviation, and it recurs or
// stands where institutions stand ("a SNU delegation", "led by SNU").
func (w *draft) standsAlone(acr string, u *unit, i int) bool {
	if len(acr) < 3 || commonAcronyms[strings.ToUpper(acr)] || strings.ContainsAny(acr, "0123456789") {
		return false
	}
	// "ICSA 2024" names an event, not a body.
	if i+1 < len(u.toks) && isYear(u.toks[i+1].Text) {
		return false
	}
	// "Dr. Suat İ. GÜNSEL": a surname in capitals after a person's names.
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := u.toks[k]
		if isHonorific(u.toks, k) {
			return false
		}
		if !(t.Text == "." || isNameWord(t) || isInitial(u.toks, k)) {
			break
		}
	}
	if w.acronymCount == nil {
		w.acronymCount = map[string]int{}
		for _, v := range w.units {
			for _, t := range v.toks {
				if t.IsAcronym() {
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

// acronymAndPlace reads an acronym and a city as one name: "KU Leuven",
// "TU Delft", "IIT Madras". It names the org whose name holds the city
// and fits the acronym, or a body of its own.
func (w *draft) acronymAndPlace(u *unit, i int) (mention, bool) {
	next := u.toks[i+1]
	if !next.IsCap() || commonAcronyms[u.toks[i].Text] {
		return mention{}, false
	}
	if p, ok := w.x.gaz.Lookup(next.Text); !ok || p.Kind != gazetteer.PlaceCity {
		return mention{}, false
	}
	name := u.toks[i].Text + " " + next.Text
	for id, e := range w.orgs.list {
		for n := range e.names {
			if slices.Contains(strings.Fields(n), next.Text) && acronymFits(u.toks[i].Text, n) {
				if _, ok := e.names[name]; !ok {
					e.names[name] = 0 // an alias, never the canonical name
				}
				return mention{Name: name, From: i, To: i + 2, AcronymOnly: true, Org: id}, true
			}
		}
	}
	m := mention{Name: name, From: i, To: i + 2}
	m.Org = w.orgs.add(m, 0, !u.caption)
	w.orgs.list[m.Org].mentions--
	return m, true
}

// shortNameCues are the words after which an institution's first word
// alone stands for it: "the Mapúa delegation", "Monash's campus".
var shortNameCues = text.Set("delegation", "delegates", "'s", "students", "team", "side", "leaders", "representatives", "lecturers", "campus")

// shortName finds the org that a capitalised word before a cue stands
// for: the one multi-word name it starts, when it is not a place.
func (w *draft) shortName(u *unit, i int) (int, bool) {
	t := u.toks[i]
	if !t.IsCap() || i+1 >= len(u.toks) || !shortNameCues[u.toks[i+1].Text] || leftStops[t.Text] || institutionHeads[t.Text] || titleWords[t.Text] {
		return 0, false
	}
	if _, place := w.x.gaz.Lookup(t.Text); place {
		return 0, false
	}
	if _, demonym := w.x.gaz.CountryOfDemonym(t.Text); demonym {
		return 0, false
	}
	found := -1
	for id, e := range w.orgs.list {
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
	if _, ok := w.orgs.list[found].names[t.Text]; !ok {
		w.orgs.list[found].names[t.Text] = 0 // an alias, never the canonical name
	}
	return found, true
}

// partiesBeside finds capitalised names joined by "and" to an institution
// the sentence names, or following "with" after its signing verb.
func (w *draft) partiesBeside(u *unit) []mention {
	var out []mention
	taken := func(i int) bool { return inMention(u.insts, i) || u.partAt(i) }
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
				for k > 0 && u.toks[k-1].IsWord() && u.toks[k-1].IsCap() && !taken(k-1) {
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
		for j < len(u.toks) && u.toks[j].IsWord() && (u.toks[j].IsCap() || u.toks[j].IsAcronym()) && !taken(j) && j-from < 4 {
			j++
		}
		if m, ok := w.partyRun(u, from, j); ok {
			out = append(out, m)
		}
	}
	return append(out, w.subjectParties(u, verb)...)
}

// subjectParties reads the names joined by "and" right before a signing
// verb as parties when the text knows none of them: "Today Safaricom and
// Huawei signed a memorandum with the three universities".
func (w *draft) subjectParties(u *unit, verb int) []mention {
	k := slices.IndexFunc(u.toks, func(t text.Token) bool { return t.Start == verb })
	if k < 0 || slices.ContainsFunc(u.insts, func(m mention) bool { return m.From < k }) || slices.ContainsFunc(u.parts, func(p [2]int) bool { return p[0] < k }) {
		return nil // the subject names a body the text knows
	}
	for k > 0 && (u.word(k-1) == "have" || u.word(k-1) == "has" || u.word(k-1) == "jointly" || u.word(k-1) == "also" || u.word(k-1) == "officially") {
		k--
	}
	var runs [][2]int
	for len(runs) < 3 && k > 0 {
		j := k
		for k > 0 && u.toks[k-1].IsWord() && u.toks[k-1].IsCap() && !inMention(u.insts, k-1) && j-k < 3 {
			k--
		}
		for k < j && (leftStops[u.toks[k].Text] || isMonthOrDay(u.toks[k].Text)) {
			k++ // "Today Safaricom"
		}
		if k == j {
			return nil
		}
		runs = append(runs, [2]int{k, j})
		if k == 0 || u.word(k-1) != "and" && u.word(k-1) != "&" && u.word(k-1) != "," {
			break
		}
		k--
	}
	if len(runs) < 2 {
		return nil
	}
	var out []mention
	for _, r := range runs {
		if inPersonSpan(u.people, r[0]) {
			return nil // "Smith and Jones signed": people
		}
		m, ok := w.partyRun(u, r[0], r[1])
		if !ok || slices.ContainsFunc(u.toks[r[0]:r[1]], text.Token.IsAcronym) {
			return nil // "ZJU and TU Delft": acronyms the text binds later
		}
		out = append(out, m)
	}
	return out
}

// inPersonSpan reports whether token i lies inside one of ps.
func inPersonSpan(ps []personMention, i int) bool {
	for _, p := range ps {
		if i >= p.From && i < p.To {
			return true
		}
	}
	return false
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
	if to < len(u.toks) {
		// "European universities": an adjective before a common noun.
		if next := text.Stem(strings.ToLower(u.toks[to].Text)); classNouns[next] {
			return mention{}, false
		}
	}
	name := text.Join(u.text, u.toks, from, to)
	if _, place := w.x.gaz.Lookup(name); place {
		return mention{}, false
	}
	if _, demonym := w.x.gaz.CountryOfDemonym(first.Text); demonym && to-from == 1 {
		return mention{}, false
	}
	return mention{Name: name, From: from, To: to}, true
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
