package commands

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/synthetic"
)

// *knowledge.Library is the Knowledge the bot runs on.
var _ Knowledge = (*knowledge.Library)(nil)

// openCorpus opens a library over dir, with its index in a temporary folder.
func openCorpus(t *testing.T, dir string) *knowledge.Library {
	t.Helper()
	lib, _, err := knowledge.Open(context.Background(), knowledge.Config{ArticlesDir: dir, DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("knowledge.Open(%s) = %v", dir, err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// corpusNames picks an institution and a country the corpus knows, and
// prefixes to autocomplete.
func corpusNames(lib *knowledge.Library) (inst, country string, prefixes []string) {
	inst, country = "HUMG", "China"
	if es := lib.Suggest("", 1); len(es) > 0 {
		inst = es[0].Name
		if es[0].Country != "" {
			country = es[0].Country
		}
	}
	return inst, country, []string{"", "hu", "ha", "uni", "vi", "c", "đại", "x"}
}

// TestRepliesOverSeeds checks every reply to a broad set of commands over
// the seed articles, and the post of every article, against Discord's
// limits.
func TestRepliesOverSeeds(t *testing.T) {
	lib := openCorpus(t, filepath.Join("..", "seeds"))
	r := NewRouter(lib, &memStore{})
	inst, country, prefixes := corpusNames(lib)
	cmds := append(broadCommands(inst, country), broadCommands("HUMG", "Japan")...)
	checkAll(t, r, cmds, prefixes, 20)
	checkPosts(t, lib)
}

// long makes TestRepliesOverSyntheticCorpus use the benchmarks' 10,000
// articles; CI runs it so once.
var long = flag.Bool("long", false, "answer over the full 10,000-article synthetic corpus (about 30 s)")

// TestRepliesOverSyntheticCorpus does the same over 300 made-up articles,
// or over the 10,000 of the benchmarks with -long; set
// COOPBOT_SYNTHETIC_ARTICLES to use another number.
func TestRepliesOverSyntheticCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("synthetic corpus skipped in -short mode")
	}
	n := 300
	if *long {
		n = 10000
	}
	if v, err := strconv.Atoi(os.Getenv("COOPBOT_SYNTHETIC_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	dir := t.TempDir()
	if err := synthetic.WriteDir(dir, 1, n); err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(dir); len(files) < n {
		t.Fatalf("synthetic.WriteDir wrote %d files; want %d", len(files), n)
	}
	start := time.Now()
	lib := openCorpus(t, dir)
	t.Logf("opened %d articles in %s", n, time.Since(start))
	r := NewRouter(lib, &memStore{})
	inst, country, prefixes := corpusNames(lib)
	start = time.Now()
	checkAll(t, r, broadCommands(inst, country), prefixes, 12)
	checkPosts(t, lib)
	t.Logf("answered and rendered the posts in %s", time.Since(start))
}
