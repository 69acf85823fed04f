package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// personMention is a person named in a sentence.
type personMention struct {
	Name  string
	Title string
	// Institution is the mention the text ties the person to, or -1.
	Institution int
	From, To    int
	// Professor says an honorific made the person a professor.
	Professor bool
}

// maxNameWords bounds a person's name.
const maxNameWords = 4

// nameParticles are the lower-case words inside names: "de Vries", "van Dijk".
var nameParticles = text.Set("de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "binti", "al", "el", "dos", "das", "del")

// findPeople finds titled people in a sentence: "Assoc. Prof. Dr. Nguyen Van
// An, Vice Rector", "President Jane Roe of …", "Mr. Ton Vi - Director of …".
// insts are the sentence's institution mentions.
func findPeople(s string, toks []text.Token, insts []mention) []personMention {
	var out []personMention
	for i := 0; i < len(toks); i++ {
		start := i
		var lead []string
		// A position before the name: "President", "Vice Rector".
		for i < len(toks) && (titleWords[toks[i].Text] && (len(lead) > 0 || leadTitles[toks[i].Text] || toks[i].Text == "Vice" || toks[i].Text == "Deputy")) {
			lead = append(lead, toks[i].Text)
			i++
		}
		honored, prof := 0, false
		for i < len(toks) && honorifics[strings.TrimSuffix(toks[i].Text, ".")] && toks[i].IsCap() {
			prof = prof || strings.HasPrefix(toks[i].Text, "Prof")
			honored++
			i++
			if i < len(toks) && toks[i].Text == "." {
				i++
			}
		}
		if honored == 0 && len(lead) == 0 {
			i = start
			continue
		}
		j := i
		for j < len(toks) && j-i < maxNameWords+1 {
			if isNameWord(toks[j]) || honored > 0 && isNameAfterHonorific(toks[j], j > i) {
				j++
				continue
			}
			// "Anna de Vries", "Ludwig van Beethoven": a particle between names.
			if j > i && nameParticles[toks[j].Text] {
				k := j
				for k < len(toks) && nameParticles[toks[k].Text] {
					k++
				}
				if k < len(toks) && isNameWord(toks[k]) {
					j = k + 1
					continue
				}
			}
			break
		}
		if j-i < 2 || (j < len(toks) && institutionHeads[toks[j].Text]) {
			i = start
			continue
		}
		p := personMention{Name: joinWords(toks, i, j), From: start, To: j, Institution: -1, Professor: prof}
		if len(lead) > 0 && !(len(lead) == 1 && lead[0] == "Professor") {
			p.Title = strings.Join(lead, " ")
		}
		end := j
		p.Title, p.Institution, end = titleAfter(s, toks, j, insts, p.Title)
		if p.Institution < 0 {
			p.Institution = nearestBefore(insts, start)
		}
		if p.Title == "" && prof {
			p.Title = "Professor"
		}
		p.To = end
		out = append(out, p)
		i = j - 1
	}
	out = append(out, bareNames(s, toks, insts, out)...)
	return append(out, speakers(s, toks, insts, out)...)
}

// speechVerbs introduce or follow the person quoted: "said Priya Sharma".
var speechVerbs = text.Set("said", "says", "added", "noted", "explained", "shared", "stated", "emphasized",
	"emphasised", "stressed", "remarked", "commented", "recalled")

// speakers finds the people a sentence quotes by their full name: "said
// Priya Sharma, a graduate of …", "Dr. Lee said" is found already.
func speakers(s string, toks []text.Token, insts []mention, found []personMention) []personMention {
	var out []personMention
	for i := 0; i+1 < len(toks); i++ {
		var from, to int
		switch {
		case speechVerbs[toks[i].Text] && isNameWord(toks[i+1]):
			from, to = i+1, i+1
			for to < len(toks) && to-from < maxNameWords && isNameWord(toks[to]) {
				to++
			}
		case isNameWord(toks[i]) && (i == 0 || toks[i-1].Text == "," || toks[i-1].Text == "\"" || toks[i-1].Text == "”"):
			from, to = i, i
			for to < len(toks) && to-from < maxNameWords && isNameWord(toks[to]) {
				to++
			}
			if to >= len(toks) || !speechVerbs[toks[to].Text] {
				continue
			}
		default:
			continue
		}
		if to-from < 2 || inPerson(found, from) || inPerson(out, from) || inMention(insts, from) {
			continue
		}
		title, inst, end := titleAfter(s, toks, to, insts, "")
		out = append(out, personMention{Name: joinWords(toks, from, to), Title: title, Institution: inst, From: from, To: max(end, to)})
		i = max(end, to) - 1
	}
	return out
}

// bareNameCues are the words after which a name without an honorific may
// stand when a title follows it: "headed by Zhang Wei, Vice President of …".
var bareNameCues = text.Set("by", "included", "includes", "including", ",", "and", "with", "(", "of")

// bareNames finds names without an honorific that a title follows:
// "Li Na, Director of the Office of …".
func bareNames(s string, toks []text.Token, insts []mention, found []personMention) []personMention {
	var out []personMention
	for i := 1; i < len(toks); i++ {
		if !bareNameCues[toks[i-1].Text] || !isNameWord(toks[i]) || inPerson(found, i) || inMention(insts, i) {
			continue
		}
		j := i
		for j < len(toks) && j-i < maxNameWords && isNameWord(toks[j]) {
			j++
		}
		if j-i < 2 || j+1 >= len(toks) || toks[j].Text != "," || !titleWords[toks[j+1].Text] {
			continue
		}
		title, inst, end := titleAfter(s, toks, j, insts, "")
		if title == "" {
			continue
		}
		if inst < 0 {
			inst = nearestBefore(insts, i)
		}
		out = append(out, personMention{Name: joinWords(toks, i, j), Title: title, Institution: inst, From: i, To: end})
		i = end
	}
	return out
}

// inPerson reports whether token i lies inside one of ps.
func inPerson(ps []personMention, i int) bool {
	for _, p := range ps {
		if i >= p.From && i < p.To {
			return true
		}
	}
	return false
}

// isNameWord reports whether t can be a word of a person's name.
func isNameWord(t text.Token) bool {
	return t.IsWord() && t.IsCap() && !t.IsAcronym() && !institutionHeads[t.Text] && !titleWords[t.Text] &&
		!leftStops[t.Text] && !honorifics[t.Text] && !isMonthOrDay(t.Text)
}

// isNameAfterHonorific reports whether t can be a word of a name that an
// honorific introduces: there, short words that open sentences elsewhere
// are names ("Mr. To Quoc", "Dr. Nguyen The Vinh"), though an article
// never starts one.
func isNameAfterHonorific(t text.Token, inner bool) bool {
	article := t.Text == "The" || t.Text == "A" || t.Text == "An"
	return t.IsWord() && t.IsCap() && !t.IsAcronym() && !institutionHeads[t.Text] && !titleWords[t.Text] &&
		!honorifics[t.Text] && !isMonthOrDay(t.Text) && (inner || !article)
}

// titleAfter reads what follows a name: ", Vice Rector", " - Head of the
// Department of …", " of SNU", " (Institute for …, Japan)". It returns the
// title (or lead when none follows), the institution mention it names, and
// the token where it ends.
func titleAfter(s string, toks []text.Token, j int, insts []mention, lead string) (string, int, int) {
	if j >= len(toks) {
		return lead, -1, j
	}
	switch sep := toks[j].Text; {
	case sep == "of" || sep == "from" || sep == "at":
		if m := mentionAt(insts, j+1); m >= 0 {
			return lead, m, insts[m].To
		}
	case sep == "(":
		if m := mentionAt(insts, j+1); m >= 0 {
			return lead, m, insts[m].To
		}
	case sep == "," || sep == "-" || sep == "–" || sep == "—":
		k := j + 1
		if k >= len(toks) || !titleWords[toks[k].Text] {
			return lead, -1, j
		}
		end := k
		inst := -1
		for end < len(toks) {
			t := toks[end].Text
			if t == "," || t == "–" || t == "—" || t == ";" || t == "." || t == ")" || t == "(" || (t == "-" && end > k) ||
				t == "and" && end+1 < len(toks) && honorifics[toks[end+1].Text] {
				break
			}
			if m := mentionAt(insts, end); m >= 0 {
				inst = m
				end = insts[m].To
				break
			}
			end++
		}
		title := strings.TrimSpace(text.Join(s, toks, k, end))
		if inst >= 0 {
			title = strings.TrimSpace(text.Join(s, toks, k, insts[inst].From))
		} else if end+1 < len(toks) && toks[end].Text == "," {
			if m := mentionAt(insts, end+1); m >= 0 {
				inst = m
			}
		}
		title = trimTitle(title)
		if lead != "" && title == "" {
			title = lead
		}
		return title, inst, end
	}
	return lead, -1, j
}

// trimTitle drops what a title ends with that is not part of the position:
// "Rector of the University" gives "Rector".
func trimTitle(t string) string {
	for _, tail := range []string{" of the University", " of the university", " of the", " of", " at the", " at", " and", " the"} {
		t = strings.TrimSuffix(t, tail)
	}
	return strings.TrimSpace(t)
}

// mentionAt returns the index of the institution mention starting at token
// i (after an optional "the"), or -1.
func mentionAt(insts []mention, i int) int {
	for k, m := range insts {
		if m.From == i || m.From == i+1 && m.From > 0 {
			return k
		}
	}
	return -1
}

// nearestBefore returns the last institution mention that ends before token i, or -1.
func nearestBefore(insts []mention, i int) int {
	best := -1
	for k, m := range insts {
		if m.To <= i && (best < 0 || m.To > insts[best].To) {
			best = k
		}
	}
	return best
}
