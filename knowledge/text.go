package knowledge

import (
	"strings"

	index "github.com/blevesearch/bleve_index_api"
)

// text reads an article's paragraphs and captions back from the index,
// where they are stored; the catalog keeps no text, so that it loads fast.
// An article the index cannot give back has no text.
func (l *Library) text(r *record) (paragraphs, captions []string) {
	doc, err := l.index.Document(r.Article.File)
	if err != nil || doc == nil {
		return nil, nil
	}
	doc.VisitFields(func(f index.Field) {
		switch f.Name() {
		case fieldBody:
			paragraphs = splitStored(string(f.Value()))
		case fieldCaptions:
			captions = splitStored(string(f.Value()))
		}
	})
	return paragraphs, captions
}

// splitStored splits a stored field back into its lines.
func splitStored(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
