package knowledge

// record is one article and the facts extracted from it: what the catalog
// persists, so that unchanged articles are never re-extracted.
type record struct {
	Article Article
	Facts   Facts
}

// model is the corpus-wide view of every record: institutions resolved
// across articles, and the look-ups the answers need. It is immutable once
// built; a sync builds a new one and swaps it in.
type model struct {
	records []*record
	byFile  map[string]*record
}

// newModel builds the corpus-wide view of recs.
func newModel(recs []*record, g *Gazetteer) *model {
	m := &model{records: recs, byFile: make(map[string]*record, len(recs))}
	for _, r := range recs {
		m.byFile[r.Article.File] = r
	}
	return m
}
