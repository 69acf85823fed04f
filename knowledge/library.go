package knowledge

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/index"
)

// Config says where a Library finds its articles and keeps its data.
type Config struct {
	// ArticlesDir is the folder of articles, one article per file.
	ArticlesDir string
	// DataDir holds the index and the catalog; it is created when missing.
	// Only one process may use it at a time.
	DataDir string
}

// Library is the articles of a folder, their facts, and a persistent
// full-text index of them, kept in step with the folder by Sync. Queries
// are safe to run concurrently with each other and with a sync: each one
// reads the model current when it starts.
type Library struct {
	cfg   Config
	gaz   *gazetteer.Gazetteer
	ext   *extract.Extractor
	model atomic.Pointer[model]

	index *index.Index
	// extractFacts is ext.Extract; tests wrap it to count extractions.
	extractFacts func(*article.Article) extract.Facts

	mu      sync.Mutex // serialises syncs and Close; guards catalog, prebuilt and closed
	catalog *catalog
	// prebuilt delivers the model of the catalog as Open found it.
	prebuilt <-chan *model
	closed   bool
}

// Open opens the library kept in cfg.DataDir, creating it when there is
// none, and syncs it with cfg.ArticlesDir. It fails at once when another
// process has the data directory open.
func Open(ctx context.Context, cfg Config) (*Library, SyncReport, error) {
	return open(ctx, cfg, nil)
}

// open is Open with the extraction replaced by extractFacts when it is not nil:
// benchmarks use it to measure reading and indexing alone.
func open(ctx context.Context, cfg Config, extractFacts func(*article.Article) extract.Facts) (*Library, SyncReport, error) {
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, SyncReport{}, fmt.Errorf("create data directory: %w", err)
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		return nil, SyncReport{}, fmt.Errorf("load gazetteer: %w", err)
	}
	idx, created, err := index.Open(filepath.Join(cfg.DataDir, "index"))
	if err != nil {
		return nil, SyncReport{}, err
	}
	cat := loadCatalog(cfg.DataDir)
	if len(cat.entries) == 0 && !created {
		// The catalog is lost or outdated, so the index may hold documents
		// of files no longer there, or of an older mapping: start afresh.
		idx.Close()
		if idx, err = index.Create(filepath.Join(cfg.DataDir, "index")); err != nil {
			return nil, SyncReport{}, err
		}
	}
	if created {
		cat = newCatalog() // its records were never indexed here
	}
	ext := extract.NewExtractor(gaz)
	if extractFacts == nil {
		extractFacts = ext.Extract
	}
	l := &Library{cfg: cfg, gaz: gaz, ext: ext, index: idx, extractFacts: extractFacts, catalog: cat}
	if len(cat.entries) > 0 {
		// Build the model of the catalog while the sync scans the folder:
		// when nothing changed, it is the model.
		ready := make(chan *model, 1)
		go func() { ready <- newModel(cat.records(), gaz, l.text) }()
		l.prebuilt = ready
	}
	rep, err := l.Sync(ctx)
	if err != nil {
		idx.Close()
		return nil, rep, err
	}
	return l, rep, nil
}

// buildModel returns the model of the catalog c: the one Open built ahead
// when nothing changed since, else a new one.
func (l *Library) buildModel(c *catalog, changed bool) *model {
	pre := l.prebuilt
	l.prebuilt = nil
	if pre != nil && !changed {
		return <-pre
	}
	return newModel(c.records(), l.gaz, l.text)
}

// Close closes the index. Queries running may fail; the library must not be
// used afterwards.
func (l *Library) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	return l.index.Close()
}

// Sync brings the library in step with the articles folder: it reads and
// indexes new and changed files, and forgets vanished ones. A file whose
// size and modification time are as the catalog recorded is taken as
// unchanged without reading it; any other is hashed, and only a changed
// hash makes it read, extracted and indexed again. Files that are not
// articles are reported in Skipped, and the others load.
func (l *Library) Sync(ctx context.Context) (SyncReport, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return SyncReport{}, errors.New("library is closed")
	}
	root, err := os.OpenRoot(l.cfg.ArticlesDir)
	if err != nil {
		return SyncReport{}, fmt.Errorf("read articles folder: %w", err)
	}
	defer root.Close()
	files, skipped, err := scanArticles(root)
	if err != nil {
		return SyncReport{}, err
	}
	rep := SyncReport{Skipped: skipped}
	next := newCatalog()
	var todo []fileStat
	for _, f := range files {
		if e := l.catalog.entries[f.name]; e != nil && f.matches(e) {
			next.entries[f.name] = e
			rep.Unchanged++
			continue
		}
		todo = append(todo, f)
	}
	w := l.index.Writer()
	dirty := false
	for res, err := range l.load(ctx, root, todo) {
		if err != nil {
			return SyncReport{}, err
		}
		if res.skip != nil {
			rep.Skipped = append(rep.Skipped, *res.skip)
			continue
		}
		next.entries[res.file] = res.entry
		if res.old == nil || res.old.Size != res.entry.Size || res.old.ModTime != res.entry.ModTime ||
			res.old.Record != res.entry.Record || !res.old.trusted() && res.entry.trusted() {
			dirty = true // worth writing: a file hashed anew only to find it unchanged is not
		}
		switch {
		case res.old == nil:
			rep.Added = append(rep.Added, res.file)
		case res.old.Record != res.entry.Record:
			rep.Changed = append(rep.Changed, res.file)
		default:
			rep.Unchanged++
			continue
		}
		if err := w.Put(document(res.entry.Record)); err != nil {
			return SyncReport{}, err
		}
	}
	for f := range l.catalog.entries {
		if next.entries[f] == nil {
			rep.Removed = append(rep.Removed, f)
			if err := w.Remove(f); err != nil {
				return SyncReport{}, err
			}
		}
	}
	if err := w.Flush(); err != nil {
		return SyncReport{}, err
	}
	if dirty || len(rep.Removed) > 0 {
		if err := next.save(l.cfg.DataDir); err != nil {
			return SyncReport{}, err
		}
	}
	changed := len(rep.Added)+len(rep.Changed)+len(rep.Removed) > 0
	l.catalog = next
	if changed || l.model.Load() == nil {
		l.model.Store(l.buildModel(next, changed))
	}
	sortReport(&rep)
	return rep, nil
}

// records returns the catalog's records, sorted by file.
func (c *catalog) records() []*record {
	recs := make([]*record, 0, len(c.entries))
	for _, e := range c.entries {
		recs = append(recs, e.Record)
	}
	slices.SortFunc(recs, func(a, b *record) int { return cmp.Compare(a.Article.File, b.Article.File) })
	return recs
}

func sortReport(r *SyncReport) {
	slices.Sort(r.Added)
	slices.Sort(r.Changed)
	slices.Sort(r.Removed)
	slices.SortFunc(r.Skipped, func(a, b Skipped) int { return cmp.Compare(a.File, b.File) })
}

// text returns a record's paragraphs and captions, which the catalog does
// not keep: the index stores them.
func (l *Library) text(r *record) (paragraphs, captions []string) {
	return l.index.Text(r.Article.File)
}
