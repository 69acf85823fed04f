package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/knowledge/article"
)

// extractText reads and extracts an article given as text.
func extractText(t *testing.T, text string) Facts {
	t.Helper()
	a, err := article.Read("rule.txt", []byte(text))
	if err != nil {
		t.Fatalf("ReadArticle() error = %v", err)
	}
	return NewExtractor(testGazetteer(t)).Extract(a)
}

// names returns the names of the extracted institutions.
func names(f Facts) []string {
	var out []string
	for _, i := range f.Institutions {
		out = append(out, i.Name)
	}
	return out
}

// hasPair reports whether a and b are recorded as partners.
func hasPair(f Facts, a, b string) bool {
	for _, p := range f.Partnerships {
		if p.A == a && p.B == b || p.A == b && p.B == a {
			return true
		}
	}
	return false
}

func TestExtractRules(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(t *testing.T, f Facts)
	}{
		{
			name: "companies named in apposition",
			text: "Alumni fund launched\n\n12/06/2024\n\nThe fund is matched by the University's corporate partners Telstra, Westpac and Atlassian. Monash University thanked them for their support of the scholarships.",
			check: func(t *testing.T, f Facts) {
				for _, want := range []string{"Telstra", "Westpac", "Atlassian"} {
					if !slices.Contains(names(f), want) {
						t.Errorf("institutions = %q; want %q", names(f), want)
					}
				}
			},
		},
		{
			name: "an acronym that spells out every word takes the words in lower case too",
			text: "Backing\n\n03/03/2024\n\nThe mission was backed by representatives of the École nationale d'administration (ENA) and the Institut national du patrimoine (INP) in Paris, and of the Universidad de Chile.",
			check: func(t *testing.T, f Facts) {
				for _, want := range []string{"École nationale d'administration", "Institut national du patrimoine"} {
					if !slices.Contains(names(f), want) {
						t.Errorf("institutions = %q; want %q", names(f), want)
					}
				}
			},
		},
		{
			name: "'China's Qingdao University' is Qingdao University, in China, and the guests' home is no destination",
			text: "Guests from China\n\n14/06/2024\n\nThe President of Cairo University received a delegation from China's Qingdao University, along with a delegation from the Chinese Embassy in Cairo, to discuss joint research.",
			check: func(t *testing.T, f Facts) {
				if !slices.Contains(names(f), "Qingdao University") || slices.Contains(names(f), "China's Qingdao University") {
					t.Errorf("institutions = %q; want Qingdao University", names(f))
				}
				for _, v := range f.Visits {
					if v.Country == "China" {
						t.Errorf("Visits = %+v; no one went to China", f.Visits)
					}
				}
			},
		},
		{
			name: "an acronym before plural academic heads names a university: 'INTI University & Colleges'",
			text: "MoU\n\n02/02/2021\n\nThe Manuel S. Enverga University Foundation (MSEUF) held an online ceremonial signing of a Memorandum of Understanding with INTI University & Colleges (INTI) of Malaysia on Jan. 31.",
			check: func(t *testing.T, f Facts) {
				if !slices.Contains(names(f), "INTI University & Colleges") {
					t.Errorf("institutions = %q; want INTI University & Colleges", names(f))
				}
			},
		},
		{
			name: "a school named in another language is a part when the text ties it to a body",
			text: "Meetings in Quito\n\n20/10/2025\n\nDuring his stay the vice-rector of the Universidad de León met the academic coordinator and the director of the Escuela de Posgrado of the Universidad UTE, as well as heads of several faculties.",
			check: func(t *testing.T, f Facts) {
				if slices.Contains(names(f), "Escuela de Posgrado") {
					t.Errorf("institutions = %q; the Escuela de Posgrado is a part of UTE", names(f))
				}
			},
		},
		{
			name: "a two-word place whose second word opens sentences starts a name: 'Nghe An University of Economics'",
			text: "Working trip\n\n20/10/2025\n\nAs part of the working trip, Chosun University held meetings with Vinh University and Nghe An University of Economics in Vietnam.",
			check: func(t *testing.T, f Facts) {
				if !slices.Contains(names(f), "Nghe An University of Economics") {
					t.Errorf("institutions = %q; want Nghe An University of Economics", names(f))
				}
			},
		},
		{
			name: "three universities act together",
			text: "Trilateral programme\n\n18-01-2025 14:00\n\nKhon Kaen University (KKU), the National University of Laos (NUOL) and the Royal University of Phnom Penh (RUPP) on 16 January 2025 launched a programme on water resources. The three universities signed a trilateral cooperation agreement.",
			check: func(t *testing.T, f Facts) {
				if len(f.Agreements) != 1 || len(f.Agreements[0].Parties) != 3 {
					t.Errorf("Agreements = %+v; want one with three parties", f.Agreements)
				}
				if !hasPair(f, "National University of Laos", "Royal University of Phnom Penh") {
					t.Errorf("Partnerships = %+v; want NUOL and RUPP", f.Partnerships)
				}
			},
		},
		{
			name: "an acronym and a city name a university",
			text: "Visit to Belgium\n\n14/03/2024\n\nFrom March 4 to 10, a delegation of Zhejiang University (ZJU) led by Prof. Zhang Wei, Vice President, visited partners in Europe. On March 7, the delegation met the leadership of KU Leuven in Leuven.",
			check: func(t *testing.T, f Facts) {
				if len(f.Visits) != 1 || !slices.Equal(f.Visits[0].Hosts, []string{"KU Leuven"}) || f.Visits[0].Start != (article.Date{Year: 2024, Month: 3, Day: 7}) {
					t.Errorf("Visits = %+v; want KU Leuven on 2024-03-07", f.Visits)
				}
			},
		},
		{
			name: "a leg of a trip with no named hosts",
			text: "Iberian tour\n\n15/04/2025\n\nBetween 7 and 11 April, a delegation from the Universidad de Chile headed by Rector Ana María Fuentes travelled to Spain and Portugal. The first stop was the Universidad de Salamanca (USAL) on 7 April. The delegation concluded the trip in Lisbon, where on 10 and 11 April it met representatives of local institutions.",
			check: func(t *testing.T, f Facts) {
				var legs []Visit
				for _, v := range f.Visits {
					if len(v.Hosts) == 0 {
						legs = append(legs, v)
					}
				}
				if len(legs) != 1 || legs[0].Country != "Portugal" || legs[0].Start != (article.Date{Year: 2025, Month: 4, Day: 10}) || legs[0].End != (article.Date{Year: 2025, Month: 4, Day: 11}) {
					t.Errorf("legs = %+v; want one to Portugal on 10–11 April", legs)
				}
			},
		},
		{
			name: "a foreign delegation's host is the article's own institution",
			text: "Centre opened\n\n12/02/2025\n\nThe centre was opened by the Vice-Chancellor of Universiti Kebangsaan Malaysia (UKM), Prof. Dr. Rahimah Osman, and Prof. Anna Visser, Vice-President of the University of Groningen, who led a Dutch delegation to Bangi. UKM thanked the guests. UKM will host the next meeting.",
			check: func(t *testing.T, f Facts) {
				if len(f.Visits) != 1 || f.Visits[0].Visitor != "University of Groningen" || !slices.Equal(f.Visits[0].Hosts, []string{"Universiti Kebangsaan Malaysia"}) {
					t.Errorf("Visits = %+v; want Groningen → UKM", f.Visits)
				}
			},
		},
		{
			name: "an agreement not yet signed is a planned one, undated when only its year is known",
			text: "Talks with Kagoshima\n\n18-03-2025 10:15\n\nThai Nguyen University of Agriculture and Forestry (TUAF) received a delegation from Kagoshima University. Both sides agreed to prepare a memorandum of understanding, which is expected to be signed in 2025.",
			check: func(t *testing.T, f Facts) {
				if len(f.Agreements) != 1 || !strings.Contains(f.Agreements[0].Kind, "(planned)") || !f.Agreements[0].Date.IsZero() {
					t.Errorf("Agreements = %+v; want one, planned, with no date", f.Agreements)
				}
			},
		},
		{
			name: "names written with 'at', a dash, and a country after them",
			text: "Health cooperation\n\nAugust 20, 2024\n\nThe delegation of Universitas Airlangga (UNAIR) visited the University of Medicine and Pharmacy at Ho Chi Minh City (UMP). It later met the University of Danang - University of Science and Technology (DUT) and the University of Groningen of the Netherlands.",
			check: func(t *testing.T, f Facts) {
				for _, want := range []string{"University of Medicine and Pharmacy at Ho Chi Minh City", "University of Danang - University of Science and Technology", "University of Groningen"} {
					if !slices.Contains(names(f), want) {
						t.Errorf("institutions = %q; want %q", names(f), want)
					}
				}
			},
		},
		{
			name: "a faculty's delegation, and a leader 'under the leadership of'",
			text: "Visits in Russia\n\n12/06/2024\n\nFrom 3 to 5 June 2024, a delegation of the Faculty of Forestry, Northeast Forestry University (NEFU) under the leadership of Vice President Prof. Wang Jianhua visited partners in Russia. On 3 June, the delegation visited Far Eastern Federal University in Vladivostok.",
			check: func(t *testing.T, f Facts) {
				if len(f.Visits) != 1 || f.Visits[0].Visitor != "Northeast Forestry University" || f.Visits[0].Leader != "Wang Jianhua" {
					t.Errorf("Visits = %+v; want NEFU led by Wang Jianhua", f.Visits)
				}
			},
		},
		{
			name: "credits on one line, and people quoted by name",
			text: "Graduation\n\n01/07/2024\n\nThe ceremony was held in the main hall. \"We are proud,\" said Nguyen Thi Hoai Thu, valedictorian of the class.\n\nAuthor: Rizky Pratama | Editor: Dewi Lestari",
			check: func(t *testing.T, f Facts) {
				var got []string
				for _, p := range f.People {
					got = append(got, p.Name+"/"+p.Title)
				}
				for _, want := range []string{"Nguyen Thi Hoai Thu/", "Rizky Pratama/Author", "Dewi Lestari/Editor"} {
					if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, want) }) {
						t.Errorf("people = %q; want %q", got, want)
					}
				}
			},
		},
		{
			name: "names after plural positions, 'according to', and an adjective before a title; fields are no names",
			text: "Links with Indonesia\n\n01/07/2024\n\nThe guests met the deans Geert de Snoo (Science) and Wim van den Doel (Humanities) of Leiden University, and Gerard Persoon, Scientific Director of the institute.\n\n" +
				"The agreement was signed by the rectors of the two universities, Ricardo Rivero and Santos Guzmán, in the old hall.\n\n" +
				"According to Sandra González, the work comes after a decade of rapprochement. The Director, External Linkages, of the University of the Punjab also spoke.",
			check: func(t *testing.T, f Facts) {
				var got []string
				for _, p := range f.People {
					got = append(got, p.Name)
				}
				for _, want := range []string{"Geert de Snoo", "Wim van den Doel", "Gerard Persoon", "Ricardo Rivero", "Santos Guzmán", "Sandra González"} {
					if !slices.Contains(got, want) {
						t.Errorf("people = %q; want %q", got, want)
					}
				}
				if slices.Contains(got, "External Linkages") {
					t.Errorf("people = %q; 'External Linkages' is an office", got)
				}
			},
		},
		{
			name: "names after lead titles with hyphens, after 'The Governor of …,' and 'the interim president of X,', after 'Professor Doctor' and ', professor'; no place before a name",
			text: "Guests\n\n23/08/2022\n\nA delegation from the University of Nairobi came: Vice-Chancellor Stephen Kiama and others.\n\n" +
				"The Governor of the Moravian-Silesian region, Ivo Vondrák, also attended the ceremony.\n\n" +
				"Khalid Mehdi was there; the interim president of the Université Moulay Slimane, Omar Benali, organised the ceremony.\n\n" +
				"The document was signed by Professor Doctor Antonio Sampaio de Nóvoa, rector of the Portuguese institution, with the Vice Rector of the University of Wah, professor Mutluhan Akın, Vice Rector of NEVÜ.\n\n" +
				"Present were the Ambassador of Ukraine to the Republic of Kenya Andriy Pravednyk, the Chairman of the Regional Council.",
			check: func(t *testing.T, f Facts) {
				var got []string
				for _, p := range f.People {
					got = append(got, p.Name)
				}
				for _, want := range []string{"Stephen Kiama", "Ivo Vondrák", "Omar Benali", "Antonio Sampaio de Nóvoa", "Mutluhan Akın", "Andriy Pravednyk"} {
					if !slices.Contains(got, want) {
						t.Errorf("people = %q; want %q", got, want)
					}
				}
				for _, p := range f.People {
					if p.Name == "Omar Benali" && p.Title != "interim president" {
						t.Errorf("Omar Benali's title = %q; want interim president", p.Title)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, extractText(t, tt.text)) })
	}
}

func TestAgreementKinds(t *testing.T) {
	for text, want := range map[string][]string{
		"Memoranda of Understanding (MOU) have been signed":    {"memorandum of understanding"},
		"the MoU was signed, with two cooperation agreements":  {"MoU", "cooperation agreement"},
		"signed a mou and memorandums on research cooperation": {"MoU", "memorandum on research cooperation"},
	} {
		if got := agreementKinds(text); !slices.Equal(got, want) {
			t.Errorf("agreementKinds(%q) = %q; want %q", text, got, want)
		}
	}
}
