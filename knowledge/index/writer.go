package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// batchSize is the number of documents indexed per bleve batch: the notes
// measured 200-1000 as best on two cores.
const batchSize = 500

// BatchSize is how many changes a Writer gathers before it applies them:
// a producer that keeps this many ready keeps the writer busy.
const BatchSize = batchSize

// Writer applies additions and removals to the index in batches. A full
// batch is applied in the background while the next one fills, so that the
// caller's reading and extraction go on meanwhile; at most one is in
// flight. A Writer is not safe for concurrent use; Flush must be called
// before the changes are all in the index.
type Writer struct {
	idx   bleve.Index
	batch *bleve.Batch
	// done receives the result of the batch in flight, if any.
	done chan error
}

// Writer returns a new Writer of the index.
func (x *Index) Writer() *Writer {
	return &Writer{idx: x.bleve, batch: x.bleve.NewBatch()}
}

// Put indexes d, replacing any document of the same file.
func (w *Writer) Put(d Doc) error {
	if err := w.batch.Index(d.File, document(d)); err != nil {
		return fmt.Errorf("index %s: %w", d.File, err)
	}
	return w.flushIfFull()
}

// Remove deletes the document of file.
func (w *Writer) Remove(file string) error {
	w.batch.Delete(file)
	return w.flushIfFull()
}

func (w *Writer) flushIfFull() error {
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
func (w *Writer) wait() error {
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

// Flush applies every pending change before it returns.
func (w *Writer) Flush() error {
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
