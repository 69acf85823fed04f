package knowledge

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/text"
)

// minCoverage is the share of a question's content words that a sentence
// must hold to be taken as its answer; below it the articles do not say.
const minCoverage = 0.5

var (
	hasNumber = regexp.MustCompile(`\d`)
	hasYear   = regexp.MustCompile(`\b(19|20)\d{2}\b`)
)

// scoredSentence is a sentence of an article, scored against a question.
type scoredSentence struct {
	text  string
	rec   *record
	score float64
	cover float64
}

// answerFromSentences answers from the sentence of the articles that best
// covers the question's words: the articles the index finds for it and
// those that name its institutions.
func (l *Library) answerFromSentences(ctx context.Context, m *model, q *question) (*Answer, error) {
	files, err := l.index.Match(ctx, strings.Join(q.words, " "), 8)
	if err != nil {
		return nil, err
	}
	var recs []*record
	for _, f := range files {
		if r, ok := m.byFile[f]; ok {
			recs = append(recs, r)
		}
	}
	for _, id := range q.entities {
		for i, r := range m.articlesOf[id] {
			if i == 8 {
				break
			}
			if !slices.Contains(recs, r) {
				recs = append(recs, r)
			}
		}
	}
	words := text.Stems(q.words)
	if len(words) == 0 {
		return &Answer{}, nil
	}
	var found []scoredSentence
	for _, r := range recs {
		for _, s := range m.sentences(r) {
			if sc, ok := m.scoreSentence(q, words, s, r); ok {
				found = append(found, sc)
			}
		}
	}
	slices.SortStableFunc(found, func(a, b scoredSentence) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	if len(found) == 0 || found[0].cover < minCoverage {
		return &Answer{}, nil
	}
	a := &Answer{Found: true, Text: found[0].text, coverage: found[0].cover}
	for _, s := range found {
		if len(a.Support) == 3 || s.cover < minCoverage {
			break
		}
		a.Support = addCitation(a.Support, cite(s.text, s.rec.ref()))
	}
	for _, s := range found[1:] {
		if len(a.others) == maxOtherSentences || s.cover < minCoverage {
			break
		}
		a.others = append(a.others, &Answer{Found: true, Text: s.text, coverage: s.cover, Support: []Citation{cite(s.text, s.rec.ref())}})
	}
	return a, nil
}

// maxOtherSentences bounds the runners-up an answer from the prose keeps,
// for when the best sentence does not hold every slot of the question.
const maxOtherSentences = 6

// scoreSentence scores a sentence by the question's words it holds, the
// institutions it names, and whether it holds the kind of thing asked for.
func (m *model) scoreSentence(q *question, words []string, s string, r *record) (scoredSentence, bool) {
	folded := text.Fold(s)
	sw := text.Stems(strings.Fields(folded))
	hits := overlap(words, sw)
	if hits == 0 {
		return scoredSentence{}, false
	}
	distinct := overlap(words, words)
	cover := float64(hits) / float64(max(1, distinct))
	score := float64(hits)
	for _, id := range q.entities {
		for _, n := range m.entities[id].names() {
			if strings.Contains(" "+folded+" ", " "+text.Key(n)+" ") {
				score += 1.5
				cover += 0.5 / float64(len(q.entities))
				break
			}
		}
	}
	if q.focus != "" && slices.Contains(sw, q.focus) {
		score += 3
		cover += 0.25
	}
	switch q.wh() {
	case "when":
		if len(article.FindDates(s, 0)) > 0 || hasYear.MatchString(s) {
			score += 2
		} else {
			score -= 2
		}
	case "how many", "how long":
		if hasNumber.MatchString(s) {
			score += 2
		} else {
			score -= 2
		}
	}
	return scoredSentence{text: s, rec: r, score: score, cover: cover}, true
}

// sentences returns the sentences of an article's prose, then its captions.
func (m *model) sentences(r *record) []string {
	paragraphs, captions := m.articleText(r)
	var out []string
	for _, p := range paragraphs {
		out = append(out, text.Sentences(p)...)
	}
	return append(out, captions...)
}

// articleText returns the paragraphs and captions of r, from the record
// when it holds them, else from the index.
func (m *model) articleText(r *record) (paragraphs, captions []string) {
	if r.Article.Paragraphs != nil || r.Article.Captions != nil || m.text == nil {
		return r.Article.Paragraphs, r.Article.Captions
	}
	return m.text(r)
}
