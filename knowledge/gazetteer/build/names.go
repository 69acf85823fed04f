package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/coopbot/coopbot/knowledge/text"
)

// asciiName returns name without diacritics, keeping its case and
// punctuation: "Hạ Long" → "Ha Long", "Đà Nẵng" → "Da Nang".
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'đ', 'ð':
			r = 'd'
		case 'Đ', 'Ð':
			r = 'D'
		case 'ł':
			r = 'l'
		case 'Ł':
			r = 'L'
		case 'ø':
			r = 'o'
		case 'Ø':
			r = 'O'
		case 'ı':
			r = 'i'
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// plainApostrophes replaces typographic apostrophes and modifier letters
// with "'": GeoNames writes "Xi’an", texts mostly "Xi'an".
func plainApostrophes(s string) string {
	return strings.NewReplacer("’", "'", "ʼ", "'", "ʻ", "'", "‘", "'", "`", "'").Replace(s)
}

// isLatin reports whether s has a Latin letter and no letter of another
// script (the ʻokina of "Hawaiʻi" is of none).
func isLatin(s string) bool {
	latin := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r) && !unicode.In(r, unicode.Common, unicode.Inherited):
			return false
		}
	}
	return latin > 0
}

// nameSet collects distinct names by their folded form, keeping the first
// spelling of each.
type nameSet struct {
	seen  map[string]bool
	names []string
}

// add adds name unless a name with the same folded form is there.
func (s *nameSet) add(name string) {
	name = cleanField(name)
	k := text.Fold(name)
	if k == "" {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[k] {
		s.seen[k] = true
		s.names = append(s.names, name)
	}
}

// has reports whether a name with name's folded form is in s.
func (s *nameSet) has(name string) bool { return s.seen[text.Fold(name)] }

// words is a set of lower-case English words.
type words map[string]bool

// isCommonWord reports whether name is a single word that is a common
// English word in lower case ("Reading", "Mobile", "Nice").
func (w words) isCommonWord(name string) bool {
	k := text.Fold(name)
	return k != "" && !strings.Contains(k, " ") && w[k]
}
