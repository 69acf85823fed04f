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

// A name the library knows as typed gets no "Showing results for" note;
// only a corrected one does.
func TestCorrectedNote(t *testing.T) {
	r := NewRouter(openCorpus(t, "../seeds"), nil)
	for _, name := range []string{"HUMG", "hanoi university of mining and geology", ""} {
		if got := r.corrected(name); got != "" {
			t.Errorf("corrected(%q) = %q; want no note", name, got)
		}
	}
	if got := r.corrected("Hanoi Univrsity of Mining and Geology"); got != "Showing results for Hanoi University of Mining and Geology (HUMG)." {
		t.Errorf("corrected(misspelt) = %q", got)
	}
}
