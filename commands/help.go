package commands

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// examples show each command at work, in the help.
var examples = map[string]string{
	CmdLatest:        "/latest count:10 country:China",
	CmdPartners:      "/partners institution:Kyoto University country:Thailand",
	CmdVisits:        "/visits institution:Kyoto University from:2025-11 to:2025-12",
	CmdSearch:        `/search query:"summer school" Osaka`,
	CmdAsk:           "/ask question:Who led the Kyoto University delegation to Vietnam?",
	CmdSubscribe:     "/subscribe institution:Kyoto University",
	CmdUnsubscribe:   "/unsubscribe subscription:3",
	CmdSubscriptions: "/subscriptions",
	CmdReload:        "/reload",
	CmdHelp:          "/help",
}

// help answers /help with every command of the catalogue, its options and
// an example.
func (r *Router) help(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	var fields []*discordgo.MessageEmbedField
	for _, c := range Catalog() {
		fields = append(fields, field(Usage(c), c.Description+"\n`"+examples[c.Name]+"`", false))
	}
	desc := "I answer questions about universities' international cooperation news: who partners with whom, " +
		"which delegations visited where, and what the articles say. Institutions can be named by their full name " +
		"or acronym; dates are written 2025, 2025-11 or 2025-11-14. Or just ask a question with `/ask`."
	data := embedMessage(card("coopbot help", desc, fields, ""), nil)
	data.Flags = discordgo.MessageFlagsEphemeral
	return message(data), nil
}

// Usage shows how a command is typed: "/partners institution [country]".
func Usage(c *discordgo.ApplicationCommand) string {
	parts := []string{"/" + c.Name}
	for _, o := range c.Options {
		if o.Required {
			parts = append(parts, o.Name)
		} else {
			parts = append(parts, "["+o.Name+"]")
		}
	}
	return strings.Join(parts, " ")
}
