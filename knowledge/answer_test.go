package knowledge

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/knowledge/article"
)

// answerText is everything a user reads of an answer.
func answerText(a *Answer) string {
	var b strings.Builder
	b.WriteString(a.Text)
	for _, c := range a.Support {
		b.WriteString("\n" + c.Sentence + " — " + c.Title)
	}
	return b.String()
}

func TestAsk(t *testing.T) {
	l := openTestLibrary(t, "../seeds")
	tests := []struct {
		question string
		want     []string // every one must be in the answer
		found    bool
	}{
		// Leaders come from the visits, with the trip's dates.
		{"Who led the HUMG delegation to China in November 2025?", []string{"Nguyen Ngoc Khanh", "Vice Rector"}, true},
		{"Who led the HUMG delegation to Japan in March 2025?", []string{"Tran Thanh Hai"}, true},
		// People by their title and institution, by any of its names.
		{"Who is the President of the University of Science and Technology Beijing?", []string{"Liu Bo"}, true},
		{"Who is LTU's Director of the Center for International Cooperation and Exchange?", []string{"Ton Vi"}, true},
		// Dates of a stop, as people write them and in ISO.
		{"When did the HUMG delegation visit Tianjin University of Technology?", []string{"13 November 2025", "2025-11-13"}, true},
		{"When did the QUI delegation visit LNTU?", []string{"2025-11-02", "2025-11-03"}, true},
		// Hosts of a trip, narrowed by a city.
		{"Which institutions did HUMG visit in Beijing?", []string{"University of Science and Technology Beijing"}, true},
		// Partners, narrowed by country and by what the question speaks of.
		{"Which Japanese organisations co-organised the slope engineering seminar with HUMG?", []string{"Yamaguchi University", "Japan Landslide Society"}, true},
		{"What did QUI and LNTU sign?", []string{"memorandum of understanding on strategic cooperation"}, true},
		// Counts come from the prose.
		{"How many universities worldwide has HUST signed cooperation agreements with?", []string{"200"}, true},
		// The latest article about an institution.
		{"What's the latest news about Hanoi University of Mining and Geology?", []string{"Strengthened Strategic Cooperation"}, true},
		// The articles do not say: no guessing.
		{"What is the capital budget of the Mars research station?", []string{"couldn't find"}, false},
	}
	for _, tt := range tests {
		a, err := l.Ask(context.Background(), tt.question)
		if err != nil {
			t.Errorf("Ask(%q) error = %v", tt.question, err)
			continue
		}
		got := answerText(a)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Ask(%q) = %q; want it to contain %q", tt.question, got, w)
			}
		}
		if a.Found != tt.found {
			t.Errorf("Ask(%q).Found = %v; want %v", tt.question, a.Found, tt.found)
		}
		if a.Found && len(a.Support) == 0 {
			t.Errorf("Ask(%q) cites nothing", tt.question)
		}
		for _, c := range a.Support {
			if c.File == "" || c.Title == "" {
				t.Errorf("Ask(%q) cites %+v without its article", tt.question, c)
			}
		}
	}
	var qe *QueryError
	if _, err := l.Ask(context.Background(), "  "); !errors.As(err, &qe) {
		t.Errorf("Ask(blank) error = %v; want a QueryError", err)
	}
}

