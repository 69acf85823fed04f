package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// wcCountry is the part of a world-countries record the builder reads.
type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
		Native   map[string]struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"native"`
	} `json:"name"`
	CCA2         string               `json:"cca2"`
	Independent  *bool                `json:"independent"`
	AltSpellings []string             `json:"altSpellings"`
	Demonyms     map[string]wcDemonym `json:"demonyms"`
}

// wcDemonym is a demonym of world-countries in one language.
type wcDemonym struct {
	F string `json:"f"`
	M string `json:"m"`
}

// country is one row of countries.tsv.
type country struct {
	iso2     string
	name     string
	aliases  []string
	demonyms []string
}

// buildCountries makes the countries: every independent state of
// world-countries and every other code the supplement lists, named by the
// supplement's canonical name or else the data's common name. A name or
// demonym that two countries share in the data is given to neither,
// unless the supplement gives it to one.
func buildCountries(data []byte, sup *supplement) ([]*country, error) {
	var recs []wcCountry
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("countries.json: %w", err)
	}
	// Every demonym of the data, so that no demonym becomes a place name
	// ("Thai" and "Lao" are in altSpellings).
	allDemonyms := map[string]bool{}
	for _, r := range recs {
		for _, d := range r.Demonyms["eng"].demonyms() {
			allDemonyms[text.Fold(d)] = true
		}
	}
	for _, e := range sup.demonyms {
		for _, d := range e.aliases {
			allDemonyms[text.Fold(d)] = true
		}
	}

	var out []*country
	type candidates struct{ names, demonyms []string }
	cand := map[string]*candidates{}
	for _, r := range recs {
		e, edited := sup.countries[r.CCA2]
		if !(r.Independent != nil && *r.Independent) && !edited {
			continue
		}
		c := &country{iso2: r.CCA2, name: plainApostrophes(r.Name.Common)}
		if e.name != "" {
			c.name = e.name
		}
		var names []string
		if c.name != r.Name.Common {
			names = append(names, r.Name.Common)
		}
		names = append(names, r.Name.Official)
		langs := make([]string, 0, len(r.Name.Native))
		for l := range r.Name.Native {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			names = append(names, r.Name.Native[l].Common, r.Name.Native[l].Official)
		}
		for _, a := range r.AltSpellings {
			if a != r.CCA2 && !allDemonyms[text.Fold(a)] {
				names = append(names, a)
			}
		}
		cand[c.iso2] = &candidates{names: names, demonyms: r.Demonyms["eng"].demonyms()}
		out = append(out, c)
	}
	for code := range sup.countries {
		if cand[code] == nil {
			return nil, fmt.Errorf("%s: country %s is not in world-countries", sup.countries[code].pos, code)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })

	// Canonical names and the supplement's aliases and demonyms first; then
	// the data's names, each only if no other country has it too.
	owner := map[string]string{}    // folded name → ISO2
	demOwner := map[string]string{} // folded demonym → ISO2
	names := map[string]*nameSet{}
	dems := map[string]*nameSet{}
	for _, c := range out {
		names[c.iso2], dems[c.iso2] = &nameSet{}, &nameSet{}
		names[c.iso2].add(c.name)
		owner[text.Fold(c.name)] = c.iso2
	}
	for _, c := range out {
		for _, a := range sup.countries[c.iso2].aliases {
			if prev, ok := owner[text.Fold(a)]; ok && prev != c.iso2 {
				return nil, fmt.Errorf("%s: alias %q is also %s's", sup.countries[c.iso2].pos, a, prev)
			}
			owner[text.Fold(a)] = c.iso2
			names[c.iso2].add(a)
		}
		for _, d := range sup.demonyms[c.iso2].aliases {
			if prev, ok := demOwner[text.Fold(d)]; ok && prev != c.iso2 {
				return nil, fmt.Errorf("%s: demonym %q is also %s's", sup.demonyms[c.iso2].pos, d, prev)
			}
			demOwner[text.Fold(d)] = c.iso2
			dems[c.iso2].add(d)
		}
	}
	for code := range sup.demonyms {
		if names[code] == nil {
			return nil, fmt.Errorf("%s: demonyms for %s, which is not a country", sup.demonyms[code].pos, code)
		}
	}
	shared := func(pick func(*candidates) []string) map[string]int {
		n := map[string]int{}
		for _, cd := range cand {
			seen := map[string]bool{}
			for _, s := range pick(cd) {
				if k := text.Fold(s); k != "" && !seen[k] {
					seen[k] = true
					n[k]++
				}
			}
		}
		return n
	}
	nameCount := shared(func(c *candidates) []string { return c.names })
	demCount := shared(func(c *candidates) []string { return c.demonyms })
	for _, c := range out {
		for _, n := range cand[c.iso2].names {
			n = plainApostrophes(cleanField(n))
			k := text.Fold(n)
			if k == "" || !isLatin(n) || nameCount[k] > 1 && owner[k] == "" {
				continue
			}
			if prev, ok := owner[k]; ok && prev != c.iso2 {
				continue
			}
			owner[k] = c.iso2
			names[c.iso2].add(n)
		}
		for _, d := range cand[c.iso2].demonyms {
			k := text.Fold(d)
			if k == "" || demCount[k] > 1 && demOwner[k] == "" {
				continue
			}
			if prev, ok := demOwner[k]; ok && prev != c.iso2 {
				continue
			}
			demOwner[k] = c.iso2
			dems[c.iso2].add(d)
		}
		c.aliases = names[c.iso2].names[1:]
		c.demonyms = dems[c.iso2].names
	}
	return out, nil
}

// demonyms returns the masculine and feminine forms, once each.
func (d wcDemonym) demonyms() []string {
	var out []string
	for _, s := range []string{d.M, d.F} {
		if s = strings.TrimSpace(s); s != "" && (len(out) == 0 || out[0] != s) {
			out = append(out, s)
		}
	}
	return out
}

// countryTable renders the countries as countries.tsv.
func countryTable(cs []*country, version string) *table {
	t := &table{
		comment: []string{
			"Countries: every independent state of world-countries " + version + " (ODbL-1.0), plus the",
			"territories that supplement.tsv lists. Generated by build/ from that data and supplement.tsv:",
			"do not edit by hand (see README.md). name is the canonical short English name; iso2 the",
			"ISO 3166-1 alpha-2 code; aliases and demonyms are ';'-separated.",
		},
		header: "name\tiso2\taliases\tdemonyms",
	}
	for _, c := range cs {
		t.rows = append(t.rows, []string{c.name, c.iso2, strings.Join(c.aliases, ";"), strings.Join(c.demonyms, ";")})
	}
	return t
}
