package discordtest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The fake checks Discord's documented limits itself, from its own table
// below, taken from Discord's documentation (Message, Embed Limits,
// Components, Receiving and Responding, Application Commands) and from
// shared/notes/discord.md, which says which limits the OpenAPI spec
// leaves out or gets wrong. It never asks the bot's code: a bot checked
// against its own validator would pass with the validator's bugs.
//
// The checks read a request's JSON, as Discord does. Lengths are in runes.

// limit bounds what lies at a path of a JSON document: a string's runes,
// or a list's entries, between min and max. In a path, "[]" stands for
// every element of a list. An absent field is not checked.
type limit struct {
	path     string
	min, max int
}

// messageLimits bound a message: a channel message, a webhook message or
// an interaction response's data, as created or after an edit.
var messageLimits = []limit{
	{"content", 0, 2000}, // the spec says 4000 for channel messages; bots get 2000
	{"embeds", 0, 10},
	{"embeds[].title", 0, 256},
	{"embeds[].description", 0, 4096},
	{"embeds[].fields", 0, 25},
	{"embeds[].fields[].name", 1, 256},
	{"embeds[].fields[].value", 1, 1024},
	{"embeds[].footer.text", 0, 2048},
	{"embeds[].author.name", 0, 256},
	{"components", 0, 5},
	{"components[].components", 1, 5},
	{"components[].components[].custom_id", 1, 100},
	{"components[].components[].label", 0, 80},
	{"components[].components[].placeholder", 0, 150},
	{"components[].components[].options", 0, 25},
	{"components[].components[].options[].label", 1, 100},
	{"components[].components[].options[].value", 1, 100},
	{"components[].components[].options[].description", 0, 100},
}

// embedsTotal bounds the characters of all of a message's embeds
// together, counted over these parts.
const embedsTotal = 6000

var embedParts = []string{"title", "description", "fields[].name", "fields[].value", "footer.text", "author.name"}

// choiceLimits bound an autocomplete result's choices, and an option's.
var choiceLimits = []limit{
	{"choices", 0, 25},
	{"choices[].name", 1, 100},
	{"choices[].value", 0, 100}, // string values; the spec says 6000
}

// modalLimits bound a modal response's data.
var modalLimits = []limit{
	{"custom_id", 1, 100},
	{"title", 1, 45},
	{"components", 1, 5},
	{"components[].components[].custom_id", 1, 100},
	{"components[].components[].label", 1, 45},
	{"components[].components[].value", 0, 4000},
	{"components[].components[].placeholder", 0, 100},
}

// commandLimits bound a chat command, and optionLimits each of its
// options at every level.
var (
	commandLimits = []limit{{"description", 1, 100}, {"options", 0, 25}}
	optionLimits  = []limit{{"description", 1, 100}, {"options", 0, 25}}
)

// commandTotal bounds a command's names, descriptions, choice names and
// choice values, counted over every level of options.
const commandTotal = 8000

// commandName is the documented pattern of chat command and option names,
// which must also be lower case. Devanagari and Thai are named because
// their combining marks are neither letters nor numbers.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// Discord's numbers for component, button, option and response types.
const (
	componentButton = 2
	buttonLink      = 5
	buttonPremium   = 6
	optionSubCmd    = 1
	optionGroup     = 2
	optionString    = 3
	optionInteger   = 4
	optionNumber    = 10
	commandChat     = 1
)

// problem is one way a request breaks Discord's rules: the JSON path of
// the field ("embeds[0].title"), or "" for the request as a whole.
type problem struct {
	Path, Problem string
}

// problems collects what a check finds.
type problems []problem

func (ps *problems) add(path, format string, args ...any) {
	*ps = append(*ps, problem{Path: path, Problem: fmt.Sprintf(format, args...)})
}

// check applies limits to doc, under prefix.
func (ps *problems) check(doc any, prefix string, limits []limit) {
	for _, l := range limits {
		each(doc, l.path, func(at string, v any) {
			var n int
			unit := "characters"
			switch v := v.(type) {
			case string:
				n = utf8.RuneCountInString(v)
			case []any:
				n, unit = len(v), "entries"
			default:
				return
			}
			switch {
			case n < l.min && n == 0:
				ps.add(prefix+at, "empty, must have %d to %d %s", l.min, l.max, unit)
			case n < l.min:
				ps.add(prefix+at, "%d %s, minimum %d", n, unit, l.min)
			case n > l.max:
				ps.add(prefix+at, "%d %s, limit %d", n, unit, l.max)
			}
		})
	}
}

// each calls f with the path and value of everything at path in doc.
func each(doc any, path string, f func(at string, v any)) {
	walk(doc, strings.Split(path, "."), "", f)
}

