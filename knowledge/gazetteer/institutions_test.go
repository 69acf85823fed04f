package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/knowledge/text"
)

func TestGazetteerInstitution(t *testing.T) {
	g := loadGazetteer(t)
	tests := []struct {
		name        string
		wantName    string // "" means not found, or shared by several
		wantCountry string
		wantDomain  string
	}{
		{"Hanoi University of Science and Technology", "Hanoi University of Science and Technology", "Vietnam", "hust.edu.vn"},
		{"HANOI UNIVERSITY OF SCIENCE AND TECHNOLOGY.", "Hanoi University of Science and Technology", "Vietnam", "hust.edu.vn"}, // case and punctuation
		{"Đại học Bách khoa Hà Nội", "Hanoi University of Science and Technology", "Vietnam", "hust.edu.vn"},                    // its Vietnamese name
		{"Dai hoc Bach khoa Ha Noi", "Hanoi University of Science and Technology", "Vietnam", "hust.edu.vn"},                    // without diacritics
		{"The University of Tokyo", "University of Tokyo", "Japan", "u-tokyo.ac.jp"},                                            // a leading "The"
		{"FCUB", "First Capital University of Bangladesh", "Bangladesh", "fcub.edu.bd"},                                         // acronym from the domain
		{"Cape Cod Community College", "Cape Cod Community College", "United States", "capecod.edu"},                            // .edu: the United States
		{"Little Heath School", "Little Heath School", "United Kingdom", "littleheath.org.uk"},                                  // .uk: the United Kingdom
		{"Ludus Academie", "Ludus Academie", "", "ludus-academie.com"},                                                          // .com: no country
		{"HUST", "", "", ""},                                   // four universities' acronym
		{"DIT", "", "", ""},                                    // Dublin's and Dakar's
		{"University of Technology", "", "", ""},               // generic: no one's name
		{"U-TOKYO", "", "", ""},                                // a domain label that spells no initials
		{"Hanoi", "", "", ""},                                  // a place is not an institution
		{"Northvale University of Marine Science", "", "", ""}, // unknown
		{"", "", "", ""},
	}
	for _, tt := range tests {
		got, ok := g.Institution(tt.name)
		if ok != (tt.wantName != "") || got.Name != tt.wantName || got.Country != tt.wantCountry || got.Domain != tt.wantDomain {
			t.Errorf("Institution(%q) = %q, %q, %q, %v; want %q, %q, %q", tt.name, got.Name, got.Country, got.Domain, ok,
				tt.wantName, tt.wantCountry, tt.wantDomain)
		}
	}
}

func TestGazetteerInstitutionAliases(t *testing.T) {
	g := loadGazetteer(t)
	in, ok := g.Institution("Hanoi University of Science and Technology")
	if !ok {
		t.Fatal(`Institution("Hanoi University of Science and Technology") not found`)
	}
	for _, want := range []string{"HUST", "Đại Học Bách Khoa Hà Nội"} {
		if !slices.Contains(in.Aliases, want) {
			t.Errorf("Institution(%q).Aliases = %q; want %q among them", in.Name, in.Aliases, want)
		}
	}
}

func TestGazetteerInstitutions(t *testing.T) {
	g := loadGazetteer(t)
	var countries []string
	for _, in := range g.Institutions("HUST") {
		countries = append(countries, in.Country)
	}
	slices.Sort(countries)
	if want := []string{"China", "Taiwan", "Vietnam", "Yemen"}; !slices.Equal(countries, want) {
		t.Errorf("Institutions(%q) are in %q; want %q", "HUST", countries, want)
	}
	if got := g.Institutions("Atlantis Institute of Lost Arts"); got != nil {
		t.Errorf("Institutions(unknown) = %v; want nil", got)
	}
	if n := g.InstitutionCount(); n < 20000 {
		t.Errorf("InstitutionCount() = %d; want at least 20,000", n)
	}
}

func TestGazetteerInstitutionMaxWords(t *testing.T) {
	g := loadGazetteer(t)
	if got := g.InstitutionMaxWords(); got < 10 || got > maxSpanWords {
		t.Errorf("InstitutionMaxWords() = %d; want between 10 and %d", got, maxSpanWords)
	}
}

