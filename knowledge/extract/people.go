package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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

// findPeople finds the people a sentence names: after an honorific or a
// title ("Assoc. Prof. Dr. Nguyen Van An", "President Jane Roe", "VU
// Rector Rimvydas Petrauskas"), before a title ("Li Na, Director of …",
// "Anne Pellé (vice-president, …)"), quoted ("said Priya Sharma"), and in
// lists of names ("made up of A, B and C"). insts are the sentence's
// institution mentions.
func findPeople(s string, toks []text.Token, insts []mention) []personMention {
	var out []personMention
	for i := 0; i < len(toks); i++ {
		start := i
		var lead []string
		// A position before the name: "President", "Vice Rector", "Executive Vice President".
		for i < len(toks) && isTitleWord(toks[i].Text) && toks[i].IsCap() {
			lead = append(lead, toks[i].Text)
			i++
		}
		if len(lead) > 0 && !leadTitles[lead[len(lead)-1]] && !strings.HasSuffix(lead[len(lead)-1], "-Chancellor") &&
			!strings.HasSuffix(lead[len(lead)-1], "-Rector") && !strings.HasSuffix(lead[len(lead)-1], "-President") {
			lead = nil
			i = start
		}
		honored, prof := 0, false
		for i < len(toks) && isHonorific(toks, i) {
			prof = prof || strings.HasPrefix(strings.ToLower(toks[i].Text), "prof")
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
		j := nameSpan(toks, i, honored > 0)
		if j == i || (j < len(toks) && institutionHeads[toks[j].Text]) {
			i = start
			continue
		}
		p := personMention{Name: nameText(s, toks, i, j), From: start, To: j, Institution: -1, Professor: prof}
		if len(lead) > 0 && !(len(lead) == 1 && lead[0] == "Professor") {
			p.Title = strings.Join(lead, " ")
		}
		j = skipPostNominals(toks, j)
		end := j
		p.Title, p.Institution, end = titleAfter(s, toks, j, insts, p.Title)
		if p.Institution < 0 {
			p.Institution = nearestBefore(insts, start)
		}
		if p.Title == "" && prof {
			p.Title = "Professor"
		}
		p.To = max(end, j)
		out = append(out, p)
		i = j - 1
	}
	out = append(out, bareNames(s, toks, insts, out)...)
	out = append(out, speakers(s, toks, insts, out)...)
	out = append(out, nameLists(s, toks, insts, out)...)
	return slices.DeleteFunc(out, func(p personMention) bool { return notPersonName(p.Name) })
}

// notPersonName reports whether a name read as a person's is a field,
// an office or a plural noun: "External Linkages", "Social Sciences",
// "Creative Activities" after "Director,".
func notPersonName(name string) bool {
	for _, w := range strings.Fields(name) {
		if fieldWords[w] || genericWords[w] && w != "General" {
			return true
		}
		lw := strings.ToLower(w)
		for _, suffix := range []string{"ations", "ities", "ences", "ances", "ments", "ships", "ages", "ions", "ics"} {
			if strings.HasSuffix(lw, suffix) && len(lw) > len(suffix)+2 {
				return true
			}
		}
	}
	return false
}

// extraHonorifics are honorifics and degrees of other languages, written
// in lower case too: "prof. Ing. Pavel Ripka", "doc. Ing. arch. …".
var extraHonorifics = text.Set("prof", "doc", "docent", "Docent", "ing", "Ing", "arch", "Mgr", "Bc", "RNDr", "MUDr", "JUDr", "PhDr",
	"Dipl", "Dott", "Dra", "Drs", "Ir", "Lic", "Mag", "Excellency", "Atty", "Sen", "Amb", "Pr", "Mme", "Datuk", "Dato", "Tan", "Sri")

// isHonorific reports whether token i is an honorific before a name;
// "His Excellency" is one.
func isHonorific(toks []text.Token, i int) bool {
	t := strings.TrimSuffix(toks[i].Text, ".")
	switch {
	case honorifics[t] && toks[i].IsCap():
		return true
	case extraHonorifics[t] && (t != "Tan" && t != "Sri" || i+1 < len(toks) && toks[i+1].Text == "Sri"):
		return t != "prof" && t != "doc" && t != "docent" || i+1 < len(toks) && (toks[i+1].Text == "." || t == "docent" && toks[i+1].IsCap())
	case (t == "His" || t == "Her") && i+1 < len(toks) && toks[i+1].Text == "Excellency":
		return true
	case t == "professor" && i > 0 && toks[i-1].Text == "," && i+2 < len(toks) && toks[i+1].IsCap() && toks[i+2].IsCap():
		return true // "…, professor Mutluhan Akın, Vice Rector"
	}
	return false
}

// nameSuffixes end a name: "Rosein A. Ancheta Jr.".
var nameSuffixes = text.Set("Jr", "Sr", "II", "III", "IV")

// nameSpan returns the end of the person's name that starts at token i:
// two to four name words, with initials ("Erwin F. Cadorna", "J.
// Batbaatar"), particles ("Peter van Dongen") and a suffix ("Jr."); i
// when there is none. After an honorific, a word that elsewhere opens
// sentences may be a name ("Mr. To Quoc").
func nameSpan(toks []text.Token, i int, honored bool) int {
	j, words, full := i, 0, 0
	for j < len(toks) && words < maxNameWords+1 {
		t := toks[j]
		switch {
		case isInitial(toks, j):
			j += 2 // "F."
			words++
			continue
		case isNameWord(t) || honored && isNameAfterHonorific(t, j > i):
			j++
			words++
			full++
			continue
		case honored && words > 0 && t.IsAcronym() && len(t.Text) > 3 && !commonAcronyms[t.Text]:
			// "Dr. Suat İ. GÜNSEL": a surname in capitals ends the name.
			return j + 1
		case words > 0 && nameSuffixes[t.Text] && full >= 2:
			j++
			if j < len(toks) && toks[j].Text == "." {
				j++
			}
			return j
		case j > i && nameParticles[t.Text]:
			k := j
			for k < len(toks) && nameParticles[toks[k].Text] {
				k++
			}
			if k < len(toks) && isNameWord(toks[k]) {
				j = k
				continue
			}
		}
		break
	}
	// A name has a full word, and two words unless an initial opens it.
	if full == 0 || words < 2 || j > i && isInitial(toks, j-2) && full == 0 {
		return i
	}
	return j
}

// isInitial reports whether tokens i and i+1 are an initial and its full
// stop: "F.", "A.".
func isInitial(toks []text.Token, i int) bool {
	if i < 0 || i+1 >= len(toks) || toks[i+1].Text != "." {
		return false
	}
	r := []rune(toks[i].Text)
	return len(r) == 1 && unicode.IsUpper(r[0])
}

// nameText returns a name as written, its initials with their full stops.
func nameText(s string, toks []text.Token, i, j int) string {
	name := strings.TrimSpace(text.Join(s, toks, i, j))
	return strings.Join(strings.Fields(name), " ")
}

// postNominals follow a name and are not part of it: "Pavel Ripka, CSc.",
// "Budi Santoso, Ph.D.".
var postNominals = text.Set("CSc", "DrSc", "PhD", "Ph", "MBA", "MSc", "MA", "MD", "DSc", "FRS", "OBE", "CBE", "Esq", "PE", "DPhil")

// skipPostNominals returns the token after the degrees that follow a name.
func skipPostNominals(toks []text.Token, j int) int {
	for j+1 < len(toks) && toks[j].Text == "," && postNominals[strings.TrimSuffix(toks[j+1].Text, ".")] {
		j += 2
		for j < len(toks) && (toks[j].Text == "." || toks[j].Text == "D" || toks[j].Text == "Sc") {
			j++
		}
	}
	return j
}

// speechVerbs introduce or follow the person quoted: "said Priya Sharma".
var speechVerbs = text.Set("said", "says", "added", "noted", "explained", "shared", "stated", "emphasized",
	"emphasised", "stressed", "remarked", "commented", "recalled", "told", "highlighted", "affirmed", "underlined")

// speakers finds the people a sentence quotes by their full name: "said
// Priya Sharma, a graduate of …", "Dr. Lee said" is found already.
func speakers(s string, toks []text.Token, insts []mention, found []personMention) []personMention {
	var out []personMention
	for i := 0; i+1 < len(toks); i++ {
		var from, to int
		switch {
		case speechVerbs[toks[i].Text] && isNameWord(toks[i+1]),
			toks[i].Text == "to" && i > 0 && strings.EqualFold(toks[i-1].Text, "according") && isNameWord(toks[i+1]):
			// "said Priya Sharma", "according to Sandra González"
			from = i + 1
			to = nameSpan(toks, from, false)
		case isNameWord(toks[i]) && (i == 0 || toks[i-1].Text == "," || toks[i-1].Text == "\"" || toks[i-1].Text == "”"):
			from = i
			to = nameSpan(toks, from, false)
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
		out = append(out, personMention{Name: nameText(s, toks, from, to), Title: title, Institution: inst, From: from, To: max(end, to)})
		i = max(end, to) - 1
	}
	return out
}

// bareNameCues are the words after which a name without an honorific may
// stand when a title follows it: "headed by Zhang Wei, Vice President of …".
var bareNameCues = text.Set("by", "included", "includes", "including", ",", "and", "with", "(", "of", ";", ":", "–", "-")

// bareNames finds names without an honorific that a title follows: "Li
// Na, Director of the Office of …", "Anne Pellé (vice-president, …)",
// "John Laxon, Regional Director Asia of …, said"; and names that follow
// a title and a comma: "the Rector of the university, Alojzy Nowak,".
func bareNames(s string, toks []text.Token, insts []mention, found []personMention) []personMention {
	var out []personMention
	for i := 0; i < len(toks); i++ {
		if i > 0 && !bareNameCues[toks[i-1].Text] || !isNameWord(toks[i]) || inPerson(found, i) || inPerson(out, i) || inMention(insts, i) {
			continue
		}
		j := nameSpan(toks, i, false)
		if j == i || j >= len(toks) || inMention(insts, j-1) {
			continue
		}
		titled := toks[j].Text == "," && j+1 < len(toks) && (titleWords[toks[j+1].Text] || roleWords[strings.ToLower(toks[j+1].Text)] ||
			// "Gerard Persoon, Scientific Director of …"
			toks[j+1].IsCap() && j+2 < len(toks) && leadTitles[toks[j+2].Text] && toks[j+2].Text != "Professor" ||
			(toks[j+1].Text == "a" || toks[j+1].Text == "the") && j+2 < len(toks) && (titleWords[toks[j+2].Text] || roleWords[strings.ToLower(toks[j+2].Text)])) ||
			toks[j].Text == "(" && j+1 < len(toks) && roleWords[strings.ToLower(toks[j+1].Text)]
		after := i >= 2 && toks[i-1].Text == "," && titleBefore(toks, i-1)
		if !titled && !after {
			continue
		}
		p := personMention{Name: nameText(s, toks, i, j), From: i, To: j, Institution: -1}
		if titled {
			k := j + 1
			if toks[k].Text == "a" || toks[k].Text == "the" {
				k++
			}
			p.Title, p.Institution, p.To = titleAfter(s, toks, j, insts, "")
			if p.Title == "" && k < len(toks) {
				p.Title = toks[k].Text
			}
		} else {
			p.Title, p.Institution = titleAt(s, toks, i-1, insts)
		}
		if p.Institution < 0 {
			p.Institution = nearestBefore(insts, i)
		}
		out = append(out, p)
		i = max(p.To, j) - 1
	}
	return out
}

// roleWords are lower-case positions that follow a name: "captain of the
// team", "convener of …", "a student of …".
var roleWords = text.Set("captain", "convener", "convenor", "coordinator", "student", "graduate", "lecturer",
	"professor", "researcher", "head", "director", "dean", "president", "vice-president", "rector", "chair",
	"chairman", "chairperson", "founder", "member", "secretary", "minister", "ambassador", "consul", "manager",
	"officer", "editor", "teacher", "artist", "author", "spokesperson", "spokesman", "representative", "treasurer",
	"registrar", "chancellor", "vice-chancellor", "provost", "principal", "adviser", "advisor", "expert", "partner",
	"executive", "chief", "deputy", "senior", "associate", "assistant", "doctoral", "phd", "master's", "alumnus", "alumna")

// titleBefore reports whether the words before the comma at i end a
// title: "the Rector of the university,", "the Dean of the Faculty of
// Education,", "the two Rectors,".
func titleBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		t := toks[k].Text
		if t == "," || t == ";" || t == "." {
			return false
		}
		// "the Rector of X, P", "The Governor of the … region, P", "the
		// interim president of X, P".
		if leadTitles[capitalised(t)] || titleWords[t] || strings.HasSuffix(t, "Rectors") || strings.HasSuffix(t, "Presidents") || t == "Deans" {
			k := k
			if w := strings.ToLower(toks[max(k-1, 0)].Text); w == "interim" || w == "acting" || w == "new" || w == "former" {
				k--
			}
			prev := strings.ToLower(toks[max(k-1, 0)].Text)
			return k == 0 || prev == "the" || prev == "its" || prev == "two" || prev == "," || titleWords[toks[k-1].Text] || toks[k-1].IsAcronym()
		}
	}
	return false
}

