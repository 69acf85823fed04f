package knowledge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/index"
)

// racyWindow is how long after a file's modification time its size and
// time must have been recorded for them to be trusted to reveal a change.
// A file written twice within one tick of the file system's clock keeps its
// modification time; such a file is hashed again at every sync until its
// time is older than this (as git does with its "racily clean" entries).
const racyWindow = 2 * time.Second

// fileStat is one file of the articles folder as a directory listing shows it.
type fileStat struct {
	name      string
	size, mod int64
}

// matches reports whether the file is as it was when e was hashed.
func (f fileStat) matches(e *catalogEntry) bool {
	return e.Size == f.size && e.ModTime == f.mod && e.trusted()
}

// trusted reports whether the entry's size and time were recorded long
// enough after the file's last change to reveal the next one.
func (e *catalogEntry) trusted() bool {
	return e.Checked-e.ModTime > int64(racyWindow)
}

// scanArticles lists the regular files of dir, leaving out dot-files and
// folders. Files over MaxArticleBytes are skipped by their size, unread.
func scanArticles(dir string) ([]fileStat, []Skipped, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read articles folder: %w", err)
	}
	var files []fileStat
	var skipped []Skipped
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		info, err := os.Stat(filepath.Join(dir, name)) // follows symbolic links
		if err != nil {
			skipped = append(skipped, Skipped{File: name, Reason: "cannot read the file"})
			continue
		}
		if !info.Mode().IsRegular() {
			continue
		}
		if info.Size() > article.MaxArticleBytes {
			skipped = append(skipped, Skipped{File: name, Reason: fmt.Sprintf(
				"%d bytes is over the limit of %d", info.Size(), article.MaxArticleBytes)})
			continue
		}
		files = append(files, fileStat{name: name, size: info.Size(), mod: info.ModTime().UnixNano()})
	}
	return files, skipped, nil
}

// loadResult is one file loaded: a new catalog entry, or why it was skipped.
type loadResult struct {
	file  string
	entry *catalogEntry // nil when skipped
	old   *catalogEntry // the catalog's entry before, or nil
	skip  *Skipped
}

// load hashes files and reads and extracts those whose hash changed, on
// every core, yielding each result as it is ready. It yields an error, last,
// when ctx ends before every file is loaded.
func (l *Library) load(ctx context.Context, files []fileStat) iter.Seq2[loadResult, error] {
	return func(yield func(loadResult, error) bool) {
		wctx, cancel := context.WithCancel(ctx)
		jobs := make(chan fileStat)
		results := make(chan loadResult, index.BatchSize) // extraction runs on while a batch is indexed
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for f := range jobs {
					select {
					case results <- l.loadFile(f):
					case <-wctx.Done():
						return
					}
				}
			})
		}
		go func() {
			defer close(jobs)
			for _, f := range files {
				select {
				case jobs <- f:
				case <-wctx.Done():
					return
				}
			}
		}()
		go func() {
			wg.Wait()
			close(results)
		}()
		defer func() {
			cancel()
			for range results { // let the workers finish
			}
		}()
		for r := range results {
			if !yield(r, nil) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			yield(loadResult{}, fmt.Errorf("sync articles: %w", err))
		}
	}
}

// loadFile hashes one file and, when its hash is new, reads and extracts it.
func (l *Library) loadFile(f fileStat) (res loadResult) {
	res = loadResult{file: f.name, old: l.catalog.entries[f.name]}
	checked := time.Now().UnixNano()
	data, err := os.ReadFile(filepath.Join(l.cfg.ArticlesDir, f.name))
	if err != nil {
		res.skip = &Skipped{File: f.name, Reason: "cannot read the file"}
		return res
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	res.entry = &catalogEntry{Size: f.size, ModTime: f.mod, Checked: checked}
	if res.old != nil && res.old.Record.Article.Hash == hash {
		res.entry.Record = res.old.Record
		return res
	}
	defer func() {
		// One article that breaks the extractor must not stop the others.
		if p := recover(); p != nil {
			res.entry = nil
			res.skip = &Skipped{File: f.name, Reason: fmt.Sprintf("extraction failed: %v", p)}
		}
	}()
	a, err := article.Read(f.name, data)
	if err != nil {
		reason := err.Error()
		if ae := (*article.ArticleError)(nil); errors.As(err, &ae) {
			reason = ae.Reason
		}
		res.entry, res.skip = nil, &Skipped{File: f.name, Reason: reason}
		return res
	}
	a.File, a.Hash = f.name, hash
	res.entry.Record = &record{Article: *a, Facts: l.extractFacts(a)}
	return res
}
