package console

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coopbot/coopbot/commands"
)

// FuzzParseLine reads any console line: it never panics; a line it
// accepts names a command of the catalogue and only that command's
// options, with values that build an interaction or an error that says
// which option is wrong; a line it refuses gets a message to show.
func FuzzParseLine(f *testing.F) {
	f.Fuzz(func(t *testing.T, line string) {
		p, err := parseLine(line)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("parseLine(%q): an empty error", line)
			}
			return
		}
		c := commands.Lookup(p.Command)
		if c == nil {
			t.Fatalf("parseLine(%q) = command %q, not in the catalogue", line, p.Command)
		}
		known := map[string]bool{}
		for _, o := range c.Options {
			known[o.Name] = true
		}
		for name, v := range p.Values {
			if !known[name] {
				t.Fatalf("parseLine(%q) = option %q, not one of /%s's", line, name, p.Command)
			}
			if utf8.ValidString(line) && !utf8.ValidString(v) {
				t.Fatalf("parseLine(%q) = option %s %q, not valid UTF-8", line, name, v)
			}
		}
		if _, err := commands.CommandData(p.Command, p.Values, ""); err != nil && !strings.Contains(err.Error(), "option") {
			t.Fatalf("CommandData(%q, %q) = %v; want an error naming the option", p.Command, p.Values, err)
		}
	})
}
