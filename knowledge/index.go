package knowledge

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"
)

// batchSize is the number of documents indexed per bleve batch: the notes
// measured 200-1000 as best on two cores.
const batchSize = 500

// lockTimeout is how long opening the index waits for another process's
// lock on it. bleve would otherwise wait forever (bleve#1571).
const lockTimeout = "100ms"

// openIndex opens the index in dir, or creates it when there is none.
// created reports whether it was created, so that a catalog left from a
// lost index is not trusted.
func openIndex(dir string) (idx bleve.Index, created bool, err error) {
	idx, err = bleve.OpenUsing(dir, map[string]any{"bolt_timeout": lockTimeout})
	switch {
	case err == nil:
		return idx, false, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, false, fmt.Errorf("data directory %s is in use by another coopbot process: %w", dir, err)
	case !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) &&
		!errors.Is(err, bleve.ErrorIndexMetaMissing) &&
		!errors.Is(err, bleve.ErrorIndexMetaCorrupt):
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	return createIndex(dir)
}

// createIndex creates a new, empty index in dir, replacing whatever is there.
func createIndex(dir string) (bleve.Index, bool, error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, false, fmt.Errorf("clear index %s: %w", dir, err)
	}
	m, err := indexMapping()
	if err != nil {
		return nil, false, fmt.Errorf("index mapping: %w", err)
	}
	idx, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, map[string]any{"bolt_timeout": lockTimeout})
	if err != nil {
		return nil, false, fmt.Errorf("create index %s: %w", dir, err)
	}
	return idx, true, nil
}

// articleDoc returns the document that indexes r.
func articleDoc(r *record) map[string]any {
	a := &r.Article
	doc := map[string]any{
		fieldTitle: a.Title,
		fieldBody:  strings.Join(a.Paragraphs, "\n"),
		fieldFile:  a.File,
	}
	if len(a.Captions) > 0 {
		doc[fieldCaptions] = strings.Join(a.Captions, "\n")
	}
	if !a.Published.IsZero() {
		doc[fieldPublished] = a.Published.Start()
	}
	var insts, countries, names []string
	for _, in := range r.Facts.Institutions {
		insts = append(insts, in.Name)
		names = append(names, in.Name)
		names = append(names, in.Aliases...)
		countries = append(countries, in.Country)
	}
	for _, p := range r.Facts.People {
		names = append(names, p.Name)
	}
	for _, v := range r.Facts.Visits {
		names = append(names, v.City, v.Country)
		countries = append(countries, v.Country)
	}
	names = append(names, countries...)
	if s := uniqueNonEmpty(insts); len(s) > 0 {
		doc[fieldInstitutions] = s
	}
	if s := uniqueNonEmpty(countries); len(s) > 0 {
		doc[fieldCountries] = s
	}
	if s := uniqueNonEmpty(names); len(s) > 0 {
		doc[fieldNames] = s
	}
	return doc
}

// uniqueNonEmpty returns the distinct non-empty strings of s, sorted.
func uniqueNonEmpty(s []string) []string {
	s = slices.DeleteFunc(s, func(v string) bool { return v == "" })
	slices.Sort(s)
	return slices.Compact(s)
}

// indexWriter applies additions and removals to the index in batches. A
// full batch is applied in the background while the next one fills, so
// that reading and extraction go on meanwhile; at most one is in flight.
type indexWriter struct {
	idx   bleve.Index
	batch *bleve.Batch
	// done receives the result of the batch in flight, if any.
	done chan error
}

func newIndexWriter(idx bleve.Index) *indexWriter {
	return &indexWriter{idx: idx, batch: idx.NewBatch()}
}

// put indexes r, replacing any document of the same file.
func (w *indexWriter) put(r *record) error {
	if err := w.batch.Index(r.Article.File, articleDoc(r)); err != nil {
		return fmt.Errorf("index %s: %w", r.Article.File, err)
	}
	return w.flushIfFull()
}

// remove deletes the document of file.
func (w *indexWriter) remove(file string) error {
	w.batch.Delete(file)
	return w.flushIfFull()
}

func (w *indexWriter) flushIfFull() error {
	if w.batch.Size() < batchSize {
		return nil
	}
	if err := w.wait(); err != nil {
		return err
	}
	b := w.batch
	// A new batch, not Reset: scorch's Batch may return while a goroutine
	// of its own still ranges over the old batch's operations.
	w.batch = w.idx.NewBatch()
	w.done = make(chan error, 1)
	go func() { w.done <- w.idx.Batch(b) }()
	return nil
}

// wait waits for the batch in flight.
func (w *indexWriter) wait() error {
	if w.done == nil {
		return nil
	}
	err := <-w.done
	w.done = nil
	if err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	return nil
}

// flush applies every pending change before it returns.
func (w *indexWriter) flush() error {
	if err := w.wait(); err != nil {
		return err
	}
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.idx.Batch(w.batch); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	w.batch = w.idx.NewBatch()
	return nil
}