func walk(v any, parts []string, at string, f func(string, any)) {
	if len(parts) == 0 {
		f(at, v)
		return
	}
	m, _ := v.(map[string]any)
	key, list := strings.CutSuffix(parts[0], "[]")
	x, ok := m[key]
	if !ok || x == nil {
		return
	}
	if at != "" {
		key = at + "." + key
	}
	if !list {
		walk(x, parts[1:], key, f)
		return
	}
	xs, _ := x.([]any)
	for i, e := range xs {
		walk(e, parts[1:], fmt.Sprintf("%s[%d]", key, i), f)
	}
}

// runes counts the characters of the strings at each path of doc.
func runes(doc any, paths ...string) int {
	n := 0
	for _, p := range paths {
		each(doc, p, func(_ string, v any) {
			if s, ok := v.(string); ok {
				n += utf8.RuneCountInString(s)
			}
		})
	}
	return n
}

// str returns the string at key of an object, or "".
func str(v any, key string) string {
	m, _ := v.(map[string]any)
	s, _ := m[key].(string)
	return s
}

// num returns the number at key of an object, or 0.
func num(v any, key string) int {
	m, _ := v.(map[string]any)
	f, _ := m[key].(float64)
	return int(f)
}

// list returns the list at key of an object.
func list(v any, key string) []any {
	m, _ := v.(map[string]any)
	l, _ := m[key].([]any)
	return l
}

// emptyMessage is the problem of a message with nothing in it, which
// Discord answers with 50006 rather than 50035.
const emptyMessage = "empty message: needs content, embeds, components or files"

// checkMessage checks a message (msg, the JSON of its fields, and the
// files it carries) against the limits, under prefix. needBody says the
// message must not be empty: an edit to nothing, or a type 4 callback
// without data, is refused.
func (ps *problems) checkMessage(msg any, prefix string, files int, needBody bool) {
	if needBody && str(msg, "content") == "" && len(list(msg, "embeds")) == 0 &&
		len(list(msg, "components")) == 0 && len(list(msg, "attachments")) == 0 && files == 0 {
		m, _ := msg.(map[string]any)
		if m["poll"] == nil {
			ps.add(prefix+"content", emptyMessage)
		}
	}
	ps.check(msg, prefix, messageLimits)
	total := 0
	for _, e := range list(msg, "embeds") {
		total += runes(e, embedParts...)
	}
	if total > embedsTotal {
		ps.add(prefix+"embeds", "%d characters across all embeds, limit %d", total, embedsTotal)
	}
	ids := map[string]string{}
	for i, row := range list(msg, "components") {
		comps := list(row, "components")
		for j, c := range comps {
			at := fmt.Sprintf("%scomponents[%d].components[%d]", prefix, i, j)
			switch typ, style := num(c, "type"), num(c, "style"); {
			case typ == componentButton && style == buttonLink:
				if str(c, "url") == "" || str(c, "custom_id") != "" {
					ps.add(at, "a link button needs a url and no custom_id")
				}
				continue
			case typ == componentButton && style == buttonPremium:
				continue
			case typ != componentButton && len(comps) > 1:
				ps.add(at, "a select menu must be alone in its action row")
			}
			id := str(c, "custom_id")
			if id == "" {
				ps.add(at+".custom_id", "empty, must have 1 to 100 characters")
			} else if first, dup := ids[id]; dup {
				ps.add(at+".custom_id", "%q already used by %s", id, first)
			}
			ids[id] = at
		}
	}
}

// checkResponse checks an interaction response, {"type", "data"}, which
// carries files: a message (type 4) must not be empty; deferred responses
// and updates (5, 6, 7) may carry part of a message or none; an
// autocomplete result (8) carries choices; a modal (9) its form.
func (ps *problems) checkResponse(resp any, files int) {
	m, _ := resp.(map[string]any)
	data, hasData := m["data"].(map[string]any)
	switch t := num(resp, "type"); t {
	case 1, 6:
	case 4:
		if !hasData {
			ps.add("data", "missing, a message response needs content, embeds, components or files")
			return
		}
		ps.checkMessage(data, "data.", files, true)
	case 5, 7:
		if hasData {
			ps.checkMessage(data, "data.", files, false)
		}
	case 8:
		if !hasData {
			ps.add("data", "missing, an autocomplete result needs choices")
			return
		}
		ps.check(data, "data.", choiceLimits)
	case 9:
		if !hasData {
			ps.add("data", "missing, a modal needs custom_id, title and components")
			return
		}
		if data["components"] == nil {
			ps.add("data.components", "empty, a modal needs 1 to 5 components")
		}
		ps.check(data, "data.", modalLimits)
	default:
		ps.add("type", "unknown interaction response type %d", t)
	}
}

