package commands

import (
	"strings"
	"testing"

	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
)

// articles is what checkPosts reads of a library.
type articles interface {
	Files() []string
	Article(file string) (knowledge.ArticleSummary, extract.Facts, bool)
}

// checkPosts renders the post of every article in lib and checks it
// against Discord's limits, as the delivery does before it posts.
func checkPosts(t *testing.T, lib articles) {
	t.Helper()
	for _, file := range lib.Files() {
		s, f, ok := lib.Article(file)
		if !ok {
			t.Errorf("Article(%q) not found, though Files lists it", file)
			continue
		}
		p := Post(s, f)
		if err := limits.ValidateMessage(p.Content, p.Embeds, p.Components, 0); err != nil {
			t.Errorf("Post(%s) breaks Discord's limits: %v", file, err)
		}
	}
}

// A post keeps within the limits with data far beyond anything real, and
// escapes the markdown of the article's text.
func TestPostFitsExtremeData(t *testing.T) {
	huge := func(seed string, n int) string { return strings.Repeat(seed, n/len([]rune(seed))+1) }
	name := huge("Đại học *Mỏ*_Địa chất ", 5000)
	emoji := huge("🎓👩‍🔬", 3000)
	s := knowledge.ArticleSummary{
		ArticleRef:   knowledge.ArticleRef{File: huge("f", 3000), Title: emoji + name, Published: article.Date{Year: 2025, Month: 11, Day: 14}},
		Summary:      huge("**bold** `code` @everyone ", 6000),
		Institutions: []string{name, emoji, name},
	}
	var f extract.Facts
	for range 100 {
		f.Visits = append(f.Visits, extract.Visit{Visitor: name, Hosts: []string{name, emoji}, City: name, Country: name, Start: s.Published})
	}
	for _, tc := range []struct {
		name string
		s    knowledge.ArticleSummary
		f    extract.Facts
	}{
		{"extreme", s, f},
		// Nothing at all: no title, summary, date, institutions or visits.
		{"empty", knowledge.ArticleSummary{ArticleRef: knowledge.ArticleRef{File: "empty.txt"}}, extract.Facts{}},
	} {
		p := Post(tc.s, tc.f)
		if err := limits.ValidateMessage(p.Content, p.Embeds, p.Components, 0); err != nil {
			t.Errorf("%s: Post breaks Discord's limits: %v", tc.name, err)
		}
		if p.AllowedMentions == nil || len(p.AllowedMentions.Parse) != 0 {
			t.Errorf("%s: Post allows mentions: %+v", tc.name, p.AllowedMentions)
		}
	}
	e := Post(s, f).Embeds[0]
	if strings.Contains(e.Description, " **bold**") || !strings.Contains(e.Description, `\*\*bold\*\*`) {
		t.Errorf("Post's description = %.80q…; want the markdown escaped", e.Description)
	}
}