// capitalised returns w with its first letter in upper case.
func capitalised(w string) string {
	if w == "" {
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// titleAt returns the title that ends at the comma at i, and the
// institution mention inside it.
func titleAt(s string, toks []text.Token, i int, insts []mention) (string, int) {
	k := i - 1
	for k > 0 && k >= i-12 && toks[k-1].Text != "," && toks[k-1].Text != ";" &&
		(toks[k-1].Text != "the" && toks[k-1].Text != "its" || k >= 2 && toks[k-2].Text == "of") {
		k-- // "the Governor of the Moravian-Silesian region": past "of the"
	}
	inst := -1
	for m := range insts {
		if insts[m].From >= k && insts[m].To <= i {
			inst = m
		}
	}
	title := trimTitle(strings.TrimSpace(text.Join(s, toks, k, i)))
	if inst >= 0 {
		title = trimTitle(strings.TrimSpace(text.Join(s, toks, k, insts[inst].From)))
	}
	return title, inst
}

// listCues open a list of people: "made up of", "consisting of", "members:".
var listOpeners = text.Set("of", "including", "included", "includes", ":", "comprising", "were")

// nameLists finds the names of a list that opens with "made up of",
// "including", "consisting of" or a colon, and holds at least two names:
// "a delegation made up of Peter van Dongen, Loes Witteveen and Toine Smits".
func nameLists(s string, toks []text.Token, insts []mention, found []personMention) []personMention {
	var out []personMention
	for i := 1; i < len(toks); i++ {
		title := ""
		switch {
		case pluralTitles[toks[i-1].Text] != "" && i >= 2 && (toks[i-2].Text == "the" || toks[i-2].Text == "both" || toks[i-2].Text == "The"):
			// "the deans Geert de Snoo (Science) and Wim van den Doel (Humanities)"
			title = pluralTitles[toks[i-1].Text]
		case toks[i-1].Text == "," && pluralTitleBefore(toks, i-1):
			// "the rectors of the two universities, Ricardo Rivero and Santos Guzmán"
			title = "-"
		case !listOpeners[toks[i-1].Text] || toks[i-1].Text == "of" && (i < 3 || toks[i-2].Text != "up" && toks[i-2].Text != "consisting" && toks[i-2].Text != "composed"):
			continue
		}
		var items []personMention
		k := i
		for k < len(toks) {
			if inMention(insts, k) || inPerson(found, k) {
				break
			}
			j := nameSpan(toks, k, false)
			if j == k {
				break
			}
			items = append(items, personMention{Name: nameText(s, toks, k, j), From: k, To: j, Institution: -1})
			if title != "" && title != "-" {
				items[len(items)-1].Title = title
			}
			if title != "" && j < len(toks) && toks[j].Text == "(" {
				for j < len(toks) && toks[j].Text != ")" && j < k+12 {
					j++ // "(Science)": what each of them heads
				}
				j++
			}
			if j+1 < len(toks) && (toks[j].Text == "," || toks[j].Text == "and") {
				k = j + 1
				if toks[k].Text == "and" {
					k++
				}
				continue
			}
			break
		}
		if len(items) >= 2 {
			out = append(out, items...)
			i = items[len(items)-1].To
		}
	}
	return out
}

// pluralTitles are the positions, in the plural, that may open a list of
// names, and their singular.
var pluralTitles = map[string]string{"deans": "Dean", "rectors": "Rector", "presidents": "President", "vice-rectors": "Vice-Rector",
	"directors": "Director", "chancellors": "Chancellor", "vice-chancellors": "Vice-Chancellor", "ministers": "Minister",
	"ambassadors": "Ambassador", "professors": "Professor", "mayors": "Mayor", "governors": "Governor", "Deans": "Dean", "Rectors": "Rector"}

// pluralTitleBefore reports whether the words before token i are a plural
// position and what it is of: "the rectors of the two universities".
func pluralTitleBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-8; k-- {
		if pluralTitles[toks[k].Text] != "" {
			return toks[k-1].Text == "the" || toks[k-1].Text == "both" || toks[k-1].Text == "The"
		}
		if toks[k].Text == "," || toks[k].Text == ";" {
			return false
		}
	}
	return false
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
	t = strings.TrimPrefix(strings.TrimPrefix(t, "The "), "the ")
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
