package limits

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Violation is one broken limit: the JSON path of the offending field
// ("embeds[0].fields[3].value") and what is wrong with it. The Validate
// functions return every Violation they find, joined with errors.Join.
type Violation struct {
	Path    string
	Problem string
}

// Error returns "path: problem".
func (v *Violation) Error() string { return v.Path + ": " + v.Problem }

// commandName is Discord's documented pattern for chat command and option
// names; Devanagari and Thai are listed because their combining marks are
// neither letters nor numbers.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// violations collects the problems found by one Validate call.
type violations []error

func (v *violations) add(path, format string, args ...any) {
	*v = append(*v, &Violation{Path: path, Problem: fmt.Sprintf(format, args...)})
}

// length checks that s has between lo and hi runes.
func (v *violations) length(path, s string, lo, hi int) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0 && lo > 0:
		v.add(path, "empty, must have %d to %d characters", lo, hi)
	case n < lo:
		v.add(path, "%d characters, minimum %d", n, lo)
	case n > hi:
		v.add(path, "%d characters, limit %d", n, hi)
	}
}

// count checks that a list of n things named what has at most hi entries.
func (v *violations) count(path string, n, hi int, what string) {
	if n > hi {
		v.add(path, "%d %s, limit %d", n, what, hi)
	}
}

func (v *violations) err() error { return errors.Join(*v...) }

// ValidateResponse checks an interaction response of any type (1 pong,
// 4 message, 5 deferred, 6 and 7 component updates, 8 autocomplete, 9 modal)
// against Discord's documented limits. Only a type 4 message must be
// non-empty; the other types may carry a partial message or none.
func ValidateResponse(r *discordgo.InteractionResponse) error {
	var v violations
	if r == nil {
		v.add("response", "missing")
		return v.err()
	}
	d := r.Data
	switch r.Type {
	case discordgo.InteractionResponsePong, discordgo.InteractionResponseDeferredMessageUpdate:
	case discordgo.InteractionResponseChannelMessageWithSource:
		if d == nil {
			v.add("data", "missing, a message response needs content, embeds, components or files")
			break
		}
		v.message("data.", d.Content, d.Embeds, d.Components, len(d.Files), d.Poll == nil)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage:
		if d != nil {
			v.message("data.", d.Content, d.Embeds, d.Components, len(d.Files), false)
		}
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if d == nil {
			v.add("data", "missing, an autocomplete result needs choices")
			break
		}
		v.choices("data.choices", d.Choices)
	case discordgo.InteractionResponseModal:
		if d == nil {
			v.add("data", "missing, a modal needs custom_id, title and components")
			break
		}
		v.length("data.custom_id", d.CustomID, 1, CustomID)
		v.length("data.title", d.Title, 1, ModalTitle)
		if len(d.Components) == 0 {
			v.add("data.components", "empty, a modal needs 1 to 5 components")
		}
		v.components("data.components", d.Components)
	default:
		v.add("type", "unknown interaction response type %d", r.Type)
	}
	return v.err()
}

// ValidateMessage checks a message body: content of at most 2000
// characters; never empty (content, embeds, components or files); at most
// 10 embeds, each within its field limits and 6000 characters across all of
// them; at most 5 action rows of at most 5 buttons, custom_id 1 to 100
// characters and unique, labels at most 80.
func ValidateMessage(content string, embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent, files int) error {
	var v violations
	v.message("", content, embeds, components, files, true)
	return v.err()
}

func (v *violations) message(prefix, content string, embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent, files int, needBody bool) {
	if needBody && content == "" && len(embeds) == 0 && len(components) == 0 && files == 0 {
		v.add(prefix+"content", "empty message: needs content, embeds, components or files")
	}
	v.length(prefix+"content", content, 0, Content)
	v.embeds(prefix+"embeds", embeds)
	v.components(prefix+"components", components)
}

func (v *violations) embeds(path string, embeds []*discordgo.MessageEmbed) {
	v.count(path, len(embeds), Embeds, "embeds")
	total := 0
	for i, e := range embeds {
		p := fmt.Sprintf("%s[%d]", path, i)
		if e == nil {
			v.add(p, "null embed")
			continue
		}
		total += runes(e.Title, e.Description)
		v.length(p+".title", e.Title, 0, Title)
		v.length(p+".description", e.Description, 0, Description)
		v.count(p+".fields", len(e.Fields), Fields, "fields")
		for j, f := range e.Fields {
			fp := fmt.Sprintf("%s.fields[%d]", p, j)
			if f == nil {
				v.add(fp, "null field")
				continue
			}
			total += runes(f.Name, f.Value)
			v.length(fp+".name", f.Name, 1, FieldName)
			v.length(fp+".value", f.Value, 1, FieldValue)
		}
		if e.Footer != nil {
			total += runes(e.Footer.Text)
			v.length(p+".footer.text", e.Footer.Text, 0, Footer)
		}
		if e.Author != nil {
			total += runes(e.Author.Name)
			v.length(p+".author.name", e.Author.Name, 0, AuthorName)
		}
	}
	if total > EmbedsTotal {
		v.add(path, "%d characters across all embeds, limit %d", total, EmbedsTotal)
	}
}

