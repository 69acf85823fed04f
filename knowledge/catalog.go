package knowledge

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/coopbot/coopbot/knowledge/extract"
)

// catalogName is the catalog's file in the data directory.
const catalogName = "catalog.bin"

// catalogVersion is the catalog's format. Raise it whenever the format, the
// index mapping or the meaning of a record changes: an older catalog is then
// ignored, and the library re-reads and re-indexes every article.
const catalogVersion = 1

// catalogMagic opens every catalog file.
const catalogMagic = "coopbot catalog\n"

// catalogEntry is what the catalog knows of one file: its record, and the
// size and modification time it had when it was hashed, so that the next
// sync need not hash it again.
type catalogEntry struct {
	Record  *record
	Size    int64
	ModTime int64 // nanoseconds since 1970
	Checked int64 // when the file was hashed, nanoseconds since 1970
}

// catalog persists every record, so that a restart never re-extracts an
// unchanged article. It is one file, written whole and atomically after the
// index batch is applied: a crash between the two only makes the next sync
// re-index, which is idempotent.
//
// The file is a header (magic, version, a fingerprint of the record type,
// the number of chunks) and chunks of gob-encoded entries, each preceded by
// its length, decoded in parallel.
type catalog struct {
	entries map[string]*catalogEntry
}

func newCatalog() *catalog {
	return &catalog{entries: make(map[string]*catalogEntry)}
}

// loadCatalog reads the catalog in dir. A catalog that is missing,
// unreadable, or of another version or record type is returned empty, with
// no error: the sync then rebuilds everything from the articles.
func loadCatalog(dir string) *catalog {
	data, err := os.ReadFile(filepath.Join(dir, catalogName))
	if err != nil {
		return newCatalog()
	}
	c, err := decodeCatalog(data)
	if err != nil {
		return newCatalog()
	}
	return c
}

func decodeCatalog(data []byte) (*catalog, error) {
	r := bytes.NewReader(data)
	var hdr catalogHeader
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("catalog header: %w", err)
	}
	if hdr.Chunks > 1<<10 || hdr != newCatalogHeader(hdr.Chunks) {
		return nil, errors.New("catalog of another version")
	}
	chunks := make([][]byte, hdr.Chunks)
	for i := range chunks {
		var n uint64
		if err := binary.Read(r, binary.LittleEndian, &n); err != nil || n > uint64(r.Len()) {
			return nil, errors.New("catalog truncated")
		}
		off := len(data) - r.Len()
		chunks[i] = data[off : off+int(n)]
		r.Seek(int64(n), 1)
	}
	parts := make([][]catalogEntry, len(chunks))
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, chunk := range chunks {
		wg.Go(func() {
			errs[i] = gob.NewDecoder(bytes.NewReader(chunk)).Decode(&parts[i])
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("catalog entries: %w", err)
	}
	c := newCatalog()
	for _, part := range parts {
		for i := range part {
			e := &part[i]
			if e.Record == nil {
				return nil, errors.New("catalog entry without a record")
			}
			c.entries[e.Record.Article.File] = e
		}
	}
	return c, nil
}

// save writes the catalog into dir atomically: a temporary file, synced,
// then renamed over the old one.
func (c *catalog) save(dir string) error {
	files := make([]string, 0, len(c.entries))
	for f := range c.entries {
		files = append(files, f)
	}
	slices.Sort(files)
	n := max(1, min(runtime.GOMAXPROCS(0), len(files)/1000))
	chunks := make([]bytes.Buffer, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range chunks {
		wg.Go(func() {
			part := make([]catalogEntry, 0, len(files)/n+1)
			for _, f := range files[i*len(files)/n : (i+1)*len(files)/n] {
				// The text stays in the index alone: the catalog keeps what
				// reopening needs, and stays small enough to load at once.
				e := *c.entries[f]
				r := *e.Record
				r.Article.Paragraphs, r.Article.Captions = nil, nil
				e.Record = &r
				part = append(part, e)
			}
			errs[i] = gob.NewEncoder(&chunks[i]).Encode(part)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("encode catalog: %w", err)
	}
	return writeFileAtomic(filepath.Join(dir, catalogName), func(w io.Writer) error {
		if err := binary.Write(w, binary.LittleEndian, newCatalogHeader(uint32(n))); err != nil {
			return err
		}
		for i := range chunks {
			if err := binary.Write(w, binary.LittleEndian, uint64(chunks[i].Len())); err != nil {
				return err
			}
			if _, err := chunks[i].WriteTo(w); err != nil {
				return err
			}
		}
		return nil
	})
}

// catalogHeader opens the catalog file.
type catalogHeader struct {
	Magic   [len(catalogMagic)]byte
	Version uint32
	Schema  uint64 // recordSchema's hash
	Chunks  uint32
}

func newCatalogHeader(chunks uint32) catalogHeader {
	h := catalogHeader{Version: catalogVersion<<16 | extract.Version, Schema: recordSchema(), Chunks: chunks}
	copy(h.Magic[:], catalogMagic)
	return h
}

// recordSchema hashes the shape of catalogEntry (every field's name and
// type, recursively), so that a change to Article or Facts invalidates old
// catalogs: gob would otherwise decode them, silently leaving new fields
// empty for every unchanged article.
func recordSchema() uint64 {
	var b strings.Builder
	describeType(&b, reflect.TypeFor[catalogEntry](), 0)
	h := fnv.New64a()
	h.Write([]byte(b.String()))
	return h.Sum64()
}

func describeType(b *strings.Builder, t reflect.Type, depth int) {
	if depth > 10 {
		b.WriteString(t.String())
		return
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		b.WriteString(t.Kind().String() + "(")
		if t.Kind() == reflect.Map {
			describeType(b, t.Key(), depth+1)
			b.WriteString(",")
		}
		describeType(b, t.Elem(), depth+1)
		b.WriteString(")")
	case reflect.Struct:
		b.WriteString("{")
		for i := range t.NumField() {
			f := t.Field(i)
			b.WriteString(f.Name + " ")
			describeType(b, f.Type, depth+1)
			b.WriteString(";")
		}
		b.WriteString("}")
	default:
		b.WriteString(t.Kind().String())
	}
}

// writeFileAtomic replaces path with what write writes, so that a reader,
// or a crash, sees either the old file or the new one, whole.
func writeFileAtomic(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	bw := bufio.NewWriterSize(tmp, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync() // makes the rename durable; not every system can
		d.Close()
	}
	return nil
}
