package gazetteer

import (
	_ "embed" // the data files
	"fmt"
	"sort"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// The data files, which build/ generates (see README.md), embedded as
// strings so that their names are substrings of them, not copies.
var (
	//go:embed countries.tsv
	countriesTSV string
	//go:embed regions.tsv
	regionsTSV string
	//go:embed cities.tsv
	citiesTSV string
	//go:embed institutions.tsv
	institutionsTSV string
)

// embedded returns the text of the embedded data file name.
func embedded(name string) (string, error) {
	switch name {
	case "countries.tsv":
		return countriesTSV, nil
	case "regions.tsv":
		return regionsTSV, nil
	case "cities.tsv":
		return citiesTSV, nil
	case "institutions.tsv":
		return institutionsTSV, nil
	}
	return "", fmt.Errorf("no data file %s", name)
}

// PlaceKind says what a Place is.
type PlaceKind uint8

// The kinds of Place.
const (
	PlaceCountry PlaceKind = iota + 1 // a country or territory
	PlaceRegion                       // a first-level subdivision: province, state, prefecture
	PlaceCity                         // a city or town
)

// String returns "country", "region" or "city".
func (k PlaceKind) String() string {
	switch k {
	case PlaceCountry:
		return "country"
	case PlaceRegion:
		return "region"
	case PlaceCity:
		return "city"
	}
	return fmt.Sprintf("PlaceKind(%d)", uint8(k))
}

// Place is a country, a first-level region, or a city.
type Place struct {
	Name    string // canonical English name, e.g. "Ho Chi Minh City"
	Kind    PlaceKind
	Country string // canonical country name; for a country, its own name
	Region  string // for a city, its region when known
}

// Gazetteer finds countries, first-level regions and cities by name. It is
// built from the data files in the gazetteer folder by LoadGazetteer and is
// safe for concurrent use, since nothing changes it after loading.
type Gazetteer struct {
	places    map[string]Place  // folded name or alias → place
	demonyms  map[string]string // folded demonym → country
	countries map[string]string // folded country name, alias or ISO2 code → country
	names     []string          // canonical country names, sorted
	maxWords  int
	institutions
}

// The header line of each data file: its columns, in order.
const (
	countryHeader     = "name\tiso2\taliases\tdemonyms"
	regionHeader      = "name\tcountry\taliases"
	cityHeader        = "name\tcountry\tregion\taliases"
	institutionHeader = "name\tcountry\taliases\tdomain"
)

// Load parses the embedded data files.
func Load() (*Gazetteer, error) {
	return load(embedded)
}

// load parses the data files that read returns by name.
func load(read func(name string) (string, error)) (*Gazetteer, error) {
	countries, err := readTable(read, "countries.tsv", countryHeader)
	if err != nil {
		return nil, err
	}
	regions, err := readTable(read, "regions.tsv", regionHeader)
	if err != nil {
		return nil, err
	}
	cities, err := readTable(read, "cities.tsv", cityHeader)
	if err != nil {
		return nil, err
	}
	names := 0
	for _, rows := range [][]tableRow{countries, regions, cities} {
		for _, row := range rows {
			names += strings.Count(row.fields[len(row.fields)-1], ";") + 2
		}
	}
	g := &Gazetteer{
		places:    make(map[string]Place, names),
		demonyms:  make(map[string]string, 256),
		countries: make(map[string]string, 1024),
	}
	for _, row := range countries {
		name, iso2 := row.fields[0], row.fields[1]
		if name == "" || len(iso2) != 2 {
			return nil, fmt.Errorf("%s: country needs a name and a two-letter code", row.pos())
		}
		g.names = append(g.names, name)
		p := Place{Name: name, Kind: PlaceCountry, Country: name}
		for _, n := range append([]string{name}, splitList(row.fields[2])...) {
			g.add(p, n)
			g.countries[text.Fold(n)] = name
		}
		g.countries[text.Fold(iso2)] = name
		for _, d := range splitList(row.fields[3]) {
			k := text.Fold(d)
			g.demonyms[k] = name
			g.count(k)
		}
	}
	sort.Strings(g.names)
	// The institutions, a third of the work, load on another goroutine
	// meanwhile; they only read the countries.
	instErr := make(chan error, 1)
	go func() {
		rows, err := readTable(read, "institutions.tsv", institutionHeader)
		if err == nil {
			err = g.institutions.load(rows, g.countries)
		}
		instErr <- err
	}()
	// Cities go in before regions so that a city shares its name with a
	// region (Beijing, Hanoi) wins; countries went in first and always win.
	for _, row := range cities {
		country, ok := g.countries[text.Fold(row.fields[1])]
		if !ok {
			return nil, fmt.Errorf("%s: unknown country %q", row.pos(), row.fields[1])
		}
		p := Place{Name: row.fields[0], Kind: PlaceCity, Country: country, Region: row.fields[2]}
		for _, n := range append([]string{p.Name}, splitList(row.fields[3])...) {
			g.add(p, n)
		}
	}
	for _, row := range regions {
		country, ok := g.countries[text.Fold(row.fields[1])]
		if !ok {
			return nil, fmt.Errorf("%s: unknown country %q", row.pos(), row.fields[1])
		}
		p := Place{Name: row.fields[0], Kind: PlaceRegion, Country: country}
		for _, n := range append([]string{p.Name}, splitList(row.fields[2])...) {
			g.add(p, n)
		}
	}
	if err := <-instErr; err != nil {
		return nil, err
	}
	return g, nil
}

// add files p under name unless an earlier row already took that name.
func (g *Gazetteer) add(p Place, name string) {
	key := text.Fold(name)
	if key == "" {
		return
	}
	if _, taken := g.places[key]; !taken {
		g.places[key] = p
	}
	g.count(key)
}

// count raises maxWords to the number of words in key, a folded name.
func (g *Gazetteer) count(key string) {
	if n := strings.Count(key, " ") + 1; n > g.maxWords {
		g.maxWords = n
	}
}

// Lookup finds a place by any of its names or aliases, ignoring case and
// accents. When a name is both a country and a region or city, the country
// wins; when it is a region and a city (Beijing, Seoul, Hanoi), the city
// wins but its Country is the same. It returns false for unknown names.
func (g *Gazetteer) Lookup(name string) (Place, bool) {
	p, ok := g.places[text.Fold(name)]
	return p, ok
}

// CountryOfDemonym maps "Chinese", "Japanese", "Vietnamese", "Lao",
// "Korean" and the like to the country's canonical name.
func (g *Gazetteer) CountryOfDemonym(word string) (string, bool) {
	c, ok := g.demonyms[text.Fold(word)]
	return c, ok
}

// CountryName maps any country name, alias or ISO 3166-1 alpha-2 code
// ("Viet Nam", "USA", "PRC", "VN") to its canonical name.
func (g *Gazetteer) CountryName(name string) (string, bool) {
	c, ok := g.countries[text.Fold(name)]
	return c, ok
}

// Countries returns every canonical country name, sorted.
func (g *Gazetteer) Countries() []string {
	return append([]string(nil), g.names...)
}

// MaxWords is the number of words of the longest name, for callers that
// scan text with a sliding window.
func (g *Gazetteer) MaxWords() int {
	return g.maxWords
}

// tableRow is one data line of a gazetteer file.
type tableRow struct {
	path   string
	line   int
	fields []string
}

// pos returns the row's file:line, for errors.
func (r tableRow) pos() string { return fmt.Sprintf("%s:%d", r.path, r.line) }

// readTable reads the tab-separated file path, checks that its header
// line is header, and returns its data rows, each with as many fields as
// the header has columns, skipping blank and '#' lines.
func readTable(read func(string) (string, error), path, header string) ([]tableRow, error) {
	data, err := read(path)
	if err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	lines := strings.Count(data, "\n") + 1
	rows := make([]tableRow, 0, lines)
	columns := strings.Count(header, "\t") + 1
	all := make([]string, 0, lines*columns) // every row's fields, one after another
	seenHeader := false
	for i := 0; data != ""; i++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		row := tableRow{path: path, line: i + 1}
		if !seenHeader {
			if line != header {
				return nil, fmt.Errorf("%s: header is %q; want %q", row.pos(), line, header)
			}
			seenHeader = true
			continue
		}
		if n := strings.Count(line, "\t") + 1; n != columns {
			return nil, fmt.Errorf("%s: %d columns; want %d", row.pos(), n, columns)
		}
		start := len(all)
		for f := range strings.SplitSeq(line, "\t") {
			all = append(all, strings.TrimSpace(f))
		}
		fields := all[start:len(all):len(all)]
		if fields[0] == "" {
			return nil, fmt.Errorf("%s: empty name", row.pos())
		}
		row.fields = fields
		rows = append(rows, row)
	}
	if !seenHeader {
		return nil, fmt.Errorf("%s: no header", path)
	}
	return rows, nil
}

// splitList splits a ';'-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
