package knowledge

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coopbot/coopbot/knowledge/index"
)

const vietnameseArticle = `Trường Đại học Bách khoa hosts a delegation from Kestrel Bay University

Tuesday - 04/11/2025 09:30

On 3 November 2025, Assoc. Prof. Dr. Nguyễn Văn Đức, Vice Rector of Trường Đại học Bách khoa, welcomed a delegation of Kestrel Bay University led by Prof. Maria Keller.

The two universities discussed joint research on slope engineering, landslide warning and geotechnical monitoring, and student exchanges from 2026.

Prof. Nguyễn Văn Đức presents a souvenir to the delegation
`

func searchLibrary(t *testing.T) *Library {
	t.Helper()
	l, _, _ := openTest(t, map[string]string{
		"vn.txt":    vietnameseArticle,
		"other.txt": articleText("Scholarships for hydrology students", "hydrology scholarships"),
	})
	return l
}

func TestSearchFoldsAccents(t *testing.T) {
	l := searchLibrary(t)
	tests := []struct {
		query string
		want  string // the file found first, or "" for none
	}{
		{"Nguyen", "vn.txt"},                // unaccented finds accented
		{"nguyễn văn đức", "vn.txt"},        // accented query
		{`"dai hoc"`, "vn.txt"},             // phrase across Đ
		{"+slope -hydrology", "vn.txt"},     // must and must-not
		{"title:scholarships", "other.txt"}, // a field
		{"country:nowhere", ""},             // a field users write, aliased
		{"geotech*", "vn.txt"},              // wildcard on folded terms
		{"Kellr~1", "vn.txt"},               // fuzzy
		{"delegations", "vn.txt"},           // stemming
	}
	for _, tt := range tests {
		res, err := l.Search(context.Background(), tt.query, 5)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		got := ""
		if len(res.Hits) > 0 {
			got = res.Hits[0].File
		}
		if got != tt.want {
			t.Errorf("Search(%q) first hit = %q; want %q", tt.query, got, tt.want)
		}
	}
}

func TestSearchHighlightsValidUTF8(t *testing.T) {
	l := searchLibrary(t)
	for _, q := range []string{"Nguyen", "dai hoc", "Đức", "souvenir", "slope engineering"} {
		res, err := l.Search(context.Background(), q, 5)
		if err != nil || len(res.Hits) == 0 {
			t.Fatalf("Search(%q) = %v, %v; want a hit", q, res, err)
		}
		h := res.Hits[0]
		if h.Title == "" || h.Published.IsZero() {
			t.Errorf("Search(%q): hit without title or date: %+v", q, h.ArticleRef)
		}
		if len(h.Snippets) == 0 || len(h.Snippets) > index.MaxSnippets {
			t.Errorf("Search(%q): %d snippets; want 1 to %d", q, len(h.Snippets), index.MaxSnippets)
		}
		for _, s := range h.Snippets {
			if !utf8.ValidString(s.Text) || len(s.Matches) == 0 {
				t.Errorf("Search(%q) snippet %+v: want valid UTF-8 with a match marked", q, s)
			}
			for _, m := range s.Matches {
				if !utf8.ValidString(s.Text[m[0]:m[1]]) {
					t.Errorf("Search(%q) snippet %+v: match %v cuts a character", q, s, m)
				}
			}
		}
	}
	res, _ := l.Search(context.Background(), "Nguyen", 5)
	s := res.Hits[0].Snippets[0]
	if m := s.Matches[0]; s.Text[m[0]:m[1]] != "Nguyễn" {
		t.Errorf(`Search("Nguyen") snippet %+v marks %q; want "Nguyễn"`, s, s.Text[m[0]:m[1]])
	}
}

func TestSearchQueryErrors(t *testing.T) {
	l := searchLibrary(t)
	tests := []struct {
		query, reason, hint string // substrings of the error's fields
	}{
		{`"slope engineering`, "unterminated quote", `close the quote: "slope engineering"`},
		{"", "empty", "type the words"},
		{"   ", "empty", "type the words"},
		{"delegation~5", "fuzziness 5 exceeds the maximum of 2", "delegation~1"},
		{"/[a-/", "bad regular expression", "fix the expression"},
		{"*", "wildcard alone", "geo*"},
		{"+", "syntax error", "in quotes"},
		{"mining^x", "boost", "mining^2"},
		{"colour:red", `no field "colour"`, "title, body"},
	}
	for _, tt := range tests {
		_, err := l.Search(context.Background(), tt.query, 5)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("Search(%q) = %v; want a *QueryError", tt.query, err)
			continue
		}
		if qe.Query != tt.query || !strings.Contains(qe.Reason, tt.reason) || !strings.Contains(qe.Hint, tt.hint) {
			t.Errorf("Search(%q) = %+v; want reason with %q and hint with %q", tt.query, *qe, tt.reason, tt.hint)
		}
	}
}

func TestSearchArticles(t *testing.T) {
	l := searchLibrary(t)
	files, err := l.index.Match(context.Background(), `who did "Kestrel Bay University" meet? (slope: engineering~9`, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 || files[0] != "vn.txt" {
		t.Errorf("Match = %v; want vn.txt first", files)
	}
}
