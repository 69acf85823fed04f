package index

import (
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/vellum/regexp"
)

// QueryError is a search query that cannot run, with a hint on how to fix it.
type QueryError struct {
	Query  string
	Reason string
	Hint   string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q: %s", e.Query, e.Reason)
}

// syntaxHint reminds users of the query syntax.
const syntaxHint = `search plain words (slope engineering), "a phrase" in quotes, ` +
	`+word for a word that must occur, -word for one that must not`

// Parse parses and checks a query string, pointing words without a
// field at the text fields. Every error it returns is a *QueryError.
func Parse(q string) (query.Query, error) {
	text := strings.TrimSpace(q)
	if text == "" {
		return nil, &QueryError{Query: q, Reason: "the query is empty",
			Hint: "type the words to look for, e.g. memorandum of understanding"}
	}
	parsed, err := bleve.NewQueryStringQuery(text).Parse()
	if err != nil {
		return nil, syntaxError(q, text, err)
	}
	parsed, err = retarget(parsed)
	if err != nil {
		var qe *QueryError
		if errors.As(err, &qe) {
			qe.Query = q
		}
		return nil, err
	}
	return parsed, nil
}

// syntaxError turns a parse error of the query string into a *QueryError.
func syntaxError(q, text string, err error) *QueryError {
	reason := strings.ReplaceAll(err.Error(), "\n", "; ")
	switch {
	case strings.Count(text, `"`)%2 == 1:
		return &QueryError{Query: q, Reason: "unterminated quote",
			Hint: "close the quote: " + text + `"`}
	case strings.Contains(reason, "fuzziness"):
		return &QueryError{Query: q, Reason: reason,
			Hint: "put a number from 0 to 2 after ~, e.g. delegation~1"}
	case strings.Contains(reason, "boost"):
		return &QueryError{Query: q, Reason: reason,
			Hint: "put a number after ^, e.g. mining^2"}
	case strings.Contains(reason, "time"):
		return &QueryError{Query: q, Reason: reason,
			Hint: "write dates as 2025-11-14, e.g. published:>=2025-01-01"}
	}
	return &QueryError{Query: q, Reason: reason, Hint: syntaxHint +
		`; put words with : ^ ~ ( ) in quotes`}
}

// retarget checks every clause of a parsed query string and points those
// without a field at the text fields (the index has no _all field). It
// gives a *QueryError for clauses that would fail or match everything.
func retarget(q query.Query) (query.Query, error) {
	var err error
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot} {
			if *sub != nil {
				if *sub, err = retarget(*sub); err != nil {
					return nil, err
				}
			}
		}
		return q, nil
	case *query.ConjunctionQuery:
		return q, retargetAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		return q, retargetAll(q.Disjuncts)
	case *query.MatchQuery:
		if q.Fuzziness > 2 {
			return nil, &QueryError{Reason: fmt.Sprintf("fuzziness %d exceeds the maximum of 2", q.Fuzziness),
				Hint: fmt.Sprintf("write %s~1 or %s~2", q.Match, q.Match)}
		}
		if q.FieldVal != "" {
			return q, fieldOf(q)
		}
		return spread(q, q.Fuzziness > 0, func(f string) query.Query { c := *q; c.FieldVal = f; return &c }), nil
	case *query.MatchPhraseQuery:
		if q.FieldVal != "" {
			return q, fieldOf(q)
		}
		return spread(q, false, func(f string) query.Query { c := *q; c.FieldVal = f; return &c }), nil
	case *query.WildcardQuery:
		if strings.Trim(q.Wildcard, "*?") == "" {
			return nil, &QueryError{Reason: "a wildcard alone matches every word",
				Hint: "put letters with it, e.g. geo*"}
		}
		q.Wildcard = foldTerm(q.Wildcard) // wildcard terms are not analysed
		if q.FieldVal != "" {
			return q, fieldOf(q)
		}
		return spread(q, true, func(f string) query.Query { c := *q; c.FieldVal = f; return &c }), nil
	case *query.RegexpQuery:
		if _, err := regexp.New(q.Regexp); err != nil {
			return nil, &QueryError{Reason: fmt.Sprintf("bad regular expression /%s/: %v", q.Regexp, err),
				Hint: "fix the expression, or drop the slashes to search for the words"}
		}
		if q.FieldVal != "" {
			return q, fieldOf(q)
		}
		return spread(q, true, func(f string) query.Query { c := *q; c.FieldVal = f; return &c }), nil
	case query.FieldableQuery:
		if q.Field() != "" {
			return q, fieldOf(q)
		}
	}
	return q, nil
}

func retargetAll(qs []query.Query) error {
	for i := range qs {
		var err error
		if qs[i], err = retarget(qs[i]); err != nil {
			return err
		}
	}
	return nil
}

// spread asks one clause of each text field, and of the names too when
// names is set; the clause keeps its boost.
func spread(q query.Query, names bool, at func(field string) query.Query) query.Query {
	fields := []string{fieldTitle, fieldBody, fieldCaptions}
	if names {
		fields = append(fields, fieldNames)
	}
	var clauses []query.Query
	for _, f := range fields {
		clauses = append(clauses, at(f))
	}
	return query.NewDisjunctionQuery(clauses)
}

// fieldOf checks the field q names and replaces a name users may write
// ("country") with the index's ("countries").
func fieldOf(q query.FieldableQuery) error {
	f, ok := canonicalField(strings.ToLower(q.Field()))
	if !ok {
		return &QueryError{Reason: fmt.Sprintf("there is no field %q", q.Field()),
			Hint: "name one of the fields title, body, captions, names, institution, country, " +
				`file and published, or put the words in quotes: "` + q.Field() + `: …"`}
	}
	q.SetField(f)
	return nil
}

// canonicalField returns the index field a user's field name means.
func canonicalField(name string) (string, bool) {
	switch name {
	case fieldTitle, fieldBody, fieldFile, fieldPublished:
		return name, true
	case fieldCaptions, "caption":
		return fieldCaptions, true
	case fieldNames, "name":
		return fieldNames, true
	case fieldInstitutions, "institution":
		return fieldInstitutions, true
	case fieldCountries, "country":
		return fieldCountries, true
	case "date":
		return fieldPublished, true
	}
	return "", false
}

// foldTerm lower-cases a term and folds it to ASCII, as the analyzers do.
func foldTerm(s string) string {
	return string(asciifolding.New().Filter([]byte(strings.ToLower(s))))
}
