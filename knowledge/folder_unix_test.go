//go:build unix

package knowledge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe in the articles folder is skipped with a reason: reading
// it would hang the sync until something wrote to it. One swapped in
// after the listing is opened without blocking and not read.
func TestSyncSkipsNamedPipes(t *testing.T) {
	cfg := Config{ArticlesDir: t.TempDir(), DataDir: t.TempDir()}
	writeArticles(t, cfg.ArticlesDir, map[string]string{"good.txt": articleText("Agreement on water research", "water research")})
	if err := syscall.Mkfifo(filepath.Join(cfg.ArticlesDir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	l, rep, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer l.Close()
	if len(rep.Added) != 1 || len(rep.Skipped) != 1 || rep.Skipped[0].File != "pipe.txt" || !strings.Contains(rep.Skipped[0].Reason, "pipe") {
		t.Errorf("Open: Added = %v, Skipped = %v; want good.txt, and pipe.txt skipped as a pipe", rep.Added, rep.Skipped)
	}

	root, err := os.OpenRoot(cfg.ArticlesDir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if data, why := readArticle(root, "pipe.txt"); data != nil || !strings.Contains(why, "pipe") {
		t.Errorf("readArticle(pipe) = %q, %q; want nothing read, as a pipe", data, why)
	}
}
