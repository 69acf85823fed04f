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
	// origin is the country of the bodies a question asks for or about,
	// given by a nationality: "Korean" in "Which Korean universities work
	// with Vietnamese ones?".
	origin string
	// relation is what the question asks about.
	relation relation
	// unknown are the institutions it names that no article does.
	unknown []string
}

// relation is what a question asks about, and so which facts answer it.
type relation uint8

// The relations a question may ask about.
const (
	relOther    relation = iota // prose answers it, if anything does
	relLeader                   // who led a delegation
	relPerson                   // who holds a position
	relWhen                     // when a visit or a signing happened
	relWhere                    // in which city
	relVisits                   // which bodies were visited, or which delegations came
	relSigned                   // what was signed, with whom
	relPartners                 // who works with whom
	relLatest                   // the latest news
	relCount                    // how many, how long: the prose
)

// relationOf reads which relation a question asks about, from its
// question word and its verbs.
func relationOf(q *question) relation {
	switch wh := q.wh(); {
	case wh == "how many" || wh == "how long":
		return relCount
	case q.asks(askLeader):
		return relLeader
	case (wh == "which" || wh == "what") && q.asks(askVisited) && q.focusIsBody():
		return relVisits // "Which European universities did the Rector of X visit?"
	case q.asks(askPartnersOf):
		return relPartners // "Who are X's partners?"
	case q.asks(askPerson) || wh == "who" && q.asks(askOnBehalf):
		return relPerson
	case wh == "when":
		return relWhen
	case q.asks(askWhereCity):
		return relWhere
	case q.asks(askLatest):
		return relLatest
	case (wh == "which" || wh == "what" || wh == "list" || wh == "show") && q.asks(askVisited) && !q.asks(askSignedVerb):
		return relVisits
	case q.asks(askVisitsTo):
		return relVisits
	case q.asks(askSigned) && (wh == "what" || q.asks(askSignedVerb)):
		return relSigned
	case q.asks(askPartners) || q.asks(askSigned):
		return relPartners
	}
	return relOther
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
			if !ok || n == 1 && !toks[i].IsCap() || m.commonNoun(toks[i:i+n]) {
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
	// Places outside institutions' names; a place right after one ("X in
	// Rabat", "X of China") says where it is, not where the question looks.
	for i := 1; i+1 < len(toks); i++ {
		if covered[i-1] && !covered[i] && (toks[i].Text == "in" || toks[i].Text == "of" || toks[i].Text == ",") && toks[i+1].IsCap() {
			for k := i + 1; k < len(toks) && k <= i+3 && toks[k].IsCap(); k++ {
				if _, ok := m.gaz.Lookup(text.Join(raw, toks, i+1, k+1)); ok {
					for c := i; c <= k; c++ {
						covered[c] = true
					}
					break
				}
			}
		}
	}
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
	// "Which Korean universities …": the nationality of what is asked for;
	// "… work with Vietnamese ones?": the other side's.
	for i, t := range toks {
		c, ok := m.gaz.CountryOfDemonym(t.Text)
		if !ok || covered[i] {
			continue
		}
		if q.country == c {
			q.country = "" // the nationality of what is asked, not where
		}
		if q.origin == "" && i+1 < len(toks) && classWord(toks[i+1].Text) {
			q.origin = c
		} else if q.country == "" {
			q.country = c
		}
	}
	q.focus = m.focusOf(toks, covered)
	// Institutions it names that no article names: the answer is that the
	// articles do not know them, never a near one.
	for _, name := range x.Institutions(raw) {
		if _, ok := m.byKey[text.Key(name)]; ok || m.knownPart(q, name) {
			continue
		}
		// "Karaganda Technical University" for "Abylkas Saginov Karaganda
		// Technical University": the one name that ends with it.
		if id, ok := m.endsWith(text.Key(name)); ok {
			q.entities = append(q.entities, id)
			continue
		}
		q.unknown = append(q.unknown, name)
	}
	q.relation = relationOf(q)
	return q
}

// endsWith returns the one entity a name of which ends with key, word by word.
func (m *model) endsWith(key string) (int, bool) {
	if !strings.Contains(key, " ") {
		return 0, false
	}
	found := -1
	for id, e := range m.entities {
		for _, n := range e.names() {
			if nk := text.Key(n); strings.HasSuffix(nk, " "+key) {
				if found >= 0 && found != id {
					return 0, false
				}
				found = id
			}
		}
	}
	return found, found >= 0
}

// knownPart reports whether a name the question uses contains or is
// contained in a name of an institution it resolved: "the Mongolian
// National University of Education delegation".
func (m *model) knownPart(q *question, name string) bool {
	k := text.Key(name)
	for _, id := range q.entities {
		for _, n := range m.entities[id].names() {
			if nk := text.Key(n); strings.Contains(k, nk) || strings.Contains(nk, k) {
				return true
			}
		}
	}
	return false
}

// focusOf returns the stem of the noun a "which" or "what" question asks
// about: a kind of body among its first words ("Which European
// universities …"), else the first content word right after the question
// word ("What is the budget …"), unless an institution's name comes first
// ("What did X and Y sign?" asks for no noun).
func (m *model) focusOf(toks []text.Token, covered []bool) string {
	if len(toks) < 2 {
		return ""
	}
	if w := strings.ToLower(toks[0].Text); w != "which" && w != "what" {
		return ""
	}
	var words []int
	for i := 1; i < len(toks) && len(words) < 4; i++ {
		if toks[i].IsWord() {
			words = append(words, i)
		}
	}
	for _, i := range words[:min(3, len(words))] {
		if s := text.Stem(strings.ToLower(toks[i].Text)); !covered[i] && (academicWords[s] || businessWords[s] || bodyWords[s]) {
			return s
		}
	}
	for _, i := range words {
		w := text.Fold(toks[i].Text)
		if covered[i] {
			return "" // an institution's name or a place comes first
		}
		_, demonym := m.gaz.CountryOfDemonym(w)
		_, place := m.gaz.Lookup(w)
		if demonym || place || stopWords[w] {
			continue
		}
		return text.Stem(w)
	}
	return ""
}

// commonNoun reports whether toks are a nationality and a kind of body,
// "Vietnamese universities", which no name is.
func (m *model) commonNoun(toks []text.Token) bool {
	if len(toks) < 2 {
		return false
	}
	_, demonym := m.gaz.CountryOfDemonym(toks[0].Text)
	return demonym && classWord(toks[len(toks)-1].Text)
}

// classWord reports whether w is a noun of a kind of body: "universities", "ones".
func classWord(w string) bool {
	s := text.Stem(strings.ToLower(w))
	return academicWords[s] || businessWords[s] || bodyWords[s] || s == "one" || s == "delegation" || s == "partner"
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

// factNouns are the focus nouns that the facts of visits, agreements and
// partnerships can answer; any other ("budget", "deadline") only the prose can.
var factNouns = text.Set("agreement", "mou", "moa", "memorandum", "contract", "document", "visit", "trip",
	"delegation", "partnership", "cooperation", "kind", "type", "programme", "program", "date", "day", "month", "year",
	"latest", "news", "newest", "recent")

// focusIsFact reports whether the facts can answer what the focus asks.
func (q *question) focusIsFact() bool {
	return q.focus == "" || q.focusIsBody() || factNouns[q.focus]
}

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
