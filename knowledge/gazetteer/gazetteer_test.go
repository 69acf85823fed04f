package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/knowledge/text"
)

func loadGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatalf("LoadGazetteer() error = %v", err)
	}
	return g
}

func TestGazetteerLookup(t *testing.T) {
	g := loadGazetteer(t)
	country := func(name string) Place { return Place{Name: name, Kind: PlaceCountry, Country: name} }
	region := func(name, country string) Place { return Place{Name: name, Kind: PlaceRegion, Country: country} }
	city := func(name, country, region string) Place {
		return Place{Name: name, Kind: PlaceCity, Country: country, Region: region}
	}
	tests := []struct {
		name string
		want Place // the zero Place: not found
	}{
		{"China", country("China")},
		{"china", country("China")},                                                       // case is ignored
		{"People's Republic of China", country("China")},                                  // alias with apostrophe
		{"PRC", country("China")},                                                         // acronym alias
		{"Viet Nam", country("Vietnam")},                                                  // official spelling
		{"Việt Nam", country("Vietnam")},                                                  // with diacritics
		{"USA", country("United States")},                                                 // acronym
		{"U.S.", country("United States")},                                                // acronym with full stops
		{"United States of America", country("United States")},                            // long form
		{"Britain", country("United Kingdom")},                                            // alias
		{"England", country("United Kingdom")},                                            // constituent nation
		{"Korea", country("South Korea")},                                                 // Korea alone means the South
		{"Republic of Korea", country("South Korea")},                                     // long form
		{"DPRK", country("North Korea")},                                                  // acronym
		{"Lao PDR", country("Laos")},                                                      // official short form
		{"Czechia", country("Czech Republic")},                                            // new short name
		{"Côte d'Ivoire", country("Côte d'Ivoire")},                                       // accents in the canonical name
		{"Cote d Ivoire", country("Côte d'Ivoire")},                                       // and without them
		{"Taiwan", country("Taiwan")},                                                     // not a sovereign state, still a country here
		{"Hong Kong", country("Hong Kong")},                                               // city and country: the country wins
		{"Singapore", country("Singapore")},                                               // city-state
		{"Georgia", country("Georgia")},                                                   // the country, not the US state
		{"Jordan", country("Jordan")},                                                     // a country that is also a personal name
		{"Hanoi", city("Hanoi", "Vietnam", "Hanoi")},                                      // city and region: the city wins
		{"Hà Nội", city("Hanoi", "Vietnam", "Hanoi")},                                     // Vietnamese spelling
		{"HA NOI", city("Hanoi", "Vietnam", "Hanoi")},                                     // without diacritics, upper case
		{"Saigon", city("Ho Chi Minh City", "Vietnam", "Ho Chi Minh City")},               // former name
		{"Đà Nẵng", city("Da Nang", "Vietnam", "Da Nang")},                                // đ folds to d
		{"Hạ Long", city("Ha Long", "Vietnam", "Quang Ninh")},                             // city with its province
		{"Quảng Ninh", region("Quang Ninh", "Vietnam")},                                   // province with diacritics
		{"Quang Ninh Province", region("Quang Ninh", "Vietnam")},                          // with its kind
		{"Beijing", city("Beijing", "China", "Beijing")},                                  // municipality: the city wins
		{"Tianjin", city("Tianjin", "China", "Tianjin")},                                  // likewise
		{"Henan", region("Henan", "China")},                                               // province only
		{"Guangxi Zhuang Autonomous Region", region("Guangxi", "China")},                  // long form
		{"Xi'an", city("Xi'an", "China", "Shaanxi")},                                      // apostrophe
		{"Xian", city("Xi'an", "China", "Shaanxi")},                                       // without it
		{"Fuxin", city("Fuxin", "China", "Liaoning")},                                     // smaller university city
		{"Kyushu", region("Kyushu", "Japan")},                                             // island
		{"Kyūshū", region("Kyushu", "Japan")},                                             // with macrons
		{"Tsukuba", city("Tsukuba", "Japan", "Ibaraki")},                                  // university town
		{"Hokkaido", region("Hokkaido", "Japan")},                                         // prefecture and island
		{"Gyeongsangbuk-do", region("North Gyeongsang", "South Korea")},                   // Korean form
		{"Luang Prabang", city("Luang Prabang", "Laos", "Luang Prabang")},                 // city and province
		{"Victoria", region("Victoria", "Australia")},                                     // the state; no city Victoria
		{"Washington", city("Washington, D.C.", "United States", "District of Columbia")}, // the capital
		{"Cambridge", city("Cambridge", "United Kingdom", "England")},                     // university town
		{"Sale", Place{}},                                                                 // Moroccan city left out: an English word
		{"Mobile", Place{}},                                                               // likewise
		{"Reading", Place{}},                                                              // likewise
		{"Jackson", Place{}},                                                              // a personal name
		{"Sakura", Place{}},                                                               // a given name
		{"Nan", Place{}},                                                                  // Thai province only as "Nan Province"
		{"Atlantis", Place{}},                                                             // not a place
		{"", Place{}},                                                                     // empty
		{"Chinese", Place{}},                                                              // a demonym is not a place name
		{"VN", Place{}},                                                                   // ISO codes are for CountryName only
	}
	for _, tt := range tests {
		got, ok := g.Lookup(tt.name)
		if got != tt.want || ok != (tt.want != Place{}) {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v", tt.name, got, ok, tt.want)
		}
	}
}

