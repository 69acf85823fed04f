package commands

import (
	"strings"
	"testing"

	"github.com/coopbot/coopbot/knowledge"
)

// A name that matches nothing gets a hint the client can follow: Discord
// shows autocomplete suggestions, the console does not.
func TestNotFoundHints(t *testing.T) {
	nf := &knowledge.NotFoundError{Name: "Zzyzx", What: "institution"}
	if got := notFound("partners", nf, false); !strings.Contains(got, "pick one of the suggestions") {
		t.Errorf("notFound with autocomplete = %q; want it to point to the suggestions", got)
	}
	got := notFound("partners", nf, true)
	if strings.Contains(got, "suggestions") || !strings.Contains(got, "check its spelling") || !strings.Contains(got, "/search query:Zzyzx") {
		t.Errorf("notFound without autocomplete = %q; want a spelling hint and /search, no suggestions", got)
	}
}
