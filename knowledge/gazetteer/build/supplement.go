package main

import (
	"fmt"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// supplementHeader is the header line of the supplement file.
const supplementHeader = "kind\tcountry\tmatch\tname\taliases"

// supplement holds the editorial choices that the public data sets do not
// make: canonical names, extra names, the countries beyond the independent
// states, and the place names never used alone. The header comment of
// supplement.tsv says why each kind of entry is there.
type supplement struct {
	countries map[string]edit  // ISO2 → canonical name and extra aliases
	demonyms  map[string]edit  // ISO2 → extra demonyms (in aliases)
	regions   map[string]*edit // ISO2 + "\t" + folded admin1 name → edit
	newRegion []edit           // regions the public data lacks
	cities    map[string]*edit // ISO2 + "\t" + folded GeoNames name → edit
	newCity   []*edit          // cities the public data lacks
	stops     map[string]bool  // ISO2 or "" + "\t" + folded name → never a place name
}

// edit is one supplement entry.
type edit struct {
	pos     string // file:line
	country string // ISO2
	match   string // the name in the public data, if any
	name    string // the canonical name to use instead, if any
	aliases []string
	used    bool // set when the builder applied it, to report stale entries
}

// parseSupplement reads the supplement file's text.
func parseSupplement(path string, data []byte) (*supplement, error) {
	s := &supplement{
		countries: map[string]edit{},
		demonyms:  map[string]edit{},
		regions:   map[string]*edit{},
		cities:    map[string]*edit{},
		stops:     map[string]bool{},
	}
	rows, err := parseTSV(path, data, supplementHeader)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		f := r.fields
		e := edit{pos: r.pos, country: f[1], match: f[2], name: f[3], aliases: splitList(f[4])}
		if e.country != "" && (len(e.country) != 2 || strings.ToUpper(e.country) != e.country) {
			return nil, fmt.Errorf("%s: country %q is not an ISO 3166-1 alpha-2 code", r.pos, e.country)
		}
		switch f[0] {
		case "country":
			if e.country == "" || e.match != "" {
				return nil, fmt.Errorf("%s: a country entry needs a country code and no match", r.pos)
			}
			s.countries[e.country] = e
		case "demonym":
			if e.country == "" || len(e.aliases) == 0 {
				return nil, fmt.Errorf("%s: a demonym entry needs a country code and demonyms", r.pos)
			}
			s.demonyms[e.country] = e
		case "region":
			if e.country == "" || e.match == "" && e.name == "" {
				return nil, fmt.Errorf("%s: a region entry needs a country code and a match or a name", r.pos)
			}
			if e.match == "" {
				s.newRegion = append(s.newRegion, e)
				continue
			}
			key := e.country + "\t" + text.Fold(e.match)
			if _, dup := s.regions[key]; dup {
				return nil, fmt.Errorf("%s: region %q is edited twice", r.pos, e.match)
			}
			s.regions[key] = &e
		case "city":
			if e.country == "" || e.match == "" && e.name == "" {
				return nil, fmt.Errorf("%s: a city entry needs a country code and a match or a name", r.pos)
			}
			if e.match == "" {
				s.newCity = append(s.newCity, &e)
				continue
			}
			key := e.country + "\t" + text.Fold(e.match)
			if _, dup := s.cities[key]; dup {
				return nil, fmt.Errorf("%s: city %q is edited twice", r.pos, e.match)
			}
			s.cities[key] = &e
		case "stop":
			if e.match == "" {
				return nil, fmt.Errorf("%s: a stop entry needs a match", r.pos)
			}
			s.stops[e.country+"\t"+text.Fold(e.match)] = true
		default:
			return nil, fmt.Errorf("%s: unknown kind %q", r.pos, f[0])
		}
	}
	return s, nil
}

// stopped reports whether name may not name a city or region of the
// country with code iso2: a stop entry names it for that country or for
// any. The names a region or city entry gives are not stopped.
func (s *supplement) stopped(iso2, name string) bool {
	k := text.Fold(name)
	return s.stops["\t"+k] || s.stops[iso2+"\t"+k]
}

// names returns the folded names e gives its place: its name, or the
// data's name when it keeps it, and its aliases.
func (e *edit) names() map[string]bool {
	names := map[string]bool{}
	if e == nil {
		return names
	}
	if e.name != "" {
		names[text.Fold(e.name)] = true
	} else {
		names[text.Fold(e.match)] = true
	}
	for _, a := range e.aliases {
		names[text.Fold(a)] = true
	}
	return names
}

// unused returns the positions of the region and city entries that matched
// nothing in the public data: a renamed place, or a typing error.
func (s *supplement) unused() []string {
	var out []string
	for _, e := range s.regions {
		if !e.used {
			out = append(out, fmt.Sprintf("%s: region %s %q matched nothing", e.pos, e.country, e.match))
		}
	}
	for _, e := range s.cities {
		if !e.used {
			out = append(out, fmt.Sprintf("%s: city %s %q matched nothing", e.pos, e.country, e.match))
		}
	}
	return out
}
