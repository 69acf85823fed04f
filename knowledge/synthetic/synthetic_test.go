package synthetic

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(7, 300), Generate(7, 50)
	for i := range b {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("Generate(7, 300)[%d] != Generate(7, 50)[%d]", i, i)
		}
	}
	if c := Generate(8, 1); bytes.Equal(c[0].Data, a[0].Data) {
		t.Errorf("Generate(8, 1) = Generate(7, 1); want seeds to differ")
	}
}

func TestGenerateLooksLikeArticles(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Generate(1, 500) {
		if seen[f.Name] {
			t.Errorf("duplicate file name %s", f.Name)
		}
		seen[f.Name] = true
		if n := len(f.Data); n < 1800 || n > 4800 {
			t.Errorf("%s is %d bytes; want about 2-4 KB", f.Name, n)
		}
		if !utf8.Valid(f.Data) {
			t.Errorf("%s is not UTF-8", f.Name)
		}
		text := string(f.Data)
		for _, seed := range []string{"Hanoi", "Mining and Geology", "HUMG", "Liaoning", "Quang Ninh", "Guangxi"} {
			if strings.Contains(text, seed) {
				t.Errorf("%s names %q from the seed articles", f.Name, seed)
			}
		}
		if lines := strings.SplitN(text, "\n", 3); len(lines) < 3 || lines[0] == "" || lines[1] != "" {
			t.Errorf("%s does not start with a title line and a blank line", f.Name)
		}
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "articles")
	if err := WriteDir(dir, 3, 20); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 20 {
		t.Fatalf("WriteDir wrote %d files (%v); want 20", len(entries), err)
	}
	info, _ := entries[0].Info()
	if y := info.ModTime().Year(); y < 2019 || y > 2027 {
		t.Errorf("%s modified in %d; want its publication year", entries[0].Name(), y)
	}
}
