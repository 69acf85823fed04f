package knowledge

// Extractor finds institutions, people, visits, agreements and partnerships
// in articles. It is safe for concurrent use.
type Extractor struct {
	gaz *Gazetteer
}

// NewExtractor returns an Extractor that places institutions with g.
func NewExtractor(g *Gazetteer) *Extractor {
	return &Extractor{gaz: g}
}

// Extract returns the facts of a.
func (x *Extractor) Extract(a *Article) Facts {
	return Facts{}
}
