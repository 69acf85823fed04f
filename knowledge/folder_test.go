package knowledge

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The issue 8 attack: a link in the articles folder to the bot's own .env
// (or to /etc/passwd) put the token into the index, where /search found
// it. Links are now skipped with a reason, whether they point out of the
// folder or into it, as are folders named like articles; only regular
// files load.
func TestSyncSkipsLinksAndFolders(t *testing.T) {
	outside := t.TempDir()
	const token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GsEcRt.leaked-by-a-symbolic-link"
	envFile := filepath.Join(outside, ".env")
	if err := os.WriteFile(envFile, []byte("Bot secrets\n\n14/11/2025\n\nDISCORD_TOKEN="+token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := Config{ArticlesDir: filepath.Join(outside, "articles"), DataDir: t.TempDir()}
	if err := os.Mkdir(cfg.ArticlesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeArticles(t, cfg.ArticlesDir, map[string]string{"good.txt": articleText("Agreement on water research", "water research")})
	for link, target := range map[string]string{
		"notes.txt":  filepath.Join("..", ".env"), // relative, out of the folder
		"abs.txt":    envFile,                     // absolute
		"passwd.txt": "/etc/passwd",
		"again.txt":  "good.txt", // into the folder: still a link
	} {
		if err := os.Symlink(target, filepath.Join(cfg.ArticlesDir, link)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	if err := os.Mkdir(filepath.Join(cfg.ArticlesDir, "report.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(cfg.ArticlesDir, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}

	l, rep, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer l.Close()
	if !slices.Equal(rep.Added, []string{"good.txt"}) {
		t.Errorf("Added = %v; want [good.txt]", rep.Added)
	}
	reasons := map[string]string{}
	for _, s := range rep.Skipped {
		reasons[s.File] = s.Reason
	}
	for file, want := range map[string]string{
		"notes.txt": "symbolic link", "abs.txt": "symbolic link", "passwd.txt": "symbolic link",
		"again.txt": "symbolic link", "report.txt": "a folder",
	} {
		if !strings.Contains(reasons[file], want) {
			t.Errorf("Skipped[%s] = %q; want a reason with %q", file, reasons[file], want)
		}
	}
	if _, ok := reasons["drafts"]; ok || len(reasons) != 5 {
		t.Errorf("Skipped = %v; want the four links and report.txt, and no word of the folder drafts", rep.Skipped)
	}
	for _, q := range []string{"DISCORD_TOKEN", "root", `"leaked-by-a-symbolic-link"`} {
		res, err := l.Search(context.Background(), q, 10)
		if err != nil {
			t.Fatalf("Search(%q) = %v", q, err)
		}
		if res.Total != 0 {
			t.Errorf("Search(%q) found %d articles; want none: a file outside the folder was indexed", q, res.Total)
		}
	}
}

// A file replaced by a link that leaves the folder, between the listing
// and the read, is still not read: os.Root refuses the path.
func TestReadArticleConfined(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "swapped.txt")); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), make([]byte, 2<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if data, why := readArticle(root, "swapped.txt"); data != nil || why == "" {
		t.Errorf("readArticle(link out) = %q, %q; want nothing read, and why", data, why)
	}
	// A file that grew past the limit since the listing is read no further.
	if data, why := readArticle(root, "big.txt"); data != nil || !strings.Contains(why, "over the limit") {
		t.Errorf("readArticle(2 MiB) = %d bytes, %q; want nothing, over the limit", len(data), why)
	}
}
