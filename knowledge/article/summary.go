package article

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Summarise returns the first n sentences of the prose.
func Summarise(paragraphs []string, n int) string {
	var out []string
	for _, p := range paragraphs {
		for _, s := range text.Sentences(p) {
			if len(out) == n {
				return strings.Join(out, " ")
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}
