package extract

import (
	"regexp"
	"strings"

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
	insts, _ := findNames(s, toks, isPlace)
	return insts
}

// findNames finds the institutions named in one sentence, and the spans
// of the parts of institutions it names ("the Institute of Aquaculture,
// University of Stirling"), which are no institutions of their own.
func findNames(s string, toks []text.Token, isPlace func(string) bool) (insts []mention, parts [][2]int) {
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
		if used[i] || !isHead(toks[i].Text) && !lowerHead(toks, i) {
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
		if companyEnds[toks[i].Text] && from == i {
			from = companyStart(toks, i)
		}
		for k := from; k < i; k++ {
			if used[k] {
				from = k + 1 // "the Faculty of Medicine and Srinagarind Hospital": two names
			}
		}
		to = companySuffix(toks, to)
		to = acronymExtension(toks, from, to)
		if to-from < 2 && !compoundHead(toks[i].Text) || subunit(toks, from, to) || generic(toks, from, to) || notBody(toks, from, to, isPlace) {
			for k := from; k < to; k++ {
				used[k] = true
			}
			if to-from >= 2 && subunit(toks, from, to) {
				parts = append(parts, [2]int{from, to})
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
	return out, parts
}

// headSpan grows a name around the head noun at toks[h]: capitalised words
// (with initials and particles: "John von Neumann University", "Manuel S.
// Enverga University") to its left, and capitalised words and numbers
// joined by "of", "for", "de la", "and" to its right ("Universidad
// Católica de la Santísima Concepción", "Université Paris 13").
func headSpan(toks []text.Token, h int, isPlace func(string) bool) (from, to int) {
	mission := missionHeads[toks[h].Text]
	from = h
	for from > 0 {
		t := toks[from-1]
		// "Manuel S. Enverga": an initial inside the name.
		if t.Text == "." && from >= 3 && isInitial(toks, from-2) && toks[from-3].IsCap() && !leftStops[toks[from-3].Text] {
			from -= 2
			continue
		}
		// "John von Neumann University", "Davao del Sur State College".
		if nameParticles[t.Text] && from >= 2 && toks[from-2].IsWord() && toks[from-2].IsCap() && !leftStops[toks[from-2].Text] &&
			!institutionHeads[toks[from-2].Text] && !titleWords[toks[from-2].Text] {
			from--
			continue
		}
		// "King's College London", "Queen's University": a possessive
		// proper noun inside the name, not a body owning a part of it.
		if t.Text == "'s" && from >= 2 && toks[from-2].IsCap() && !toks[from-2].IsAcronym() && !isHead(toks[from-2].Text) &&
			!leftStops[toks[from-2].Text] && (from < 3 || !toks[from-3].IsCap()) && !isPlace(toks[from-2].Text) {
			// but "China's Qingdao University" is Qingdao University, in China.
			from -= 2
			break
		}
		// "Nghe An University of Economics": a place of two words whose
		// second opens sentences elsewhere.
		if leftStops[t.Text] && from >= 2 && toks[from-2].IsWord() && toks[from-2].IsCap() && isPlace(toks[from-2].Text+" "+t.Text) {
			from -= 2
			continue
		}
		if !t.IsWord() || !t.IsCap() || leftStops[t.Text] || isTitleWord(t.Text) && !(mission && missionWords[t.Text]) ||
			honorifics[t.Text] || isMonthOrDay(t.Text) {
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
			if w.IsWord() && w.IsCap() && !w.IsAcronym() && !institutionHeads[w.Text] && !leftStops[w.Text] && !isTitleWord(w.Text) &&
				!isTitleWord(strings.TrimSuffix(w.Text, "s")) && !honorifics[w.Text] && !groupNouns[w.Text] {
				from -= 2
				break
			}
		}
	}
	to = h + 1
	inOf, inFor := false, false
	for to < len(toks) {
		t := toks[to]
		switch {
		case t.IsWord() && t.IsCap() && !isTitleWord(t.Text) && !honorifics[t.Text] && !isMonthOrDay(t.Text),
			mission && missionWords[t.Text]:
			to++
		case isNumeral(t.Text) && to > h && toks[to-1].IsCap() && to+1 < len(toks) && nameMonths[strings.ToLower(toks[to+1].Text)]:
			to += 2 // "Université Tunis 9 avril", "Universidad 2 de Mayo": named after a day
		case isNumeral(t.Text) && to > h && toks[to-1].IsCap() && (to+1 >= len(toks) || !toks[to+1].IsWord() || !toks[to+1].IsCap()):
			to++ // "Université Paris 13", "Lille 2"
		case mission && t.Text == "in" && to+1 < len(toks) && toks[to+1].IsCap() && isPlace(toks[to+1].Text):
			to += 2 // "Embassy of the Argentine Republic in Italy"
		case t.Text == "at" && to == h+1 && from == h && to+1 < len(toks) && toks[to+1].IsCap() && isPlace(toks[to+1].Text):
			to += 2 // "University at Buffalo"
		case (t.Text == "and" || t.Text == "&") && to+1 < len(toks) && pluralHeads[toks[to+1].Text] != "" &&
			(to+2 >= len(toks) || !toks[to+2].IsCap()):
			to += 2 // "INTI University & Colleges", "… School and Colleges"
		case t.Text == "in" && inFor && to+1 < len(toks) && fieldWords[toks[to+1].Text]:
			to++ // "Foundation for International Cooperation in Research and Higher Education"
		case nameConnectors[t.Text] && to+1 < len(toks) && capAfter(toks, to+1):
			run := capRun(toks, to+1)
			if hasSingularHead(toks, to+1, run) && !(t.Text == "and" && inOf && ministryName(toks, h)) {
				return from, to // "… Council of Osaka University": a new name starts
			}
			if t.Text == "and" || t.Text == "&" {
				if !inOf || toks[to+1].Text == "the" || toks[to+1].IsAcronym() {
					return from, to // "Kyoto University and Osaka University…", "… of CTU and the …", "… of Parma and UBA"
				}
			} else {
				inOf = true
				inFor = inFor || t.Text == "for"
			}
			to++
			for to < len(toks) && articles[toks[to].Text] {
				to++
			}
		default:
			return from, to
		}
	}
	return from, to
}

// nameMonths are the months, in French and Spanish, of the days that
// name universities: "Université 7 novembre", "Université Tunis 9 avril".
var nameMonths = text.Set("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
	"novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
	"octubre", "noviembre", "diciembre")

// articles may follow a connector inside a name: "de la", "of the", "di".
var articles = text.Set("the", "la", "le", "les", "el", "los", "las", "der", "die", "das", "l'")

// missionHeads are the heads of a country's missions abroad, whose names
// hold words that elsewhere are titles: "Deputy High Commission",
// "Consulate General of …".
var missionHeads = text.Set("Embassy", "Consulate", "Commission", "Consulate-General", "Mission")

// missionWords are the title words a mission's name may hold.
var missionWords = text.Set("Deputy", "General", "High", "Assistant", "Permanent")

// groupNouns are plural nouns of people that "of" may follow without
// their being part of a name: "Graduates of X University".
var groupNouns = text.Set("Graduates", "Students", "Members", "Staff", "Friends", "Alumni", "Delegates", "Representatives",
	"Leaders", "Scientists", "Researchers", "Lecturers", "Teachers", "Officials", "Experts", "Participants")

// isTitleWord reports whether w is a word of a person's position:
// "Rector", "Vice-Chancellor", "Pro-Vice-Chancellor".
func isTitleWord(w string) bool {
	if titleWords[w] {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		return titleWords[w[:i]] || titleWords[w[i+1:]]
	}
	return false
}

// isNumeral reports whether w is a number or a Roman numeral: "13", "V", "II".
func isNumeral(w string) bool {
	if w == "" {
		return false
	}
	if strings.Trim(w, "0123456789") == "" {
		return len(w) <= 3
	}
	return strings.Trim(w, "IVX") == "" && len(w) <= 4
}

// ministryName reports whether the name whose head is at h is a
// ministry's, whose "and" joins its fields: "Ministry of Preschool and
// School Education".
func ministryName(toks []text.Token, h int) bool {
	return toks[h].Text == "Ministry" || toks[h].Text == "Ministries" || toks[h].Text == "Department" && h > 0 && toks[h-1].Text == "State"
}

// headSuffixes end a word that is a head by itself in the language it
// comes from: "Montanuniversität", "Fachhochschule".
var headSuffixes = []string{"universität", "hochschule", "universitet", "üniversitesi", "yliopisto", "egyetem", "akademie", "politechnika", "universiteit"}

// lowerHead reports whether the word at i is a head written in lower case
// after a capitalised name: "Wayne State university".
func lowerHead(toks []text.Token, i int) bool {
	w := toks[i].Text
	if w != "university" && w != "college" && w != "institute" || i < 2 {
		return false
	}
	return toks[i-1].IsCap() && toks[i-2].IsCap() && !leftStops[toks[i-2].Text] && !leftStops[toks[i-1].Text] &&
		!isTitleWord(toks[i-1].Text) && !toks[i-1].IsAcronym()
}

// isHead reports whether w makes the capitalised span around it an institution.
func isHead(w string) bool {
	if institutionHeads[w] || compoundHead(w) {
		return true
	}
	// "Vietnam National University-HCM City": a head joined to a place.
	i := strings.IndexByte(w, '-')
	return i > 0 && i+1 < len(w) && institutionHeads[w[:i]] && w[i+1] >= 'A' && w[i+1] <= 'Z'
}

// compoundHead reports whether w is a word that ends with a head: a
// one-word name such as "Montanuniversität".
func compoundHead(w string) bool {
	lw := strings.ToLower(w)
	for _, s := range headSuffixes {
		if strings.HasSuffix(lw, s) && len(lw) > len(s) {
			return true
		}
	}
	return false
}

// acronymExtension extends a name over "and the …" or a few more words up
// to a bracketed acronym that fits the longer name better: "Association
// of Universities of Asia and the Pacific (AUAP)".
func acronymExtension(toks []text.Token, from, to int) int {
	for j := to + 1; j < len(toks) && j <= to+8; j++ {
		if toks[j].Text != "(" {
			if toks[j].Text == "," || toks[j].Text == "." || toks[j].Text == ";" {
				return to
			}
			continue
		}
		if j+2 >= len(toks) || toks[j+2].Text != ")" || !toks[j+1].IsAcronym() {
			return to
		}
		acr := toks[j+1].Text
		if spellsOut(acr, toks[from:j]) {
			// "École nationale d'administration (ENA)": words in lower
			// case too, when the acronym spells out every one.
			return j
		}
		short, long := joinWords(toks, from, to), joinWords(toks, from, j)
		if initialsMisses(acr, long) < initialsMisses(acr, short) {
			for k := to; k < j; k++ {
				if t := toks[k]; !(t.IsCap() || nameConnectors[t.Text] || articles[t.Text] || t.Text == "-") {
					return to
				}
			}
			return j
		}
		return to
	}
	return to
}

// spellsOut reports whether acr is exactly the initials of the words of
// toks that are not connectors or articles, accents folded and elided
// articles dropped: ENA for "École nationale d'administration".
func spellsOut(acr string, toks []text.Token) bool {
	var initials []byte
	for _, t := range toks {
		w := t.Text
		if nameConnectors[w] || articles[w] || w == "-" {
			continue
		}
		if !t.IsWord() {
			return false
		}
		for _, p := range []string{"d'", "l'", "d’", "l’"} {
			w = strings.TrimPrefix(w, p)
		}
		f := text.Fold(w)
		if f == "" {
			return false
		}
		initials = append(initials, f[0])
	}
	return len(initials) >= 3 && strings.EqualFold(string(initials), strings.TrimSuffix(acr, "s"))
}

// mediaWords make a name a news medium's, not a body the guidelines count.
var mediaWords = text.Set("News", "Newspaper", "Times", "Gazette", "Herald", "Radio", "Television", "TV", "Press", "Tribune", "Post", "Daily")

// eventWords end a name that is an event's or a programme's: "Una Europa
// One Health Summer School", "South Africa Sweden University Forum".
var eventWords = text.Set("Forum", "Summit", "Conference", "Congress", "Symposium", "Workshop", "Seminar", "Festival",
	"Fair", "Expo", "Exhibition", "Camp", "Olympiad", "Award", "Awards", "Prize", "Programme", "Program", "Project",
	"Initiative", "Scholarship", "Scholarships", "Games", "Championship", "Week", "Day", "Days", "Events", "Meeting",
	"Assembly", "Dialogue", "Roundtable", "Hackathon", "Competition", "Challenge", "Cup", "League", "Tournament")

// notBody reports whether a span names no body the guidelines count: an
// event or programme, a news medium, a country's government named by its
// nationality ("the Philippine Government"), or a summer school.
func notBody(toks []text.Token, from, to int, isPlace func(string) bool) bool {
	last := toks[to-1].Text
	if eventWords[last] || isYear(last) && to-1 > from && eventWords[toks[to-2].Text] {
		return true
	}
	if to-from >= 2 && toks[to-1].Text == "School" && (toks[to-2].Text == "Summer" || toks[to-2].Text == "Winter" || toks[to-2].Text == "Spring") {
		return true
	}
	for k := from; k < to; k++ {
		if mediaWords[toks[k].Text] && (k+1 < to && (toks[k+1].Text == "Agency" || toks[k+1].Text == "Service") || k == to-1 && !institutionHeads[toks[k].Text]) {
			return true
		}
	}
	return to-from == 2 && toks[to-1].Text == "Government" && !toks[from].IsAcronym() && !isPlace(toks[from].Text)
}

// companyEnds end a company's name, with no head noun before them:
// "Huawei Technologies (Thailand) Co., Ltd.", "Hoshizora Energy Co., Ltd.".
var companyEnds = text.Set("Ltd", "Inc", "LLC", "PLC", "GmbH", "AG", "JSC", "Corp", "Pte", "Bhd", "SA", "SpA", "BV", "NV", "AB", "Oy", "ASA")

// companyStart returns where the name of a company that ends at the
// suffix at h starts: back over "Co.,", "(Thailand)" and capitalised words.
func companyStart(toks []text.Token, h int) int {
	k := h
	for k > 0 && (toks[k-1].Text == "," || toks[k-1].Text == "." || toks[k-1].Text == "Co" || toks[k-1].Text == "Sdn") {
		k--
	}
	if k >= 3 && toks[k-1].Text == ")" && toks[k-3].Text == "(" {
		k -= 3 // "(Thailand)"
	}
	from := k
	for from > 0 && toks[from-1].IsWord() && toks[from-1].IsCap() && !leftStops[toks[from-1].Text] && !isTitleWord(toks[from-1].Text) {
		from--
	}
	if from == k {
		return h
	}
	return from
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
		case toks[k].IsAcronym() && k == from && !academicHeads[toks[to-1].Text] && !academicHeads[pluralHeads[toks[to-1].Text]]:
			// "KTU Congress and Culture Center": a body's own facility; but
			// "INTI International University", "INTI University & Colleges" are universities
		default:
			return false
		}
	}
	return true
}

// academicHeads are the heads of bodies that teach or research: an
// acronym before one names the body ("SIAS University"), not its facility.
var academicHeads = text.Set("University", "College", "Institute", "Academy", "Polytechnic", "School", "Universiti", "Universitas",
	"Universidad", "Université", "Università", "Universidade", "Universität", "Universitat", "Universiteit", "Universitet",
	"Uniwersytet", "Univerzita", "Hogeschool", "Hochschule", "Politécnica", "Politecnico", "Politehnica", "Politechnika",
	"Instituto", "Istituto", "Institut", "École", "Ecole", "Escuela", "Academia", "Akademia", "Akademie", "Technion",
	"Tecnológico", "Tecnologico", "Yliopisto", "Egyetem", "Üniversitesi", "Polytechnique")

// memberHeads are the heads of bodies made of their members, whose names
// are often made of generic words.
var memberHeads = text.Set("Club", "Association", "Society", "Union", "Federation", "Alliance", "Network", "Consortium", "Commission", "Ministry")

// capAfter reports whether toks[i] (or toks[i+1] after "the") is a capitalised word.
func capAfter(toks []text.Token, i int) bool {
	for i < len(toks) && articles[toks[i].Text] {
		i++
	}
	return i < len(toks) && toks[i].IsWord() && toks[i].IsCap() && !titleWords[toks[i].Text] && !honorifics[toks[i].Text]
}

// capRun returns the end of the run of capitalised words from i.
func capRun(toks []text.Token, i int) int {
	for i < len(toks) && articles[toks[i].Text] {
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
	// "Srinagarind Hospital, the university hospital of KKU": an apposition
	// says whose part it is.
	if to+3 < len(toks) && toks[to].Text == "," && toks[to+1].Text == "the" {
		for k := to + 2; k < len(toks) && k < to+7; k++ {
			if toks[k].Text == "of" && k+1 < len(toks) && (toks[k+1].IsCap() || toks[k+1].Text == "the") {
				return true
			}
			if toks[k].IsCap() || !toks[k].IsWord() {
				break
			}
		}
	}
	// A college or an institute is a body of its own before a comma
	// unless its name says it is a part: "College of Medicine, X University".
	hasOf := false
	for k := from; k < to; k++ {
		hasOf = hasOf || toks[k].Text == "of" || toks[k].Text == "for"
	}
	standalone := !hasOf && (toks[to-1].Text == "College" || toks[to-1].Text == "Institute" || toks[to-1].Text == "School")
	for k := to; k < to+2 && k < len(toks); k++ {
		switch toks[k].Text {
		case ",", "of", "at", "-", "–", "—":
			if standalone && toks[k].Text == "," {
				return false
			}
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
