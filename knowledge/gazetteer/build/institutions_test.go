package main

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestJunkLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Hanoi University of Science and Technology", false},
		{"Trường Đại học Bách khoa Hà Nội", false},
		{"3w Academy", false},                              // a digit may start a name
		{"Lyceum of Information Technologies 1533", false}, // digits in a school's name
		{"", true},                          // empty
		{".group", true},                    // swot's marker of a group file
		{"https://www.nexus.edu.sg/", true}, // a URL
		{"nexus.edu.sg", true},              // a bare domain
		{"Official website: https://example.org", true},            // a labelled note
		{"School email domain:", true},                             // a label
		{"- Key word: \"Computer Science\"", true},                 // a bullet
		{"1. B.Sc. Information Technology", true},                  // a numbered item
		{"We have students 17-18-19 years old who learn C#", true}, // prose
		{"24143 Kiel", true},                                       // an address
		{"N/A", true},                                              // a placeholder
		{"firstname.lastname@school.example", true},                // an address of mail
		{strings.Repeat("Very Long Name ", 12), true},              // too long to be a name
	}
	for _, tt := range tests {
		if got := junkLine(tt.line); got != tt.want {
			t.Errorf("junkLine(%q) = %v; want %v", tt.line, got, tt.want)
		}
	}
}

func TestParseSwotFile(t *testing.T) {
	tests := []struct {
		name  string
		file  swotFile
		names [][]string // each institution's name, then its aliases
	}{
		{"local and English names: the English one names it",
			swotFile{"hust.edu.vn", []string{"Trường Đại học Bách khoa Hà Nội", "Hanoi University of Science and Technology", ""}},
			[][]string{{"Hanoi University of Science and Technology", "Trường Đại học Bách khoa Hà Nội"}}},
		{"an English name in capitals is title-cased",
			swotFile{"kcu.ac", []string{"SOONGSIL CYBER UNIVERSITY"}},
			[][]string{{"Soongsil Cyber University"}}},
		{"a trailing acronym in brackets is an alias",
			swotFile{"ihecs.be", []string{"Institut des Hautes Études des Communications Sociales (IHECS)", "https://www.ihecs.be/"}},
			[][]string{{"Institut des Hautes Études des Communications Sociales", "IHECS"}}},
		{"variants of one name stay one institution",
			swotFile{"acg.edu", []string{"The American College of Greece", "American College of Greece", "ACG"}},
			[][]string{{"The American College of Greece", "ACG"}}},
		{"a group file lists several institutions; a campus is its university's alias",
			swotFile{"iu.edu", []string{"Indiana University", "Indiana University - Bloomington", "Purdue University Indianapolis", ".group"}},
			[][]string{{"Indiana University", "Indiana University - Bloomington"}, {"Purdue University Indianapolis"}}},
		{"without English, Latin names of institutions are each one",
			swotFile{"tche.br", []string{"Universidade de Caxias do Sul", "Universidade Federal de Pelotas"}},
			[][]string{{"Universidade de Caxias do Sul"}, {"Universidade Federal de Pelotas"}}},
		{"without English or keywords, a Latin name before another script",
			swotFile{"kkz.ua", []string{"Київський коледж зв'язку", "Kyivskyi Koledzh"}},
			[][]string{{"Kyivskyi Koledzh", "Київський коледж зв'язку"}}},
		{"nothing but junk",
			swotFile{"x.com", []string{"http://x.com", ""}},
			nil},
	}
	for _, tt := range tests {
		var got [][]string
		for _, in := range parseSwotFile(tt.file) {
			got = append(got, append([]string{in.name}, in.aliases...))
		}
		if !reflect.DeepEqual(got, tt.names) {
			t.Errorf("%s: parseSwotFile(%q) = %q; want %q", tt.name, tt.file.lines, got, tt.names)
		}
	}
}

