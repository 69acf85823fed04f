package knowledge

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/text"
)

// What questions ask, by their words.
var (
	askLeader     = regexp.MustCompile(`(?i)\bwho (led|leads|headed|heads)\b|\bleader of\b|\bwho was leading\b`)
	askPerson     = regexp.MustCompile(`(?i)^\s*(who is|who's|who was|who are|which\b.*\b(rector|president|director|dean|principal|chairman|minister|professor|head|chancellor|secretary|ambassador))`)
	askSigned     = regexp.MustCompile(`(?i)\b(sign(ed|s)?|agreements?|mou|memorand(um|a)|contracts?)\b`)
	askVisited    = regexp.MustCompile(`(?i)\b(visit(ed|s)?|hosted|host|went|travel(l)?ed|toured)\b`)
	askMeet       = regexp.MustCompile(`(?i)\b(visit(ed|s)?|meet|met|hosted|host|welcomed|received)\b`)
	askPartners   = regexp.MustCompile(`(?i)\b(partner(s|ed|ing)?( with)?|work(s|ed)? with|cooperat\w*|collaborat\w*|scholarships?|support\w*|co-?organi[sz]\w*|universit(y|ies)|institutions?|companies|company|organi[sz]ations?|enterprises|firms)\b`)
	askLatest     = regexp.MustCompile(`(?i)\b(latest|newest|most recent|recent news|news)\b`)
	askOnBehalf   = regexp.MustCompile(`(?i)\b(on behalf of|represented|representing|spoke for|signed for)\b`)
	askSignedVerb = regexp.MustCompile(`(?i)\b(sign(ed|s)?|renew(ed|s)?|ink(ed|s)?|conclud(ed|es))\b`)
	askPartnersOf = regexp.MustCompile(`(?i)\bpartners of\b|'s partners\b|\bwho are (the )?partners\b`)
	askVisitsTo   = regexp.MustCompile(`(?i)\b(visits? to|delegations? (visited|to|came to|went to)|visited (by|from))\b`)
	askWhereCity  = regexp.MustCompile(`(?i)^\s*(where|in which city|which city|in what city)\b`)
)

// Ask answers a free-text question in English: the answer first, then
// the sentences that support it, each cited. The question is read for its
// slots (what relation it asks about, the institutions, country, city and
// period it names) and answered from the facts of that relation; an
// answer satisfies every slot the question sets, or says plainly that the
// articles have none, with what they do cover.
func (l *Library) Ask(ctx context.Context, text string) (*Answer, error) {
	if strings.TrimSpace(text) == "" {
		return nil, &QueryError{Query: text, Reason: "the question is empty", Hint: "ask e.g. Who led the delegation to Japan in March 2025?"}
	}
	m := l.model.Load()
	q := m.parseQuestion(l.ext, text)
	if len(q.unknown) > 0 {
		return &Answer{Text: fmt.Sprintf("I couldn't find %s in the articles.", strings.Join(q.unknown, " or "))}, nil
	}
	fromText, err := l.answerFromSentences(ctx, m, q)
	if err != nil {
		return nil, err
	}
	for _, answer := range m.answerers(q) {
		if !q.focusIsFact() {
			break // "What is the budget of …": the facts hold no budgets
		}
		a := answer(q)
		if a == nil {
			continue
		}
		if fromText.Found && q.focus != "" && !q.focusIsBody() && mentionsFocus(q, fromText.Text) && !supportMentions(q, a) {
			return fromText, nil // the prose speaks of what was asked; the facts do not
		}
		// The sentence that best covers the question's own words supports
		// the answer too, when it covers them well.
		if fromText.Found && fromText.coverage >= strongCoverage && len(fromText.Support) > 0 {
			a.Support = addCitation(a.Support, fromText.Support[0])
		}
		return a, nil
	}
	for _, a := range append([]*Answer{fromText}, fromText.others...) {
		if a.Found && m.satisfies(q, a) {
			a.others = nil
			return a, nil
		}
	}
	return m.notFound(q), nil
}

// answerers returns the answerers of the relation a question asks about,
// most specific first.
func (m *model) answerers(q *question) []func(*question) *Answer {
	switch q.relation {
	case relLeader:
		return []func(*question) *Answer{m.answerLeader}
	case relPerson:
		return []func(*question) *Answer{m.answerPerson}
	case relWhen:
		if q.asks(askSignedVerb) || q.asks(askSigned) && !q.asks(askMeet) {
			return []func(*question) *Answer{m.answerSigned, m.answerWhen}
		}
		return []func(*question) *Answer{m.answerWhen}
	case relWhere:
		return []func(*question) *Answer{m.answerWhere}
	case relVisits:
		return []func(*question) *Answer{m.answerHosts, m.answerVisitsTo}
	case relSigned:
		return []func(*question) *Answer{m.answerSigned, m.answerPartners}
	case relPartners:
		return []func(*question) *Answer{m.answerPartners, m.answerCountryPartners, m.answerSigned}
	case relLatest:
		return []func(*question) *Answer{m.answerLatest}
	}
	return nil
}

