package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// The fields of an article's document in the index.
const (
	fieldTitle        = "title"
	fieldBody         = "body"
	fieldCaptions     = "captions"
	fieldNames        = "names"
	fieldInstitutions = "institutions"
	fieldCountries    = "countries"
	fieldFile         = "file"
	fieldPublished    = "published"
)

// The analyzers of the mapping.
const (
	analyzerText    = "coopbot_text"    // prose: folded and stemmed
	analyzerName    = "coopbot_name"    // names: folded, not stemmed
	analyzerKeyword = "coopbot_keyword" // one folded token: "Viet Nam" → "viet nam"
	filterNFC       = "coopbot_nfc"
)

// indexMapping returns the mapping of the article index: one document per
// article, nothing in _all, BM25 scoring, and prose folded so that "Nguyen"
// finds "Nguyễn".
func indexMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.DefaultField = fieldBody
	im.DefaultAnalyzer = analyzerText
	err := im.AddCustomTokenFilter(filterNFC, map[string]any{
		"type": unicodenorm.Name,
		"form": unicodenorm.NFC,
	})
	if err != nil {
		return nil, err
	}
	analyzers := map[string]map[string]any{
		analyzerText: {
			"type":      custom.Name,
			"tokenizer": unicode.Name,
			"token_filters": []any{filterNFC, en.PossessiveName, lowercase.Name,
				foldFilterName, en.StopName, en.SnowballStemmerName},
		},
		analyzerName: {
			"type":          custom.Name,
			"tokenizer":     unicode.Name,
			"token_filters": []any{filterNFC, lowercase.Name, foldFilterName},
		},
		analyzerKeyword: {
			"type":          custom.Name,
			"tokenizer":     single.Name,
			"token_filters": []any{filterNFC, lowercase.Name, foldFilterName},
		},
	}
	for name, def := range analyzers {
		if err := im.AddCustomAnalyzer(name, def); err != nil {
			return nil, err
		}
	}

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTitle, prose())
	doc.AddFieldMappingsAt(fieldBody, prose())
	doc.AddFieldMappingsAt(fieldCaptions, prose())

	names := bleve.NewTextFieldMapping()
	names.Analyzer = analyzerName
	names.Store = false
	names.DocValues = false
	names.IncludeInAll = false
	doc.AddFieldMappingsAt(fieldNames, names)

	doc.AddFieldMappingsAt(fieldInstitutions, tag(analyzerKeyword))
	doc.AddFieldMappingsAt(fieldCountries, tag(analyzerKeyword))
	file := tag(keyword.Name)
	file.Store = true
	doc.AddFieldMappingsAt(fieldFile, file)

	published := bleve.NewDateTimeFieldMapping()
	published.Store = false
	published.IncludeInAll = false
	doc.AddFieldMappingsAt(fieldPublished, published)

	im.DefaultMapping = doc
	return im, nil
}

// prose is a stored, folded and stemmed text field with term vectors, for
// phrase queries and highlighting.
func prose() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzerText
	f.Store = true
	f.IncludeTermVectors = true
	f.DocValues = false
	f.IncludeInAll = false
	return f
}

// tag is a keyword field for filters and facets: indexed, with doc values,
// neither stored nor in _all.
func tag(analyzer string) *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = analyzer
	f.Store = false
	f.IncludeTermVectors = false
	f.IncludeInAll = false
	return f
}
