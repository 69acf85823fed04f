package console

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/commands"
	"github.com/coopbot/coopbot/knowledge/text"
)

// parsedLine is one console line read as a slash command.
type parsedLine struct {
	Command string
	Values  map[string]string
}

// parseLine reads a console line the way Discord's client fills a slash
// command: "/partners institution:Kyoto University
// country:China". Option values need no quotes: the line is split only at
// the "name:" tokens that are options of the command. A line that does not
// start with "/" is a question for /ask. Text before the first option goes
// to the command's only text option, so "/ask Who led?" works too.
func parseLine(line string) (parsedLine, error) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "/") {
		return parsedLine{Command: commands.CmdAsk, Values: map[string]string{commands.OptQuestion: line}}, nil
	}
	name, rest, _ := strings.Cut(line[1:], " ")
	name = strings.ToLower(name)
	c := commands.Lookup(name)
	if c == nil {
		msg := fmt.Sprintf("There is no command /%s.", name)
		if near := nearestCommand(name); near != "" {
			msg += fmt.Sprintf(" Did you mean /%s?", near)
		}
		return parsedLine{}, fmt.Errorf("%s Type /help for the list", msg)
	}
	p := parsedLine{Command: name, Values: map[string]string{}}
	if len(c.Options) == 0 {
		if strings.TrimSpace(rest) != "" {
			return p, fmt.Errorf("/%s takes no options; type just /%s", name, name)
		}
		return p, nil
	}
	names := make([]string, len(c.Options))
	for i, o := range c.Options {
		names[i] = regexp.QuoteMeta(o.Name)
	}
	token := regexp.MustCompile(`(?i)(?:^|\s)(` + strings.Join(names, "|") + `):`)
	locs := token.FindAllStringSubmatchIndex(rest, -1)
	lead := rest
	if len(locs) > 0 {
		lead = rest[:locs[0][0]]
	}
	if lead = strings.TrimSpace(lead); lead != "" {
		opt := soleTextOption(c)
		if opt == "" {
			return p, fmt.Errorf("could not read %q: write options as name:value, e.g. %s", lead, example(c))
		}
		p.Values[opt] = lead
	}
	for i, loc := range locs {
		end := len(rest)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		opt := strings.ToLower(rest[loc[2]:loc[3]])
		p.Values[opt] = strings.TrimSpace(rest[loc[1]:end])
	}
	for opt, v := range p.Values {
		if freeText[opt] {
			continue
		}
		if m := unknownOption.FindStringSubmatch(" " + v); m != nil {
			return p, fmt.Errorf("/%s has no option %q; its options are %s, e.g. %s", name, m[1], optionNames(c), example(c))
		}
	}
	return p, nil
}

// freeText are the options whose values are the user's own words, where
// "word:" may be part of a question or of the search syntax.
var freeText = map[string]bool{commands.OptQuestion: true, commands.OptQuery: true, commands.OptKeywords: true}

// unknownOption finds a "name:value" that is no option of the command: in
// "/partners institution:HUMG colour:red" it is "colour".
var unknownOption = regexp.MustCompile(`\s([A-Za-z_]+):\S`)

// optionNames lists a command's options: "institution, country".
func optionNames(c *discordgo.ApplicationCommand) string {
	names := make([]string, len(c.Options))
	for i, o := range c.Options {
		names[i] = o.Name
	}
	return strings.Join(names, ", ")
}

// soleTextOption is the option that bare text after a command fills: the
// command's required string option, or its only option.
func soleTextOption(c *discordgo.ApplicationCommand) string {
	for _, o := range c.Options {
		if o.Required && o.Type == discordgo.ApplicationCommandOptionString {
			return o.Name
		}
	}
	if len(c.Options) == 1 && c.Options[0].Type == discordgo.ApplicationCommandOptionString {
		return c.Options[0].Name
	}
	return ""
}

// example shows how a command's options are written.
func example(c *discordgo.ApplicationCommand) string {
	parts := []string{"/" + c.Name}
	for _, o := range c.Options {
		parts = append(parts, o.Name+":…")
	}
	return strings.Join(parts, " ")
}

// nearestCommand returns the command whose name is closest to name, if any
// is close enough to be a typo.
func nearestCommand(name string) string {
	type cand struct {
		name string
		dist int
	}
	var cs []cand
	for _, c := range commands.Catalog() {
		d := text.EditDistance(name, c.Name)
		if strings.HasPrefix(c.Name, name) && name != "" {
			d = 0
		}
		cs = append(cs, cand{c.Name, d})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].dist < cs[j].dist })
	if len(cs) == 0 || cs[0].dist > max(2, len(name)/2) {
		return ""
	}
	return cs[0].name
}