func runes(ss ...string) int {
	n := 0
	for _, s := range ss {
		n += utf8.RuneCountInString(s)
	}
	return n
}

// components checks top-level components: classic messages hold at most 5
// action rows; a select menu fills a row alone.
func (v *violations) components(path string, cs []discordgo.MessageComponent) {
	v.count(path, len(cs), 5, "action rows")
	ids := map[string]string{}
	for i, c := range cs {
		p := fmt.Sprintf("%s[%d]", path, i)
		row, ok := c.(discordgo.ActionsRow)
		if pr, isPtr := c.(*discordgo.ActionsRow); isPtr && pr != nil {
			row, ok = *pr, true
		}
		if !ok {
			v.component(p, c, ids)
			continue
		}
		if len(row.Components) == 0 {
			v.add(p+".components", "empty action row")
		}
		v.count(p+".components", len(row.Components), 5, "components")
		for j, rc := range row.Components {
			if isSelect(rc) && len(row.Components) > 1 {
				v.add(fmt.Sprintf("%s.components[%d]", p, j), "a select menu must be alone in its action row")
			}
			v.component(fmt.Sprintf("%s.components[%d]", p, j), rc, ids)
		}
	}
}

func isSelect(c discordgo.MessageComponent) bool {
	switch c.(type) {
	case discordgo.SelectMenu, *discordgo.SelectMenu:
		return true
	}
	return false
}

// component checks one component inside a row; ids maps each custom_id
// seen so far to its path, since custom_ids must be unique in a message.
func (v *violations) component(path string, c discordgo.MessageComponent, ids map[string]string) {
	customID := func(id string) {
		v.length(path+".custom_id", id, 1, CustomID)
		if first, dup := ids[id]; dup && id != "" {
			v.add(path+".custom_id", "%q already used by %s", id, first)
		}
		ids[id] = path
	}
	switch c := c.(type) {
	case *discordgo.Button:
		if c != nil {
			v.component(path, *c, ids)
		}
	case discordgo.Button:
		v.length(path+".label", c.Label, 0, ButtonLabel)
		switch c.Style {
		case discordgo.LinkButton:
			if c.URL == "" || c.CustomID != "" {
				v.add(path, "a link button needs a url and no custom_id")
			}
		case discordgo.PremiumButton:
		default:
			customID(c.CustomID)
		}
	case *discordgo.SelectMenu:
		if c != nil {
			v.component(path, *c, ids)
		}
	case discordgo.SelectMenu:
		customID(c.CustomID)
		v.length(path+".placeholder", c.Placeholder, 0, SelectPlaceholder)
		v.count(path+".options", len(c.Options), SelectOptions, "options")
		for i, o := range c.Options {
			op := fmt.Sprintf("%s.options[%d]", path, i)
			v.length(op+".label", o.Label, 1, SelectOption)
			v.length(op+".value", o.Value, 1, SelectOption)
			v.length(op+".description", o.Description, 0, SelectOption)
		}
	case *discordgo.TextInput:
		if c != nil {
			v.component(path, *c, ids)
		}
	case discordgo.TextInput:
		customID(c.CustomID)
		v.length(path+".label", c.Label, 1, TextInputLabel)
		v.length(path+".value", c.Value, 0, TextInputValue)
		v.length(path+".placeholder", c.Placeholder, 0, TextInputPlaceholder)
	case nil:
		v.add(path, "null component")
	case *discordgo.ActionsRow, discordgo.ActionsRow:
		v.add(path, "an action row cannot hold another action row")
	}
}

// ValidateAutocomplete checks the choices of an autocomplete result: at
// most 25, names of 1 to 100 characters, string values of at most 100.
func ValidateAutocomplete(choices []*discordgo.ApplicationCommandOptionChoice) error {
	var v violations
	v.choices("choices", choices)
	return v.err()
}

func (v *violations) choices(path string, choices []*discordgo.ApplicationCommandOptionChoice) {
	v.count(path, len(choices), Choices, "choices")
	for i, c := range choices {
		p := fmt.Sprintf("%s[%d]", path, i)
		if c == nil {
			v.add(p, "null choice")
			continue
		}
		v.length(p+".name", c.Name, 1, ChoiceName)
		for loc, name := range c.NameLocalizations {
			v.length(fmt.Sprintf("%s.name_localizations.%s", p, loc), name, 1, ChoiceName)
		}
		switch val := c.Value.(type) {
		case nil:
			v.add(p+".value", "missing")
		case string:
			v.length(p+".value", val, 0, ChoiceValue)
		}
	}
}

