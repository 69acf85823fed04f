package knowledge

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/format/plain"
	simplefragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehighlighter "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// Names under which the index's analysis parts are registered with bleve.
// The index mapping refers to them by name, so every process that opens the
// index must register them first.
const (
	foldFilterName   = "coopbot_fold"
	boldFormatName   = "coopbot_bold"
	highlighterName  = "coopbot_discord"
	snippetFragChars = 160
)

// registerAnalysis registers the accent-folding token filter and the Discord
// highlighter with bleve's registry. The registry is global to the process
// and refuses a name registered twice, so this runs once per process, from
// Open, rather than from an init function; the package keeps no other
// package-level state.
var registerAnalysis = sync.OnceValue(func() error {
	if err := registry.RegisterTokenFilter(foldFilterName, newFoldFilter); err != nil {
		return fmt.Errorf("register token filter %s: %w", foldFilterName, err)
	}
	if err := registry.RegisterFragmentFormatter(boldFormatName, newBoldFormatter); err != nil {
		return fmt.Errorf("register fragment formatter %s: %w", boldFormatName, err)
	}
	if err := registry.RegisterHighlighter(highlighterName, newDiscordHighlighter); err != nil {
		return fmt.Errorf("register highlighter %s: %w", highlighterName, err)
	}
	return nil
})

// foldFilter folds each token's term to ASCII ("Nguyễn" → "nguyen",
// "Đại" → "dai"). Unlike bleve's asciifolding char filter it works on
// terms, after tokenising, so the tokens' offsets into the original text
// stay right and highlights never cut a character in two.
type foldFilter struct {
	fold *asciifolding.AsciiFoldingFilter
}

func newFoldFilter(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
	return &foldFilter{fold: asciifolding.New()}, nil
}

// Filter folds the terms of input in place.
func (f *foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if isASCII(tok.Term) {
			continue
		}
		tok.Term = f.fold.Filter(tok.Term)
	}
	return input
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func newBoldFormatter(map[string]any, *registry.Cache) (highlight.FragmentFormatter, error) {
	return plain.NewFragmentFormatter("**", "**"), nil
}

// newDiscordHighlighter builds a highlighter that marks matches in Discord's
// **bold** and leaves the text otherwise as it is (no HTML escaping).
func newDiscordHighlighter(_ map[string]any, cache *registry.Cache) (highlight.Highlighter, error) {
	formatter, err := cache.FragmentFormatterNamed(boldFormatName)
	if err != nil {
		return nil, fmt.Errorf("fragment formatter: %w", err)
	}
	return simplehighlighter.NewHighlighter(
		simplefragmenter.NewFragmenter(snippetFragChars),
		formatter,
		simplehighlighter.DefaultSeparator,
	), nil
}
