package knowledge

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAsk asks the library of the seeds any question: reading it never
// panics, and the answer is always there, in valid UTF-8, each citation
// from an article of the library; only a blank question is an error.
func FuzzAsk(f *testing.F) {
	l, _, err := Open(context.Background(), Config{ArticlesDir: "../seeds", DataDir: f.TempDir()})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { l.Close() })
	files := map[string]bool{}
	for _, file := range l.Files() {
		files[file] = true
	}
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 1<<10 {
			return // /ask takes at most 300 characters
		}
		l.model.Load().parseQuestion(l.ext, q)
		a, err := l.Ask(context.Background(), q)
		if strings.TrimSpace(q) == "" {
			if err == nil {
				t.Fatalf("Ask(%q) = %+v; want an error for the blank question", q, a)
			}
			return
		}
		if err != nil || a == nil || a.Text == "" {
			t.Fatalf("Ask(%q) = %+v, %v; want an answer", q, a, err)
		}
		if utf8.ValidString(q) && !utf8.ValidString(a.Text) {
			t.Fatalf("Ask(%q) = %q: not valid UTF-8", q, a.Text)
		}
		for _, c := range a.Support {
			if !files[c.File] {
				t.Fatalf("Ask(%q) cites %q, not an article of the library", q, c.File)
			}
		}
	})
}
