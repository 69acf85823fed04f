package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetRunes is the length of a snippet, in characters.
const snippetRunes = 160

// Snippet is a fragment of an article's text with the words that matched a
// query marked by their offsets, so that whoever shows it can mark them in
// its own syntax and escape the rest.
type Snippet struct {
	// Text is the fragment, its runs of white space made single spaces.
	Text string
	// Matches are the byte ranges [start, end) of Text that matched, in
	// order, not overlapping, each on rune boundaries.
	Matches [][2]int
}

// span is a byte range [from, to) of a text.
type span struct{ from, to int }

// fragment cuts the snippet of at most size runes of text that holds the
// most of spans, from the start of the text when there are none.
func fragment(text string, spans []span, size int) Snippet {
	spans = merged(spans)
	lo, hi := bestWindow(text, spans, size)
	var inside []span
	for _, s := range spans {
		if s.from >= lo && s.to <= hi {
			inside = append(inside, s)
		}
	}
	return collapse(text, lo, hi, inside)
}

// merged sorts spans and joins those that overlap.
func merged(spans []span) []span {
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && s.from <= out[n-1].to {
			out[n-1].to = max(out[n-1].to, s.to)
			continue
		}
		out = append(out, s)
	}
	return out
}

// bestWindow returns the window of at most size runes, on word boundaries
// where it can be, that holds the most spans: each span is tried as the
// first, with a quarter of the window before it for context.
func bestWindow(text string, spans []span, size int) (lo, hi int) {
	if len(spans) == 0 {
		return 0, wordEnd(text, 0, advance(text, 0, size))
	}
	best := -1
	for i, s := range spans {
		from := back(text, s.from, size/4)
		to := advance(text, from, size)
		n := 0
		for _, t := range spans[i:] {
			if t.to > to {
				break
			}
			n++
		}
		if n > best {
			best, lo, hi = n, from, to
		}
	}
	// Start and end on word boundaries, without losing a match.
	first, last := len(text), 0
	for _, s := range spans {
		if s.from >= lo && s.to <= hi {
			first, last = min(first, s.from), max(last, s.to)
		}
	}
	if lo > 0 {
		if i := strings.IndexFunc(text[lo:min(first, len(text))], unicode.IsSpace); i >= 0 {
			lo += i
		}
	}
	return lo, wordEnd(text, last, hi)
}

// wordEnd moves hi back to the last white space after from, when hi cuts a
// word of text in two.
func wordEnd(text string, from, hi int) int {
	if hi >= len(text) {
		return len(text)
	}
	if i := strings.LastIndexFunc(text[from:hi], unicode.IsSpace); i >= 0 {
		return from + i
	}
	return hi
}

// advance returns the offset n runes after pos, or the end of text.
func advance(text string, pos, n int) int {
	for ; n > 0 && pos < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[pos:])
		pos += size
	}
	return pos
}

// back returns the offset n runes before pos, or 0.
func back(text string, pos, n int) int {
	for ; n > 0 && pos > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:pos])
		pos -= size
	}
	return pos
}

// collapse returns text[lo:hi] with its runs of white space made single
// spaces and trimmed, and spans moved to the offsets of that text.
func collapse(text string, lo, hi int, spans []span) Snippet {
	var b strings.Builder
	b.Grow(hi - lo)
	at := make(map[int]int, 2*len(spans)) // offset in text → offset in b
	want := make(map[int]bool, 2*len(spans))
	for _, s := range spans {
		want[s.from], want[s.to] = true, true
	}
	space := false
	for i := lo; i < hi; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			if want[i] {
				at[i] = b.Len()
			}
			b.WriteString(text[i : i+size])
		}
		i += size
		if want[i] {
			at[i] = b.Len()
		}
	}
	sn := Snippet{Text: b.String()}
	for _, s := range spans {
		from, to := at[s.from], at[s.to]
		if to > from {
			sn.Matches = append(sn.Matches, [2]int{from, to})
		}
	}
	return sn
}
