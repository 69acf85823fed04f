package knowledge

import (
	"testing"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/synthetic"
)

// BenchmarkNewModel measures building the corpus model of 10,000 articles,
// which every reopen and sync does:
//
//	go test -run "^$" -bench NewModel ./knowledge
func BenchmarkNewModel(b *testing.B) {
	g := testGazetteer(b)
	x := extract.NewExtractor(g)
	var recs []*record
	for _, f := range synthetic.Generate(1, 10000) {
		if a, err := article.Read(f.Name, f.Data); err == nil {
			recs = append(recs, &record{Article: *a, Facts: x.Extract(a)})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		newModel(recs, g, nil)
	}
}
