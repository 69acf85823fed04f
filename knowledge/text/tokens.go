package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word or a punctuation mark of a sentence, with its byte offsets.
type Token struct {
	Text       string
	Start, End int
}

// IsWord reports whether t is a word, not punctuation.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsCap reports whether t starts with an upper-case letter.
func (t Token) IsCap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// IsAcronym reports whether t is an all-capitals word of two to eight
// letters, such as "MOU" or "KUST"; digits and a final lower-case "s" are allowed.
func (t Token) IsAcronym() bool {
	s := strings.TrimSuffix(t.Text, "s")
	n, upper := 0, 0
	for _, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r) || r == '-' || r == '&':
		default:
			return false
		}
	}
	return upper >= 2 && n <= 8
}

// Tokenize splits a sentence into words and punctuation. A word keeps inner
// hyphens and apostrophes ("Geo-Resources", "Xi'an"); a possessive "'s" is a
// token of its own.
func Tokenize(s string) []Token {
	var toks []Token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				c, m := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) {
					j += m
					continue
				}
				if c == '-' || c == '\'' || c == '’' || c == '&' {
					// Inner joiners only, and not a possessive 's.
					next, k := utf8.DecodeRuneInString(s[j+m:])
					if (unicode.IsLetter(next) || unicode.IsDigit(next)) && !isPossessive(s[j+m:], c) {
						j += m + k
						continue
					}
				}
				break
			}
			toks = append(toks, Token{Text: s[i:j], Start: i, End: j})
			i = j
		case (r == '\'' || r == '’') && isPossessive(s[i+n:], r):
			toks = append(toks, Token{Text: "'s", Start: i, End: i + n + 1})
			i += n + 1
		default:
			toks = append(toks, Token{Text: string(r), Start: i, End: i + n})
			i += n
		}
	}
	return toks
}

// isPossessive reports whether rest, following an apostrophe, is the "s" of a possessive.
func isPossessive(rest string, apostrophe rune) bool {
	if apostrophe != '\'' && apostrophe != '’' {
		return false
	}
	if !strings.HasPrefix(rest, "s") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(rest[1:])
	return len(rest) == 1 || !(unicode.IsLetter(next) || unicode.IsDigit(next))
}

// Join returns the text of toks[i:j] as written in s.
func Join(s string, toks []Token, i, j int) string {
	if i >= j {
		return ""
	}
	return s[toks[i].Start:toks[j-1].End]
}
