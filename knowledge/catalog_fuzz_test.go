package knowledge

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecodeCatalog decodes any catalog file, as Open does at start: it
// never panics, and a catalog it accepts has a record for every entry,
// filed under the record's own file, from which the model builds.
func FuzzDecodeCatalog(f *testing.F) {
	// A catalog of this version, built now, as well as the corpus's.
	cfg := Config{ArticlesDir: f.TempDir(), DataDir: f.TempDir()}
	writeArticles(f, cfg.ArticlesDir, map[string]string{
		"a.txt": articleText("Slope engineering seminar", "slope engineering"),
		"b.txt": articleText("Joint laboratory for batteries", "solid-state batteries"),
	})
	l, _, err := Open(context.Background(), cfg)
	if err != nil {
		f.Fatal(err)
	}
	l.Close()
	if data, err := os.ReadFile(filepath.Join(cfg.DataDir, catalogName)); err == nil {
		f.Add(data)
	}
	gaz := testGazetteer(f)
	noText := func(*record) ([]string, []string) { return nil, nil }
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := decodeCatalog(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("decodeCatalog: an empty error")
			}
			return
		}
		for file, e := range c.entries {
			if e == nil || e.Record == nil || e.Record.Article.File != file {
				t.Fatalf("decodeCatalog: entry %q = %+v", file, e)
			}
		}
		newModel(c.records(), gaz, noText)
	})
}
