package knowledge

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
)

func TestCatalogRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c := newCatalog()
	for i := range 2500 {
		f := fmt.Sprintf("%04d.txt", i)
		c.entries[f] = &catalogEntry{
			Record: &record{
				Article: article.Article{File: f, Hash: "h", Title: "T", Published: article.Date{Year: 2025, Month: 11},
					Paragraphs: []string{"Nguyễn went to Kestrel Bay."}},
				Facts: extract.Facts{Institutions: []extract.Institution{{Name: "Kestrel Bay University", Aliases: []string{"KBU"}}}},
			},
			Size: int64(i), ModTime: 1, Checked: 2,
		}
	}
	if err := c.save(dir); err != nil {
		t.Fatal(err)
	}
	got := loadCatalog(dir)
	if len(got.entries) != len(c.entries) {
		t.Fatalf("loadCatalog: %d entries; want %d", len(got.entries), len(c.entries))
	}
	e := got.entries["1234.txt"]
	if e.Size != 1234 || e.Record.Article.Published.Month != 11 || e.Record.Facts.Institutions[0].Aliases[0] != "KBU" {
		t.Errorf("loadCatalog: entry 1234 = %+v", e)
	}
}

// TestCatalogMismatchResyncs checks that a catalog of another version, or a
// damaged one, is taken as empty: the library re-reads everything, without
// an error, and keeps no stale documents.
func TestCatalogMismatchResyncs(t *testing.T) {
	damage := map[string]func(data []byte) []byte{
		"old version": func(data []byte) []byte {
			binary.LittleEndian.PutUint32(data[len(catalogMagic):], catalogVersion+1)
			return data
		},
		"other record type": func(data []byte) []byte {
			data[len(catalogMagic)+4] ^= 0xff
			return data
		},
		"truncated": func(data []byte) []byte { return data[:len(data)/2] },
		"garbage":   func([]byte) []byte { return []byte("not a catalog") },
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			l, _, cfg := openTest(t, map[string]string{
				"a.txt": articleText("Seminar on tunnels", "tunnels"),
				"b.txt": articleText("Seminar on bridges", "bridges"),
			})
			l.Close()
			path := filepath.Join(cfg.DataDir, catalogName)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f(data), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(cfg.ArticlesDir, "b.txt"))
			l, rep, err := Open(context.Background(), cfg)
			if err != nil {
				t.Fatalf("Open with a damaged catalog: %v", err)
			}
			defer l.Close()
			if len(rep.Added) != 1 || rep.Unchanged != 0 {
				t.Errorf("Open with a damaged catalog: %+v; want a.txt added again", rep)
			}
			if n := docCount(t, l); n != 1 {
				t.Errorf("DocCount = %d; want 1 (b.txt's document gone)", n)
			}
		})
	}
}

// TestQueriesDuringSync runs searches and reads the model while syncs add
// and remove articles; run it with -race.
func TestQueriesDuringSync(t *testing.T) {
	files := map[string]string{}
	for i := range 30 {
		files[fmt.Sprintf("%02d.txt", i)] = articleText(fmt.Sprintf("Workshop %d on hydrology", i), "hydrology")
	}
	l, _, cfg := openTest(t, files)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if _, err := l.Search(context.Background(), "hydrology workshop", 5); err != nil {
					t.Errorf("Search during sync: %v", err)
					return
				}
				if m := l.model.Load(); len(m.records) < 30 {
					t.Errorf("model during sync has %d records; want at least 30", len(m.records))
					return
				}
			}
		})
	}
	for i := range 10 {
		extra := fmt.Sprintf("extra%d.txt", i)
		writeArticles(t, cfg.ArticlesDir, map[string]string{extra: articleText("Extra workshop", "karst hydrology")})
		if _, err := l.Sync(context.Background()); err != nil {
			t.Errorf("Sync: %v", err)
		}
		if i%2 == 1 {
			os.Remove(filepath.Join(cfg.ArticlesDir, extra))
		}
	}
	close(done)
	wg.Wait()
	if _, err := l.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := docCount(t, l); n != 35 {
		t.Errorf("DocCount = %d; want 35", n)
	}
}
