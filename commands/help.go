package commands

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
)

// examples show each command at work, in the help, on what the articles
// loaded cover: the latest visit's visitor, the country it went to and its
// month. Before any article names a visit, they show the options' shape.
func (r *Router) examples(ctx context.Context) map[string]string {
	inst, country, month := "<institution>", "<country>", "2025-11"
	if vs, err := r.lib.Visits(ctx, knowledge.VisitFilter{}); err == nil {
		for _, v := range vs {
			if v.Visitor.Name == "" || v.Country == "" || v.Start.IsZero() {
				continue
			}
			inst, country, month = v.Visitor.Name, v.Country, article.Date{Year: v.Start.Year, Month: v.Start.Month}.String()
			if len(v.Visitor.Acronyms) > 0 {
				inst = v.Visitor.Acronyms[0]
			}
		}
	}
	return map[string]string{
		CmdLatest:        "/latest count:10 country:" + country,
		CmdPartners:      "/partners institution:" + inst + " country:" + country,
		CmdVisits:        "/visits institution:" + inst + " from:" + month + " to:" + month,
		CmdSearch:        `/search query:"summer school" ` + country,
		CmdAsk:           "/ask question:Who led the " + inst + " delegation to " + country + "?",
		CmdSubscribe:     "/subscribe institution:" + inst,
		CmdUnsubscribe:   "/unsubscribe subscription:3",
		CmdSubscriptions: "/subscriptions",
		CmdReload:        "/reload",
		CmdHelp:          "/help",
	}
}

// example returns the help's example of command cmd, built when called,
// for hints that show one.
func (r *Router) example(ctx context.Context, cmd string) func() string {
	return func() string { return r.examples(ctx)[cmd] }
}

// help answers /help with every command of the catalogue, its options and
// an example.
func (r *Router) help(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	var fields []*discordgo.MessageEmbedField
	examples := r.examples(ctx)
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
