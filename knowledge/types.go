package knowledge

import (
	"fmt"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
)

// ArticleRef cites an article: its title, date and file.
type ArticleRef struct {
	File      string
	Title     string
	Published article.Date
}

// Entity is one institution as the whole corpus knows it: the variant names
// and acronyms of one body merged into one.
type Entity struct {
	// ID is stable for as long as the entity's canonical name is.
	ID string
	// Name is the canonical full name.
	Name string
	// Acronyms are the short forms bound to it, most used first.
	Acronyms []string
	// Aliases are the other full names it goes by.
	Aliases []string
	// Country is the English short name of its country, or "".
	Country string
	// Mentions counts the articles that name it.
	Mentions int
}

// Display names e as users write it: "Kyoto University (KU)".
func (e Entity) Display() string {
	if len(e.Acronyms) == 0 {
		return e.Name
	}
	return e.Name + " (" + e.Acronyms[0] + ")"
}

// Filter narrows Latest: by institution (any of its names) and by country.
type Filter struct {
	Institution string
	Country     string
	// Keywords, when set, must all occur in the article.
	Keywords string
}

// ArticleSummary is an article as a list shows it.
type ArticleSummary struct {
	ArticleRef
	// Summary is the article's first two sentences.
	Summary string
	// Institutions are the display names of the institutions it names, most named first.
	Institutions []string
	// Countries are the countries of those institutions and of its visits.
	Countries []string
}

// Partner is one partner of an institution, or one pair of partners when
// Partners is asked about no institution.
type Partner struct {
	// Of is the other side of the pair when no institution was asked about.
	Of *Entity
	// Partner is the institution cooperating.
	Partner Entity
	// Kinds are the ways they were shown cooperating.
	Kinds []extract.Kind
	// Dates are the dates of the cooperation, oldest first.
	Dates []article.Date
	// Sources are the articles that show it, newest first.
	Sources []ArticleRef
	// Evidence is a sentence that shows it.
	Evidence string
}

// PartnersResult answers Partners.
type PartnersResult struct {
	// Institution is the institution asked about; nil when none was.
	Institution *Entity
	// Partners are its partners, most active first.
	Partners []Partner
}

// VisitFilter narrows Visits. Every field is optional.
type VisitFilter struct {
	// Institution matches the visitor or a host, by any of its names.
	Institution string
	// Country matches the country visited.
	Country string
	// Leader matches the delegation's leader, ignoring accents and case.
	Leader string
	// From and To bound the visit's dates, inclusive, at their precision.
	From, To article.Date
}

// VisitRecord is one stop of a delegation's trip, resolved across the corpus.
type VisitRecord struct {
	Visitor     Entity
	Hosts       []Entity
	Leader      string
	LeaderTitle string
	City        string
	Country     string
	Start, End  article.Date
	Source      ArticleRef
	Evidence    string
}

// SearchHit is one article matching a full-text search.
type SearchHit struct {
	ArticleRef
	Score float64
	// Snippets are fragments of its text where the query matched.
	Snippets []Snippet
}

// Snippet is a fragment of an article's text with the words that matched
// a search marked by their offsets: whoever shows it marks them in its own
// syntax, and escapes the rest.
type Snippet struct {
	// Text is the fragment, valid UTF-8, its runs of white space made single spaces.
	Text string
	// Matches are the byte ranges [start, end) of Text that matched, in
	// order and not overlapping.
	Matches [][2]int
}

// SearchResult answers Search.
type SearchResult struct {
	Total uint64
	Hits  []SearchHit
}

// Citation is a sentence that supports an answer, and where it comes from.
type Citation struct {
	Sentence string
	ArticleRef
}

// Answer answers a free-text question: the answer first, then the sentences
// that support it.
type Answer struct {
	// Text is the answer itself, or a sentence saying the articles do not say.
	Text string
	// Found is false when the articles do not answer the question.
	Found bool
	// Support are the cited sentences, best first.
	Support []Citation
	// coverage is the share of the question's words the best sentence holds.
	coverage float64
	// others are the runners-up of an answer from the prose, best first.
	others []*Answer
}

// QueryError is a search query that cannot run, with a hint on how to fix it.
type QueryError struct {
	Query  string
	Reason string
	Hint   string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q: %s", e.Query, e.Reason)
}

// NotFoundError says that a name matched nothing, with the nearest names known.
type NotFoundError struct {
	// What is "institution" or "country".
	What string
	// Name is what was asked for.
	Name string
	// Suggestions are the nearest known names, best first.
	Suggestions []string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no %s named %q", e.What, e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean " + strings.Join(e.Suggestions, " or ") + "?"
	}
	return msg
}

// SyncReport says what a sync of the articles folder did.
type SyncReport struct {
	Added, Changed, Removed []string
	Skipped                 []Skipped
	Unchanged               int
}

// Skipped is a file that was not loaded, and why.
type Skipped struct {
	File   string
	Reason string
}
