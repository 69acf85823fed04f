package synthetic

import "fmt"

// filler returns one sentence of the kind that pads cooperation news,
// about a and its partner b.
func (g *gen) filler(a, b institution) string {
	f := g.pick(fields())
	switch g.r.IntN(15) {
	case 0:
		return fmt.Sprintf("The cooperation is expected to open new opportunities for students and lecturers in %s.", f)
	case 1:
		return "Both sides agreed to promote joint research projects, the co-supervision of doctoral students and joint publications in international journals."
	case 2:
		return fmt.Sprintf("%s currently cooperates with more than %d universities and organizations in %d countries.", a.acronym, 50+g.r.IntN(200), 10+g.r.IntN(40))
	case 3:
		return fmt.Sprintf("During the visit, the guests toured the laboratories, the library and the %s research centre.", f)
	case 4:
		return fmt.Sprintf("Representatives of %s highly appreciated the achievements of %s in training and research in %s.", b.acronym, a.acronym, f)
	case 5:
		return fmt.Sprintf("In recent years, %s has sent more than %d students abroad on exchange programmes.", a.acronym, 20+g.r.IntN(300))
	case 6:
		return fmt.Sprintf("The partners also discussed summer schools, internships at companies in %s and short courses in %s.", b.country.name, f)
	case 7:
		return fmt.Sprintf("This is an important step in the internationalization strategy of %s for the %d–%d period.", a.name, 2025, 2030)
	case 8:
		return fmt.Sprintf("%s is known for its programmes in %s and its close links with industry.", b.name, f)
	case 9:
		return "The working session took place in an open, friendly and constructive atmosphere."
	case 10:
		return fmt.Sprintf("Lecturers from both institutions will prepare a joint proposal on %s for international funding.", f)
	case 11:
		p := g.person(b.country, "")
		return fmt.Sprintf("“We look forward to working with %s on %s,” said %s.", a.acronym, f, p.full())
	case 12:
		return fmt.Sprintf("The first group of %d students is expected to arrive in %s in September.", 5+g.r.IntN(30), b.city)
	case 13:
		return fmt.Sprintf("%s and %s have cooperated since %d, when they launched a joint master's programme in %s.", a.acronym, b.acronym, 2005+g.r.IntN(14), f)
	}
	return fmt.Sprintf("Students of %s will be able to take part in the %s exchange programme from next year.", a.acronym, b.acronym)
}

// campusFiller returns a sentence of news about a alone.
func (g *gen) campusFiller(a institution) string {
	f := g.pick(fields())
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf("The new facilities will serve more than %d students of %s each year.", 200+g.r.IntN(3000), f)
	case 1:
		return fmt.Sprintf("%s plans to open two more undergraduate programmes in %s next year.", a.acronym, f)
	case 2:
		return "The event was broadcast live on the university's website and social media channels."
	case 3:
		return fmt.Sprintf("Outstanding students were awarded scholarships funded by alumni and companies in %s.", a.city)
	case 4:
		return fmt.Sprintf("The Faculty of %s also presented the results of its student research contest.", capitalise(f))
	}
	return fmt.Sprintf("The ceremony ended with performances by the students' art club of %s.", a.acronym)
}

// fill adds paragraphs of filler until the article is 2 to 4 KB long,
// with a caption now and then.
func (g *gen) fill(a, b institution) {
	target := 2000 + g.r.IntN(1800)
	for g.b.Len() < target {
		n := 2 + g.r.IntN(3)
		s := make([]string, n)
		for i := range s {
			s[i] = g.filler(a, b)
			if a.name == b.name {
				s[i] = g.campusFiller(a)
			}
		}
		g.para(s...)
		if g.chance(0.15) {
			g.line(fmt.Sprintf("Lecturers and students of %s at the %s laboratory", a.acronym, g.pick(fields())))
			g.line("")
		}
	}
}
