package commands

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Lookup returns the catalogue's command named name, or nil.
func Lookup(name string) *discordgo.ApplicationCommand {
	for _, c := range Catalog() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// CommandData builds the data of an application command interaction the way
// Discord sends it: options in the catalogue's order, each typed as the
// catalogue declares it (integers as JSON numbers). It is how the console
// and tests make the interactions that Discord would. focused, when not "",
// marks the option being typed, for an autocomplete interaction.
func CommandData(name string, values map[string]string, focused string) (discordgo.ApplicationCommandInteractionData, error) {
	c := Lookup(name)
	if c == nil {
		return discordgo.ApplicationCommandInteractionData{}, fmt.Errorf("no command /%s", name)
	}
	known := map[string]bool{}
	for _, o := range c.Options {
		known[o.Name] = true
	}
	for n := range values {
		if !known[n] {
			return discordgo.ApplicationCommandInteractionData{}, fmt.Errorf("/%s has no option %q; %s", name, n, optionList(c))
		}
	}
	d := discordgo.ApplicationCommandInteractionData{
		ID:          "cmd-" + name,
		Name:        name,
		CommandType: discordgo.ChatApplicationCommand,
	}
	for _, o := range c.Options {
		v, ok := values[o.Name]
		if !ok {
			continue
		}
		opt := &discordgo.ApplicationCommandInteractionDataOption{Name: o.Name, Type: o.Type, Value: v, Focused: o.Name == focused}
		if o.Type == discordgo.ApplicationCommandOptionInteger && o.Name != focused {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return d, fmt.Errorf("option %s of /%s must be a whole number, not %q", o.Name, name, v)
			}
			opt.Value = float64(n)
		}
		d.Options = append(d.Options, opt)
	}
	return d, nil
}

// optionList says which options a command takes.
func optionList(c *discordgo.ApplicationCommand) string {
	if len(c.Options) == 0 {
		return "it takes no options"
	}
	names := make([]string, len(c.Options))
	for i, o := range c.Options {
		names[i] = o.Name
	}
	return "its options are " + strings.Join(names, ", ")
}
