package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/coopbot/coopbot/knowledge/text"
)

func TestDebugSpan(t *testing.T) {
	s := os.Getenv("DEBUG_TEXT")
	if s == "" {
		t.Skip()
	}
	x := NewExtractor(testGazetteer(t))
	toks := text.Tokenize(s)
	for _, m := range findInstitutions(s, toks, x.isPlace) {
		fmt.Printf("MENTION %q acr=%q [%d,%d)\n", m.Name, m.Acronym, m.From, m.To)
	}
	for _, p := range findPeople(s, toks, nil) {
		fmt.Printf("PERSON %q %q\n", p.Name, p.Title)
	}
}
