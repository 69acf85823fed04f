package commands

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coopbot/coopbot/knowledge"
)

func TestMarked(t *testing.T) {
	long := strings.Repeat("word ", 100)
	tests := []struct {
		name string
		in   knowledge.Snippet
		n    int
		want string
	}{
		{"a match in bold", knowledge.Snippet{Text: "the summer camp in Lakeside", Matches: [][2]int{{4, 15}}}, 100,
			"the **summer camp** in Lakeside"},
		{"markdown in the text escaped", knowledge.Snippet{Text: "a *star* and _under_ `code`", Matches: [][2]int{{3, 7}}}, 100,
			`a \***star**\* and \_under\_ \` + "`code\\`"},
		{"no matches", knowledge.Snippet{Text: "plain words"}, 100, "plain words"},
		{"cut between words", knowledge.Snippet{Text: long}, 20, "word word word word…"},
		{"a match that does not fit is left out whole", knowledge.Snippet{Text: "word word matchword", Matches: [][2]int{{10, 19}}}, 15,
			"word word…"},
		{"matches out of order are left plain", knowledge.Snippet{Text: "alpha beta", Matches: [][2]int{{6, 10}, {0, 5}}}, 100,
			"alpha **beta**"},
	}
	for _, tt := range tests {
		got := marked(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("%s: marked(%+v, %d) = %q; want %q", tt.name, tt.in, tt.n, got, tt.want)
		}
		if utf8.RuneCountInString(got) > tt.n || strings.Count(got, "**")%2 != 0 {
			t.Errorf("%s: marked(%+v, %d) = %q: over %d runes or a bold run left open", tt.name, tt.in, tt.n, got, tt.n)
		}
	}
}
