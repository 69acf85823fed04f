package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form used to compare names: lower case, without
// accents or other diacritics ('đ' and a few other letters that do not
// decompose are mapped by hand, so "Đà Nẵng" folds to "da nang"), every run
// of characters other than letters and digits turned into a single space,
// and no leading or trailing space. "Xi'an" folds to "xi an".
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return foldUnicode(s)
		}
	}
	if isFoldedASCII(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

// isFoldedASCII reports whether the ASCII string s is already folded.
func isFoldedASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// foldSpecial maps a letter that carries a stroke or is a ligature, and so
// has no canonical decomposition, to its plain Latin spelling.
func foldSpecial(r rune) (string, bool) {
	switch r {
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'ø', 'Ø':
		return "o", true
	case 'ł', 'Ł':
		return "l", true
	case 'ı':
		return "i", true
	case 'ħ', 'Ħ':
		return "h", true
	case 'ß':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'þ', 'Þ':
		return "th", true
	}
	return "", false
}

// foldUnicode is Fold for strings that are not pure ASCII. It decomposes
// one character at a time, as NFD would, without building the decomposed
// string: the marks NFD would reorder are dropped anyway.
func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	write := func(r rune) {
		if unicode.Is(unicode.Mn, r) {
			return
		}
		if sp, ok := foldSpecial(r); ok {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(sp)
			return
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			return
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= hangulFirst && r <= hangulLast {
			// Hangul syllables decompose by rule, not by table.
			return foldDecomposed(s)
		}
		if r >= utf8.RuneSelf {
			if d := norm.NFD.PropertiesString(s[i:]).Decomposition(); d != nil {
				for _, dr := range string(d) {
					write(dr)
				}
				i += n
				continue
			}
		}
		write(r)
		i += n
	}
	return b.String()
}

// The Hangul syllables, which NFD decomposes into their letters (jamo).
const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
)

// foldDecomposed is foldUnicode by way of the whole NFD string.
func foldDecomposed(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if sp, ok := foldSpecial(r); ok {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(sp)
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Lower lower-cases ASCII letters only, so byte offsets stay the same.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
