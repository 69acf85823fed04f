package index

import (
	"strings"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Text reads an article's paragraphs and captions back from the index,
// where they are stored. An article the index cannot give back has no text.
func (x *Index) Text(file string) (paragraphs, captions []string) {
	doc, err := x.bleve.Document(file)
	if err != nil || doc == nil {
		return nil, nil
	}
	doc.VisitFields(func(f bleveindex.Field) {
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
