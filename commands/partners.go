package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
)

// partners answers /partners institution [country].
func (r *Router) partners(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	o := optionsOf(i)
	inst, country := o.str(OptInstitution), o.str(OptCountry)
	if inst == "" {
		return ephemeral("Which institution? Give one by its name or acronym, e.g. `" + r.example(ctx, CmdPartners)() + "`."), nil
	}
	if reply, bad := tooLong("institution", inst, maxName, r.example(ctx, CmdPartners)); bad {
		return reply, nil
	}
	if reply, bad := tooLong("country", country, maxName, r.example(ctx, CmdPartners)); bad {
		return reply, nil
	}
	reply, err := r.partnersPage(ctx, i, []string{r.shortKey(inst), country}, 0)
	return withNote(reply, err, r.corrected(inst))
}

// partnersPage lists one page of an institution's partners, grouped by
// country; args are institution and country.
func (r *Router) partnersPage(ctx context.Context, i *discordgo.Interaction, args []string, page int) (Reply, error) {
	k := pageKey{Args: args}
	inst, country := k.arg(0), k.arg(1)
	res, err := r.lib.Partners(ctx, inst, country)
	if err != nil {
		return r.explain(err, "partners")
	}
	if res == nil || len(res.Partners) == 0 {
		msg := fmt.Sprintf("No partners found for '%s'", oneLine(inst, 100))
		if country != "" {
			msg += " in " + oneLine(country, 50) + ". Try without the country"
		} else {
			msg += ". Try `/latest institution:" + oneLine(inst, 50) + "` for the news that names it"
		}
		return ephemeral(msg + "."), nil
	}
	ps := groupByCountry(res.Partners)
	w := pageWindow(len(ps), page)
	var lines []string
	group := "\x00"
	for _, p := range ps[w.Lo:w.Hi] {
		if c := p.Partner.Country; c != group {
			group = c
			if c == "" {
				c = "Country not given"
			}
			lines = append(lines, "**"+oneLine(escape(c), 60)+"**")
		}
		lines = append(lines, partnerLine(p, res.Institution == nil))
	}
	title := "Most active partnerships"
	if res.Institution != nil {
		title = "Partners of " + res.Institution.Display()
	}
	if country != "" {
		title += " in " + country
	}
	e := card(title, joinLines(lines, maxDescription), nil,
		w.footer(len(ps), plural(len(ps), "partner", "partners")))
	return message(embedMessage(e, pager(CmdPartners, args, w))), nil
}

// groupByCountry orders partners by country, countries in the order of
// their most active partner, keeping the order within each country.
func groupByCountry(ps []knowledge.Partner) []knowledge.Partner {
	var order []string
	byCountry := map[string][]knowledge.Partner{}
	for _, p := range ps {
		c := p.Partner.Country
		if _, seen := byCountry[c]; !seen {
			order = append(order, c)
		}
		byCountry[c] = append(byCountry[c], p)
	}
	out := make([]knowledge.Partner, 0, len(ps))
	for _, c := range order {
		out = append(out, byCountry[c]...)
	}
	return out
}

// partnerLine shows one partner: its name, how and when they cooperated,
// and the newest source.
func partnerLine(p knowledge.Partner, pair bool) string {
	name := p.Partner.Display()
	if pair && p.Of != nil {
		name = p.Of.Display() + " ↔ " + name
	}
	line := "• **" + oneLine(escape(name), 140) + "**"
	if len(p.Kinds) > 0 {
		kinds := make([]string, len(p.Kinds))
		for j, k := range p.Kinds {
			kinds[j] = string(k)
		}
		line += " — " + strings.Join(kinds, ", ")
	}
	if n := len(p.Dates); n > 0 {
		line += " · " + p.Dates[n-1].Human()
	}
	if len(p.Sources) > 0 {
		line += " · _" + source(p.Sources[0].Title, p.Sources[0].Published, 80) + "_"
	}
	return truncate(line, maxLine)
}
