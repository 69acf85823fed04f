package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coopbot/coopbot/knowledge/text"
	"golang.org/x/text/unicode/norm"
)

// MaxArticleBytes is the size above which a file is not read as an article.
const MaxArticleBytes = 1 << 20

// ArticleError says why a file could not be read as an article.
type ArticleError struct {
	File   string
	Reason string
}

func (e *ArticleError) Error() string {
	return fmt.Sprintf("article %s: %s", e.File, e.Reason)
}

// Read parses the bytes of one article file. The file's name is the
// article's identity. A file that is empty, binary, not UTF-8, over
// MaxArticleBytes or without any text gives an *ArticleError.
func Read(file string, data []byte) (*Article, error) {
	bad := func(reason string) error { return &ArticleError{File: file, Reason: reason} }
	switch {
	case len(data) > MaxArticleBytes:
		return nil, bad(fmt.Sprintf("%d bytes is over the limit of %d", len(data), MaxArticleBytes))
	case len(bytes.TrimSpace(data)) == 0:
		return nil, bad("the file is empty")
	case looksBinary(data):
		return nil, bad("the file is binary, not text")
	case !utf8.Valid(data):
		return nil, bad("the file is not UTF-8 text")
	}
	sum := sha256.Sum256(data)
	text := norm.NFC.String(string(bytes.TrimPrefix(data, []byte("\ufeff"))))
	lines := splitLines(text)
	if len(lines) == 0 {
		return nil, bad("the file has no text")
	}

	a := &Article{File: file, Hash: hex.EncodeToString(sum[:])}
	lines, a.Credits = stripBoilerplate(lines)
	if len(lines) == 0 {
		return nil, bad("the file has no text besides site boilerplate")
	}
	first := 0
	if d, ok := parseDateLine(lines[0]); ok && len(lines) > 1 {
		// An article that opens with its date line has no headline.
		a.Published = d
		lines = lines[1:]
	}
	if isHeadline(lines[0]) {
		a.Title = lines[0]
		first = 1
	} else {
		a.Title = shortTitle(lines[0])
	}
	for i := first; i < len(lines); i++ {
		line := lines[i]
		if a.Published.IsZero() && i <= first+2 && len(a.Paragraphs) == 0 {
			if d, ok := parseDateLine(line); ok {
				a.Published = d
				continue
			}
		}
		// The items of a list that a line ending in ":" opens are prose.
		listItem := len(a.Paragraphs) > 0 && strings.HasSuffix(a.Paragraphs[len(a.Paragraphs)-1], ":") ||
			len(a.Paragraphs) > 0 && IsListItem(a.Paragraphs[len(a.Paragraphs)-1]) && IsListItem(line)
		if !listItem && (isCaption(line) || sameText(line, a.Title)) {
			a.Captions = append(a.Captions, line)
			continue
		}
		a.Paragraphs = append(a.Paragraphs, line)
	}
	if len(a.Paragraphs) == 0 && len(a.Captions) == 0 && first == 1 {
		// A one-line article: its headline is all the text there is.
		a.Paragraphs = []string{a.Title}
	}
	if a.Published.IsZero() {
		a.Published = trailingDate(a.Paragraphs, a.Captions)
	}
	if a.Published.IsZero() && len(a.Paragraphs) > 0 {
		a.Published = leadDate(a.Paragraphs[0]) // "SYDNEY, 12 June 2024 – …"
	}
	if a.Published.IsZero() {
		a.Published = inferDate(a.Paragraphs)
	}
	a.Summary = Summarise(a.Paragraphs, 2)
	return a, nil
}

// looksBinary reports whether data holds a NUL byte or many control characters
// in its first few kilobytes.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	control := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			control++
		}
	}
	return control*100 > len(head)
}

// splitLines returns the non-empty lines of text, trimmed, with their inner
// runs of white space collapsed.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.FieldsFunc(line, unicode.IsSpace), " ")
		line = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
				return -1
			}
			return r
		}, line)
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// isHeadline reports whether a first line reads as a headline rather than
// as the article's opening paragraph.
func isHeadline(line string) bool {
	words := len(strings.Fields(line))
	if words > 40 {
		return false
	}
	return len(text.Sentences(line)) <= 1 || words <= 25
}

// shortTitle makes a title from the first sentence of a paragraph.
func shortTitle(paragraph string) string {
	s := paragraph
	if sents := text.Sentences(paragraph); len(sents) > 0 {
		s = sents[0]
	}
	s = strings.TrimRight(s, ".!?;: ")
	return truncateWords(s, 100)
}

// truncateWords cuts s to at most n runes at a word boundary, with an ellipsis.
func truncateWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–-") + "…"
}

// isCaption reports whether a line is a photo caption: a short line that is
// not a finished sentence, or a very short single sentence.
func isCaption(line string) bool {
	words := len(strings.Fields(line))
	if words > 35 {
		return false
	}
	// A bracket closes an acronym or a place, not a sentence: "… met
	// representatives of the Agency (JICA)".
	if strings.HasSuffix(line, ")") {
		if i := strings.LastIndex(line, "("); i > 0 {
			line = strings.TrimSpace(line[:i])
		}
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if !strings.ContainsRune(".!?:;\"”’…)", last) {
		return true
	}
	return words <= 12 && len(text.Sentences(line)) == 1 && last == '.'
}

// IsListItem reports whether a line is an item of a list: "Spain: …", "- …", "• …".
func IsListItem(line string) bool {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "• ") || strings.HasPrefix(line, "* ") {
		return true
	}
	head, _, ok := strings.Cut(line, ": ")
	return ok && len(strings.Fields(head)) <= 3 && head != "" && !strings.ContainsAny(head, ".,;")
}

// sameText reports whether two lines say the same, ignoring case and punctuation.
func sameText(a, b string) bool {
	return a != "" && text.Fold(a) == text.Fold(b)
}
