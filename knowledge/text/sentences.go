package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"prof": true, "assoc": true, "dr": true, "mr": true, "mrs": true, "ms": true, "st": true,
	"no": true, "nos": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "jr": true, "sr": true,
	"msc": true, "m.sc": true, "ph.d": true, "phd": true, "eng": true, "engr": true, "gen": true,
	"col": true, "lt": true, "gov": true, "rev": true, "hon": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "dept": true, "univ": true, "approx": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "h.e": true, "u.s": true, "u.k": true, "p": true, "pp": true,
	"ing": true, "arch": true, "doc": true, "csc": true, "drsc": true, "mgr": true, "dipl": true, "md": true,
	"dott": true, "dra": true, "sra": true, "lic": true, "atty": true, "sen": true, "amb": true, "mt": true, "ft": true,
	"pr": true, "asst": true, "mme": true, "mlle": true, "capt": true, "sgt": true,
}

// Sentences splits a paragraph into sentences. A full stop after an
// abbreviation ("Prof.", "Dr.") or an initial does not end a sentence.
func Sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		// Take closing quotes and brackets with the sentence.
		for i < len(p) {
			c, n := utf8.DecodeRuneInString(p[i:])
			if !strings.ContainsRune(`"”’')]`, c) && c != '.' {
				break
			}
			i += n
		}
		if i < len(p) && p[i] != ' ' {
			continue // "3.5", "e.g.x", "P.HTQT"
		}
		if r == '.' && isAbbreviation(p[start:i]) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(p[i:], " "))
		if next != utf8.RuneError && unicode.IsLower(next) {
			continue
		}
		if s := strings.TrimSpace(p[start:i]); s != "" {
			out = append(out, s)
		}
		start = i
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isAbbreviation reports whether text ends with an abbreviation or an
// initial followed by its full stop.
func isAbbreviation(text string) bool {
	text = strings.TrimRight(text, ".")
	word := text[strings.LastIndexAny(text, " (\"“")+1:]
	if word == "" {
		return false
	}
	if abbreviations[strings.ToLower(word)] {
		return true
	}
	// A single capital letter is an initial: "J. Smith".
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && unicode.IsUpper(r)
}
