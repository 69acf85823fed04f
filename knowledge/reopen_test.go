package knowledge

import (
	"context"
	"strings"
	"testing"
)

// After a reopen the records come from the catalog, which keeps no text:
// answers that quote the prose read it back from the index.
func TestAnswersAfterReopen(t *testing.T) {
	data := t.TempDir()
	cfg := Config{ArticlesDir: "../seeds", DataDir: data}
	l, _, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	l, rep, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if len(rep.Added)+len(rep.Changed) != 0 || rep.Unchanged != 5 {
		t.Errorf("reopen report = %+v; want 5 unchanged", rep)
	}
	a, err := l.Ask(context.Background(), "How many universities worldwide has HUST signed cooperation agreements with?")
	if err != nil || !strings.Contains(answerText(a), "200") {
		t.Errorf("Ask after reopen = %+v, %v; want the sentence with 200", a, err)
	}
	latest, err := l.Latest(context.Background(), 1, Filter{Keywords: "Liaoning"})
	if err != nil || len(latest) != 1 || !strings.Contains(latest[0].Summary, "Quang Ninh University of Industry") {
		t.Errorf("Latest after reopen = %+v, %v; want the summary of the Liaoning article", latest, err)
	}
	if !l.Matches("003_7cd89bc635c89253.txt", Filter{Keywords: "mining park"}) {
		t.Error("Matches(keywords) after reopen = false; want true")
	}
}