func TestGazetteerInstitutionsIn(t *testing.T) {
	g := loadGazetteer(t)
	type span struct {
		from, to int
		first    string // the first institution's name
		n        int    // how many institutions
	}
	tests := []struct {
		sentence string
		want     []span
	}{
		{"A delegation from the Hanoi University of Science and Technology ( HUST ) visited the University of Tokyo .",
			[]span{{4, 10, "Hanoi University of Science and Technology", 1}, {11, 12, "", 4}, {15, 18, "University of Tokyo", 1}}},
		// A comma ends a name: "Tokyo, University of …" is not one.
		{"They met in Tokyo , University of Tokyo officials said .", []span{{5, 8, "University of Tokyo", 1}}},
		// The longest name wins, and a word that folds into two ("Hà-Nội") counts as its parts.
		{"Đại học Bách khoa Hà-Nội signed", []span{{0, 5, "Hanoi University of Science and Technology", 1}}},
		{"Nothing here is a university .", nil},
		{"", nil},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.sentence)
		var got []span
		for _, s := range g.InstitutionsIn(words) {
			first := ""
			if len(s.Institutions) == 1 {
				first = s.Institutions[0].Name
			}
			got = append(got, span{s.From, s.To, first, len(s.Institutions)})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("InstitutionsIn(%q) = %+v; want %+v", tt.sentence, got, tt.want)
		}
	}
}

// TestInstitutionData checks institutions.tsv itself: every row has a
// name, a canonical country or none, a domain; no alias repeats its row's
// name; no name is a place's; no name and country are given twice.
func TestInstitutionData(t *testing.T) {
	g := loadGazetteer(t)
	rows, err := readTable(embedded, "institutions.tsv", institutionHeader)
	if err != nil {
		t.Fatal(err)
	}
	canonical := map[string]bool{"": true}
	for _, c := range g.Countries() {
		canonical[c] = true
	}
	seen := map[string]string{}
	for _, row := range rows {
		f := row.fields
		if !canonical[f[1]] {
			t.Errorf("%s: country %q is not a canonical name in countries.tsv", row.pos(), f[1])
		}
		if d := f[3]; d != strings.ToLower(d) || !strings.Contains(d, ".") || strings.ContainsAny(d, " /@") {
			t.Errorf("%s: domain %q is not a lower-case domain name", row.pos(), d)
		}
		k := text.Key(f[0]) + "\t" + f[1]
		if prev, dup := seen[k]; dup {
			t.Errorf("%s: %q in %q is also row %s", row.pos(), f[0], f[1], prev)
		}
		seen[k] = row.pos()
		names := map[string]bool{}
		for _, n := range append([]string{f[0]}, splitList(f[2])...) {
			nk := text.Key(n)
			if names[nk] {
				t.Errorf("%s: %q is given twice", row.pos(), n)
			}
			names[nk] = true
			if _, isPlace := g.places[text.Fold(n)]; isPlace {
				t.Errorf("%s: %q is a place's name", row.pos(), n)
			}
			if len(strings.Fields(nk)) > maxSpanWords {
				t.Errorf("%s: %q has more than %d words", row.pos(), n, maxSpanWords)
			}
		}
	}
}

func BenchmarkInstitutionIndex(b *testing.B) {
	g := loadGazetteer(b)
	for b.Loop() {
		newInstitutionIndex(g.insts)
	}
}

// BenchmarkInstitutionsIn scans a sentence of 30 words.
func BenchmarkInstitutionsIn(b *testing.B) {
	g := loadGazetteer(b)
	words := strings.Fields("On 14 November , Vice Rector Nguyen Van A of the Hanoi University of Science and Technology ( HUST ) " +
		"met the President of the University of Tokyo in Tokyo to sign an agreement")
	g.InstitutionsIn(words) // build the index
	b.ResetTimer()
	for b.Loop() {
		g.InstitutionsIn(words)
	}
}
