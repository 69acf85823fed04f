package index

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/registry"
)

// foldFilterName is the name under which the accent-folding token filter is
// registered with bleve. The index mapping refers to it by name, so every
// process that opens the index must register it first.
const foldFilterName = "coopbot_fold"

// registerAnalysis registers the accent-folding token filter with bleve's
// registry. The registry is global to the process and refuses a name
// registered twice, so this runs once per process, from Open, rather than
// from an init function; the package keeps no other package-level state.
var registerAnalysis = sync.OnceValue(func() error {
	if err := registry.RegisterTokenFilter(foldFilterName, newFoldFilter); err != nil {
		return fmt.Errorf("register token filter %s: %w", foldFilterName, err)
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