// ValidateCommand checks a command definition: a chat command's name is
// lower case and matches ^[-_'\p{L}\p{N}]{1,32}$ (user and message commands
// take 1 to 32 characters of any case and no description); description 1 to
// 100 characters; at most 25 options, named and described likewise, unique
// names, required before optional; at most 25 choices with names and string
// values of at most 100 characters; autocomplete and choices exclusive; and
// at most 8000 characters in total (names, descriptions, choice names and
// values, recursively; localizations are checked but not counted).
func ValidateCommand(c *discordgo.ApplicationCommand) error {
	var v violations
	if c == nil {
		v.add("command", "missing")
		return v.err()
	}
	switch c.Type {
	case 0, discordgo.ChatApplicationCommand:
		v.name("name", c.Name)
		v.length("description", c.Description, 1, CommandDescription)
		if c.NameLocalizations != nil {
			for loc, n := range *c.NameLocalizations {
				v.name("name_localizations."+string(loc), n)
			}
		}
		if c.DescriptionLocalizations != nil {
			for loc, d := range *c.DescriptionLocalizations {
				v.length("description_localizations."+string(loc), d, 1, CommandDescription)
			}
		}
		total := runes(c.Name, c.Description) + v.options("options", c.Options, 0)
		if total > CommandTotal {
			v.add("command", "%d characters in names, descriptions and choices, limit %d", total, CommandTotal)
		}
	case discordgo.UserApplicationCommand, discordgo.MessageApplicationCommand:
		v.length("name", c.Name, 1, CommandName)
		if c.Description != "" {
			v.add("description", "must be empty for user and message commands")
		}
		if len(c.Options) > 0 {
			v.add("options", "must be empty for user and message commands")
		}
	default:
		v.add("type", "unknown application command type %d", c.Type)
	}
	return v.err()
}

// name checks a chat command or option name.
func (v *violations) name(path, n string) {
	if !commandName.MatchString(n) {
		v.length(path, n, 1, CommandName)
		if utf8.RuneCountInString(n) <= CommandName && n != "" {
			v.add(path, "%q does not match ^[-_'\\p{L}\\p{N}]{1,32}$", n)
		}
	}
	if strings.ToLower(n) != n {
		v.add(path, "%q must be lower case", n)
	}
}

// options checks a list of options nested depth levels under the command
// and returns the characters they count toward the 8000 limit.
func (v *violations) options(path string, opts []*discordgo.ApplicationCommandOption, depth int) int {
	v.count(path, len(opts), Options, "options")
	total := 0
	seen := map[string]bool{}
	optional := false
	for i, o := range opts {
		p := fmt.Sprintf("%s[%d]", path, i)
		if o == nil {
			v.add(p, "null option")
			continue
		}
		v.name(p+".name", o.Name)
		if seen[o.Name] {
			v.add(p+".name", "%q duplicates another option's name", o.Name)
		}
		seen[o.Name] = true
		v.length(p+".description", o.Description, 1, CommandDescription)
		for loc, n := range o.NameLocalizations {
			v.name(fmt.Sprintf("%s.name_localizations.%s", p, loc), n)
		}
		for loc, d := range o.DescriptionLocalizations {
			v.length(fmt.Sprintf("%s.description_localizations.%s", p, loc), d, 1, CommandDescription)
		}
		total += runes(o.Name, o.Description)

		nested := o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup
		switch {
		case nested && o.Required:
			v.add(p+".required", "sub-commands and groups cannot be required")
		case o.Required && optional:
			v.add(p+".required", "required option %q after an optional one", o.Name)
		case !o.Required:
			optional = true
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommandGroup:
			if depth > 0 {
				v.add(p+".type", "a sub-command group must be at the top level")
			}
			for j, sub := range o.Options {
				if sub != nil && sub.Type != discordgo.ApplicationCommandOptionSubCommand {
					v.add(fmt.Sprintf("%s.options[%d].type", p, j), "a sub-command group holds only sub-commands")
				}
			}
			total += v.options(p+".options", o.Options, depth+1)
		case discordgo.ApplicationCommandOptionSubCommand:
			for j, sub := range o.Options {
				if sub != nil && (sub.Type == discordgo.ApplicationCommandOptionSubCommand || sub.Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
					v.add(fmt.Sprintf("%s.options[%d].type", p, j), "a sub-command cannot hold sub-commands")
				}
			}
			total += v.options(p+".options", o.Options, depth+1)
		default:
			if len(o.Options) > 0 {
				v.add(p+".options", "only sub-commands and groups have options")
			}
		}

		choosable := o.Type == discordgo.ApplicationCommandOptionString || o.Type == discordgo.ApplicationCommandOptionInteger || o.Type == discordgo.ApplicationCommandOptionNumber
		if (o.Autocomplete || len(o.Choices) > 0) && !choosable {
			v.add(p, "only string, integer and number options take choices or autocomplete")
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			v.add(p+".autocomplete", "autocomplete and choices are mutually exclusive")
		}
		v.choices(p+".choices", o.Choices)
		for _, c := range o.Choices {
			if c != nil {
				total += runes(c.Name, fmt.Sprint(c.Value))
			}
		}
	}
	return total
}
