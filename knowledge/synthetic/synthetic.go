// Package synthetic generates a deterministic corpus of made-up news
// articles about universities' international cooperation, in the format of
// the articles folder, for benchmarks and load tests. The institutions,
// people and events are invented; the cities are real.
package synthetic

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// File is one generated article file.
type File struct {
	Name string
	Data []byte
	// Published is the day the article says it was published; WriteDir
	// gives the file this modification time.
	Published time.Time
}

// Generate returns n articles made from seed. The same seed and n give the
// same files, and article i is the same whatever n is.
func Generate(seed int64, n int) []File {
	insts := institutions()
	files := make([]File, n)
	for i := range files {
		g := &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(i))), insts: insts}
		text, published := g.article()
		h := fnv.New64a()
		h.Write([]byte(text))
		files[i] = File{
			Name:      fmt.Sprintf("%05d_%016x.txt", i, h.Sum64()),
			Data:      []byte(text),
			Published: published,
		}
	}
	return files
}

// WriteDir writes Generate(seed, n) into dir, creating it, with each file's
// modification time set to its article's publication date.
func WriteDir(dir string, seed int64, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	for _, f := range Generate(seed, n) {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return fmt.Errorf("write article: %w", err)
		}
		if err := os.Chtimes(path, f.Published, f.Published); err != nil {
			return fmt.Errorf("date article: %w", err)
		}
	}
	return nil
}

// institution is a made-up university or institute.
type institution struct {
	name, acronym, city string
	country             *country
}

// institutions returns the built-in institutions, about 200, the same at
// every call: two or three name patterns for each city.
func institutions() []institution {
	r := rand.New(rand.NewPCG(2019, 2026))
	cs := countries()
	pats := patterns()
	var out []institution
	for ci := range cs {
		c := &cs[ci]
		for _, city := range c.cities {
			k := 2 + r.IntN(2)
			for _, p := range r.Perm(len(pats))[:k] {
				name := fmt.Sprintf(pats[p], city)
				out = append(out, institution{name: name, acronym: acronym(name), city: city, country: c})
			}
		}
	}
	return out
}

// fresh makes up an institution in one of c's cities from a large space of
// names: a city with a head noun ("Sendai Maritime University"), a city
// with a field ("Lyon Institute of Water Resources"), or a namesake, a
// family name of the country, with a head noun and a city ("Kimura
// Memorial Normal University of Sendai"): tens of thousands of distinct
// names.
func (g *gen) fresh(c *country) institution {
	city := g.pick(c.cities)
	var name string
	switch g.r.IntN(3) {
	case 0:
		name = city + " " + g.pick(headNouns())
	case 1:
		name = city + " " + g.pick([]string{"Institute", "University", "Academy", "School"}) + " of " + title(g.pick(fields()))
	default:
		name = g.pick(c.family) + " " + g.pick([]string{"Memorial", "Foundation", "Private"}) + " " + g.pick(headNouns()) + " of " + city
	}
	return institution{name: name, acronym: acronym(name), city: city, country: c}
}

// title capitalises each word of s but "and" and "of": "water resources" →
// "Water Resources".
func title(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if w != "and" && w != "of" {
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(ws, " ")
}

// headNouns are the kinds of institution fresh names are made of.
func headNouns() []string {
	return []string{
		"University", "Technical University", "Maritime University", "Normal University",
		"Medical University", "Agricultural University", "Polytechnic", "Institute of Technology",
		"University of Applied Sciences", "Teachers' College", "School of Mines", "Business School",
		"Academy of Sciences", "Conservatory", "University of Forestry", "Pedagogical University",
	}
}

// acronym returns the initials of name's significant words: "Freiburg
// University of Technology" → "FUT".
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch w {
		case "of", "and", "the", "for":
			continue
		}
		b.WriteString(strings.ToUpper(string([]rune(w)[:1])))
	}
	return b.String()
}

// person is someone an article names.
type person struct {
	honorific, name, role string
}

// full is the person as articles first name them: "Prof. Dr. Maria Keller, Vice Rector".
func (p person) full() string { return p.honorific + " " + p.name + ", " + p.role }

// short is the person named again: "Prof. Dr. Maria Keller".
func (p person) short() string { return p.honorific + " " + p.name }

// gen builds one article from its own random source.
type gen struct {
	r     *rand.Rand
	insts []institution
	b     strings.Builder
}

func (g *gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// inst picks an institution, of the given country when c is not nil, and
// other than those in not.
// Half the time it is one of the built-in institutions, the others a
// fresh name (see fresh), as real articles name a new body almost every
// time.
func (g *gen) inst(c *country, not ...institution) institution {
	fresh := g.chance(0.5)
	for {
		in := g.insts[g.r.IntN(len(g.insts))]
		if fresh {
			in = g.fresh(in.country)
		}
		if c != nil && in.country.name != c.name {
			continue
		}
		dup := false
		for _, o := range not {
			dup = dup || o.name == in.name
		}
		if !dup {
			return in
		}
	}
}

// person makes up someone from c with the given role, or a random one.
func (g *gen) person(c *country, role string) person {
	given, family := g.pick(c.given), g.pick(c.family)
	name := given + " " + family
	if c.familyFirst {
		name = family + " " + given
	}
	if role == "" {
		role = g.pick(roles())
	}
	return person{honorific: g.pick(honorifics()), name: name, role: role}
}

// para ends the current paragraph.
func (g *gen) para(sentences ...string) {
	g.b.WriteString(strings.Join(sentences, " "))
	g.b.WriteString("\n\n")
}

// line writes a line of its own, such as a caption.
func (g *gen) line(s string) {
	g.b.WriteString(s)
	g.b.WriteString("\n")
}
