package index

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzParse parses any /search query: it never panics; every error is a
// *QueryError that quotes the query and says why and how to fix it; a
// query it accepts is a query.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 1<<10 {
			return // /search takes at most 300 characters
		}
		parsed, err := Parse(q)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("Parse(%q) = %v, not a *QueryError", q, err)
			}
			if qe.Query != q || qe.Reason == "" || qe.Hint == "" {
				t.Fatalf("Parse(%q) = %+v; want the query, a reason and a hint", q, qe)
			}
			if utf8.ValidString(q) && (!utf8.ValidString(qe.Reason) || !utf8.ValidString(qe.Hint)) {
				t.Fatalf("Parse(%q) = %+v: not valid UTF-8", q, qe)
			}
			return
		}
		if parsed == nil {
			t.Fatalf("Parse(%q) = nil, nil", q)
		}
	})
}
