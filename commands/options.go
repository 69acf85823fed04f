package commands

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// options are a command's options by name, read defensively: a value of
// an unexpected type reads as absent rather than panicking.
type options map[string]*discordgo.ApplicationCommandInteractionDataOption

// optionsOf returns the options of a command or autocomplete interaction.
func optionsOf(i *discordgo.Interaction) options {
	o := options{}
	if d, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok {
		for _, opt := range d.Options {
			if opt != nil {
				o[opt.Name] = opt
			}
		}
	}
	return o
}

// str returns a string option with its spacing tidied, or "".
func (o options) str(name string) string {
	opt, ok := o[name]
	if !ok {
		return ""
	}
	s, _ := opt.Value.(string)
	return strings.TrimSpace(strings.ToValidUTF8(s, ""))
}

// integer returns an integer option, or def when absent.
func (o options) integer(name string, def int) int {
	opt, ok := o[name]
	if !ok {
		return def
	}
	switch v := opt.Value.(type) {
	case float64:
		if !math.IsNaN(v) && v >= math.MinInt32 && v <= math.MaxInt32 {
			return int(v)
		}
	case int:
		return v
	case int64:
		return int(v)
	}
	return def
}

// focused returns the option being typed in an autocomplete interaction.
func (o options) focused() (name, value string) {
	for n, opt := range o {
		if opt.Focused {
			v, _ := opt.Value.(string)
			return n, v
		}
	}
	return "", ""
}

// tooLong returns a reply when value exceeds max characters, saying what
// the option accepts.
func tooLong(option, value string, max int, example func() string) (Reply, bool) {
	n := utf8.RuneCountInString(value)
	if n <= max {
		return Reply{}, false
	}
	return ephemeral(fmt.Sprintf("The %s you gave is %d characters long; it can be at most %d. Try something shorter, e.g. `%s`.",
		option, n, max, example())), true
}

// permissions returns the invoking member's permissions in the channel, or
// 0 outside a guild.
func permissions(i *discordgo.Interaction) int64 {
	if i.Member == nil {
		return 0
	}
	return i.Member.Permissions
}

// may reports whether the invoking member has perm, or is an administrator.
func may(i *discordgo.Interaction, perm int64) bool {
	p := permissions(i)
	return p&discordgo.PermissionAdministrator != 0 || p&perm == perm
}

// userID returns the id of whoever invoked i.
func userID(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}
