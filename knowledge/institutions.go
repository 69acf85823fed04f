package knowledge

import (
	"regexp"
	"strings"
)

// mention is one place in a sentence where an institution is named.
type mention struct {
	// Name is the name as written, without a leading "the".
	Name string
	// From and To are the token span [From, To) of the name.
	From, To int
	// Acronym is the acronym the sentence binds to the name: "… (HUMG)".
	Acronym string
	// AcronymOnly marks a mention by acronym alone.
	AcronymOnly bool
	// List numbers the enumeration the mention belongs to, or is 0.
	List int
	// Entity is the article-local entity the mention names, once resolved.
	Entity int
}

// listCue matches the nouns that introduce an enumeration of institutions
// whose names need no head noun: "enterprises such as Samsung Electronics, …".
var listCue = regexp.MustCompile(`(?i)\b(enterprises|companies|corporations|firms|partners|businesses|groups|organi[sz]ations|institutions|universities|sponsors|employers|brands|manufacturers)\b(?:[^.;:]{0,40}?)\b(such as|including|like|namely)\s*:?`)

// findInstitutions finds the institutions named in one sentence.
func findInstitutions(s string, toks []token) []mention {
	var out []mention
	used := make([]bool, len(toks))
	mark := func(m mention) {
		for k := m.From; k < m.To; k++ {
			used[k] = true
		}
		out = append(out, m)
	}
	list := 0
	for i := range toks {
		if used[i] || !institutionHeads[toks[i].Text] {
			continue
		}
		if single, ok := pluralHeads[toks[i].Text]; ok {
			if items := distributive(s, toks, i, single); len(items) > 0 {
				list++
				for _, m := range items {
					m.List = list
					mark(m)
				}
				continue
			}
		}
		from, to := headSpan(toks, i)
		if to-from < 2 || subunit(toks, from, to) {
			for k := from; k < to; k++ {
				used[k] = true
			}
			continue
		}
		mark(mention{Name: joinTokens(s, toks, from, to), From: from, To: to})
	}
	out = append(out, listed(s, toks, used, &list)...)
	out = joinDashed(s, toks, sortMentions(out))
	for k := range out {
		out[k].Acronym = acronymAfter(toks, out[k].To, out[k].Name)
	}
	return out
}

// joinDashed joins the two halves of a name written with a dash and
// followed by its acronym: "University of Danang - University of Science
// and Technology (DUT)", "Nong Lam University – Ho Chi Minh City (NLU)".
func joinDashed(s string, toks []token, ms []mention) []mention {
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		d := m.To
		if d+1 >= len(toks) || (toks[d].Text != "-" && toks[d].Text != "–" && toks[d].Text != "—") {
			continue
		}
		end := capRun(toks, d+1)
		if k+1 < len(ms) && ms[k+1].From == d+1 {
			end = max(end, ms[k+1].To)
		}
		if end == d+1 || end+2 >= len(toks) || toks[end].Text != "(" || !toks[end+1].isAcronym() || toks[end+2].Text != ")" {
			continue
		}
		name := joinTokens(s, toks, m.From, end)
		if !acronymFits(toks[end+1].Text, name) {
			continue
		}
		ms[k].Name, ms[k].To = name, end
		if k+1 < len(ms) && ms[k+1].From == d+1 {
			ms = append(ms[:k+1], ms[k+2:]...)
		}
	}
	return ms
}

