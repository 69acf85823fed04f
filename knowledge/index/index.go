package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"
)

// lockTimeout is how long opening the index waits for another process's
// lock on it. bleve would otherwise wait forever (bleve#1571).
const lockTimeout = "100ms"

// Index is the full-text index of the articles: one document per article
// file, its prose stored so that snippets and the text can be read back.
// It is safe for concurrent use.
type Index struct {
	bleve bleve.Index
}

// Doc is what the index keeps of one article.
type Doc struct {
	// File is the article's file name: the document's identity.
	File  string
	Title string
	// Paragraphs and Captions are stored, and read back by Text.
	Paragraphs, Captions []string
	// Published is the start of the article's date; zero when unknown.
	Published time.Time
	// Institutions and Countries are filters; Names are every name the
	// article's facts hold (institutions, aliases, people, places), for
	// fuzzy and wildcard searches.
	Institutions, Countries, Names []string
}

// Open opens the index in dir, or creates it when there is none. created
// reports whether it was created, so that a caller's record of what was
// indexed before is not trusted. It fails at once when another process has
// the index open.
func Open(dir string) (x *Index, created bool, err error) {
	if err := registerAnalysis(); err != nil {
		return nil, false, err
	}
	idx, err := bleve.OpenUsing(dir, map[string]any{"bolt_timeout": lockTimeout})
	switch {
	case err == nil:
		return &Index{bleve: idx}, false, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, false, fmt.Errorf("data directory %s is in use by another coopbot process: %w", dir, err)
	case !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) &&
		!errors.Is(err, bleve.ErrorIndexMetaMissing) &&
		!errors.Is(err, bleve.ErrorIndexMetaCorrupt):
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	x, err = Create(dir)
	return x, err == nil, err
}

// Create creates a new, empty index in dir, replacing whatever is there.
func Create(dir string) (*Index, error) {
	if err := registerAnalysis(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("clear index %s: %w", dir, err)
	}
	m, err := indexMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, map[string]any{"bolt_timeout": lockTimeout})
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return &Index{bleve: idx}, nil
}

// Close closes the index.
func (x *Index) Close() error {
	if err := x.bleve.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	return nil
}

// Count returns the number of documents in the index.
func (x *Index) Count(ctx context.Context) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return x.bleve.DocCount()
}

// document returns the fields that index d.
func document(d Doc) map[string]any {
	doc := map[string]any{
		fieldTitle: d.Title,
		fieldBody:  strings.Join(d.Paragraphs, "\n"),
		fieldFile:  d.File,
	}
	if len(d.Captions) > 0 {
		doc[fieldCaptions] = strings.Join(d.Captions, "\n")
	}
	if !d.Published.IsZero() {
		doc[fieldPublished] = d.Published
	}
	if s := uniqueNonEmpty(d.Institutions); len(s) > 0 {
		doc[fieldInstitutions] = s
	}
	if s := uniqueNonEmpty(d.Countries); len(s) > 0 {
		doc[fieldCountries] = s
	}
	if s := uniqueNonEmpty(d.Names); len(s) > 0 {
		doc[fieldNames] = s
	}
	return doc
}

// uniqueNonEmpty returns the distinct non-empty strings of s, sorted, in a
// new slice.
func uniqueNonEmpty(s []string) []string {
	s = slices.DeleteFunc(slices.Clone(s), func(v string) bool { return v == "" })
	slices.Sort(s)
	return slices.Compact(s)
}
