// Package index is the full-text index of the articles, in bleve: the
// mapping and its analysis (prose folded and stemmed, names folded), the
// batched writer, the query-string syntax with errors that say how to fix
// a query, and search hits whose snippets mark the matches by offset.
package index