// headSpan grows a name around the head noun at toks[h]: capitalised words
// to its left, and capitalised words joined by "of", "for", "and" to its right.
func headSpan(toks []token, h int) (from, to int) {
	from = h
	for from > 0 {
		t := toks[from-1]
		if !t.isWord() || !t.isCap() || leftStops[t.Text] || titleWords[t.Text] || honorifics[t.Text] || isMonthOrDay(t.Text) {
			break
		}
		if from-2 >= 0 && toks[from-2].Text == "." && honorifics[toks[from-1].Text] {
			break
		}
		from--
		// "Zhengzhou Railway Vocational and Technical College": fields joined by
		// "and" before the head, but not two names ("Guangxi University and …").
		if from >= 2 && (toks[from-1].Text == "and" || toks[from-1].Text == "&") && fieldWords[toks[from].Text] {
			w := toks[from-2]
			if w.isWord() && w.isCap() && fieldWords[w.Text] {
				from -= 2
			}
		}
		// "Prince of Songkla University": one word and "of" before the name.
		if from >= 2 && toks[from-1].Text == "of" && (from == 2 || !toks[from-3].isCap()) {
			w := toks[from-2]
			if w.isWord() && w.isCap() && !w.isAcronym() && !institutionHeads[w.Text] && !leftStops[w.Text] && !titleWords[w.Text] && !honorifics[w.Text] {
				from -= 2
				break
			}
		}
	}
	to = h + 1
	inOf := false
	for to < len(toks) {
		t := toks[to]
		switch {
		case t.isWord() && t.isCap() && !titleWords[t.Text] && !honorifics[t.Text] && !isMonthOrDay(t.Text):
			to++
		case nameConnectors[t.Text] && to+1 < len(toks) && capAfter(toks, to+1):
			run := capRun(toks, to+1)
			if hasSingularHead(toks, to+1, run) {
				return from, to // "… Council of Hanoi University": a new name starts
			}
			if t.Text == "and" {
				if !inOf {
					return from, to // "Guangxi University and Kunming University…"
				}
			} else {
				inOf = true
			}
			to++
			if toks[to].Text == "the" {
				to++
			}
		default:
			return from, to
		}
	}
	return from, to
}

// capAfter reports whether toks[i] (or toks[i+1] after "the") is a capitalised word.
func capAfter(toks []token, i int) bool {
	if i < len(toks) && toks[i].Text == "the" {
		i++
	}
	return i < len(toks) && toks[i].isWord() && toks[i].isCap() && !titleWords[toks[i].Text] && !honorifics[toks[i].Text]
}

// capRun returns the end of the run of capitalised words from i.
func capRun(toks []token, i int) int {
	if i < len(toks) && toks[i].Text == "the" {
		i++
	}
	for i < len(toks) && toks[i].isWord() && toks[i].isCap() {
		i++
	}
	return i
}

// hasSingularHead reports whether toks[i:j] hold an institution head that is
// not a plural: the start of another institution's name.
func hasSingularHead(toks []token, i, j int) bool {
	for k := i; k < j && k < len(toks); k++ {
		if _, plural := pluralHeads[toks[k].Text]; institutionHeads[toks[k].Text] && !plural {
			return true
		}
	}
	return false
}

// subunit reports whether the span names a part of an institution.
func subunit(toks []token, from, to int) bool {
	plain, tied := false, false
	for k := from; k < to && toks[k].Text != "of" && toks[k].Text != "for" && toks[k].Text != "on"; k++ {
		plain = plain || subunitHeads[toks[k].Text]
		tied = tied || contextSubunitHeads[toks[k].Text]
	}
	if plain {
		return true
	}
	if !tied {
		return false
	}
	// An acronym of its own makes it a body: "the Institute of Technology of Cambodia (ITC)".
	if to+2 < len(toks) && toks[to].Text == "(" && toks[to+1].isAcronym() {
		return false
	}
	// Tied to an institution: "the university's Centre", "Dean of the College
	// of …", "UTM Centre for …", "… Council of Hanoi University", "… Centre, Kyoto University".
	if from > 0 && toks[from-1].Text == "'s" || toks[from].isAcronym() {
		return true
	}
	if from >= 2 && toks[from-1].Text == "the" && toks[from-2].Text == "of" {
		return true
	}
	for k := to; k < to+2 && k < len(toks); k++ {
		switch toks[k].Text {
		case ",", "of", "at", "-", "–", "—":
			next := k + 1
			return next < len(toks) && (hasSingularHead(toks, next, capRun(toks, next)) || toks[next].isAcronym())
		}
	}
	return false
}

