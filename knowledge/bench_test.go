package knowledge

// Benchmarks of the library on 10,000 synthetic articles, generated once per
// run (untimed) into a temporary folder removed at the end. Run them with
//
//	go test -run '^$' -bench . -benchtime 1x ./knowledge
//
// Targets: ingest at least half the docs/s of bare bleve; reopen under
// 100 ms; p99 under 25 ms for every query kind; peak RSS under 400 MB.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/coopbot/coopbot/knowledge/synthetic"
)

const (
	benchArticles = 10_000
	benchSeed     = 20251114
)

// benchCorpus is the folder of synthetic articles and the data directory
// of a library built from it, made at most once per run.
type benchCorpus struct {
	once     sync.Once
	root     string
	articles string
	data     string
	err      error
}

// corpus is the run's benchmark corpus; TestMain removes it.
var corpus benchCorpus

func TestMain(m *testing.M) {
	code := m.Run()
	if corpus.root != "" {
		os.RemoveAll(corpus.root)
	}
	os.Exit(code)
}

// benchDirs returns the articles folder and a data directory already synced
// with it, making them the first time.
func benchDirs(b *testing.B) (articles, data string) {
	b.Helper()
	corpus.once.Do(func() {
		corpus.root, corpus.err = os.MkdirTemp("", "coopbot-bench-")
		if corpus.err != nil {
			return
		}
		corpus.articles = filepath.Join(corpus.root, "articles")
		corpus.data = filepath.Join(corpus.root, "data")
		if corpus.err = synthetic.WriteDir(corpus.articles, benchSeed, benchArticles); corpus.err != nil {
			return
		}
		l, _, err := Open(context.Background(), Config{ArticlesDir: corpus.articles, DataDir: corpus.data})
		if err != nil {
			corpus.err = err
			return
		}
		corpus.err = l.Close()
	})
	if corpus.err != nil {
		b.Fatal(corpus.err)
	}
	return corpus.articles, corpus.data
}

// BenchmarkIngest opens a library on an empty data directory: reading,
// extracting and indexing every article.
func BenchmarkIngest(b *testing.B) { benchIngest(b, nil) }

// BenchmarkIngestNoExtract is BenchmarkIngest with extraction left out:
// reading, hashing, indexing and the catalog alone.
func BenchmarkIngestNoExtract(b *testing.B) {
	benchIngest(b, func(*Article) Facts { return Facts{} })
}

func benchIngest(b *testing.B, extract func(*Article) Facts) {
	articles, _ := benchDirs(b)
	var elapsed time.Duration
	var disk int64
	for b.Loop() {
		b.StopTimer()
		data := b.TempDir()
		b.StartTimer()
		start := time.Now()
		l, rep, err := open(context.Background(), Config{ArticlesDir: articles, DataDir: data}, extract)
		elapsed += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Added) != benchArticles {
			b.Fatalf("Open added %d articles, skipped %d; want %d", len(rep.Added), len(rep.Skipped), benchArticles)
		}
		l.Close()
		disk = dirSize(data)
		b.StartTimer()
	}
	b.ReportMetric(float64(benchArticles*b.N)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(disk)/(1<<20), "disk-MB")
	b.ReportMetric(peakRSS(b), "peak-RSS-MB") // of the whole run so far
}

// BenchmarkIngestBareBleve indexes the same articles with bleve's default
// mapping, as the baseline of BenchmarkIngest.
func BenchmarkIngestBareBleve(b *testing.B) {
	articles, _ := benchDirs(b)
	entries, err := os.ReadDir(articles)
	if err != nil {
		b.Fatal(err)
	}
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "index")
		b.StartTimer()
		start := time.Now()
		idx, err := bleve.New(dir, bleve.NewIndexMapping())
		if err != nil {
			b.Fatal(err)
		}
		batch := idx.NewBatch()
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(articles, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			title, body, _ := strings.Cut(string(data), "\n")
			batch.Index(e.Name(), struct{ Title, Body string }{title, body})
			if batch.Size() >= 1000 {
				if err := idx.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch.Reset()
			}
		}
		if err := idx.Batch(batch); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		idx.Close()
	}
	b.ReportMetric(float64(len(entries)*b.N)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(peakRSS(b), "peak-RSS-MB") // of the whole run so far
}

// BenchmarkReopen opens a library whose folder has not changed since it
// was last closed: the catalog is loaded and the model built, nothing is
// read or extracted.
func BenchmarkReopen(b *testing.B) {
	articles, data := benchDirs(b)
	cfg := Config{ArticlesDir: articles, DataDir: data}
	for b.Loop() {
		l, rep, err := Open(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if rep.Unchanged != benchArticles {
			b.Fatalf("reopen: %d unchanged; want %d", rep.Unchanged, benchArticles)
		}
		l.Close()
		b.StartTimer()
	}
}

// dirSize returns the bytes of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// peakRSS returns the process's peak resident set size in MB, from
// /proc/self/status; 0 where there is no such file.
func peakRSS(b *testing.B) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb float64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%f kB", &kb); err != nil {
				b.Logf("VmHWM %q: %v", rest, err)
			}
			return kb / 1024
		}
	}
	return 0
}
