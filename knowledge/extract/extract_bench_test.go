package extract

import (
	"testing"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/synthetic"
)

// BenchmarkExtractSynthetic measures extraction alone, per article:
//
//	go test -run "^$" -bench ExtractSynthetic ./knowledge
func BenchmarkExtractSynthetic(b *testing.B) {
	files := synthetic.Generate(1, 200)
	x := NewExtractor(testGazetteer(b))
	var arts []*article.Article
	for _, f := range files {
		if a, err := article.Read(f.Name, f.Data); err == nil {
			arts = append(arts, a)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(arts[i%len(arts)])
	}
}
