package commands

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/extract"
	"github.com/coopbot/coopbot/knowledge/subscription"
)

// update rewrites the golden files with what the commands render now.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/replies")

// TestGoldenReplies renders a reply of each kind over the seed-like
// library, as the JSON that goes to Discord (the response, then the edit
// of a deferred one), and compares it with testdata/replies/NAME.json.
// After a change to the rendering, check the new replies and rewrite the
// files with: go test ./commands -run TestGoldenReplies -update
func TestGoldenReplies(t *testing.T) {
	created := time.Date(2025, 11, 20, 8, 0, 0, 0, time.UTC)
	paused := subscription.Subscription{GuildID: "g1", ChannelID: "c1", Filter: knowledge.Filter{Country: "China", Keywords: "summer camp"},
		CreatedBy: "u1", CreatedAt: created, State: subscription.Paused, PausedReason: "missing access (50001)"}
	tests := []struct {
		name string
		subs []subscription.Subscription // in the store before
		in   func(t testing.TB) *discordgo.Interaction
	}{
		// One command of each kind, answered.
		{name: "latest", in: cmd(member, "latest")},
		{name: "partners", in: cmd(member, "partners", "institution", "HUMG")},
		{name: "partners_page", in: func(testing.TB) *discordgo.Interaction { return press(member, "pg|partners|0|HUMG|") }},
		{name: "visits", in: cmd(member, "visits", "from", "2025-11", "to", "2025-11")},
		{name: "search", in: cmd(member, "search", "query", "summer camp")},
		{name: "ask", in: cmd(member, "ask", "question", "Who led the delegation?")},
		{name: "subscribe", in: cmd(moderator, "subscribe", "institution", "HUMG", "country", "China")},
		{name: "subscriptions", subs: []subscription.Subscription{paused}, in: cmd(moderator, "subscriptions")},
		{name: "unsubscribe", subs: []subscription.Subscription{paused}, in: cmd(moderator, "unsubscribe")},
		{name: "reload", in: cmd(admin, "reload")},
		{name: "help", in: cmd(member, "help")},
		{name: "autocomplete", in: auto(member, "partners", "institution", "institution", "hu")},
		// Refusals and apologies a user reads.
		{name: "latest_unknown_institution", in: cmd(member, "latest", "institution", "Hanoi Univ")},
		{name: "visits_malformed_date", in: cmd(member, "visits", "from", "Nov 2025")},
		{name: "subscribe_without_permission", in: cmd(member, "subscribe", "institution", "HUMG")},
		{name: "reload_by_member", in: cmd(member, "reload")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := &memStore{}
			for _, s := range tt.subs {
				store.SaveSubscription(s)
			}
			r := NewRouter(seedLib(), store, WithClock(func() time.Time { return created }))
			reply, err := r.Handle(context.Background(), tt.in(t))
			if err != nil {
				t.Fatalf("Handle() = %v", err)
			}
			got := struct {
				Response *discordgo.InteractionResponse `json:"response"`
				Edit     *discordgo.WebhookEdit         `json:"edit,omitempty"`
			}{Response: reply.Response}
			if reply.Deferred != nil {
				if got.Edit, err = reply.Deferred(context.Background()); err != nil {
					t.Fatalf("deferred work = %v", err)
				}
			}
			checkGolden(t, tt.name, got)
		})
	}
}

// TestGoldenPost renders the post of an article, as the delivery sends it.
func TestGoldenPost(t *testing.T) {
	lib := seedLib()
	f := extract.Facts{Visits: []extract.Visit{
		{Visitor: "Hanoi University of Mining and Geology", Hosts: []string{"Tianjin University of Technology"}, City: "Tianjin", Country: "China",
			Start: article.Date{Year: 2025, Month: 11, Day: 13}},
		{Visitor: "Hanoi University of Mining and Geology", Hosts: []string{"University of Science and Technology Beijing (USTB)"}, Country: "China",
			Start: article.Date{Year: 2025, Month: 11, Day: 14}},
	}}
	s := lib.articles[0]
	s.Summary = "HUMG visited *two* Chinese universities_ signing an MOU with USTB."
	checkGolden(t, "post", Post(s, f))
}

// checkGolden compares v, as indented JSON, with testdata/replies/name.json,
// or rewrites the file with -update.
func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "replies", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./commands -run Golden -update writes it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s renders\n%s\nwant (%s)\n%s", name, buf.Bytes(), path, want)
	}
}