// satisfies reports whether an answer drawn from a sentence holds every
// slot the question sets: its institutions (by any of their names), its
// country and its year; so that a near sentence never answers a question
// it does not.
func (m *model) satisfies(q *question, a *Answer) bool {
	s := " " + text.Fold(a.Text) + " "
	var rec *record
	if len(a.Support) > 0 {
		rec = m.byFile[a.Support[0].File]
	}
	for _, id := range q.entities {
		named := false
		for _, n := range m.entities[id].names() {
			if k := text.Key(n); k != "" && strings.Contains(s, " "+k+" ") {
				named = true
				break
			}
		}
		// A person's title or a count may be told in an article about the
		// institution without naming it again.
		if !named && !(q.relation != relLeader && q.relation != relWhen && rec != nil && m.names(rec, id)) {
			return false
		}
	}
	if q.country != "" && !m.speaksOf(s, q.country) {
		return false
	}
	if !q.when.IsZero() && !strings.Contains(s, strconv.Itoa(q.when.Year)) && !strings.Contains(s, strings.ToLower(q.when.Month.String())) &&
		(rec == nil || !q.when.Overlaps(rec.Article.Published) && !q.when.Overlaps(monthBefore(rec.Article.Published))) {
		return false
	}
	// "What is the budget of …": the sentence speaks of it.
	if !q.focusIsFact() && !mentionsFocus(q, a.Text) {
		return false
	}
	// "Which delegations visited Vietnam?" asks for the facts of visits;
	// a sentence that happens to speak of Vietnam is no answer.
	if len(q.entities) == 0 && (q.relation == relVisits || q.relation == relPartners && (q.country != "" || q.origin != "")) {
		return false
	}
	// "Which companies …": the sentence names one, not only the institution asked about.
	if q.focusIsBody() && (q.relation == relPartners || q.relation == relSigned || q.relation == relVisits) && !m.namesOther(q, a.Text, rec) {
		return false
	}
	// The sentence speaks of the relation asked about.
	switch q.relation {
	case relLeader:
		return askLedWords.MatchString(a.Text)
	case relVisits:
		return askVisited.MatchString(a.Text) || askMeet.MatchString(a.Text)
	case relWhere:
		return m.namesPlace(a.Text)
	case relWhen:
		return len(article.FindDates(a.Text, 0)) > 0 || hasYear.MatchString(a.Text)
	}
	return true
}

// namesOther reports whether sentence s of record r names an institution
// of the kind the question asks for, other than those it names.
func (m *model) namesOther(q *question, s string, r *record) bool {
	if r == nil {
		return false
	}
	folded := " " + text.Fold(s) + " "
	for _, l := range m.local[r] {
		if l.entity < 0 || slices.Contains(q.entities, l.entity) || !q.wantsKind(m.entities[l.entity]) {
			continue
		}
		if k := text.Key(l.name); k != "" && strings.Contains(folded, " "+k+" ") {
			return true
		}
	}
	return false
}

// askLedWords are the words of a sentence that tells who led a delegation.
var askLedWords = regexp.MustCompile(`(?i)\b(led|headed|leader|leadership|accompanied)\b`)

// namesPlace reports whether a sentence names a place the gazetteer knows.
func (m *model) namesPlace(s string) bool {
	toks := text.Tokenize(s)
	for i, t := range toks {
		if !t.IsCap() {
			continue
		}
		for n := 1; n <= 3 && i+n <= len(toks); n++ {
			if _, ok := m.gaz.Lookup(text.Join(s, toks, i, i+n)); ok {
				return true
			}
		}
	}
	return false
}

// speaksOf reports whether folded text s names country, its nationality,
// or a place in it.
func (m *model) speaksOf(s, country string) bool {
	if strings.Contains(s, " "+text.Fold(country)+" ") {
		return true
	}
	for _, w := range strings.Fields(s) {
		if c, ok := m.gaz.CountryOfDemonym(w); ok && c == country {
			return true
		}
		if p, ok := m.gaz.Lookup(w); ok && p.Country == country {
			return true
		}
	}
	return false
}

// mentionsFocus reports whether a sentence speaks of the question's focus.
func mentionsFocus(q *question, s string) bool {
	return slices.Contains(text.Stems(strings.Fields(text.Fold(s))), q.focus)
}

// supportMentions reports whether any sentence supporting a speaks of the question's focus.
func supportMentions(q *question, a *Answer) bool {
	for _, c := range a.Support {
		if mentionsFocus(q, c.Sentence) {
			return true
		}
	}
	return mentionsFocus(q, a.Text)
}

// strongCoverage is the share of a question's words a sentence must hold
// to be cited beside an answer drawn from the facts.
const strongCoverage = 0.75