func TestProposeAcronym(t *testing.T) {
	tests := []struct {
		domain, name string
		aliases      []string
		want         string
	}{
		{"hust.edu.vn", "Hanoi University of Science and Technology", nil, "HUST"},               // connectors left out
		{"uot.edu", "University of Toronto", nil, "UOT"},                                         // or kept
		{"dhbk.edu.vn", "Hanoi University of Technology", []string{"Đại học Bách Khoa"}, "DHBK"}, // an alias's initials
		{"u-tokyo.ac.jp", "University of Tokyo", nil, ""},                                        // not a plain label
		{"utoronto.ca", "University of Toronto", nil, ""},                                        // not the initials
		{"mit.edu", "MIT", nil, ""},                                                              // one word has no initials
	}
	for _, tt := range tests {
		in := &institution{name: tt.name, aliases: tt.aliases, domain: tt.domain}
		if got := proposeAcronym(in); got != tt.want {
			t.Errorf("proposeAcronym(%q, %q) = %q; want %q", tt.domain, tt.name, got, tt.want)
		}
	}
}

func TestDomainCountry(t *testing.T) {
	tests := []struct{ domain, want string }{
		{"hust.edu.vn", "VN"},
		{"ox.ac.uk", "GB"},     // .uk is Great Britain's code, GB
		{"mit.edu", "US"},      // .edu is American
		{"example.com", ""},    // generic
		{"school.org", ""},     // generic
		{"coders.academy", ""}, // a new generic domain
		{"simplon.co", ""},     // .co used by anyone
		{"usta.edu.co", "CO"},  // but under edu it is Colombia's
		{"mdx.ac", ""},         // .ac likewise
	}
	for _, tt := range tests {
		if got := domainCountry(tt.domain); got != tt.want {
			t.Errorf("domainCountry(%q) = %q; want %q", tt.domain, got, tt.want)
		}
	}
}

func TestInstitutionFilter(t *testing.T) {
	f := institutionFilter{common: words{"delta": true}, places: map[string]bool{"cambridge": true}}
	tests := []struct {
		name string
		want bool
	}{
		{"Hanoi University of Science and Technology", true},
		{"The Open University", true},
		{"University of Technology", false}, // only generic words
		{"National University", false},
		{"Cambridge", false}, // a place
		{"Delta", false},     // a common word
	}
	for _, tt := range tests {
		if got := f.keep(tt.name); got != tt.want {
			t.Errorf("keep(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		f        func(string) string
		in, want string
	}{
		{asciiName, "Hạ Long", "Ha Long"},
		{asciiName, "Đà Nẵng", "Da Nang"},
		{asciiName, "Thừa Thiên Huế", "Thua Thien Hue"},
		{plainApostrophes, "Xi’an", "Xi'an"},
		{titleCase, "INTERNATIONAL INSTITUTE OF INFORMATION TECHNOLOGY, BHUBANESHWAR", "International Institute of Information Technology, Bhubaneshwar"},
		{titleCase, "MIT", "MIT"},                           // an acronym stays
		{titleCase, "Hanoi University", "Hanoi University"}, // mixed case stays
	} {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("f(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseSupplementErrors(t *testing.T) {
	for _, line := range []string{
		"planet\tVN\t\t\t",          // unknown kind
		"country\tvn\t\tViet Nam\t", // a code in lower case
		"country\t\t\tAtlantis\t",   // no code
		"demonym\tVN\t\t\t",         // no demonyms
		"region\tVN\t\t\t",          // neither match nor name
		"city\tVN\t\t\t",            // likewise
		"stop\t\t\t\t",              // nothing to stop
		"city\tVN\tHanoi",           // too few columns
	} {
		if _, err := parseSupplement("s.tsv", []byte(supplementHeader+"\n"+line+"\n")); err == nil {
			t.Errorf("parseSupplement(%q) error = nil; want an error", line)
		}
	}
}

func TestCleanLinesBracketsAndPlaces(t *testing.T) {
	tests := []struct {
		line string
		want []string // every one must be among the names
	}{
		{"Virginia Polytechnic Institute and State University (Virginia Tech)", []string{"Virginia Polytechnic Institute and State University", "Virginia Tech"}},
		{"Wayne State University, Detroit", []string{"Wayne State University", "Wayne State University, Detroit"}},
		{"Karsk Institute (KIT)", []string{"Karsk Institute", "KIT"}},
	}
	for _, tt := range tests {
		got := cleanLines([]string{tt.line})
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("cleanLines(%q) = %q; want %q among them", tt.line, got, w)
			}
		}
	}
}