func TestPartnersVisitsLatest(t *testing.T) {
	l := openTestLibrary(t, "../seeds")
	ctx := context.Background()

	// Any name or acronym finds the institution; accents and case do not matter.
	for _, name := range []string{"HUMG", "humg", "Hanoi University of Mining and Geology", "hanoi university of mining and geology"} {
		e, err := l.Resolve(name)
		if err != nil || e.Name != "Hanoi University of Mining and Geology" || e.Display() != "Hanoi University of Mining and Geology (HUMG)" {
			t.Errorf("Resolve(%q) = %+v, %v", name, e, err)
		}
	}
	// A typo or two in a long name is corrected when one institution alone is that close.
	for _, name := range []string{"Hanoi Univrsity of Mining and Geology", "Hanoi University of Minning and Geolgy"} {
		if e, err := l.Resolve(name); err != nil || e.Name != "Hanoi University of Mining and Geology" {
			t.Errorf("Resolve(%q) = %+v, %v; want the misspelt HUMG", name, e, err)
		}
	}
	var nf *NotFoundError
	for _, name := range []string{"HUMM", "Hanoi Univ of Mountains and Glaciers"} { // an acronym's typo is another acronym; too far is no typo
		if e, err := l.Resolve(name); !errors.As(err, &nf) {
			t.Errorf("Resolve(%q) = %+v, %v; want NotFoundError", name, e, err)
		}
	}
	if _, err := l.Resolve("Hanoi Univ"); !errors.As(err, &nf) || len(nf.Suggestions) == 0 {
		t.Errorf("Resolve(Hanoi Univ) error = %v; want NotFoundError with suggestions", err)
	}

	res, err := l.Partners(ctx, "HUMG", "China")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Partners) != 7 {
		t.Errorf("Partners(HUMG, China) = %d partners; want 7", len(res.Partners))
	}
	for _, p := range res.Partners {
		if p.Partner.Country != "China" || len(p.Sources) == 0 || len(p.Kinds) == 0 {
			t.Errorf("partner %+v: want a Chinese partner with kinds and sources", p.Partner)
		}
	}
	if top, err := l.Partners(ctx, "", ""); err != nil || len(top.Partners) == 0 || top.Partners[0].Of == nil {
		t.Errorf("Partners() = %+v, %v; want the most active pairs", top, err)
	}
	if _, err := l.Partners(ctx, "Atlantis University", ""); !errors.As(err, &nf) {
		t.Errorf("Partners(unknown) error = %v; want NotFoundError", err)
	}
	if _, err := l.Partners(ctx, "HUMG", "Narnia"); !errors.As(err, &nf) || nf.What != "country" {
		t.Errorf("Partners(HUMG, Narnia) error = %v; want a country NotFoundError", err)
	}

	from, _ := article.ParseDate("2025-11")
	visits, err := l.Visits(ctx, VisitFilter{Institution: "HUMG", From: from, To: from})
	if err != nil {
		t.Fatal(err)
	}
	if len(visits) != 5 {
		t.Errorf("Visits(HUMG, 2025-11) = %d; want 5", len(visits))
	}
	for i := 1; i < len(visits); i++ {
		if visits[i].Start.Compare(visits[i-1].Start) < 0 {
			t.Errorf("visits out of date order: %s after %s", visits[i].Start, visits[i-1].Start)
		}
	}
	if v, _ := l.Visits(ctx, VisitFilter{Leader: "nguyen ngoc khanh"}); len(v) != 5 {
		t.Errorf("Visits(leader) = %d; want 5", len(v))
	}

	latest, err := l.Latest(ctx, 2, Filter{Country: "Vietnam"})
	if err != nil || len(latest) != 2 || latest[0].Published.Compare(latest[1].Published) < 0 {
		t.Errorf("Latest(2, Vietnam) = %+v, %v; want the two newest", latest, err)
	}
	if got, _ := l.Latest(ctx, 10, Filter{Keywords: "slope engineering"}); len(got) != 1 || got[0].File != "002_fd3e255f9e75d746.txt" {
		t.Errorf("Latest(keywords slope engineering) = %+v; want the Japan article", got)
	}
	if !l.Matches("003_7cd89bc635c89253.txt", Filter{Institution: "LNU", Country: "china"}) {
		t.Error("Matches(003, LNU in China) = false; want true")
	}
	if l.Matches("003_7cd89bc635c89253.txt", Filter{Keywords: "landslide"}) {
		t.Error("Matches(003, landslide) = true; want false")
	}
	if s := l.Suggest("hu", 25); len(s) == 0 || s[0].Display() != "Hanoi University of Mining and Geology (HUMG)" {
		t.Errorf("Suggest(hu) = %+v; want HUMG first", s)
	}
	if c := l.SuggestCountries("chi", 5); len(c) == 0 || c[0] != "China" {
		t.Errorf("SuggestCountries(chi) = %v; want China first", c)
	}
}

func TestWithArticle(t *testing.T) {
	for kind, want := range map[string]string{
		"":                              "an agreement",
		"memorandum of understanding":   "a memorandum of understanding",
		"MoU":                           "an MoU",
		"MOU":                           "an MOU",
		"academic cooperation protocol": "an academic cooperation protocol",
		"cooperation agreement":         "a cooperation agreement",
	} {
		if got := withArticle(kind); got != want {
			t.Errorf("withArticle(%q) = %q; want %q", kind, got, want)
		}
	}
}
