package commands

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/commands/limits"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
)

// command builds the interaction Discord sends when a member with perms
// runs /name in channel c1 of guild g1; kv are option names and values.
func command(t testing.TB, perms int64, name string, kv ...string) *discordgo.Interaction {
	t.Helper()
	return build(t, discordgo.InteractionApplicationCommand, perms, name, "", kv...)
}

// typing builds the autocomplete interaction for the option focused.
func typing(t testing.TB, perms int64, name, focused string, kv ...string) *discordgo.Interaction {
	t.Helper()
	return build(t, discordgo.InteractionApplicationCommandAutocomplete, perms, name, focused, kv...)
}

func build(t testing.TB, typ discordgo.InteractionType, perms int64, name, focused string, kv ...string) *discordgo.Interaction {
	t.Helper()
	values := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		values[kv[i]] = kv[i+1]
	}
	d, err := CommandData(name, values, focused)
	if err != nil {
		t.Fatalf("CommandData(%s, %v) = %v", name, values, err)
	}
	return &discordgo.Interaction{
		ID: "i1", AppID: "app", Type: typ, Data: d, GuildID: "g1", ChannelID: "c1", Token: "tok",
		Member: &discordgo.Member{User: &discordgo.User{ID: "u1", Username: "tester"}, Permissions: perms},
	}
}

// press builds the interaction of pressing the button with customID.
func press(perms int64, customID string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "i2", AppID: "app", Type: discordgo.InteractionMessageComponent, GuildID: "g1", ChannelID: "c1", Token: "tok",
		Data:   discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
		Member: &discordgo.Member{User: &discordgo.User{ID: "u1"}, Permissions: perms},
	}
}

// settle runs a reply's deferred work, returning the edit as message data.
func settle(t testing.TB, r Reply) (*discordgo.InteractionResponseData, error) {
	t.Helper()
	if r.Deferred == nil {
		return r.Response.Data, nil
	}
	edit, err := r.Deferred(context.Background())
	if edit == nil {
		t.Fatal("deferred work returned no edit")
	}
	if verr := limits.ValidateMessage(deref(edit.Content), deref(edit.Embeds), deref(edit.Components), 0); verr != nil {
		t.Errorf("deferred edit breaks Discord's limits: %v", verr)
	}
	return &discordgo.InteractionResponseData{Content: deref(edit.Content), Embeds: deref(edit.Embeds), Components: deref(edit.Components)}, err
}

// deref returns *p, or the zero value when p is nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// textOf is everything a user reads in d: content, then each embed's
// title, description, fields and footer, then button labels.
func textOf(d *discordgo.InteractionResponseData) string {
	if d == nil {
		return ""
	}
	parts := []string{d.Content}
	for _, e := range d.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	for _, c := range d.Choices {
		parts = append(parts, c.Name)
	}
	return strings.Join(parts, "\n")
}

// buttons returns the custom_ids of d's enabled buttons by label.
func buttons(d *discordgo.InteractionResponseData) map[string]string {
	out := map[string]string{}
	if d == nil {
		return out
	}
	for _, c := range d.Components {
		if row, ok := c.(discordgo.ActionsRow); ok {
			for _, b := range row.Components {
				if b, ok := b.(discordgo.Button); ok && !b.Disabled {
					out[b.Label] = b.CustomID
				}
			}
		}
	}
	return out
}

// seedLib is a small library like the seeds: HUMG and its Chinese partners.
func seedLib() *fakeLib {
	humg := knowledge.Entity{ID: "humg", Name: "Hanoi University of Mining and Geology", Acronyms: []string{"HUMG"}, Country: "Vietnam", Mentions: 5}
	tut := knowledge.Entity{ID: "tut", Name: "Tianjin University of Technology", Country: "China", Mentions: 1}
	ustb := knowledge.Entity{ID: "ustb", Name: "University of Science and Technology Beijing", Acronyms: []string{"USTB"}, Country: "China", Mentions: 1}
	ref := knowledge.ArticleRef{File: "001.txt", Title: "HUMG strengthened cooperation with Chinese universities", Published: article.Date{Year: 2025, Month: 11, Day: 18}}
	return &fakeLib{
		entities:  []knowledge.Entity{humg, tut, ustb},
		countries: []string{"China", "Vietnam"},
		articles: []knowledge.ArticleSummary{{ArticleRef: ref, Summary: "HUMG visited China.",
			Institutions: []string{humg.Display(), tut.Display()}, Countries: []string{"China"}}},
		partners: []knowledge.Partner{
			{Partner: tut, Kinds: []extract.Kind{extract.KindVisit}, Dates: []article.Date{{Year: 2025, Month: 11, Day: 13}}, Sources: []knowledge.ArticleRef{ref}},
			{Partner: ustb, Kinds: []extract.Kind{extract.KindAgreement}, Dates: []article.Date{{Year: 2025, Month: 11, Day: 14}}, Sources: []knowledge.ArticleRef{ref}},
		},
		visits: []knowledge.VisitRecord{
			{Visitor: humg, Hosts: []knowledge.Entity{ustb}, Leader: "Nguyen Ngoc Khanh", LeaderTitle: "Vice Rector", City: "Beijing", Country: "China",
				Start: article.Date{Year: 2025, Month: 11, Day: 14}, End: article.Date{Year: 2025, Month: 11, Day: 14}, Source: ref},
			{Visitor: humg, Hosts: []knowledge.Entity{tut}, Leader: "Nguyen Ngoc Khanh", City: "Tianjin", Country: "China",
				Start: article.Date{Year: 2025, Month: 11, Day: 13}, Source: ref},
		},
		hits: []knowledge.SearchHit{{ArticleRef: ref, Score: 1, Snippets: []knowledge.Snippet{{Text: "the summer camp in Kunming", Matches: [][2]int{{4, 15}}}}}},
		answer: &knowledge.Answer{Text: "Vice Rector Nguyen Ngoc Khanh led the delegation.", Found: true,
			Support: []knowledge.Citation{{Sentence: "The delegation was led by Vice Rector Nguyen Ngoc Khanh.", ArticleRef: ref}}},
		report: knowledge.SyncReport{Added: []string{"005.txt"}, Skipped: []knowledge.Skipped{{File: "bad.txt", Reason: "not UTF-8"}}, Unchanged: 5},
	}
}
