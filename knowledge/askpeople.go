package knowledge

import (
	"fmt"
	"slices"
	"strings"
)

// answerPerson answers "Who is the President of X?" and "Which X Vice
// Rector presented …?": the person whose title matches the question's
// words best, at the institution it names; the sentence they were named
// in breaks ties.
func (m *model) answerPerson(q *question) *Answer {
	if !q.asks(askPerson) || q.asks(askLeader) {
		return nil
	}
	words := stems(q.words)
	bestScore, best := 0.0, -1
	for i, p := range m.people {
		if p.Title == "" {
			continue
		}
		if len(q.entities) > 0 && !slices.Contains(q.entities, p.entity) {
			continue
		}
		title := stems(strings.Fields(Fold(p.Title)))
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
		score := float64(matched) - 0.5*float64(extra) + 0.1*float64(overlap(words, stems(strings.Fields(Fold(p.Evidence)))))
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

// stems folds words to rough stems, so that "universities" meets "university".
func stems(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, stem(w))
	}
	return out
}

// stem strips common English endings from a folded word.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		return w[:len(w)-1]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
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
