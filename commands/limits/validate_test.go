package limits

import (
	"errors"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// wantErrs checks that err reports exactly the paths in want, each as
// "path: ..." (in any order); want empty means err must be nil.
func wantErrs(t *testing.T, name string, err error, want ...string) {
	t.Helper()
	var got []string
	if err != nil {
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var v *Violation
			if !errors.As(e, &v) {
				t.Errorf("%s: %v is not a *Violation", name, e)
				continue
			}
			got = append(got, v.Path)
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("%s = %v; want violations at %q", name, err, want)
	}
}

func TestValidateMessage(t *testing.T) {
	s := strings.Repeat
	field := func(name, value string) *discordgo.MessageEmbedField {
		return &discordgo.MessageEmbedField{Name: name, Value: value}
	}
	fields := func(n int) []*discordgo.MessageEmbedField {
		fs := make([]*discordgo.MessageEmbedField, n)
		for i := range fs {
			fs[i] = field("n", "v")
		}
		return fs
	}
	row := func(cs ...discordgo.MessageComponent) discordgo.MessageComponent {
		return discordgo.ActionsRow{Components: cs}
	}
	button := func(id, label string) discordgo.MessageComponent {
		return discordgo.Button{CustomID: id, Label: label}
	}
	tests := []struct {
		name       string
		content    string
		embeds     []*discordgo.MessageEmbed
		components []discordgo.MessageComponent
		files      int
		want       []string // paths of the expected violations
	}{
		{name: "plain", content: "hello"},
		{name: "2000 ok", content: s("a", 2000)},
		{name: "2001 too long", content: s("a", 2001), want: []string{"content"}},
		{name: "2000 multibyte runes ok", content: s("é", 1000) + s("日", 1000)},
		{name: "2001 multibyte runes", content: s("日", 2001), want: []string{"content"}},
		{name: "empty", want: []string{"content"}},
		{name: "file only", files: 1},
		{name: "embed only", embeds: []*discordgo.MessageEmbed{{Title: "t"}}},
		{name: "10 embeds", embeds: make10(10)},
		{name: "11 embeds", embeds: make10(11), want: []string{"embeds"}},
		{name: "title 256", embeds: []*discordgo.MessageEmbed{{Title: s("ü", 256)}}},
		{name: "title 257", embeds: []*discordgo.MessageEmbed{{Title: s("ü", 257)}}, want: []string{"embeds[0].title"}},
		{name: "description 4097", embeds: []*discordgo.MessageEmbed{{Description: s("a", 4097)}}, want: []string{"embeds[0].description"}},
		{name: "25 fields", embeds: []*discordgo.MessageEmbed{{Fields: fields(25)}}},
		{name: "26 fields", embeds: []*discordgo.MessageEmbed{{Fields: fields(26)}}, want: []string{"embeds[0].fields"}},
		{name: "field value 1024", embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{field("n", s("a", 1024))}}}},
		{name: "field bad name and value", content: "x", embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{
			field("n", "v"), field("", s("a", 1025)),
		}}}, want: []string{"embeds[0].fields[1].name", "embeds[0].fields[1].value"}},
		{name: "footer and author", embeds: []*discordgo.MessageEmbed{{
			Footer: &discordgo.MessageEmbedFooter{Text: s("a", 2049)},
			Author: &discordgo.MessageEmbedAuthor{Name: s("a", 257)},
		}}, want: []string{"embeds[0].footer.text", "embeds[0].author.name"}},
		{name: "6000 across embeds", embeds: []*discordgo.MessageEmbed{
			{Description: s("a", 4000)}, {Description: s("a", 1990), Title: s("t", 10)},
		}},
		{name: "6001 across embeds", embeds: []*discordgo.MessageEmbed{
			{Description: s("a", 4000)}, {Description: s("a", 1990), Footer: &discordgo.MessageEmbedFooter{Text: s("f", 11)}},
		}, want: []string{"embeds"}},
		{name: "5 rows of 5 buttons", components: grid(5, 5)},
		{name: "6 rows", components: grid(6, 1), want: []string{"components"}},
		{name: "6 buttons a row", components: grid(1, 6), want: []string{"components[0].components"}},
		{name: "custom_id 100 ok, label 80 ok", components: []discordgo.MessageComponent{row(button(s("i", 100), s("l", 80)))}},
		{name: "custom_id and label too long", components: []discordgo.MessageComponent{row(button(s("i", 101), s("l", 81)))},
			want: []string{"components[0].components[0].label", "components[0].components[0].custom_id"}},
		{name: "missing custom_id", components: []discordgo.MessageComponent{row(button("", "ok"))},
			want: []string{"components[0].components[0].custom_id"}},
		{name: "duplicate custom_id", components: []discordgo.MessageComponent{row(button("a", "x"), &discordgo.Button{CustomID: "a"})},
			want: []string{"components[0].components[1].custom_id"}},
		{name: "link button", components: []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Style: discordgo.LinkButton, URL: "https://example.org", Label: "read"},
		}}}},
		{name: "select not alone", components: []discordgo.MessageComponent{row(discordgo.SelectMenu{CustomID: "s"}, button("b", "x"))},
			want: []string{"components[0].components[0]"}},
		{name: "many at once", content: s("a", 2001), embeds: make10(11), components: grid(6, 1),
			want: []string{"content", "embeds", "components"}},
	}
	for _, tt := range tests {
		err := ValidateMessage(tt.content, tt.embeds, tt.components, tt.files)
		wantErrs(t, "ValidateMessage("+tt.name+")", err, tt.want...)
	}
}