func TestGazetteerCountryOfDemonym(t *testing.T) {
	g := loadGazetteer(t)
	tests := []struct {
		word, want string // want "" means unknown
	}{
		{"Chinese", "China"},
		{"Japanese", "Japan"},
		{"Vietnamese", "Vietnam"},
		{"Lao", "Laos"},
		{"Laotian", "Laos"},
		{"Korean", "South Korea"}, // Korean alone means the South
		{"North Korean", "North Korea"},
		{"American", "United States"},
		{"British", "United Kingdom"},
		{"Scottish", "United Kingdom"},
		{"Australian", "Australia"},
		{"Russian", "Russia"},
		{"Taiwanese", "Taiwan"},
		{"Thai", "Thailand"},
		{"Dutch", "Netherlands"},
		{"thai", "Thailand"}, // case is ignored
		{"China", ""},        // a country name is not a demonym
		{"Martian", ""},
	}
	for _, tt := range tests {
		got, ok := g.CountryOfDemonym(tt.word)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("CountryOfDemonym(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

func TestGazetteerCountryName(t *testing.T) {
	g := loadGazetteer(t)
	tests := []struct {
		name, want string // want "" means unknown
	}{
		{"Viet Nam", "Vietnam"},
		{"VN", "Vietnam"}, // ISO 3166-1 alpha-2
		{"vn", "Vietnam"},
		{"USA", "United States"},
		{"PRC", "China"},
		{"GB", "United Kingdom"},
		{"XK", "Kosovo"},
		{"Türkiye", "Turkey"},
		{"Hanoi", ""}, // a city is not a country
		{"ZZ", ""},
	}
	for _, tt := range tests {
		got, ok := g.CountryName(tt.name)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("CountryName(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

func TestGazetteerCountries(t *testing.T) {
	g := loadGazetteer(t)
	got := g.Countries()
	if len(got) < 199 {
		t.Errorf("len(Countries()) = %d; want at least 199", len(got))
	}
	if !slices.IsSorted(got) {
		t.Errorf("Countries() is not sorted")
	}
	for _, c := range []string{"China", "Vietnam", "Japan", "South Korea", "Laos", "Taiwan", "Palestine", "Kosovo"} {
		if !slices.Contains(got, c) {
			t.Errorf("Countries() lacks %q", c)
		}
	}
	got[0] = "changed"
	if g.Countries()[0] == "changed" {
		t.Errorf("Countries() returns the Gazetteer's own slice")
	}
}

func TestGazetteerMaxWords(t *testing.T) {
	g := loadGazetteer(t)
	// "United Kingdom of Great Britain and Northern Ireland" has eight words.
	if got := g.MaxWords(); got < 8 || got > 12 {
		t.Errorf("MaxWords() = %d; want between 8 and 12", got)
	}
}

func TestPlaceKindString(t *testing.T) {
	tests := []struct {
		k    PlaceKind
		want string
	}{
		{PlaceCountry, "country"},
		{PlaceRegion, "region"},
		{PlaceCity, "city"},
		{0, "PlaceKind(0)"},
	}
	for _, tt := range tests {
		if got := tt.k.String(); got != tt.want {
			t.Errorf("PlaceKind(%d).String() = %q; want %q", tt.k, got, tt.want)
		}
	}
}

// TestGazetteerData checks the data files themselves: every row has the
// header's columns (readTable), every country a region or city names is a
// canonical country, every region a city names is a region of its country,
// and no name or alias is given twice within a file.
func TestGazetteerData(t *testing.T) {
	countries, err := readTable(embedded, "countries.tsv", countryHeader)
	if err != nil {
		t.Fatal(err)
	}
	regions, err := readTable(embedded, "regions.tsv", regionHeader)
	if err != nil {
		t.Fatal(err)
	}
	cities, err := readTable(embedded, "cities.tsv", cityHeader)
	if err != nil {
		t.Fatal(err)
	}

	canonical := make(map[string]bool)     // canonical country name
	countryKey := make(map[string]string)  // folded country name or alias → country
	countrySeen := make(map[string]string) // folded name, alias, code or demonym → where
	for _, row := range countries {
		f := row.fields
		canonical[f[0]] = true
		if f[1] != strings.ToUpper(f[1]) {
			t.Errorf("%s: iso2 %q is not upper case", row.pos(), f[1])
		}
		names := append([]string{f[0]}, splitList(f[2])...)
		for _, n := range names {
			countryKey[text.Fold(n)] = f[0]
		}
		keys := append(names, "iso2 "+f[1])
		for _, d := range splitList(f[3]) {
			keys = append(keys, "demonym "+d)
		}
		for _, k := range keys {
			if prev, dup := countrySeen[text.Fold(k)]; dup && prev != f[0] {
				t.Errorf("%s: %q is also given to %s", row.pos(), k, prev)
			}
			countrySeen[text.Fold(k)] = f[0]
		}
	}

	regionOf := make(map[string]string) // country + folded region name → region
	regionSeen := make(map[string]string)
	for _, row := range regions {
		f := row.fields
		if !canonical[f[1]] {
			t.Errorf("%s: country %q is not a canonical name in countries.tsv", row.pos(), f[1])
		}
		for _, n := range append([]string{f[0]}, splitList(f[2])...) {
			k := text.Fold(n)
			if prev, dup := regionSeen[k]; dup && prev != row.pos() {
				t.Errorf("%s: region %q is also in row %s", row.pos(), n, prev)
			}
			regionSeen[k] = row.pos()
			regionOf[f[1]+"\t"+k] = f[0]
			if c, ok := countryKey[k]; ok && c != f[1] {
				t.Errorf("%s: region %q of %s is the name of the country %s", row.pos(), n, f[1], c)
			}
		}
	}

	citySeen := make(map[string]string)
	for _, row := range cities {
		f := row.fields
		if !canonical[f[1]] {
			t.Errorf("%s: country %q is not a canonical name in countries.tsv", row.pos(), f[1])
		}
		if f[2] != "" && regionOf[f[1]+"\t"+text.Fold(f[2])] != f[2] {
			t.Errorf("%s: region %q is not a region of %s in regions.tsv", row.pos(), f[2], f[1])
		}
		for _, n := range append([]string{f[0]}, splitList(f[3])...) {
			k := text.Fold(n)
			if prev, dup := citySeen[k]; dup && prev != row.pos() {
				t.Errorf("%s: city %q is also in row %s", row.pos(), n, prev)
			}
			citySeen[k] = row.pos()
			if c, ok := countryKey[k]; ok && c != f[1] {
				t.Errorf("%s: city %q of %s is the name of the country %s", row.pos(), n, f[1], c)
			}
		}
	}
}

func BenchmarkLoadGazetteer(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
