package commands

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
)

// defaultCount is how many articles /latest lists when not told.
const defaultCount = 5

// latest answers /latest [count] [institution] [country].
func (r *Router) latest(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	o := optionsOf(i)
	count := o.integer(OptCount, defaultCount)
	if count < 1 || count > MaxCount {
		return ephemeral(fmt.Sprintf("The count must be between 1 and %d, e.g. `/latest count:10`.", MaxCount)), nil
	}
	inst, country := o.str(OptInstitution), o.str(OptCountry)
	if reply, bad := tooLong("institution", inst, maxName, r.example(ctx, CmdLatest)); bad {
		return reply, nil
	}
	if reply, bad := tooLong("country", country, maxName, r.example(ctx, CmdLatest)); bad {
		return reply, nil
	}
	return r.latestPage(ctx, i, []string{strconv.Itoa(count), r.shortKey(inst), country}, 0)
}

// latestPage lists one page of the latest articles; args are count,
// institution and country.
func (r *Router) latestPage(ctx context.Context, i *discordgo.Interaction, args []string, page int) (Reply, error) {
	k := pageKey{Args: args}
	count, err := strconv.Atoi(k.arg(0))
	if err != nil || count < 1 || count > MaxCount {
		count = defaultCount
	}
	f := knowledge.Filter{Institution: k.arg(1), Country: k.arg(2)}
	arts, err := r.lib.Latest(ctx, count, f)
	if err != nil {
		return r.explain(err, "articles")
	}
	if len(arts) == 0 {
		return ephemeral("No articles found" + filterSuffix(f) + ". Try a wider filter, or `/search` with a few words."), nil
	}
	w := pageWindow(len(arts), page)
	lines := make([]string, 0, w.Hi-w.Lo)
	for _, a := range arts[w.Lo:w.Hi] {
		lines = append(lines, articleLine(a))
	}
	title := "Latest news" + filterSuffix(r.displayFilter(f))
	e := card(title, joinLines(lines, maxDescription), nil, w.footer(len(arts), plural(len(arts), "article", "articles")))
	return message(embedMessage(e, pager(CmdLatest, args, w))), nil
}

// articleLine shows an article in a list: date, title, and who it names.
func articleLine(a knowledge.ArticleSummary) string {
	line := fmt.Sprintf("`%s` **%s**", dateOrDash(a.Published), oneLine(escape(a.Title), 150))
	if len(a.Institutions) > 0 {
		names := a.Institutions[:min(3, len(a.Institutions))]
		line += " · " + oneLine(escape(strings.Join(names, ", ")), 120)
	}
	return truncate(line, maxLine)
}

// filterSuffix names a filter in a title: " about KU in Thailand".
func filterSuffix(f knowledge.Filter) string {
	s := ""
	if f.Institution != "" {
		s += " about " + oneLine(f.Institution, 60)
	}
	if f.Country != "" {
		s += " in " + oneLine(f.Country, 40)
	}
	if f.Keywords != "" {
		s += " with " + oneLine(f.Keywords, 40)
	}
	return s
}

// dateOrDash is a date in a list: ISO, or "undated".
func dateOrDash(d article.Date) string {
	if d.IsZero() {
		return "undated"
	}
	return d.String()
}

// plural picks the singular or plural noun for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
