package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// TestCatalogValid checks every command definition against Discord's rules.
func TestCatalogValid(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Catalog() {
		if err := limits.ValidateCommand(c); err != nil {
			t.Errorf("/%s: %v", c.Name, err)
		}
		if seen[c.Name] {
			t.Errorf("/%s defined twice", c.Name)
		}
		seen[c.Name] = true
	}
	reload := Lookup(CmdReload)
	if reload.DefaultMemberPermissions == nil || *reload.DefaultMemberPermissions != discordgo.PermissionManageGuild {
		t.Errorf("/reload default_member_permissions = %v; want Manage Server", reload.DefaultMemberPermissions)
	}
	if reload.Contexts == nil || len(*reload.Contexts) != 1 || (*reload.Contexts)[0] != discordgo.InteractionContextGuild {
		t.Errorf("/reload contexts = %v; want guild only", reload.Contexts)
	}
}

// broadCommands is a broad set of commands, as option name/value pairs,
// that every corpus must answer within Discord's limits.
func broadCommands(inst, country string) [][]string {
	return [][]string{
		{"latest"}, {"latest", "count", "100"}, {"latest", "institution", inst}, {"latest", "country", country},
		{"latest", "count", "50", "institution", inst, "country", country},
		{"partners", "institution", inst}, {"partners", "institution", inst, "country", country},
		{"visits"}, {"visits", "institution", inst}, {"visits", "country", country},
		{"visits", "from", "2000", "to", "2100"}, {"visits", "from", "2025-11", "to", "2025-11"},
		{"search", "query", "university"}, {"search", "query", "cooperation agreement"}, {"search", "query", inst},
		{"ask", "question", "Who led the delegation?"}, {"ask", "question", "Which universities did " + inst + " visit?"},
		{"ask", "question", "Who are the partners of " + inst + "?"},
		{"subscribe", "institution", inst}, {"subscribe", "country", country}, {"subscriptions"},
		{"unsubscribe"}, {"reload"}, {"help"},
	}
}

// checkAll runs each command as an admin, and follows every page's Next
// button up to maxPages, checking each reply against Discord's limits. It
// also autocompletes each institution and country prefix.
func checkAll(t *testing.T, r *Router, cmds [][]string, prefixes []string, maxPages int) {
	t.Helper()
	ctx := context.Background()
	check := func(what string, in *discordgo.Interaction) *discordgo.InteractionResponseData {
		reply, err := r.Handle(ctx, in)
		if err != nil {
			t.Errorf("%s: error %v", what, err)
		}
		if verr := limits.ValidateResponse(reply.Response); verr != nil {
			t.Errorf("%s: response breaks Discord's limits: %v", what, verr)
		}
		data, derr := settle(t, reply)
		if derr != nil {
			t.Errorf("%s: deferred error %v", what, derr)
		}
		return data
	}
	for _, c := range cmds {
		what := "/" + strings.Join(c, " ")
		data := check(what, command(t, admin, c[0], c[1:]...))
		for page := 1; page < maxPages; page++ {
			next, ok := buttons(data)["Next"]
			if !ok {
				break
			}
			data = check(fmt.Sprintf("%s page %d", what, page+1), press(admin, next))
		}
	}
	for _, p := range prefixes {
		for _, opt := range []string{OptInstitution, OptCountry} {
			in := typing(t, admin, CmdLatest, opt, opt, p)
			reply, err := r.Handle(ctx, in)
			if err != nil || limits.ValidateResponse(reply.Response) != nil {
				t.Errorf("autocomplete %s %q: %v, %v", opt, p, err, limits.ValidateResponse(reply.Response))
			}
		}
	}
	in := typing(t, admin, CmdUnsubscribe, OptSubscription, OptSubscription, "")
	if reply, err := r.Handle(ctx, in); err != nil || limits.ValidateResponse(reply.Response) != nil {
		t.Errorf("autocomplete subscription: %v, %v", err, limits.ValidateResponse(reply.Response))
	}
}

// TestRepliesFitExtremeData feeds the handlers data far beyond anything
// real: names of 5000 characters (accents, combining marks, emoji), markdown
// everywhere, thousands of results, and checks every reply and every page.
func TestRepliesFitExtremeData(t *testing.T) {
	huge := func(seed string, n int) string { return strings.Repeat(seed, n/len([]rune(seed))+1) }
	name := huge("Đại học *Mỏ*_Địa chất ", 5000)
	emoji := huge("🎓👩‍🔬", 3000)
	var lib fakeLib
	for i := range 300 {
		e := knowledge.Entity{ID: fmt.Sprintf("e%d", i), Name: fmt.Sprintf("%s %d", name, i), Acronyms: []string{fmt.Sprintf("%s%d", emoji[:40], i)}, Country: huge("Cộng hòa ", 300) + fmt.Sprint(i%7)}
		lib.entities = append(lib.entities, e)
		lib.countries = append(lib.countries, e.Country)
	}
	date := article.Date{Year: 2025, Month: 11, Day: 14}
	ref := knowledge.ArticleRef{File: huge("f", 3000), Title: emoji + name, Published: date}
	for i := range 2000 {
		lib.articles = append(lib.articles, knowledge.ArticleSummary{ArticleRef: ref, Summary: name, Institutions: []string{name, emoji, name}, Countries: []string{name}})
		lib.hits = append(lib.hits, knowledge.SearchHit{ArticleRef: ref, Snippets: []knowledge.Snippet{{Text: name + " " + emoji, Matches: [][2]int{{0, len(name)}}}}})
		e := lib.entities[i%len(lib.entities)]
		lib.partners = append(lib.partners, knowledge.Partner{Of: &e, Partner: e, Kinds: []extract.Kind{"visit", "agreement", extract.Kind(name)},
			Dates: []article.Date{date}, Sources: []knowledge.ArticleRef{ref, ref}, Evidence: name})
		lib.visits = append(lib.visits, knowledge.VisitRecord{Visitor: e, Hosts: []knowledge.Entity{e, e, e}, Leader: name, LeaderTitle: emoji,
			City: name, Country: e.Country, Start: date, End: article.Date{Year: 2025, Month: 12, Day: 1}, Source: ref, Evidence: name})
	}
	lib.answer = &knowledge.Answer{Text: huge(name+"\n", 10000), Found: true}
	for range 50 {
		lib.answer.Support = append(lib.answer.Support, knowledge.Citation{Sentence: name, ArticleRef: ref})
	}
	for i := range 10000 {
		f := fmt.Sprintf("%s-%d.txt", emoji[:20], i)
		lib.report.Added = append(lib.report.Added, f)
		lib.report.Changed = append(lib.report.Changed, f)
		lib.report.Removed = append(lib.report.Removed, f)
		lib.report.Skipped = append(lib.report.Skipped, knowledge.Skipped{File: f, Reason: name})
	}
	store := &memStore{}
	for i := range 200 {
		store.SaveSubscription(subscription.Subscription{GuildID: "g1", ChannelID: "c1", Filter: knowledge.Filter{Institution: name, Country: name, Keywords: fmt.Sprint(i)},
			State: subscription.Paused, PausedReason: name})
	}
	r := NewRouter(&lib, store)
	inst := lib.entities[0].Acronyms[0]
	checkAll(t, r, broadCommands(inst, "Cộng hòa"), []string{"", "đ", emoji[:8], name[:90]}, 300)
}
