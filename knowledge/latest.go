package knowledge

import (
	"context"
	"fmt"
	"strings"

	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/text"
)

// Latest returns the n newest articles that match f.
func (l *Library) Latest(ctx context.Context, n int, f Filter) ([]ArticleSummary, error) {
	m := l.model.Load()
	match, err := l.matcher(ctx, m, f, true)
	if err != nil {
		return nil, err
	}
	var out []ArticleSummary
	for _, r := range m.records {
		if len(out) >= n {
			break
		}
		if match(r) {
			out = append(out, m.summary(r))
		}
	}
	return out, nil
}

// Matches reports whether the article in file matches f: the one rule for
// Latest's filters and for subscriptions. An unknown file, institution or
// country matches nothing.
func (l *Library) Matches(file string, f Filter) bool {
	m := l.model.Load()
	r, ok := m.byFile[file]
	if !ok {
		return false
	}
	match, err := l.matcher(context.Background(), m, f, false)
	return err == nil && match(r)
}

// Article returns the summary and facts of the article in file.
func (l *Library) Article(file string) (ArticleSummary, extract.Facts, bool) {
	m := l.model.Load()
	r, ok := m.byFile[file]
	if !ok {
		return ArticleSummary{}, extract.Facts{}, false
	}
	return m.summary(r), r.Facts, true
}

// matcher compiles a filter into a test of records. Keywords must all
// occur in the article's text, ignoring case and accents; over many
// articles the index finds them (useIndex), for one the text is read.
func (l *Library) matcher(ctx context.Context, m *model, f Filter, useIndex bool) (func(*record) bool, error) {
	inst, country, err := m.resolveFilter(f.Institution, f.Country)
	if err != nil {
		return nil, err
	}
	words := strings.Fields(text.Fold(f.Keywords))
	var indexed map[string]bool
	if len(words) > 0 && useIndex {
		files, err := l.keywordFiles(ctx, words, len(m.records))
		if err != nil {
			return nil, err
		}
		indexed = files
	}
	return func(r *record) bool {
		if inst >= 0 && !m.names(r, inst) {
			return false
		}
		if country != "" && !m.inCountry(r, country) {
			return false
		}
		if indexed != nil {
			return indexed[r.Article.File]
		}
		if len(words) > 0 {
			text := " " + text.Fold(m.fullText(r)) + " "
			for _, w := range words {
				if !strings.Contains(text, " "+w+" ") {
					return false
				}
			}
		}
		return true
	}, nil
}

// names reports whether r names the entity.
func (m *model) names(r *record, id int) bool {
	for _, l := range m.local[r] {
		if l.entity == id {
			return true
		}
	}
	return false
}

// inCountry reports whether r is about an institution in country, or a visit there.
func (m *model) inCountry(r *record, country string) bool {
	for _, l := range m.local[r] {
		if m.entities[l.entity].Country == country {
			return true
		}
	}
	for _, v := range r.Facts.Visits {
		if v.Country == country {
			return true
		}
	}
	return false
}

// fullText returns all of an article's words: title, prose and captions.
func (m *model) fullText(r *record) string {
	paragraphs, captions := m.articleText(r)
	var b strings.Builder
	b.WriteString(r.Article.Title)
	for _, p := range paragraphs {
		b.WriteString("\n")
		b.WriteString(p)
	}
	for _, c := range captions {
		b.WriteString("\n")
		b.WriteString(c)
	}
	return b.String()
}

// summary renders a record as a list shows it.
func (m *model) summary(r *record) ArticleSummary {
	s := ArticleSummary{ArticleRef: r.ref(), Summary: r.Article.Summary}
	seen := map[int]bool{}
	countries := map[string]bool{}
	for _, inst := range r.Facts.Institutions {
		id := m.entityOf(r, inst.Name)
		if id < 0 || seen[id] {
			continue
		}
		seen[id] = true
		e := m.entities[id]
		s.Institutions = append(s.Institutions, e.Display())
		if e.Country != "" && !countries[e.Country] {
			countries[e.Country] = true
			s.Countries = append(s.Countries, e.Country)
		}
	}
	for _, v := range r.Facts.Visits {
		if v.Country != "" && !countries[v.Country] {
			countries[v.Country] = true
			s.Countries = append(s.Countries, v.Country)
		}
	}
	return s
}

// keywordFiles returns the files of the articles that hold every word.
func (l *Library) keywordFiles(ctx context.Context, words []string, limit int) (map[string]bool, error) {
	found, err := l.index.WithAll(ctx, words, limit)
	if err != nil {
		return nil, fmt.Errorf("search keywords: %w", err)
	}
	files := make(map[string]bool, len(found))
	for _, f := range found {
		files[f] = true
	}
	return files, nil
}

// Files returns the file of every article, oldest first.
func (l *Library) Files() []string {
	m := l.model.Load()
	files := make([]string, len(m.records))
	for i, r := range m.records {
		files[len(m.records)-1-i] = r.Article.File // records are newest first
	}
	return files
}
