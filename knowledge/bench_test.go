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
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/synthetic"
)

const (
	benchArticles = 10_000
	benchSeed     = 20251114
)

// benchCorpus is the folder of synthetic articles, written at most once
// per run, and the data directory of a library built from it.
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

// benchArticlesDir returns the folder of synthetic articles, writing it
// the first time.
func benchArticlesDir(b *testing.B) string {
	b.Helper()
	corpus.once.Do(func() {
		corpus.root, corpus.err = os.MkdirTemp("", "coopbot-bench-")
		if corpus.err == nil {
			corpus.articles = filepath.Join(corpus.root, "articles")
			corpus.err = synthetic.WriteDir(corpus.articles, benchSeed, benchArticles)
		}
	})
	if corpus.err != nil {
		b.Fatal(corpus.err)
	}
	return corpus.articles
}

// benchDirs returns the articles folder and a data directory synced with
// it: BenchmarkIngest's, or one built now when it did not run.
func benchDirs(b *testing.B) (articles, data string) {
	b.Helper()
	articles = benchArticlesDir(b)
	if corpus.data == "" {
		data = filepath.Join(corpus.root, "data")
		l, _, err := Open(context.Background(), Config{ArticlesDir: articles, DataDir: data})
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
		corpus.data = data
	}
	return articles, corpus.data
}

// BenchmarkIngest opens a library on an empty data directory: reading,
// extracting and indexing every article.
func BenchmarkIngest(b *testing.B) { benchIngest(b, nil) }

// BenchmarkIngestNoExtract is BenchmarkIngest with extraction left out:
// reading, hashing, indexing and the catalog alone.
func BenchmarkIngestNoExtract(b *testing.B) {
	benchIngest(b, func(*article.Article) extract.Facts { return extract.Facts{} })
}

func benchIngest(b *testing.B, extract func(*article.Article) extract.Facts) {
	articles := benchArticlesDir(b)
	var elapsed time.Duration
	var disk int64
	for b.Loop() {
		b.StopTimer()
		data, err := os.MkdirTemp(corpus.root, "data-")
		if err != nil {
			b.Fatal(err)
		}
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
		if extract == nil && corpus.data == "" {
			corpus.data = data // for BenchmarkReopen and BenchmarkQuery
		} else {
			os.RemoveAll(data)
		}
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

// BenchmarkQuery measures the latency of each kind of query on the
// 10k-article library, over a varied set drawn from the corpus, and
// reports its median and 99th percentile.
func BenchmarkQuery(b *testing.B) {
	articles, data := benchDirs(b)
	l, _, err := Open(context.Background(), Config{ArticlesDir: articles, DataDir: data})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	s := sampleCorpus(l.model.Load())
	kinds := map[string][]func(context.Context) error{"Search": searchQueries(l, s)}
	for kind, qs := range answerQueries(l, s) {
		kinds[kind] = qs
	}
	for _, kind := range []string{"Latest", "Partners", "Visits", "Search", "Ask"} {
		if qs := kinds[kind]; qs != nil {
			b.Run(kind, func(b *testing.B) { benchLatency(b, qs) })
		}
	}
}
