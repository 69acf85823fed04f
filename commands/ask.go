package commands

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// maxCitations is how many supporting sentences an answer shows.
const maxCitations = 5

// ask answers /ask question: the answer first, then the sentences that
// support it with their sources.
func (r *Router) ask(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	q := optionsOf(i).str(OptQuestion)
	if q == "" {
		return ephemeral("What would you like to know? E.g. `" + r.example(ctx, CmdAsk)() + "`"), nil
	}
	if reply, bad := tooLong("question", q, maxText, r.example(ctx, CmdAsk)); bad {
		return reply, nil
	}
	a, err := r.lib.Ask(ctx, q)
	if err != nil {
		return r.explain(err, "answer")
	}
	if a == nil || !a.Found {
		msg := "The articles I have do not answer that."
		if a != nil && a.Text != "" {
			msg = oneLine(a.Text, 500)
		}
		return ephemeral(fmt.Sprintf("%s Try `/search query:%s`, or name an institution: `/partners institution:…`, `/visits institution:…`.",
			msg, oneLine(q, 100))), nil
	}
	var fields []*discordgo.MessageEmbedField
	for j, c := range a.Support {
		if j == maxCitations {
			break
		}
		fields = append(fields, field(source(c.Title, c.Published, 200), "> "+oneLine(c.Sentence, maxFieldValue-2), false))
	}
	e := card(oneLine(q, maxTitle), truncate(a.Text, maxDescription), fields, "")
	return message(embedMessage(e, nil)), nil
}