// checkCommand checks a command definition under prefix: a chat command
// (type 1, or none) has a lower-case name of Discord's pattern, a
// description, and options; user and message commands (2, 3) have a name
// of 1 to 32 characters and neither.
func (ps *problems) checkCommand(c any, prefix string) {
	switch t := num(c, "type"); t {
	case 0, commandChat:
		ps.name(prefix+"name", str(c, "name"))
		if c, ok := c.(map[string]any); ok && c["description"] == nil {
			ps.add(prefix+"description", "empty, must have 1 to 100 characters")
		}
		ps.check(c, prefix, commandLimits)
		ps.localizations(c, prefix)
		total := runes(c, "name", "description") + ps.options(list(c, "options"), prefix+"options", 0)
		if total > commandTotal {
			ps.add(prefix+"command", "%d characters in names, descriptions and choices, limit %d", total, commandTotal)
		}
	case 2, 3:
		ps.check(c, prefix, []limit{{"name", 1, 32}})
		if str(c, "description") != "" {
			ps.add(prefix+"description", "must be empty for user and message commands")
		}
		if len(list(c, "options")) > 0 {
			ps.add(prefix+"options", "must be empty for user and message commands")
		}
	default:
		ps.add(prefix+"type", "unknown application command type %d", t)
	}
}

// name checks a chat command's or an option's name.
func (ps *problems) name(at, n string) {
	if !commandName.MatchString(n) {
		ps.add(at, "%q is not 1 to 32 letters, numbers, -, _ or '", n)
	}
	if strings.ToLower(n) != n {
		ps.add(at, "%q must be lower case", n)
	}
}

// localizations checks the localized names and descriptions of c.
func (ps *problems) localizations(c any, prefix string) {
	m, _ := c.(map[string]any)
	names, _ := m["name_localizations"].(map[string]any)
	for loc, n := range names {
		s, _ := n.(string)
		ps.name(prefix+"name_localizations."+loc, s)
	}
	descs, _ := m["description_localizations"].(map[string]any)
	for loc, d := range descs {
		ps.check(map[string]any{loc: d}, prefix+"description_localizations.", []limit{{loc, 1, 100}})
	}
}

// options checks a list of options nested depth levels under a command
// and returns the characters they count toward commandTotal.
func (ps *problems) options(opts []any, at string, depth int) int {
	total := 0
	seen := map[string]bool{}
	optional := false
	for i, o := range opts {
		p := fmt.Sprintf("%s[%d]", at, i)
		name, typ := str(o, "name"), num(o, "type")
		m, _ := o.(map[string]any)
		required, _ := m["required"].(bool)
		autocomplete, _ := m["autocomplete"].(bool)
		ps.name(p+".name", name)
		if seen[name] {
			ps.add(p+".name", "%q duplicates another option's name", name)
		}
		seen[name] = true
		if m["description"] == nil {
			ps.add(p+".description", "empty, must have 1 to 100 characters")
		}
		ps.check(o, p+".", optionLimits)
		ps.localizations(o, p+".")
		total += runes(o, "name", "description")

		nested := typ == optionSubCmd || typ == optionGroup
		switch {
		case nested && required:
			ps.add(p+".required", "sub-commands and groups cannot be required")
		case required && optional:
			ps.add(p+".required", "required option %q after an optional one", name)
		case !required:
			optional = true
		}
		subs := list(o, "options")
		switch typ {
		case optionGroup:
			if depth > 0 {
				ps.add(p+".type", "a sub-command group must be at the top level")
			}
			for j, sub := range subs {
				if num(sub, "type") != optionSubCmd {
					ps.add(fmt.Sprintf("%s.options[%d].type", p, j), "a sub-command group holds only sub-commands")
				}
			}
			total += ps.options(subs, p+".options", depth+1)
		case optionSubCmd:
			for j, sub := range subs {
				if t := num(sub, "type"); t == optionSubCmd || t == optionGroup {
					ps.add(fmt.Sprintf("%s.options[%d].type", p, j), "a sub-command cannot hold sub-commands")
				}
			}
			total += ps.options(subs, p+".options", depth+1)
		default:
			if len(subs) > 0 {
				ps.add(p+".options", "only sub-commands and groups have options")
			}
		}

		choices := list(o, "choices")
		if choosable := typ == optionString || typ == optionInteger || typ == optionNumber; (autocomplete || len(choices) > 0) && !choosable {
			ps.add(p, "only string, integer and number options take choices or autocomplete")
		}
		if autocomplete && len(choices) > 0 {
			ps.add(p+".autocomplete", "autocomplete and choices are mutually exclusive")
		}
		ps.check(o, p+".", choiceLimits)
		for _, c := range choices {
			m, _ := c.(map[string]any)
			total += runes(c, "name") + utf8.RuneCountInString(fmt.Sprint(m["value"]))
		}
	}
	return total
}
