package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
)

// agreementsIn reads the agreements a unit says were signed, and the
// partnerships they show.
func (w *draft) agreementsIn(u *unit, t *trip, lastHost int, last article.DateMention, pair func(a, b int, k Kind, d article.Date, ev string)) {
	if !u.has(agreementNoun) || !u.has(signVerb) {
		return
	}
	// "… is expected to be signed", "agreed to sign": not signed yet.
	if f := u.find(futureCue); f != nil && f[0] < u.find(signVerb)[0] {
		return
	}
	var parties [][]int
	switch {
	case u.has(manySides) && len(w.lastGroup) >= 3:
		// "The three universities signed a trilateral agreement."
		parties = [][]int{w.lastGroup}
	case u.has(bothSides) && t != nil && lastHost >= 0:
		parties = [][]int{{t.visitor, lastHost}}
	default:
		subject, objects, together := w.agreementSides(u)
		if subject < 0 || len(objects) == 0 {
			return
		}
		if together {
			parties = [][]int{append([]int{subject}, objects...)} // "A, B and C signed"
			break
		}
		for _, o := range objects {
			parties = append(parties, []int{subject, o})
		}
	}
	d := w.a.Published
	switch {
	case len(u.dates) > 0:
		d = u.dates[0].Start
	case t != nil && !last.Start.IsZero():
		d = last.Start
	}
	kind := agreementKind(u.text)
	for _, ps := range parties {
		w.addAgreement(ps, kind, d, u.text)
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				pair(ps[i], ps[j], KindAgreement, d, u.text)
			}
		}
	}
}

// agreementSides finds who signed with whom: the institutions before the
// verb ("A and B signed", or "the University", meaning the article's own),
// and those after it that follow "with", "by" or "between"; with no one
// before the verb, "… signed an MOU with X" means the article's own
// institution signed.
func (w *draft) agreementSides(u *unit) (subject int, objects []int, together bool) {
	verb := u.find(signVerb)[0]
	var before, after []int
	for i, t := range u.toks {
		if t.Start >= verb {
			break
		}
		if isHomeAnaphora(u, i) && w.home >= 0 {
			before = appendEntity(before, w.home)
			break
		}
	}
	joined := false // a "with", "by" or "between" after the verb
	k := 0
	for _, m := range u.insts {
		at := u.toks[m.From].Start
		if at < verb {
			before = appendEntity(before, m.Org)
			continue
		}
		for ; k < m.From; k++ {
			if t := u.toks[k]; t.Start >= verb && (t.Text == "with" || t.Text == "by" || t.Text == "between") {
				joined = true
			}
		}
		if joined {
			after = appendEntity(after, m.Org)
		}
	}
	if strings.Contains(u.text, "between") && len(before) == 0 && len(after) >= 2 {
		return after[0], after[1:], len(after) >= 3
	}
	parties := append(before, after...)
	switch {
	case len(before) >= 3 && len(after) == 0:
		return before[0], dedupe(before[0], before[1:]), true
	case len(parties) >= 2:
		return parties[0], dedupe(parties[0], parties[1:]), false
	case len(parties) == 1 && len(after) == 1 && w.home >= 0 && w.home != after[0]:
		return w.home, after, false
	}
	return -1, nil, false
}

// dedupe returns ids without subject and without repeats.
func dedupe(subject int, ids []int) []int {
	var out []int
	for _, id := range ids {
		if id != subject {
			out = appendEntity(out, id)
		}
	}
	return out
}

// addAgreement records an agreement once per set of parties.
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
	for _, a := range w.facts.Agreements {
		if strings.Join(a.Parties, "\x00") == strings.Join(names, "\x00") {
			return
		}
	}
	w.facts.Agreements = append(w.facts.Agreements, Agreement{Parties: names, Kind: kind, Date: d, Evidence: evidence})
}

// agreementKind names the kind of agreement a unit speaks of: "MOU",
// "memorandum of understanding on strategic cooperation", "cooperation agreement".
func agreementKind(text string) string {
	k := kindPhrase.FindString(text)
	if k == "" {
		return "agreement"
	}
	words := strings.Fields(k)
	for i, w := range words {
		if strings.ToUpper(w) != w {
			words[i] = strings.ToLower(w)
		}
	}
	k = strings.Join(words, " ")
	for _, plural := range []string{"agreements", "contracts", "memoranda", "MOUs", "MoUs"} {
		if strings.HasSuffix(k, plural) {
			k = strings.TrimSuffix(k, "s")
			k = strings.Replace(k, "memoranda", "memorandum", 1)
		}
	}
	k = strings.ReplaceAll(k, "memorandum of understanding (MOU)", "memorandum of understanding")
	return k
}

// cooperationIn reads the partnerships a unit shows: co-organisers of an
// event with each other, and the article's own institution with each
// institution named in a sentence about cooperation.
func (w *draft) cooperationIn(u *unit, last article.DateMention, pair func(a, b int, k Kind, d article.Date, ev string)) {
	var ids []int
	for _, m := range u.insts {
		ids = appendEntity(ids, m.Org)
	}
	d := last.Start
	if len(u.dates) > 0 {
		d = u.dates[0].Start
	}
	if group := subjectGroup(u); len(group) >= 2 {
		// "KKU, NUOL and RUPP launched a programme": the subject acts together.
		w.lastGroup = group
		for i := range group {
			for j := i + 1; j < len(group); j++ {
				pair(group[i], group[j], KindEvent, d, u.text)
			}
		}
	}
	if u.has(coOrganised) && len(ids) >= 2 {
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				pair(ids[i], ids[j], KindEvent, d, u.text)
			}
		}
		return
	}
	if w.home < 0 {
		return
	}
	// "… from the following partners:" opens a list whose items are partners.
	switch {
	case strings.HasSuffix(u.text, ":") && u.has(cooperationCue):
		w.partnerList = true
	case w.partnerList && article.IsListItem(u.text):
	default:
		w.partnerList = false
	}
	if !u.has(cooperationCue) && !w.partnerList {
		return
	}
	for _, id := range ids {
		if id != w.home {
			pair(w.home, id, KindProgramme, d, u.text)
		}
	}
}

// subjectGroup returns the institutions a sentence opens with, when two or
// more of them, joined by commas and "and", are its subject: "Khon Kaen
// University (KKU), the National University of Laos (NUOL) and the Royal
// University of Phnom Penh (RUPP) on 16 January 2025 launched …".
func subjectGroup(u *unit) []int {
	var group []int
	i := 0
	if i < len(u.toks) && (u.toks[i].Text == "The" || u.toks[i].Text == "the") {
		i++
	}
	for _, m := range u.insts {
		if m.From < i {
			continue
		}
		if m.From != i {
			break
		}
		group = appendEntity(group, m.Org)
		i = m.To
		if i < len(u.toks) && u.toks[i].Text == "(" {
			for i < len(u.toks) && u.toks[i].Text != ")" {
				i++
			}
			i++
		}
		// "… (UdeA) of Colombia, …"
		if i+1 < len(u.toks) && u.toks[i].Text == "of" && u.toks[i+1].IsCap() {
			i += 2
		}
		if i < len(u.toks) && u.toks[i].Text == "," {
			i++
		}
		if i < len(u.toks) && u.toks[i].Text == "and" {
			i++
		}
		if i < len(u.toks) && u.toks[i].Text == "the" {
			i++
		}
	}
	if len(group) < 2 || i >= len(u.toks) || u.toks[i].IsCap() {
		return nil
	}
	return group
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
