package extract

import (
	"strings"
	"unicode"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Acronyms bound to the names they stand for.

// acronymAfter returns the acronym in parentheses right after a name, when
// its letters are an in-order subsequence of the name's.
func acronymAfter(toks []text.Token, i int, name string) string {
	if i+3 < len(toks) && toks[i].Text == "(" && toks[i+1].IsAcronym() && toks[i+2].IsCap() && toks[i+3].Text == ")" &&
		acronymFits(toks[i+1].Text, name) {
		return toks[i+1].Text + " " + toks[i+2].Text // "(IIT Madras)": the acronym and a place
	}
	if i+2 >= len(toks) || toks[i].Text != "(" || toks[i+2].Text != ")" {
		return ""
	}
	acr := toks[i+1].Text
	if !toks[i+1].IsAcronym() && !isMixedAcronym(acr) && !isShortForm(acr, name) {
		return ""
	}
	if !acronymFits(acr, name) && !initialsAmong(acr, name) {
		return ""
	}
	return acr
}

// initialsAmong reports whether every letter of acr is the initial of a
// word of name, in any order: a bracket after a name may give the acronym
// of its name in another language ("Autonomous University of Nuevo León
// (UANL)", of "Universidad Autónoma de Nuevo León").
func initialsAmong(acr, name string) bool {
	count := map[rune]int{}
	for _, w := range strings.Fields(text.Fold(name)) {
		if nameConnectors[w] || articles[w] {
			continue
		}
		count[unicode.ToUpper([]rune(w)[0])]++
	}
	letters := 0
	for _, r := range acr {
		if !unicode.IsUpper(r) {
			continue
		}
		if count[r] == 0 {
			return false
		}
		count[r]--
		letters++
	}
	return letters >= 3
}

// isShortForm reports whether w, a capitalised word in brackets after a
// name, is the name's short form, as Spanish and Portuguese names make
// them: "Universidad de la República (Udelar)", "(Unach)", "(Unicamp)".
func isShortForm(w, name string) bool {
	r := []rune(w)
	if len(r) < 4 || len(r) > 9 || !unicode.IsUpper(r[0]) || strings.Count(name, " ") < 2 {
		return false
	}
	for _, c := range r[1:] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	// Its first letter opens the name, and all its letters come in order.
	folded := text.Fold(name)
	return folded != "" && strings.ToLower(text.Fold(string(r[:1]))) == folded[:1] && acronymFits(w, folded)
}

// isMixedAcronym reports whether w is an acronym with lower-case letters,
// as Spanish and Portuguese names make them: "UdeA", "UNCuyo", "UFSCar".
// Only a bracket after a name makes it one.
func isMixedAcronym(w string) bool {
	upper, n := 0, 0
	for i, r := range w {
		n++
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case unicode.IsUpper(r):
			upper++
		case !unicode.IsLower(r):
			return false
		}
	}
	return upper >= 2 && n <= 8
}

// acronymFits reports whether the letters of acr appear in order in name,
// the first one starting one of the name's words.
func acronymFits(acr, name string) bool {
	name = text.Fold(name) // "École …" is spelt out by an E
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

// joinDashed joins the two halves of a name written with a dash and
// followed by its acronym: "University of Danang - University of Science
// and Technology (DUT)", "Nong Lam University – Ho Chi Minh City (NLU)".
func joinDashed(s string, toks []text.Token, ms []mention) []mention {
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		d := m.To
		if d+1 >= len(toks) || (toks[d].Text != "-" && toks[d].Text != "–" && toks[d].Text != "—" && toks[d].Text != "at") {
			continue
		}
		end := capRun(toks, d+1)
		if k+1 < len(ms) && ms[k+1].From == d+1 {
			end = max(end, ms[k+1].To)
		}
		if end == d+1 || end+2 >= len(toks) || toks[end].Text != "(" || !toks[end+1].IsAcronym() || toks[end+2].Text != ")" {
			continue
		}
		name := text.Join(s, toks, m.From, end)
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
