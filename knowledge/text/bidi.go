package text

import "strings"

// bidiControls are the bidirectional embeddings and overrides (U+202A to
// U+202E) and isolates (U+2066 to U+2069).
const bidiControls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

// StripBidiControls returns s without the bidirectional embedding,
// override and isolate controls, with which a title or a name could make
// the text after it read backwards ("report\u202efdp.exe" shows as
// "reportexe.pdf") or spoof what a reader sees around it.
func StripBidiControls(s string) string {
	if !strings.ContainsAny(s, bidiControls) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(bidiControls, r) {
			return -1
		}
		return r
	}, s)
}