// distributive reads "Kyushu, Hokkaido, Akita and Fukui Universities" as one
// institution per name, each with the singular head.
func distributive(s string, toks []token, h int, single string) []mention {
	var items []mention
	j := h
	for j > 0 {
		k := j
		for k > 0 && toks[k-1].isWord() && toks[k-1].isCap() && !leftStops[toks[k-1].Text] {
			k--
		}
		if k == j {
			break
		}
		items = append(items, mention{Name: joinTokens(s, toks, k, j) + " " + single, From: k, To: j})
		if k == 0 || (toks[k-1].Text != "," && toks[k-1].Text != "and") {
			break
		}
		j = k - 1
		if toks[j].Text == "and" && j > 0 && toks[j-1].Text == "," {
			j--
		}
	}
	if len(items) < 2 {
		return nil
	}
	items[0].To = h + 1
	return items
}

// listed finds the items of an enumeration introduced by a cue such as
// "enterprises such as": names that need no head noun. Items already found
// by their head noun keep their place in the list.
func listed(s string, toks []token, used []bool, list *int) []mention {
	var out []mention
	if !strings.Contains(s, "such as") && !strings.Contains(s, "including") && !strings.Contains(s, "like") && !strings.Contains(s, "namely") {
		return nil
	}
	for _, cue := range listCue.FindAllStringIndex(s, -1) {
		i := 0
		for i < len(toks) && toks[i].Start < cue[1] {
			i++
		}
		*list++
		for j := i; j < len(toks); {
			k := j
			for k < len(toks) && (toks[k].isWord() && (toks[k].isCap() || toks[k].isAcronym()) ||
				(k > j && nameConnectors[toks[k].Text] && toks[k].Text != "and" && capAfter(toks, k+1))) {
				k++
			}
			if k == j {
				break
			}
			if !used[j] && !leftStops[toks[j].Text] {
				out = append(out, mention{Name: joinTokens(s, toks, j, k), From: j, To: k, List: *list})
			}
			for m := j; m < k; m++ {
				used[m] = true
			}
			j = k
			if j < len(toks) && toks[j].Text == "(" {
				for j < len(toks) && toks[j].Text != ")" {
					j++
				}
				j++
			}
			if j < len(toks) && toks[j].Text == "," {
				j++
			}
			if j < len(toks) && (toks[j].Text == "and" || toks[j].Text == "or") {
				j++
			}
			if j < len(toks) && toks[j].Text == "the" {
				j++
			}
		}
	}
	return out
}

// acronymAfter returns the acronym in parentheses right after a name, when
// its letters are an in-order subsequence of the name's.
func acronymAfter(toks []token, i int, name string) string {
	if i+3 < len(toks) && toks[i].Text == "(" && toks[i+1].isAcronym() && toks[i+2].isCap() && toks[i+3].Text == ")" &&
		acronymFits(toks[i+1].Text, name) {
		return toks[i+1].Text // "(IIT Madras)": the acronym and a place
	}
	if i+2 >= len(toks) || toks[i].Text != "(" || toks[i+2].Text != ")" || !toks[i+1].isAcronym() {
		return ""
	}
	acr := toks[i+1].Text
	if !acronymFits(acr, name) {
		return ""
	}
	return acr
}

// acronymFits reports whether the letters of acr appear in order in name,
// the first one starting one of the name's words.
func acronymFits(acr, name string) bool {
	a := []rune(strings.ToLower(strings.TrimSuffix(acr, "s")))
	n := []rune(strings.ToLower(name))
	if len(a) == 0 || len(n) == 0 {
		return false
	}
	first := false
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if []rune(w)[0] == a[0] {
			first = true
		}
	}
	if !first {
		return false
	}
	k := 0
	for _, r := range n {
		if k < len(a) && r == a[k] {
			k++
		}
	}
	return k == len(a)
}

// isMonthOrDay reports whether w is a month or weekday name.
func isMonthOrDay(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday":
		return true
	}
	return false
}
