package commands

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/knowledge/extract"
)

// bidi are the bidirectional overrides and isolates that must never reach
// Discord.
const bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

// Titles and names from the articles (and text echoed from a user) reach
// Discord without bidirectional overrides: "Scholarships\u202efdp.exe"
// would show as "Scholarshipsexe.pdf".
func TestBidiOverridesStripped(t *testing.T) {
	lib := seedLib()
	lib.articles[0].Title = "Scholarships \u202efdp.exe\u202c for 2026"
	lib.articles[0].Summary = "HUMG \u2067visited\u2069 China."
	lib.entities[0].Name = "Hanoi University \u202dof Mining\u202c and Geology"
	lib.partners[0].Partner.Name = "Tianjin \u202eUniversity of Technology"
	lib.partners[0].Sources[0].Title = lib.articles[0].Title
	lib.visits[0].Leader = "Nguyen \u2066Ngoc\u2069 Khanh"
	lib.hits[0].ArticleRef.Title = lib.articles[0].Title
	lib.hits[0].Snippets[0].Text = "the \u202bsummer camp\u202c in Kunming"
	lib.answer.Text = "Vice Rector \u202eNguyen Ngoc Khanh led the delegation."
	r := NewRouter(lib, &memStore{})
	for _, in := range []struct {
		name string
		kv   []string
	}{
		{"latest", nil},
		{"partners", []string{"institution", "HUMG"}},
		{"partners", []string{"institution", "Nowhere \u202eUniversity"}}, // not found: echoed back
		{"visits", nil},
		{"search", []string{"query", "summer"}},
		{"ask", []string{"question", "Who led the HUMG delegation?"}},
	} {
		reply, err := r.Handle(context.Background(), command(t, admin, in.name, in.kv...))
		if err != nil {
			t.Fatalf("/%s %q = %v", in.name, in.kv, err)
		}
		d, err := settle(t, reply)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := json.Marshal(d); strings.ContainsAny(string(b), bidi) {
			t.Errorf("/%s %q sends a bidirectional override: %s", in.name, in.kv, b)
		}
	}
	// Autocomplete choices, and the post to subscribed channels.
	reply, err := r.Handle(context.Background(), typing(t, admin, "partners", "institution", "institution", "Hanoi"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(reply.Response); strings.ContainsAny(string(b), bidi) || !strings.Contains(string(b), "Mining") {
		t.Errorf("autocomplete = %s; want the institution, without bidirectional overrides", b)
	}
	post := Post(lib.articles[0], extract.Facts{Visits: []extract.Visit{{Visitor: "HUMG \u202edelegation", Hosts: []string{"USTB"}}}})
	if b, _ := json.Marshal(post); strings.ContainsAny(string(b), bidi) || !strings.Contains(string(b), "fdp.exe") {
		t.Errorf("Post() = %s; want the title, without bidirectional overrides", b)
	}
}