func make10(n int) []*discordgo.MessageEmbed {
	es := make([]*discordgo.MessageEmbed, n)
	for i := range es {
		es[i] = &discordgo.MessageEmbed{Title: "t"}
	}
	return es
}

// grid returns rows action rows of perRow buttons with distinct custom_ids.
func grid(rows, perRow int) []discordgo.MessageComponent {
	var cs []discordgo.MessageComponent
	for r := range rows {
		var bs []discordgo.MessageComponent
		for b := range perRow {
			bs = append(bs, discordgo.Button{CustomID: string(rune('a'+r)) + string(rune('a'+b)), Label: "x"})
		}
		cs = append(cs, discordgo.ActionsRow{Components: bs})
	}
	return cs
}

func TestViolationMessage(t *testing.T) {
	err := ValidateMessage("x", []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{
		{Name: "a", Value: "b"}, {Name: "a", Value: "b"}, {Name: "a", Value: "b"},
		{Name: "a", Value: strings.Repeat("v", 1100)},
	}}}, nil, 0)
	want := "embeds[0].fields[3].value: 1100 characters, limit 1024"
	if err == nil || err.Error() != want {
		t.Errorf("ValidateMessage(long field) = %v; want %q", err, want)
	}
}

func TestValidateResponse(t *testing.T) {
	choices := func(n int) []*discordgo.ApplicationCommandOptionChoice {
		cs := make([]*discordgo.ApplicationCommandOptionChoice, n)
		for i := range cs {
			cs[i] = &discordgo.ApplicationCommandOptionChoice{Name: "c", Value: "v"}
		}
		return cs
	}
	tests := []struct {
		name string
		r    *discordgo.InteractionResponse
		want []string
	}{
		{"nil", nil, []string{"response"}},
		{"message", &discordgo.InteractionResponse{Type: 4, Data: &discordgo.InteractionResponseData{Content: "hi"}}, nil},
		{"message without data", &discordgo.InteractionResponse{Type: 4}, []string{"data"}},
		{"empty message", &discordgo.InteractionResponse{Type: 4, Data: &discordgo.InteractionResponseData{}}, []string{"data.content"}},
		{"message too long", &discordgo.InteractionResponse{Type: 4, Data: &discordgo.InteractionResponseData{Content: strings.Repeat("a", 2001)}}, []string{"data.content"}},
		{"deferred", &discordgo.InteractionResponse{Type: 5}, nil},
		{"deferred ephemeral", &discordgo.InteractionResponse{Type: 5, Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}}, nil},
		{"deferred update", &discordgo.InteractionResponse{Type: 6}, nil},
		{"update without content", &discordgo.InteractionResponse{Type: 7, Data: &discordgo.InteractionResponseData{Components: []discordgo.MessageComponent{}}}, nil},
		{"autocomplete 25", &discordgo.InteractionResponse{Type: 8, Data: &discordgo.InteractionResponseData{Choices: choices(25)}}, nil},
		{"autocomplete 26", &discordgo.InteractionResponse{Type: 8, Data: &discordgo.InteractionResponseData{Choices: choices(26)}}, []string{"data.choices"}},
		{"modal without title", &discordgo.InteractionResponse{Type: 9, Data: &discordgo.InteractionResponseData{CustomID: "m", Components: []discordgo.MessageComponent{
			discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{CustomID: "t", Label: "name"}}},
		}}}, []string{"data.title"}},
		{"unknown type", &discordgo.InteractionResponse{Type: 42}, []string{"type"}},
	}
	for _, tt := range tests {
		wantErrs(t, "ValidateResponse("+tt.name+")", ValidateResponse(tt.r), tt.want...)
	}
}

