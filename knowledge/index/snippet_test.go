package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFragment(t *testing.T) {
	long := strings.Repeat("lorem ipsum dolor ", 30) // 540 bytes
	tests := []struct {
		name    string
		text    string
		spans   []span
		want    string   // the snippet, or a prefix of it ending in "…"
		matches []string // the text of each match, in order
	}{
		{"short text whole", "The delegation visited Hanoi.", []span{{23, 28}},
			"The delegation visited Hanoi.", []string{"Hanoi"}},
		{"white space collapsed", "Joint\n\nresearch  on   slopes", []span{{7, 15}, {22, 28}},
			"Joint research on slopes", []string{"research", "slopes"}},
		{"multi-byte match", "Ông Nguyễn Văn Đức welcomed them", []span{{5, 13}},
			"Ông Nguyễn Văn Đức welcomed them", []string{"Nguyễn"}},
		{"overlapping spans merged", "slope engineering", []span{{0, 5}, {0, 17}, {6, 17}},
			"slope engineering", []string{"slope engineering"}},
		{"no spans: the start", long, nil, "lorem ipsum dolor lorem…", nil},
		{"match far in: context before it", long + "MATCH here and " + long, []span{{len(long), len(long) + 5}},
			"…", []string{"MATCH"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fragment(tt.text, tt.spans, snippetRunes)
			if n := utf8.RuneCountInString(got.Text); n > snippetRunes || !utf8.ValidString(got.Text) {
				t.Errorf("fragment = %q: %d runes, valid %v; want at most %d valid", got.Text, n, utf8.ValidString(got.Text), snippetRunes)
			}
			if prefix, ok := strings.CutSuffix(tt.want, "…"); ok {
				if !strings.HasPrefix(got.Text, prefix) {
					t.Errorf("fragment = %q; want it to start %q", got.Text, prefix)
				}
			} else if got.Text != tt.want {
				t.Errorf("fragment = %q; want %q", got.Text, tt.want)
			}
			var marked []string
			for _, m := range got.Matches {
				marked = append(marked, got.Text[m[0]:m[1]])
			}
			if strings.Join(marked, "|") != strings.Join(tt.matches, "|") {
				t.Errorf("fragment(%q) marks %q; want %q", got.Text, marked, tt.matches)
			}
			if strings.HasPrefix(got.Text, " ") || strings.HasSuffix(got.Text, " ") {
				t.Errorf("fragment = %q; want it trimmed", got.Text)
			}
		})
	}
}

func TestFragmentPicksTheDensestWindow(t *testing.T) {
	filler := strings.Repeat("word ", 60)
	text := "alpha " + filler + "beta gamma beta " + filler
	var spans []span
	for _, w := range []string{"alpha", "beta gamma beta"} {
		i := strings.Index(text, w)
		for _, part := range strings.Fields(w) {
			j := strings.Index(text[i:], part) + i
			spans = append(spans, span{j, j + len(part)})
			i = j + len(part)
		}
	}
	got := fragment(text, spans, snippetRunes)
	if len(got.Matches) != 3 {
		t.Errorf("fragment = %q with %d matches; want the window with beta gamma beta (3)", got.Text, len(got.Matches))
	}
}
