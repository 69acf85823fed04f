package discordtest

import (
	"encoding/json"
	"strings"
	"testing"
)

// The fake's own table catches each documented limit, at the field that
// breaks it, and passes what Discord accepts.
func TestLimitsTable(t *testing.T) {
	s := strings.Repeat
	embeds := func(n int, e string) string { return "[" + strings.TrimSuffix(s(e+",", n), ",") + "]" }
	button := func(id string) string { return `{"type":2,"style":1,"label":"Next","custom_id":"` + id + `"}` }
	row := func(cs ...string) string { return `{"type":1,"components":[` + strings.Join(cs, ",") + `]}` }
	opt := func(name string, required bool) string {
		return `{"type":3,"name":"` + name + `","description":"d","required":` + map[bool]string{true: "true", false: "false"}[required] + `}`
	}
	// choosing is an option of 16 choices of 200 characters each.
	choosing := func(name string) string {
		c := `{"name":"` + s("c", 100) + `","value":"` + s("v", 100) + `"}`
		return `{"type":3,"name":"` + name + `","description":"d","choices":[` + strings.TrimSuffix(s(c+",", 16), ",") + `]}`
	}
	tests := []struct {
		name  string
		check func(ps *problems, doc any)
		json  string
		want  []string // paths of the problems, in order
	}{
		// Messages.
		{"2000 runes", message, `{"content":"` + s("é", 2000) + `"}`, nil},
		{"2001 runes", message, `{"content":"` + s("é", 2001) + `"}`, []string{"content"}},
		{"empty", message, `{"content":""}`, []string{"content"}},
		{"files only", messageWithFile, `{"content":""}`, nil},
		{"11 embeds", message, `{"embeds":` + embeds(11, `{"title":"t"}`) + `}`, []string{"embeds"}},
		{"257-rune title", message, `{"embeds":[{"title":"` + s("t", 257) + `"}]}`, []string{"embeds[0].title"}},
		{"empty field name", message, `{"embeds":[{"fields":[{"name":"","value":"v"}]}]}`, []string{"embeds[0].fields[0].name"}},
		{"1025-rune field value", message, `{"embeds":[{"fields":[{"name":"n","value":"` + s("v", 1025) + `"}]}]}`, []string{"embeds[0].fields[0].value"}},
		{"6000 across embeds", message, `{"embeds":` + embeds(2, `{"description":"`+s("d", 3000)+`"}`) + `}`, nil},
		{"6001 across embeds", message, `{"embeds":[{"description":"` + s("d", 4000) + `"},{"title":"t","description":"` + s("d", 2000) + `"}]}`, []string{"embeds"}},
		{"6 rows", message, `{"components":[` + strings.Join([]string{row(button("a")), row(button("b")), row(button("c")), row(button("d")), row(button("e")), row(button("f"))}, ",") + `]}`, []string{"components"}},
		{"6 buttons", message, `{"components":[` + row(button("a"), button("b"), button("c"), button("d"), button("e"), button("f")) + `]}`, []string{"components[0].components"}},
		{"repeated custom_id", message, `{"components":[` + row(button("a"), button("a")) + `]}`, []string{"components[0].components[1].custom_id"}},
		{"button without custom_id", message, `{"components":[` + row(`{"type":2,"style":1,"label":"x"}`) + `]}`, []string{"components[0].components[0].custom_id"}},
		{"link button", message, `{"components":[` + row(`{"type":2,"style":5,"label":"x","url":"https://example.org"}`) + `]}`, nil},
		{"link button with custom_id", message, `{"components":[` + row(`{"type":2,"style":5,"url":"https://example.org","custom_id":"x"}`) + `]}`, []string{"components[0].components[0]"}},
		{"select not alone", message, `{"components":[` + row(`{"type":3,"custom_id":"s","options":[]}`, button("b")) + `]}`, []string{"components[0].components[0]"}},

		// Interaction responses.
		{"pong", response, `{"type":1}`, nil},
		{"message without data", response, `{"type":4}`, []string{"data"}},
		{"deferred without data", response, `{"type":5}`, nil},
		{"26 choices", response, `{"type":8,"data":{"choices":[` + strings.TrimSuffix(s(`{"name":"n","value":"v"},`, 26), ",") + `]}}`, []string{"data.choices"}},
		{"101-rune choice value", response, `{"type":8,"data":{"choices":[{"name":"n","value":"` + s("v", 101) + `"}]}}`, []string{"data.choices[0].value"}},
		{"numeric choice value", response, `{"type":8,"data":{"choices":[{"name":"n","value":12345}]}}`, nil},
		{"46-rune modal title", response, `{"type":9,"data":{"custom_id":"m","title":"` + s("t", 46) + `","components":[{"type":1,"components":[{"type":4,"custom_id":"q","label":"Question","style":1}]}]}}`, []string{"data.title"}},
		{"unknown type", response, `{"type":12}`, []string{"type"}},

		// Command definitions.
		{"command", command, `{"name":"news","description":"d","options":[` + opt("a", true) + `,` + opt("b", false) + `]}`, nil},
		{"upper-case name", command, `{"name":"News","description":"d"}`, []string{"name"}},
		{"no description", command, `{"name":"news"}`, []string{"description"}},
		{"required after optional", command, `{"name":"news","description":"d","options":[` + opt("a", false) + `,` + opt("b", true) + `]}`, []string{"options[1].required"}},
		{"repeated option", command, `{"name":"news","description":"d","options":[` + opt("a", false) + `,` + opt("a", false) + `]}`, []string{"options[1].name"}},
		{"autocomplete and choices", command, `{"name":"news","description":"d","options":[{"type":3,"name":"a","description":"d","autocomplete":true,"choices":[{"name":"n","value":"v"}]}]}`, []string{"options[0].autocomplete"}},
		{"over 8000 characters", command, `{"name":"n","description":"d","options":[` + choosing("a") + "," + choosing("b") + "," + choosing("c") + `]}`, []string{"command"}},
		{"user command with options", command, `{"type":2,"name":"Look up","options":[` + opt("a", false) + `]}`, []string{"options"}},
	}
	for _, tt := range tests {
		var doc any
		if err := json.Unmarshal([]byte(tt.json), &doc); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var ps problems
		tt.check(&ps, doc)
		var got []string
		for _, p := range ps {
			got = append(got, p.Path)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: problems = %s; want them at %q", tt.name, ps, tt.want)
		}
	}
}

func message(ps *problems, doc any)         { ps.checkMessage(doc, "", 0, true) }
func messageWithFile(ps *problems, doc any) { ps.checkMessage(doc, "", 1, true) }
func response(ps *problems, doc any)        { ps.checkResponse(doc, 0) }
func command(ps *problems, doc any)         { ps.checkCommand(doc, "") }
