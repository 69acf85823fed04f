package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/coopbot/coopbot/knowledge/article"
)

// extractFile reads and extracts one article of testdata.
func extractFile(t *testing.T, path string) Facts {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Read(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("ReadArticle(%s) error = %v", path, err)
	}
	return NewExtractor(testGazetteer(t)).Extract(a)
}

// institution returns the extracted institution named name, by name or alias.
func institution(f Facts, name string) (Institution, bool) {
	for _, inst := range f.Institutions {
		if inst.Name == name || slices.Contains(inst.Aliases, name) {
			return inst, true
		}
	}
	return Institution{}, false
}

func TestExtractMultiStopTrip(t *testing.T) {
	f := extractFile(t, "../testdata/korea_trip.txt")
	for _, want := range []struct{ name, acronym, country string }{
		{"Kasetsart University", "KU", "Thailand"}, // the text does not say; the gazetteer does (ku.ac.th)
		{"Seoul National University", "SNU", "South Korea"},
		{"Pusan National University", "", "South Korea"},
	} {
		inst, ok := institution(f, want.name)
		if !ok {
			t.Errorf("institution %q not found in %+v", want.name, f.Institutions)
			continue
		}
		if want.acronym != "" && !slices.Contains(inst.Aliases, want.acronym) {
			t.Errorf("%s aliases = %q; want %q", want.name, inst.Aliases, want.acronym)
		}
		if inst.Country != want.country {
			t.Errorf("%s country = %q; want %q", want.name, inst.Country, want.country)
		}
	}
	// One visit per stop, each with its own date, city and the trip's leader.
	want := []Visit{
		{Visitor: "Kasetsart University", Leader: "Somchai Wongsa", Hosts: []string{"Seoul National University"}, City: "Seoul", Country: "South Korea", Start: article.Date{Year: 2024, Month: 9, Day: 3}, End: article.Date{Year: 2024, Month: 9, Day: 3}},
		{Visitor: "Kasetsart University", Leader: "Somchai Wongsa", Hosts: []string{"Pusan National University"}, City: "Busan", Country: "South Korea", Start: article.Date{Year: 2024, Month: 9, Day: 5}, End: article.Date{Year: 2024, Month: 9, Day: 5}},
	}
	if len(f.Visits) != len(want) {
		t.Fatalf("Visits = %+v; want %d", f.Visits, len(want))
	}
	for i, w := range want {
		v := f.Visits[i]
		if v.Visitor != w.Visitor || v.Leader != w.Leader || !slices.Equal(v.Hosts, w.Hosts) || v.City != w.City ||
			v.Country != w.Country || v.Start != w.Start || v.End != w.End {
			t.Errorf("Visits[%d] = %+v; want %+v", i, v, w)
		}
		if v.Evidence == "" {
			t.Errorf("Visits[%d] has no evidence", i)
		}
	}
	if len(f.Agreements) != 1 || !slices.Equal(f.Agreements[0].Parties, []string{"Kasetsart University", "Pusan National University"}) {
		t.Errorf("Agreements = %+v; want the MOU of Kasetsart and Pusan", f.Agreements)
	}
	if !f.AboutCooperation {
		t.Error("AboutCooperation = false; want true")
	}
}

func TestExtractIncomingDelegation(t *testing.T) {
	f := extractFile(t, "../testdata/incoming_mou.txt")
	if len(f.Visits) != 1 {
		t.Fatalf("Visits = %+v; want 1", f.Visits)
	}
	v := f.Visits[0]
	if v.Visitor != "Wageningen University & Research" || !slices.Equal(v.Hosts, []string{"Can Tho University"}) ||
		v.Leader != "Anna de Vries" || v.Start != (article.Date{Year: 2024, Month: 3, Day: 12}) {
		t.Errorf("visit = %+v; want Wageningen → Can Tho, led by Anna de Vries on 2024-03-12", v)
	}
	if len(f.Agreements) != 1 || f.Agreements[0].Kind != "cooperation agreement on joint research and training" {
		t.Errorf("Agreements = %+v; want one cooperation agreement", f.Agreements)
	}
	people := map[string]Person{}
	for _, p := range f.People {
		people[p.Name] = p
	}
	for name, want := range map[string]Person{
		"Tran Van Minh": {Title: "Rector", Institution: "Can Tho University"},
		"Anna de Vries": {Title: "Dean of the Graduate School", Institution: "Wageningen University & Research"},
		"Le Hoang Nam":  {Title: "Photographer"},
	} {
		got := people[name]
		if got.Title != want.Title || got.Institution != want.Institution {
			t.Errorf("person %s = %+v; want title %q at %q", name, got, want.Title, want.Institution)
		}
	}
}

func TestExtractNotCooperation(t *testing.T) {
	f := extractFile(t, "../testdata/sports_day.txt")
	if f.AboutCooperation || len(f.Visits)+len(f.Agreements)+len(f.Partnerships) > 0 {
		t.Errorf("facts = %+v; want nothing about cooperation", f)
	}
}

func TestExtractSeedsGeneralRules(t *testing.T) {
	// The seed that calls one university by four names yields one institution.
	f := extractFile(t, "../../seeds/003_7cd89bc635c89253.txt")
	inst, ok := institution(f, "LNTU")
	if !ok {
		t.Fatalf("no institution with the acronym LNTU in %+v", f.Institutions)
	}
	for _, alias := range []string{"LNU", "LTU", "Liaoning University of Engineering and Technology"} {
		if inst.Name != alias && !slices.Contains(inst.Aliases, alias) {
			t.Errorf("%s aliases = %q; want %q among them", inst.Name, inst.Aliases, alias)
		}
	}
	if len(f.Visits) != 1 || f.Visits[0].Start != (article.Date{Year: 2025, Month: 11, Day: 2}) || f.Visits[0].End != (article.Date{Year: 2025, Month: 11, Day: 3}) {
		t.Errorf("Visits = %+v; want one visit on 2–3 November 2025", f.Visits)
	}
	// A multi-stop trip gives one visit per host, each with its date.
	f = extractFile(t, "../../seeds/001_951c0db48eb362ee.txt")
	var days []int
	for _, v := range f.Visits {
		days = append(days, v.Start.Day)
	}
	if !slices.Equal(days, []int{11, 11, 13, 14, 15}) {
		t.Errorf("visit days = %v; want [11 11 13 14 15]", days)
	}
}

// FuzzExtract runs the extractor over whatever the reader accepts: it
// must not panic, and every name it gives must be valid UTF-8.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("Title\n\nThe delegation of A University (AU) visited B Institute on 3 May 2024 and signed an MoU."))
	x := NewExtractor(testGazetteer(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := article.Read("f.txt", data)
		if err != nil {
			return
		}
		facts := x.Extract(a)
		for _, in := range facts.Institutions {
			if !utf8.ValidString(in.Name) {
				t.Fatalf("institution name %q is not valid UTF-8", in.Name)
			}
		}
		for _, p := range facts.People {
			if !utf8.ValidString(p.Name) {
				t.Fatalf("person name %q is not valid UTF-8", p.Name)
			}
		}
	})
}
