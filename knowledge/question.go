package knowledge

import (
	"regexp"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// question is a user's free-text question, read for what it asks about.
type question struct {
	text string
	// folded is the question folded for matching.
	folded string
	// entities are the institutions it names, in order.
	entities []int
	// country is the country it narrows to: "Chinese universities", "to Japan".
	country string
	// city is a city it names outside institutions' names.
	city string
	// when is the period it narrows to, if any.
	when article.Date
	// words are its content words, folded, for matching sentences.
	words []string
	// focus is the stem of the noun a "which" or "what" asks about:
	// "enterprise" in "Which enterprises did …".
	focus string
}

// stopWords are words that carry no content in a question.
var stopWords = text.Set("a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "or", "by", "from",
	"who", "what", "when", "where", "which", "why", "how", "whom", "whose", "is", "are", "was", "were",
	"be", "been", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "that",
	"this", "these", "those", "it", "its", "their", "they", "s", "about", "many", "much", "long",
	"there", "any", "as", "into", "than", "then", "all", "some", "me", "tell", "please", "show", "list")

// whWord matches the opening of a question.
var whWord = regexp.MustCompile(`(?i)^\s*(who|whom|whose|when|where|which|what|how many|how long|how|list|show|tell me)\b`)

// parseQuestion reads a question against the model.
func (m *model) parseQuestion(x *extract.Extractor, raw string) *question {
	q := &question{text: raw, folded: text.Fold(raw)}
	toks := text.Tokenize(raw)
	covered := make([]bool, len(toks))
	// Institutions, longest name first.
	for i := 0; i < len(toks); i++ {
		for n := min(10, len(toks)-i); n >= 1; n-- {
			if !toks[i].IsWord() || !toks[i+n-1].IsWord() {
				continue
			}
			key := text.Key(text.Join(raw, toks, i, i+n))
			ids, ok := m.byKey[key]
			if !ok || n == 1 && !toks[i].IsCap() {
				continue
			}
			if !slices.Contains(q.entities, ids[0]) {
				q.entities = append(q.entities, ids[0])
			}
			for k := i; k < i+n; k++ {
				covered[k] = true
			}
			i += n - 1
			break
		}
	}
	// Places outside institutions' names.
	var rest []text.Token
	for i, t := range toks {
		if !covered[i] {
			rest = append(rest, t)
		}
	}
	for _, p := range x.Places(rest) {
		switch {
		case p.Place.Kind == gazetteer.PlaceCity && q.city == "":
			q.city = p.Place.Name
			if q.country == "" && isDestination(rest, p.From) {
				q.country = p.Place.Country
			}
		case p.Place.Kind == gazetteer.PlaceCountry && q.country == "":
			q.country = p.Place.Country
		case p.Place.Kind == gazetteer.PlaceRegion && q.country == "":
			q.country = p.Place.Country
		}
	}
	for _, d := range article.FindDates(raw, 0) {
		q.when = d.Start
		break
	}
	fields := strings.Fields(q.folded)
	for _, w := range fields {
		if !stopWords[w] && len(w) > 1 {
			q.words = append(q.words, w)
		}
	}
	if len(fields) > 1 && (fields[0] == "which" || fields[0] == "what") {
		// A kind of body among the next words is the focus: "Which
		// European universities …" asks for universities.
		for _, w := range fields[1:min(len(fields), 4)] {
			if s := text.Stem(w); academicWords[s] || businessWords[s] || bodyWords[s] {
				q.focus = s
			}
		}
		for _, w := range fields[1:] {
			if q.focus != "" {
				break
			}
			if _, demonym := m.gaz.CountryOfDemonym(w); demonym {
				continue // "Which Japanese universities": the noun is the focus
			}
			if !stopWords[w] {
				q.focus = text.Stem(w)
			}
			break
		}
	}
	return q
}

// academicWords are the focus nouns that ask for universities and the like.
var academicWords = text.Set("university", "college", "school", "institute", "academy", "polytechnic")

// businessWords are the focus nouns that ask for companies.
var businessWords = text.Set("company", "enterprise", "firm", "corporation", "business", "employer")

// bodyWords are the focus nouns that ask for institutions of any kind.
var bodyWords = text.Set("institution", "organisation", "organization", "partner", "body", "agency", "host")

// wantsKind reports whether an entity is of the kind the question's focus
// asks for: a university for "which universities", a company for "which
// companies"; any kind when the focus names none.
func (q *question) wantsKind(e *Entity) bool {
	academic, business := false, false
	for _, w := range strings.Fields(e.Name) {
		academic = academic || academicWords[text.Stem(strings.ToLower(w))]
		business = business || corporateHeads[w]
	}
	switch {
	case academicWords[q.focus]:
		return !business // a name with neither, "KU Leuven", may be either
	case businessWords[q.focus]:
		// An acronym alone may be a university's: no evidence of a company.
		return !academic && (business || !isAcronymName(e.Name))
	}
	return true
}

// corporateHeads are the words that make a name a company's.
var corporateHeads = text.Set("Group", "Company", "Corporation", "Corp", "Inc", "Ltd", "LLC", "GmbH", "JSC",
	"Holdings", "Industries", "Bank", "Electric", "Electronics", "Motors", "Technologies", "Berhad")

// focusIsBody reports whether the focus asks for institutions, which the
// facts answer by name.
func (q *question) focusIsBody() bool {
	return academicWords[q.focus] || businessWords[q.focus] || bodyWords[q.focus]
}

// isDestination reports whether the place at i follows "in", "to" or "at".
func isDestination(toks []text.Token, i int) bool {
	return i > 0 && (toks[i-1].Text == "in" || toks[i-1].Text == "to" || toks[i-1].Text == "at")
}

// asks reports whether the question matches the pattern.
func (q *question) asks(pattern *regexp.Regexp) bool { return pattern.MatchString(q.text) }

// wh returns the question's opening word, lower case.
func (q *question) wh() string {
	m := whWord.FindStringSubmatch(q.text)
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1])
}
