package commands

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/commands/limits"
)

// TestHandlers runs every command, with good and bad input, through the
// router, and checks each reply's kind, visibility, text and limits.
func TestHandlers(t *testing.T) {
	long := strings.Repeat("ả", 6000)
	tests := []struct {
		name      string
		lib       func(*fakeLib) // changes the seed library
		in        func(t testing.TB) *discordgo.Interaction
		typ       discordgo.InteractionResponseType
		ephemeral bool
		want      []string // substrings of the text read
		wantErr   bool     // an error for the log, with an apology
	}{
		// /latest
		{name: "latest", in: cmd(member, "latest"), typ: 4, want: []string{"Latest news", "2025-11-18", "HUMG strengthened"}},
		{name: "latest by acronym", in: cmd(member, "latest", "institution", "humg", "country", "China"), typ: 4,
			want: []string{"about Hanoi University of Mining and Geology (HUMG) in China"}},
		{name: "latest unknown institution", in: cmd(member, "latest", "institution", "Hanoi Univ"), typ: 4, ephemeral: true,
			want: []string{"No articles found for 'Hanoi Univ'. Did you mean Hanoi University of Mining and Geology (HUMG)?"}},
		{name: "latest unknown country", in: cmd(member, "latest", "country", "Atlantis"), typ: 4, ephemeral: true, want: []string{"No articles found for 'Atlantis'"}},
		{name: "latest 6000-char institution", in: cmd(member, "latest", "institution", long), typ: 4, ephemeral: true, want: []string{"6000 characters"}},
		{name: "latest empty institution is no filter", in: cmd(member, "latest", "institution", ""), typ: 4, want: []string{"Latest news"}},
		{name: "latest count 0", in: cmd(member, "latest", "count", "0"), typ: 4, ephemeral: true, want: []string{"between 1 and 100"}},
		{name: "latest nothing", lib: func(f *fakeLib) { f.articles = nil }, in: cmd(member, "latest"), typ: 4, ephemeral: true, want: []string{"No articles found"}},
		{name: "latest library fails", lib: func(f *fakeLib) { f.err = errBoom }, in: cmd(member, "latest"), typ: 4, ephemeral: true, want: []string{"Something went wrong"}, wantErr: true},

		// /partners
		{name: "partners", in: cmd(member, "partners", "institution", "HUMG"), typ: 4,
			want: []string{"Partners of Hanoi University of Mining and Geology (HUMG)", "**China**", "Tianjin University of Technology", "University of Science and Technology Beijing (USTB)", "13 November 2025"}},
		{name: "partners by full name with country", in: cmd(member, "partners", "institution", "Hanoi University of Mining and Geology", "country", "China"), typ: 4,
			want: []string{"Partners of Hanoi University of Mining and Geology (HUMG) in China"}},
		{name: "partners unknown institution", in: cmd(member, "partners", "institution", "Hanoi Univ"), typ: 4, ephemeral: true,
			want: []string{"No partners found for 'Hanoi Univ'. Did you mean Hanoi University of Mining and Geology (HUMG)?"}},
		{name: "partners empty institution", in: cmd(member, "partners", "institution", ""), typ: 4, ephemeral: true, want: []string{"Which institution?"}},
		{name: "partners 6000-char institution", in: cmd(member, "partners", "institution", long), typ: 4, ephemeral: true, want: []string{"at most 100"}},
		{name: "partners 6000-char country", in: cmd(member, "partners", "institution", "HUMG", "country", long), typ: 4, ephemeral: true, want: []string{"country you gave is 6000"}},
		{name: "partners none", lib: func(f *fakeLib) { f.partners = nil }, in: cmd(member, "partners", "institution", "HUMG"), typ: 4, ephemeral: true, want: []string{"No partners found for 'HUMG'"}},

		// /visits
		{name: "visits in date order", in: cmd(member, "visits", "from", "2025-11", "to", "2025-11"), typ: 4,
			want: []string{"from November 2025 to November 2025", "`2025-11-13` **Hanoi University of Mining and Geology (HUMG)** → Tianjin University of Technology, Tianjin, China", "led by Vice Rector Nguyen Ngoc Khanh"}},
		{name: "visits year and day", in: cmd(member, "visits", "institution", "HUMG", "from", "2025", "to", "2025-11-14"), typ: 4, want: []string{"Visits by or to Hanoi University of Mining and Geology (HUMG) from 2025 to 14 November 2025"}},
		{name: "visits malformed date", in: cmd(member, "visits", "from", "Nov 2025"), typ: 4, ephemeral: true, want: []string{"`2025`", "`2025-11`", "`2025-11-14`"}},
		{name: "visits month 13", in: cmd(member, "visits", "to", "2025-13"), typ: 4, ephemeral: true, want: []string{"to date '2025-13'"}},
		{name: "visits 6000-char date", in: cmd(member, "visits", "from", long), typ: 4, ephemeral: true, want: []string{"2025-11-14"}},
		{name: "visits reversed", in: cmd(member, "visits", "from", "2025-12", "to", "2025-01"), typ: 4, ephemeral: true, want: []string{"wrong way round"}},
		{name: "visits unknown institution", in: cmd(member, "visits", "institution", "Hanoi Univ"), typ: 4, ephemeral: true, want: []string{"Did you mean Hanoi University of Mining and Geology (HUMG)?"}},
		{name: "visits none", lib: func(f *fakeLib) { f.visits = nil }, in: cmd(member, "visits", "country", "China"), typ: 4, ephemeral: true, want: []string{"No visits found in China"}},

		// /search
		{name: "search", in: cmd(member, "search", "query", "summer camp"), typ: 4, want: []string{"Search: summer camp", "**summer camp**"}},
		{name: "search broken syntax", in: cmd(member, "search", "query", `"summer camp`), typ: 4, ephemeral: true, want: []string{"unbalanced quote", "Close the quote."}},
		{name: "search empty", in: cmd(member, "search", "query", ""), typ: 4, ephemeral: true, want: []string{"What should I search for?"}},
		{name: "search 6000 chars", in: cmd(member, "search", "query", long), typ: 4, ephemeral: true, want: []string{"at most 300"}},
		{name: "search no hits", lib: func(f *fakeLib) { f.hits = nil }, in: cmd(member, "search", "query", "zebra"), typ: 4, ephemeral: true, want: []string{"No articles match `zebra`"}},

		// /ask
		{name: "ask", in: cmd(member, "ask", "question", "Who led the delegation?"), typ: 4,
			want: []string{"Who led the delegation?", "Nguyen Ngoc Khanh led", "HUMG strengthened cooperation with Chinese universities (18 November 2025)"}},
		{name: "ask unanswered", lib: func(f *fakeLib) { f.answer = nil }, in: cmd(member, "ask", "question", "What is the weather?"), typ: 4, ephemeral: true, want: []string{"do not say", "/search"}},
		{name: "ask empty", in: cmd(member, "ask", "question", "  "), typ: 4, ephemeral: true, want: []string{"What would you like to know?"}},
		{name: "ask 6000 chars", in: cmd(member, "ask", "question", long), typ: 4, ephemeral: true, want: []string{"6000 characters"}},

		// /subscribe, /unsubscribe, /subscriptions (the flow is in subscribe_test.go)
		{name: "subscribe without Manage Channels", in: cmd(member, "subscribe", "institution", "HUMG"), typ: 4, ephemeral: true, want: []string{"Manage Channels"}},
		{name: "subscribe", in: cmd(moderator, "subscribe", "institution", "HUMG"), typ: 4, want: []string{"Subscribed", "Hanoi University of Mining and Geology (HUMG)", "<#c1>"}},
		{name: "subscribe unknown institution", in: cmd(moderator, "subscribe", "institution", "Hanoi Univ"), typ: 4, ephemeral: true, want: []string{"No institution found for 'Hanoi Univ'"}},
		{name: "subscribe unknown country", in: cmd(moderator, "subscribe", "country", "Narnia"), typ: 4, ephemeral: true, want: []string{"No country found for 'Narnia'"}},
		{name: "subscribe 6000-char keywords", in: cmd(admin, "subscribe", "keywords", long), typ: 4, ephemeral: true, want: []string{"keywords you gave"}},
		{name: "unsubscribe without Manage Channels", in: cmd(member, "unsubscribe"), typ: 4, ephemeral: true, want: []string{"Manage Channels"}},
		{name: "unsubscribe nothing", in: cmd(moderator, "unsubscribe"), typ: 4, ephemeral: true, want: []string{"no subscriptions"}},
		{name: "unsubscribe unknown", in: cmd(moderator, "unsubscribe", "subscription", long), typ: 4, ephemeral: true, want: []string{"no subscription"}},
		{name: "subscriptions none", in: cmd(member, "subscriptions"), typ: 4, ephemeral: true, want: []string{"This channel has no subscriptions"}},
		{name: "subscriptions none in server", in: cmd(moderator, "subscriptions"), typ: 4, ephemeral: true, want: []string{"This server has no subscriptions"}},

		// /reload
		{name: "reload by a member", in: cmd(member, "reload"), typ: 4, ephemeral: true, want: []string{"Manage Server"}},
		{name: "reload by a channel moderator", in: cmd(moderator, "reload"), typ: 4, ephemeral: true, want: []string{"Manage Server"}},
		{name: "reload by an admin", in: cmd(admin, "reload"), typ: 5, ephemeral: true, want: []string{"1 added, 0 changed, 0 removed, 1 skipped, 5 unchanged", "`bad.txt`: not UTF-8"}},
		{name: "reload by a server manager", in: cmd(discordgo.PermissionManageGuild, "reload"), typ: 5, ephemeral: true, want: []string{"Reloaded"}},
		{name: "reload fails", lib: func(f *fakeLib) { f.err = errBoom }, in: cmd(admin, "reload"), typ: 5, ephemeral: true, want: []string{"Something went wrong"}, wantErr: true},

		// /help
		{name: "help", in: cmd(member, "help"), typ: 4, ephemeral: true, want: []string{"/partners institution [country]", "/visits institution:HUMG from:2025-11 to:2025-11", "/partners institution:HUMG country:China"}},

		// autocomplete
		{name: "autocomplete institution", in: auto(member, "partners", "institution", "institution", "hu"), typ: 8, want: []string{"Hanoi University of Mining and Geology (HUMG)"}},
		{name: "autocomplete country", in: auto(member, "latest", "country", "country", "Chi"), typ: 8, want: []string{"China"}},
		{name: "autocomplete subscription, none", in: auto(moderator, "unsubscribe", "subscription", "subscription", ""), typ: 8},

		// buttons
		{name: "stale button", in: func(testing.TB) *discordgo.Interaction { return press(member, "vote:yes") }, typ: 4, ephemeral: true, want: []string{"older version"}},
		{name: "page button", in: func(testing.TB) *discordgo.Interaction { return press(member, "pg|partners|0|HUMG|") }, typ: 7, want: []string{"Partners of"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := seedLib()
			if tt.lib != nil {
				tt.lib(lib)
			}
			r := NewRouter(lib, &memStore{})
			reply, err := r.Handle(context.Background(), tt.in(t))
			if reply.Response == nil {
				t.Fatalf("Handle returned no response (err %v)", err)
			}
			if verr := limits.ValidateResponse(reply.Response); verr != nil {
				t.Errorf("response breaks Discord's limits: %v", verr)
			}
			if reply.Response.Type != tt.typ {
				t.Errorf("response type = %d; want %d", reply.Response.Type, tt.typ)
			}
			flags := discordgo.MessageFlags(0)
			if reply.Response.Data != nil {
				flags = reply.Response.Data.Flags
			}
			if got := flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("ephemeral = %v; want %v", got, tt.ephemeral)
			}
			data, derr := settle(t, reply)
			if err == nil {
				err = derr
			}
			if (err != nil) != tt.wantErr {
				t.Errorf("error = %v; want error %v", err, tt.wantErr)
			}
			text := textOf(data)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("reply lacks %q; it reads:\n%s", w, text)
				}
			}
		})
	}
}

func cmd(perms int64, name string, kv ...string) func(testing.TB) *discordgo.Interaction {
	return func(t testing.TB) *discordgo.Interaction { return command(t, perms, name, kv...) }
}

func auto(perms int64, name, focused string, kv ...string) func(testing.TB) *discordgo.Interaction {
	return func(t testing.TB) *discordgo.Interaction { return typing(t, perms, name, focused, kv...) }
}
