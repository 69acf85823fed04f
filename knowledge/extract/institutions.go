package extract

import (
	"regexp"

	"github.com/coopbot/coopbot/knowledge/text"
)

// mention is one place in a sentence where an institution is named.
type mention struct {
	// Name is the name as written, without a leading "the".
	Name string
	// From and To are the token span [From, To) of the name.
	From, To int
	// Acronym is the acronym the sentence binds to the name: "… (SNU)".
	Acronym string
	// AcronymOnly marks a mention by acronym alone.
	AcronymOnly bool
	// List numbers the enumeration the mention belongs to, or is 0.
	List int
	// Org is the org the mention names, once resolved.
	Org int
}

// listCue matches the nouns that introduce an enumeration of institutions
// whose names need no head noun: "enterprises such as Samsung Electronics, …".
var listCue = regexp.MustCompile(`(?i)\b(enterprises|companies|corporations|firms|partners|businesses|groups|organi[sz]ations|institutions|universities|sponsors|employers|brands|manufacturers)\b(?:[^.;:]{0,40}?)\b(such as|including|like|namely)\s*:?`)

// findInstitutions finds the institutions named in one sentence; isPlace
// tells the names of places.
func findInstitutions(s string, toks []text.Token, isPlace func(string) bool) []mention {
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
		from, to := headSpan(toks, i, isPlace)
		to = companySuffix(toks, to)
		if to-from < 2 || subunit(toks, from, to) || generic(toks, from, to) {
			for k := from; k < to; k++ {
				used[k] = true
			}
			continue
		}
		mark(mention{Name: text.Join(s, toks, from, to), From: from, To: to})
	}
	out = append(out, listed(s, toks, used, &list)...)
	out = joinDashed(s, toks, sortMentions(out))
	for k := range out {
		out[k].Acronym = acronymAfter(toks, out[k].To, out[k].Name)
	}
	return out
}

