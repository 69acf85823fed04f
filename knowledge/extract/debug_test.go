package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/coopbot/coopbot/knowledge/article"
)

// TestDebugFile prints what extraction finds in $DEBUG_FILE (a tool, not a test).
func TestDebugFile(t *testing.T) {
	path := os.Getenv("DEBUG_FILE")
	if path == "" {
		t.Skip("DEBUG_FILE not set")
	}
	data, _ := os.ReadFile(path)
	a, err := article.Read("x", data)
	if err != nil {
		t.Fatal(err)
	}
	f := NewExtractor(testGazetteer(t)).Extract(a)
	for _, in := range f.Institutions {
		fmt.Printf("INST %q %v %s\n", in.Name, in.Aliases, in.Country)
	}
	for _, p := range f.People {
		fmt.Printf("PERSON %q | %q | %q\n", p.Name, p.Title, p.Institution)
	}
	for _, v := range f.Visits {
		fmt.Printf("VISIT %s -> %v %s/%s %v..%v leader=%q | %.90s\n", v.Visitor, v.Hosts, v.City, v.Country, v.Start, v.End, v.Leader, v.Evidence)
	}
	for _, g := range f.Agreements {
		fmt.Printf("AGREE %v %q %v | %.90s\n", g.Parties, g.Kind, g.Date, g.Evidence)
	}
	for _, p := range f.Partnerships {
		fmt.Printf("PAIR %s -- %s (%s) | %.100s\n", p.A, p.B, p.Kind, p.Evidence)
	}
}
