package console

import (
	"context"
	"fmt"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/text"
)

// stubLib is a small commands.Knowledge: HUMG with 23 Chinese partners,
// enough for three pages.
type stubLib struct{}

var humg = knowledge.Entity{ID: "humg", Name: "Hanoi University of Mining and Geology", Acronyms: []string{"HUMG"}, Country: "Vietnam"}

func (stubLib) Sync(context.Context) (knowledge.SyncReport, error) {
	return knowledge.SyncReport{Added: []string{"new.txt"}, Skipped: []knowledge.Skipped{{File: "bad.txt", Reason: "empty file"}}, Unchanged: 5}, nil
}

func (stubLib) Latest(ctx context.Context, n int, f knowledge.Filter) ([]knowledge.ArticleSummary, error) {
	return []knowledge.ArticleSummary{{ArticleRef: ref}}, nil
}

var ref = knowledge.ArticleRef{File: "001.txt", Title: "HUMG visits China", Published: article.Date{Year: 2025, Month: 11, Day: 18}}

func (l stubLib) Partners(ctx context.Context, inst, country string) (*knowledge.PartnersResult, error) {
	e, err := l.Resolve(inst)
	if err != nil {
		return nil, err
	}
	res := &knowledge.PartnersResult{Institution: &e}
	for i := range 23 {
		res.Partners = append(res.Partners, knowledge.Partner{
			Partner: knowledge.Entity{Name: fmt.Sprintf("Partner University %02d", i+1), Country: "China"},
			Kinds:   []extract.Kind{extract.KindVisit}, Dates: []article.Date{ref.Published}, Sources: []knowledge.ArticleRef{ref},
		})
	}
	return res, nil
}

func (stubLib) Visits(ctx context.Context, f knowledge.VisitFilter) ([]knowledge.VisitRecord, error) {
	return []knowledge.VisitRecord{{Visitor: humg, Leader: "Nguyen Ngoc Khanh", City: "Tianjin", Country: "China",
		Start: article.Date{Year: 2025, Month: 11, Day: 13}, Source: ref}}, nil
}

func (stubLib) Search(ctx context.Context, q string, n int) (*knowledge.SearchResult, error) {
	return &knowledge.SearchResult{}, nil
}

func (stubLib) Ask(ctx context.Context, q string) (*knowledge.Answer, error) {
	return &knowledge.Answer{Text: "Vice Rector Nguyen Ngoc Khanh led the delegation.", Found: true,
		Support: []knowledge.Citation{{Sentence: "The delegation was led by Vice Rector Nguyen Ngoc Khanh.", ArticleRef: ref}}}, nil
}

func (stubLib) Resolve(name string) (knowledge.Entity, error) {
	switch text.Fold(name) {
	case "humg", "hanoi university of mining and geology", "humg id":
		return humg, nil
	}
	return knowledge.Entity{}, &knowledge.NotFoundError{What: "institution", Name: name, Suggestions: []string{humg.Display()}}
}

func (stubLib) Suggest(prefix string, n int) []knowledge.Entity { return []knowledge.Entity{humg} }
func (stubLib) SuggestCountries(prefix string, n int) []string  { return []string{"China"} }
func (stubLib) Matches(file string, f knowledge.Filter) bool    { return true }