// headSpan grows a name around the head noun at toks[h]: capitalised words
// to its left, and capitalised words joined by "of", "for", "and" to its right.
func headSpan(toks []text.Token, h int, isPlace func(string) bool) (from, to int) {
	from = h
	for from > 0 {
		t := toks[from-1]
		if !t.IsWord() || !t.IsCap() || leftStops[t.Text] || titleWords[t.Text] || honorifics[t.Text] || isMonthOrDay(t.Text) {
			break
		}
		if from-2 >= 0 && toks[from-2].Text == "." && honorifics[toks[from-1].Text] {
			break
		}
		from--
		// "Mandalay Vocational and Technical College": fields joined by
		// "and" before the head, but not two names ("Kyoto University and …").
		if from >= 2 && (toks[from-1].Text == "and" || toks[from-1].Text == "&" || toks[from-1].Text == "et") && !toks[from].IsAcronym() {
			w := toks[from-2]
			after := toks[from]
			if w.IsWord() && w.IsCap() && !w.IsAcronym() && !institutionHeads[w.Text] &&
				(fieldWords[after.Text] || fieldWords[w.Text] && !isPlace(after.Text)) {
				from -= 2
			}
		}
		// "Prince of Songkla University": one word and "of" before the name.
		if from >= 2 && toks[from-1].Text == "of" && (from == 2 || !toks[from-3].IsCap() && !nameConnectors[toks[from-3].Text]) {
			w := toks[from-2]
			if w.IsWord() && w.IsCap() && !w.IsAcronym() && !institutionHeads[w.Text] && !leftStops[w.Text] && !titleWords[w.Text] && !honorifics[w.Text] {
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
		case t.IsWord() && t.IsCap() && !titleWords[t.Text] && !honorifics[t.Text] && !isMonthOrDay(t.Text):
			to++
		case nameConnectors[t.Text] && to+1 < len(toks) && capAfter(toks, to+1):
			run := capRun(toks, to+1)
			if hasSingularHead(toks, to+1, run) {
				return from, to // "… Council of Osaka University": a new name starts
			}
			if t.Text == "and" {
				if !inOf || toks[to+1].Text == "the" {
					return from, to // "Kyoto University and Osaka University…", "… of CTU and the …"
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

// companySuffix takes ", Ltd." after "Co." into a company's name:
// "Hoshizora Energy Co., Ltd.".
func companySuffix(toks []text.Token, to int) int {
	// "Huawei Technologies (Thailand) Co., Ltd."
	if to+3 < len(toks) && toks[to].Text == "(" && toks[to+2].Text == ")" && toks[to+3].Text == "Co" {
		if end := companySuffix(toks, to+4); end > to+4 {
			return end
		}
	}
	if to+2 < len(toks) && toks[to-1].Text == "Co" && toks[to].Text == "." && toks[to+1].Text == "," &&
		(toks[to+2].Text == "Ltd" || toks[to+2].Text == "Inc" || toks[to+2].Text == "JSC") {
		return to + 3
	}
	return to
}

// generic reports whether a span is made only of generic words and head
// nouns: a part or a place of an institution ("Central Laboratory",
// "University Sports Complex", "KTU Congress and Culture Center"). A name
// with "of" ("Ministry of Education and Training") and a body of members
// ("International Cooperation Club") are names all the same.
func generic(toks []text.Token, from, to int) bool {
	for k := from; k < to; k++ {
		t := toks[k].Text
		switch {
		case t == "of" || t == "for" || t == "on" || memberHeads[t]:
			return false
		case institutionHeads[t] || nameConnectors[t] || genericWords[t] || fieldWords[t]:
		case toks[k].IsAcronym() && k == from:
			// "KTU Congress and Culture Center": a body's own facility
		default:
			return false
		}
	}
	return true
}

// memberHeads are the heads of bodies made of their members, whose names
// are often made of generic words.
var memberHeads = text.Set("Club", "Association", "Society", "Union", "Federation", "Alliance", "Network", "Consortium", "Commission", "Ministry")

// capAfter reports whether toks[i] (or toks[i+1] after "the") is a capitalised word.
func capAfter(toks []text.Token, i int) bool {
	if i < len(toks) && toks[i].Text == "the" {
		i++
	}
	return i < len(toks) && toks[i].IsWord() && toks[i].IsCap() && !titleWords[toks[i].Text] && !honorifics[toks[i].Text]
}

// capRun returns the end of the run of capitalised words from i.
func capRun(toks []text.Token, i int) int {
	if i < len(toks) && toks[i].Text == "the" {
		i++
	}
	for i < len(toks) && toks[i].IsWord() && toks[i].IsCap() {
		i++
	}
	return i
}

// hasSingularHead reports whether toks[i:j] hold an institution head that is
// not a plural: the start of another institution's name.
func hasSingularHead(toks []text.Token, i, j int) bool {
	for k := i; k < j && k < len(toks); k++ {
		if _, plural := pluralHeads[toks[k].Text]; institutionHeads[toks[k].Text] && !plural {
			return true
		}
	}
	return false
}

// subunit reports whether the span names a part of an institution.
func subunit(toks []text.Token, from, to int) bool {
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
	// "Mekong Delta Research Institute of CTU": a part of the body its acronym names.
	for k := from; k+1 < to; k++ {
		if toks[k].Text == "of" && toks[k+1].IsAcronym() {
			return true
		}
	}
	// An acronym of its own makes it a body: "the Institute of Technology of Cambodia (ITC)".
	if to+2 < len(toks) && toks[to].Text == "(" && toks[to+1].IsAcronym() {
		return false
	}
	// Tied to an institution: "the university's Centre", "Dean of the College
	// of …", "UTM Centre for …", "… Council of Osaka University", "… Centre, Kyoto University".
	if from > 0 && toks[from-1].Text == "'s" || toks[from].IsAcronym() {
		return true
	}
	if from >= 2 && toks[from-1].Text == "the" && toks[from-2].Text == "of" {
		return true
	}
	for k := to; k < to+2 && k < len(toks); k++ {
		switch toks[k].Text {
		case ",", "of", "at", "-", "–", "—":
			next := k + 1
			return next < len(toks) && (hasSingularHead(toks, next, capRun(toks, next)) || toks[next].IsAcronym())
		}
	}
	return false
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
