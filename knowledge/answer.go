package knowledge

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/text"
)

// What questions ask, by their words.
var (
	askLeader    = regexp.MustCompile(`(?i)\bwho (led|leads|headed|heads)\b|\bleader of\b|\bwho was leading\b`)
	askPerson    = regexp.MustCompile(`(?i)^\s*(who is|who's|who was|who are|which\b.*\b(rector|president|director|dean|principal|chairman|minister|professor|head|chancellor|secretary|ambassador))`)
	askSigned    = regexp.MustCompile(`(?i)\b(sign(ed|s)?|agreements?|mou|memorand(um|a)|contracts?)\b`)
	askVisited   = regexp.MustCompile(`(?i)\b(visit(ed|s)?|hosted|host|went|travel(l)?ed|toured)\b`)
	askMeet      = regexp.MustCompile(`(?i)\b(visit(ed|s)?|meet|met|hosted|host|welcomed|received)\b`)
	askPartners  = regexp.MustCompile(`(?i)\b(partner(s|ed|ing)?( with)?|work(s|ed)? with|cooperat\w*|collaborat\w*|scholarships?|support\w*|co-?organi[sz]\w*|universit(y|ies)|institutions?|companies|company|organi[sz]ations?|enterprises|firms)\b`)
	askLatest    = regexp.MustCompile(`(?i)\b(latest|newest|most recent|recent news|news)\b`)
	askWhereCity = regexp.MustCompile(`(?i)^\s*(where|in which city|which city|in what city)\b`)
)

// Ask answers a free-text question in English: the answer first, then
// the sentences that support it, each cited. When the articles do not
// say, the answer says so.
func (l *Library) Ask(ctx context.Context, text string) (*Answer, error) {
	if strings.TrimSpace(text) == "" {
		return nil, &QueryError{Query: text, Reason: "the question is empty", Hint: "ask e.g. Who led the delegation to Japan in March 2025?"}
	}
	m := l.model.Load()
	q := m.parseQuestion(l.ext, text)
	fromText, err := l.answerFromSentences(ctx, m, q)
	if err != nil {
		return nil, err
	}
	if q.wh() == "how many" || q.wh() == "how long" {
		return fromText, nil // counts and spans are in the prose, not in the facts
	}
	for _, answer := range []func(*question) *Answer{
		m.answerLeader, m.answerPerson, m.answerWhen, m.answerWhere, m.answerSigned,
		m.answerHosts, m.answerPartners, m.answerLatest,
	} {
		if a := answer(q); a != nil {
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
	}
	return fromText, nil
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

// notFound is the answer when the articles do not say. What to try
// instead is for the caller to suggest, in its own terms.
func notFound(q *question) *Answer {
	return &Answer{Text: "The articles don't say."}
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
	first := kind[0]
	if strings.IndexByte("aeiouAEIOU", first) >= 0 || isAcronymName(strings.Fields(kind)[0]) && strings.IndexByte("AEFHILMNORSX", first) >= 0 {
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
