package knowledge

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
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

// scanArticles lists the regular files of the articles folder root,
// leaving out dot-files and plain folders. It never follows a symbolic
// link, so that a link such as notes.txt → ../.env cannot bring a file from
// outside the folder into the index: links, devices, pipes, sockets and
// folders named like articles are skipped, each with its reason. Files over
// MaxArticleBytes are skipped by their size, unread.
func scanArticles(root *os.Root) ([]fileStat, []Skipped, error) {
	d, err := root.Open(".")
	if err != nil {
		return nil, nil, fmt.Errorf("read articles folder: %w", err)
	}
	entries, err := d.ReadDir(-1)
	d.Close()
	if err != nil {
		return nil, nil, fmt.Errorf("read articles folder: %w", err)
	}
	var files []fileStat
	var skipped []Skipped
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		info, err := e.Info() // the entry itself: a link is not followed
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) { // gone since the listing: not an article any more
				skipped = append(skipped, Skipped{File: name, Reason: "cannot read the file"})
			}
			continue
		}
		if why, skip := notAnArticle(name, info.Mode()); skip {
			if why != "" {
				skipped = append(skipped, Skipped{File: name, Reason: why})
			}
			continue
		}
		if info.Size() > article.MaxArticleBytes {
			skipped = append(skipped, Skipped{File: name, Reason: tooBig(info.Size())})
			continue
		}
		files = append(files, fileStat{name: name, size: info.Size(), mod: info.ModTime().UnixNano()})
	}
	return files, skipped, nil
}

// notAnArticle reports whether an entry of the articles folder of mode m
// is not a regular file, and why, for the log; a plain folder (a name
// without an extension) is left out without a word.
func notAnArticle(name string, m fs.FileMode) (why string, skip bool) {
	switch {
	case m.IsRegular():
		return "", false
	case m&fs.ModeSymlink != 0:
		return "a symbolic link: links are not followed, so that nothing outside the articles folder is read", true
	case m.IsDir():
		if filepath.Ext(name) == "" {
			return "", true
		}
		return "a folder, not a file", true
	case m&fs.ModeDevice != 0:
		return "a device, not a regular file", true
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe, not a regular file", true
	case m&fs.ModeSocket != 0:
		return "a socket, not a regular file", true
	}
	return "not a regular file", true
}

// tooBig is the reason a file of size bytes is skipped.
func tooBig(size int64) string {
	return fmt.Sprintf("%d bytes is over the limit of %d", size, article.MaxArticleBytes)
}

// readArticle reads the file name of the articles folder root, confined to
// it: os.Root refuses a path that leaves the folder, even by a link made
// since the scan. It is opened without blocking, so that a pipe swapped in
// since the scan cannot hang the sync, and read only when the open file is
// a regular one within the size limit. It returns why not, or "".
func readArticle(root *os.Root, name string) ([]byte, string) {
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, "cannot read the file"
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, "cannot read the file"
	}
	if why, skip := notAnArticle(name, info.Mode()); skip {
		return nil, cmp.Or(why, "a folder, not a file")
	}
	data, err := io.ReadAll(io.LimitReader(f, article.MaxArticleBytes+1))
	switch {
	case err != nil:
		return nil, "cannot read the file"
	case len(data) > article.MaxArticleBytes:
		return nil, tooBig(int64(len(data)))
	}
	return data, ""
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
func (l *Library) load(ctx context.Context, root *os.Root, files []fileStat) iter.Seq2[loadResult, error] {
	return func(yield func(loadResult, error) bool) {
		wctx, cancel := context.WithCancel(ctx)
		jobs := make(chan fileStat)
		results := make(chan loadResult, index.BatchSize) // extraction runs on while a batch is indexed
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for f := range jobs {
					select {
					case results <- l.loadFile(root, f):
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

// loadFile hashes one file of root and, when its hash is new, reads and
// extracts it.
func (l *Library) loadFile(root *os.Root, f fileStat) (res loadResult) {
	res = loadResult{file: f.name, old: l.catalog.entries[f.name]}
	checked := time.Now().UnixNano()
	data, why := readArticle(root, f.name)
	if why != "" {
		res.skip = &Skipped{File: f.name, Reason: why}
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
