package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/article"
)

// visits answers /visits [institution] [country] [from] [to].
func (r *Router) visits(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	o := optionsOf(i)
	inst, country, from, to := o.str(OptInstitution), o.str(OptCountry), o.str(OptFrom), o.str(OptTo)
	if reply, bad := tooLong("institution", inst, maxName, r.example(ctx, CmdVisits)); bad {
		return reply, nil
	}
	if reply, bad := tooLong("country", country, maxName, r.example(ctx, CmdVisits)); bad {
		return reply, nil
	}
	for _, d := range []struct{ name, value string }{{OptFrom, from}, {OptTo, to}} {
		if d.value == "" {
			continue
		}
		if _, err := article.ParseDate(d.value); err != nil {
			return badDate(d.name, d.value, err), nil
		}
	}
	reply, err := r.visitsPage(ctx, i, []string{r.shortKey(inst), country, from, to}, 0)
	return withNote(reply, err, r.corrected(inst))
}

// visitsPage lists one page of visits in date order; args are institution,
// country, from and to.
func (r *Router) visitsPage(ctx context.Context, i *discordgo.Interaction, args []string, page int) (Reply, error) {
	k := pageKey{Args: args}
	f := knowledge.VisitFilter{Institution: k.arg(0), Country: k.arg(1)}
	for _, d := range []struct {
		name, value string
		into        *article.Date
	}{{OptFrom, k.arg(2), &f.From}, {OptTo, k.arg(3), &f.To}} {
		if d.value == "" {
			continue
		}
		date, err := article.ParseDate(d.value)
		if err != nil {
			return badDate(d.name, d.value, err), nil
		}
		*d.into = date
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.End().Before(f.From.Start()) {
		return ephemeral(fmt.Sprintf("The dates are the wrong way round: from %s is after to %s. Swap them.", f.From, f.To)), nil
	}
	vs, err := r.lib.Visits(ctx, f)
	if err != nil {
		return r.explain(err, "visits")
	}
	title := "Visits" + visitSuffix(r.display(f.Institution), f)
	if len(vs) == 0 {
		return ephemeral("No visits found" + visitSuffix(f.Institution, f) + ". Try fewer filters or a wider date range, e.g. `/visits from:2025`."), nil
	}
	vs = slices.Clone(vs)
	slices.SortStableFunc(vs, func(a, b knowledge.VisitRecord) int { return a.Start.Compare(b.Start) })
	w := pageWindow(len(vs), page)
	lines := make([]string, 0, w.Hi-w.Lo)
	for _, v := range vs[w.Lo:w.Hi] {
		lines = append(lines, visitLine(v))
	}
	e := card(title, joinLines(lines, maxDescription), nil, w.footer(len(vs), plural(len(vs), "visit", "visits")))
	return message(embedMessage(e, pager(CmdVisits, args, w))), nil
}

// visitSuffix names a visit filter in a title.
func visitSuffix(inst string, f knowledge.VisitFilter) string {
	s := ""
	if inst != "" {
		s += " by or to " + oneLine(inst, 80)
	}
	if f.Country != "" {
		s += " in " + oneLine(f.Country, 40)
	}
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		s += fmt.Sprintf(" from %s to %s", f.From.Human(), f.To.Human())
	case !f.From.IsZero():
		s += " since " + f.From.Human()
	case !f.To.IsZero():
		s += " until " + f.To.Human()
	}
	return s
}

// visitLine shows one stop: when, who went where, who led, and the source.
func visitLine(v knowledge.VisitRecord) string {
	when := dateOrDash(v.Start)
	if !v.End.IsZero() && v.End != v.Start {
		when += "–" + v.End.String()
	}
	var where []string
	for _, h := range v.Hosts {
		where = append(where, h.Display())
	}
	if v.City != "" {
		where = append(where, v.City)
	}
	if v.Country != "" {
		where = append(where, v.Country)
	}
	line := fmt.Sprintf("`%s` **%s** → %s", when, oneLine(escape(v.Visitor.Display()), 80),
		oneLine(escape(strings.Join(where, ", ")), 120))
	if v.Leader != "" {
		leader := v.Leader
		if v.LeaderTitle != "" {
			leader = v.LeaderTitle + " " + leader
		}
		line += " · led by " + oneLine(escape(leader), 60)
	}
	if v.Source.Title != "" {
		line += " · _" + source(v.Source.Title, v.Source.Published, 60) + "_"
	}
	return truncate(line, maxLine)
}