func TestValidateAutocomplete(t *testing.T) {
	tests := []struct {
		name    string
		choices []*discordgo.ApplicationCommandOptionChoice
		want    []string
	}{
		{"none", nil, nil},
		{"name 100, value 100", []*discordgo.ApplicationCommandOptionChoice{{Name: strings.Repeat("ñ", 100), Value: strings.Repeat("v", 100)}}, nil},
		{"name 101, value 101", []*discordgo.ApplicationCommandOptionChoice{{Name: strings.Repeat("ñ", 101), Value: strings.Repeat("v", 101)}},
			[]string{"choices[0].name", "choices[0].value"}},
		{"empty name, no value", []*discordgo.ApplicationCommandOptionChoice{{}}, []string{"choices[0].name", "choices[0].value"}},
		{"integer value", []*discordgo.ApplicationCommandOptionChoice{{Name: "2024", Value: 2024}}, nil},
	}
	for _, tt := range tests {
		wantErrs(t, "ValidateAutocomplete("+tt.name+")", ValidateAutocomplete(tt.choices), tt.want...)
	}
}

func TestValidateCommand(t *testing.T) {
	str := func(name string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: "d", Required: required}
	}
	cmd := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		return &discordgo.ApplicationCommand{Name: name, Description: desc, Options: opts}
	}
	many := func(n int) []*discordgo.ApplicationCommandOption {
		var os []*discordgo.ApplicationCommandOption
		for i := range n {
			os = append(os, str(strings.Repeat("o", i+1), false))
		}
		return os
	}
	long := func() *discordgo.ApplicationCommand {
		// 25 options of 32 + 100 characters and 25 choices of 100 + 100
		// characters each: far above 8000 in total.
		c := cmd("big", "d")
		for i := range 3 {
			o := str(strings.Repeat(string(rune('a'+i)), 32), false)
			o.Description = strings.Repeat("d", 100)
			for range 25 {
				o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: strings.Repeat("n", 100), Value: strings.Repeat("v", 100)})
			}
			c.Options = append(c.Options, o)
		}
		return c
	}
	auto := str("q", true)
	auto.Autocomplete = true
	auto.Choices = []*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: "a"}}
	tests := []struct {
		name string
		c    *discordgo.ApplicationCommand
		want []string
	}{
		{"simple", cmd("news", "Latest cooperation news", str("university", true), str("year", false)), nil},
		{"unicode name", cmd("coopération", "d"), nil},
		{"dash underscore apostrophe", cmd("a-b_c'd", "d"), nil},
		{"name 32", cmd(strings.Repeat("n", 32), "d"), nil},
		{"name 33", cmd(strings.Repeat("n", 33), "d"), []string{"name"}},
		{"empty name and description", cmd("", ""), []string{"name", "description"}},
		{"upper case", cmd("News", "d"), []string{"name"}},
		{"space", cmd("two words", "d"), []string{"name"}},
		{"description 100", cmd("x", strings.Repeat("d", 100)), nil},
		{"description 101", cmd("x", strings.Repeat("d", 101)), []string{"description"}},
		{"25 options", cmd("x", "d", many(25)...), nil},
		{"26 options", cmd("x", "d", many(26)...), []string{"options"}},
		{"required after optional", cmd("x", "d", str("a", false), str("b", true)), []string{"options[1].required"}},
		{"duplicate option", cmd("x", "d", str("a", false), str("a", false)), []string{"options[1].name"}},
		{"autocomplete and choices", cmd("x", "d", auto), []string{"options[0].autocomplete"}},
		{"bad sub-command option", cmd("x", "d", &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: "sub", Description: "d",
			Options: []*discordgo.ApplicationCommandOption{str("Bad", false)},
		}), []string{"options[0].options[0].name"}},
		{"over 8000", long(), []string{"command"}},
		{"message command", &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: "Save Article"}, nil},
		{"user command with description", &discordgo.ApplicationCommand{Type: discordgo.UserApplicationCommand, Name: "Who", Description: "d"}, []string{"description"}},
		{"nil", nil, []string{"command"}},
	}
	for _, tt := range tests {
		wantErrs(t, "ValidateCommand("+tt.name+")", ValidateCommand(tt.c), tt.want...)
	}
}