// notFound is the answer when the articles do not say: which slots found
// nothing, and what the articles do tell of the institution asked about.
func (m *model) notFound(q *question) *Answer {
	what := "an answer to that"
	switch q.relation {
	case relLeader:
		what = "who led that delegation"
	case relPerson:
		what = "that person"
	case relWhen:
		what = "when that happened"
	case relWhere:
		what = "where that happened"
	case relVisits:
		what = "such a visit"
	case relSigned:
		what = "such an agreement"
	case relPartners:
		what = "such partners"
	}
	var narrowed []string
	for _, id := range q.entities {
		narrowed = append(narrowed, m.entities[id].Display())
	}
	if q.country != "" {
		narrowed = append(narrowed, q.country)
	}
	if !q.when.IsZero() {
		narrowed = append(narrowed, q.when.Human())
	}
	msg := "I couldn't find " + what
	if len(narrowed) > 0 {
		msg += " (" + strings.Join(narrowed, ", ") + ")"
	}
	msg += " in the articles."
	if len(q.entities) > 0 {
		if cover := m.covers(q.entities[0]); cover != "" {
			msg += " They tell of " + cover + "."
		}
	}
	return &Answer{Text: msg}
}

// covers says in a few words what the articles tell of an entity: its
// visits, by country, and how many partners it has.
func (m *model) covers(id int) string {
	e := m.entities[id]
	countries := map[string]bool{}
	var list []string
	for _, v := range m.visits {
		if v.Visitor.ID == e.ID && v.Country != "" && !countries[v.Country] {
			countries[v.Country] = true
			list = append(list, v.Country)
		}
	}
	var parts []string
	if len(list) > 0 {
		parts = append(parts, fmt.Sprintf("%s's visits to %s", e.Display(), strings.Join(list[:min(len(list), 4)], ", ")))
	}
	if n := len(m.linksOf[id]); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s of %s", n, plural(n, "partner", "partners"), e.Display()))
	}
	return strings.Join(parts, " and ")
}

// plural picks the singular or plural noun for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// cite builds a citation of a sentence from a record.
func cite(sentence string, r ArticleRef) Citation {
	return Citation{Sentence: sentence, ArticleRef: r}
}

// addCitation appends a citation unless the sentence is cited already.
func addCitation(cs []Citation, c Citation) []Citation {
	if c.Sentence == "" {
		return cs
	}
	for _, x := range cs {
		if x.Sentence == c.Sentence {
			return cs
		}
	}
	return append(cs, c)
}

// withArticle puts "a" or "an" before a kind of agreement: "an MOU", "a memorandum".
func withArticle(kind string) string {
	if kind == "" {
		return "an agreement"
	}
	first, word := kind[0], strings.Fields(kind)[0]
	acronym := isAcronymName(word) || strings.HasPrefix(word, "Mo") || strings.HasPrefix(word, "Lo") // "an MoU", "an LoI"
	if strings.IndexByte("aeiouAEIOU", first) >= 0 || acronym && strings.IndexByte("AEFHILMNORSX", first) >= 0 {
		return "an " + kind
	}
	return "a " + kind
}

// dateText writes a visit's dates as people read them, with the ISO form.
func dateText(start, end article.Date) string {
	switch {
	case start.IsZero():
		return "undated"
	case end.IsZero() || end == start:
		return fmt.Sprintf("%s (%s)", start.Human(), start)
	case start.Year == end.Year && start.Month == end.Month && start.Day != 0 && end.Day != 0:
		return fmt.Sprintf("%d–%d %s %d (%s to %s)", start.Day, end.Day, start.Month, start.Year, start, end)
	}
	return fmt.Sprintf("%s to %s (%s to %s)", start.Human(), end.Human(), start, end)
}

// answerLatest answers "What's the latest news about X?".
func (m *model) answerLatest(q *question) *Answer {
	if !q.asks(askLatest) {
		return nil
	}
	var found []*record
	for _, r := range m.records {
		if len(found) == 3 {
			break
		}
		if len(q.entities) > 0 && !m.names(r, q.entities[0]) || q.country != "" && !m.inCountry(r, q.country) {
			continue
		}
		found = append(found, r)
	}
	if len(found) == 0 {
		return nil
	}
	r := found[0]
	a := &Answer{Found: true, Text: fmt.Sprintf("The latest is “%s” (%s): %s", r.Article.Title, r.Article.Published.Human(), r.Article.Summary)}
	for _, f := range found {
		a.Support = addCitation(a.Support, cite(f.Article.Summary, f.ref()))
	}
	return a
}

// monthBefore is the month before d's: an article published early in a
// month often tells of the month before.
func monthBefore(d article.Date) article.Date {
	if d.IsZero() {
		return d
	}
	t := d.Start().AddDate(0, -1, 0)
	return article.Date{Year: t.Year(), Month: t.Month()}
}
