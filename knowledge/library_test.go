package knowledge

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
)

// articleText returns the text of a small article about topic.
func articleText(title, topic string) string {
	return title + "\n\n14/11/2025\n\n" +
		"On 12 November 2025, a delegation of Northbridge University of Technology (NUT) " +
		"visited Lakeside Polytechnic Institute to discuss " + topic + ".\n\n" +
		"Both sides agreed to exchange lecturers and students from 2026.\n"
}

// writeArticles writes name → text into dir, with modification times an
// hour old so that syncs may trust them.
func writeArticles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// openTest opens a library on fresh folders holding files, and closes it
// at the end of the test.
func openTest(t *testing.T, files map[string]string) (*Library, SyncReport, Config) {
	t.Helper()
	cfg := Config{ArticlesDir: t.TempDir(), DataDir: t.TempDir()}
	writeArticles(t, cfg.ArticlesDir, files)
	l, rep, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	return l, rep, cfg
}

func docCount(t *testing.T, l *Library) uint64 {
	t.Helper()
	n, err := l.index.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSyncAddChangeRemove(t *testing.T) {
	l, rep, cfg := openTest(t, map[string]string{
		"a.txt": articleText("Slope engineering seminar", "slope engineering"),
		"b.txt": articleText("Joint laboratory for batteries", "solid-state batteries"),
	})
	if want := []string{"a.txt", "b.txt"}; !slices.Equal(rep.Added, want) {
		t.Fatalf("Open: Added = %v; want %v", rep.Added, want)
	}
	writeArticles(t, cfg.ArticlesDir, map[string]string{
		"b.txt": articleText("Joint laboratory for hydrogen", "hydrogen storage"),
		"c.txt": articleText("Scholarships for geology students", "scholarships"),
	})
	if err := os.Remove(filepath.Join(cfg.ArticlesDir, "a.txt")); err != nil {
		t.Fatal(err)
	}
	rep, err := l.Sync(context.Background())
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	got := fmt.Sprint(rep.Added, rep.Changed, rep.Removed, rep.Unchanged)
	if want := "[c.txt] [b.txt] [a.txt] 0"; got != want {
		t.Errorf("Sync: added, changed, removed, unchanged = %s; want %s", got, want)
	}
	if n := docCount(t, l); n != 2 {
		t.Errorf("DocCount = %d; want 2", n)
	}
	if m := l.model.Load(); len(m.records) != 2 || m.byFile["b.txt"].Article.Title != "Joint laboratory for hydrogen" {
		t.Errorf("model after sync: %d records, b.txt = %+v", len(m.records), m.byFile["b.txt"])
	}
	for q, want := range map[string]int{"hydrogen": 1, "batteries": 0, "slope": 0, "scholarships": 1} {
		res, err := l.Search(context.Background(), q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(res.Hits) != want {
			t.Errorf("Search(%q) = %d hits; want %d", q, len(res.Hits), want)
		}
	}
}

func TestSyncDoesNotReextractUnchanged(t *testing.T) {
	files := map[string]string{}
	for i := range 20 {
		files[fmt.Sprintf("%02d.txt", i)] = articleText(fmt.Sprintf("Seminar number %d", i), "mining")
	}
	l, _, cfg := openTest(t, files)
	var calls atomic.Int32
	extractFacts := l.extractFacts
	l.extractFacts = func(a *article.Article) extract.Facts { calls.Add(1); return extractFacts(a) }

	rep, err := l.Sync(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 20 || calls.Load() != 0 {
		t.Errorf("Sync of an unchanged folder: Unchanged = %d, extractions = %d; want 20, 0", rep.Unchanged, calls.Load())
	}
	// Same bytes, new modification time: hashed again, but not extracted.
	now := time.Now()
	os.Chtimes(filepath.Join(cfg.ArticlesDir, "03.txt"), now, now)
	writeArticles(t, cfg.ArticlesDir, map[string]string{"07.txt": articleText("Seminar on tunnels", "tunnels")})
	if rep, err = l.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 19 || !slices.Equal(rep.Changed, []string{"07.txt"}) || calls.Load() != 1 {
		t.Errorf("Sync after touching 03 and changing 07: Unchanged = %d, Changed = %v, extractions = %d; want 19, [07.txt], 1",
			rep.Unchanged, rep.Changed, calls.Load())
	}

	// A restart reads nothing: every record comes from the catalog.
	l.Close()
	l2, rep, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	if len(rep.Added)+len(rep.Changed) != 0 || rep.Unchanged != 20 {
		t.Errorf("reopen: %+v; want 20 unchanged and nothing added", rep)
	}
	if n := docCount(t, l2); n != 20 {
		t.Errorf("reopen: DocCount = %d; want 20", n)
	}
	if m := l2.model.Load(); len(m.records) != 20 {
		t.Errorf("reopen: model has %d records; want 20", len(m.records))
	}
}

func TestSyncSkipsBadFiles(t *testing.T) {
	cfg := Config{ArticlesDir: t.TempDir(), DataDir: t.TempDir()}
	writeArticles(t, cfg.ArticlesDir, map[string]string{
		"good.txt":    articleText("Agreement on water research", "water research"),
		"empty.txt":   "  \n",
		"binary.bin":  "\x00\x01\x02PNG\x00\x00",
		"latin1.txt":  "Universit\xe9 de Lyon\n\nA visit.",
		".hidden.txt": articleText("Hidden", "nothing"),
	})
	big := strings.Repeat("word ", article.MaxArticleBytes/5+10)
	writeArticles(t, cfg.ArticlesDir, map[string]string{"big.txt": big})
	os.Mkdir(filepath.Join(cfg.ArticlesDir, "folder"), 0o755)

	l, rep, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer l.Close()
	if !slices.Equal(rep.Added, []string{"good.txt"}) {
		t.Errorf("Added = %v; want [good.txt]", rep.Added)
	}
	var skipped []string
	for _, s := range rep.Skipped {
		if s.Reason == "" {
			t.Errorf("Skipped %s without a reason", s.File)
		}
		skipped = append(skipped, s.File)
	}
	if want := []string{"big.txt", "binary.bin", "empty.txt", "latin1.txt"}; !slices.Equal(skipped, want) {
		t.Errorf("Skipped = %v; want %v", rep.Skipped, want)
	}
}

func TestOpenTwiceFailsFast(t *testing.T) {
	_, _, cfg := openTest(t, map[string]string{"a.txt": articleText("Visit", "mining")})
	start := time.Now()
	l2, _, err := Open(context.Background(), cfg)
	if err == nil {
		l2.Close()
		t.Fatal("second Open of the same data directory succeeded")
	}
	if !strings.Contains(err.Error(), "is in use by another coopbot process") {
		t.Errorf("second Open: %v; want a message saying the directory is in use", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second Open took %v; want it to fail at once", d)
	}
}
