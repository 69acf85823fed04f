package knowledge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// answerPerson answers "Who is the President of X?" and "Which X Vice
// Rector presented …?": the person whose title matches the question's
// words best, at the institution it names; the sentence they were named
// in breaks ties.
func (m *model) answerPerson(q *question) *Answer {
	if !q.asks(askPerson) || q.asks(askLeader) {
		return nil
	}
	words := text.Stems(q.words)
	bestScore, best := 0.0, -1
	for i, p := range m.people {
		if p.Title == "" {
			continue
		}
		if len(q.entities) > 0 && !slices.Contains(q.entities, p.entity) {
			continue
		}
		title := text.Stems(strings.Fields(text.Fold(p.Title)))
		matched, extra := 0, 0
		for _, w := range title {
			if stopWords[w] {
				continue
			}
			if slices.Contains(words, w) {
				matched++
			} else {
				extra++
			}
		}
		if matched == 0 {
			continue
		}
		score := float64(matched) - 0.5*float64(extra) + 0.1*float64(overlap(words, text.Stems(strings.Fields(text.Fold(p.Evidence)))))
		if best < 0 || score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return nil
	}
	p := m.people[best]
	text := fmt.Sprintf("%s is %s", p.Name, p.Title)
	if p.entity >= 0 {
		text += " of " + m.entities[p.entity].Display()
	}
	return &Answer{Found: true, Text: text + ".", Support: []Citation{cite(p.Evidence, p.rec.ref())}}
}

// overlap counts the distinct words of a found in b.
func overlap(a, b []string) int {
	n := 0
	seen := map[string]bool{}
	for _, w := range a {
		if !seen[w] && !stopWords[w] && slices.Contains(b, w) {
			n++
		}
		seen[w] = true
	}
	return n
}
