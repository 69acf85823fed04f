package synthetic

import (
	"fmt"
	"strings"
	"time"
)

// article writes one article of a random kind and returns its text and
// publication day.
func (g *gen) article() (string, time.Time) {
	var published time.Time
	switch k := g.r.IntN(20); {
	case k < 6:
		published = g.visitAbroad()
	case k < 9:
		published = g.welcome()
	case k < 13:
		published = g.agreement()
	case k < 16:
		published = g.seminar()
	case k < 18:
		published = g.scholarships()
	default:
		published = g.campusNews()
	}
	g.boilerplate()
	return g.b.String(), published
}

// head writes the title and the date line.
func (g *gen) head(title string, published time.Time) {
	g.line(title)
	g.line("")
	g.dateLine(published)
}

// visitAbroad is a delegation's trip to one to three hosts in a country.
func (g *gen) visitAbroad() time.Time {
	home := g.inst(nil)
	host := g.inst(nil, home)
	hosts := []institution{host}
	for g.chance(0.45) && len(hosts) < 3 {
		hosts = append(hosts, g.inst(host.country, hosts...))
	}
	from := g.day()
	to := from.AddDate(0, 0, 2+g.r.IntN(6))
	leader := g.person(home.country, g.pick([]string{"Rector", "Vice Rector", "President", "Vice President"}))
	cities := []string{hosts[0].city}
	for _, h := range hosts[1:] {
		if !strings.Contains(strings.Join(cities, ","), h.city) {
			cities = append(cities, h.city)
		}
	}
	g.head(g.pick([]string{
		fmt.Sprintf("%s strengthened cooperation with partners in %s", home.name, host.country.name),
		fmt.Sprintf("Delegation of %s visited and worked with %s – %s", home.name, host.name, host.country.name),
		fmt.Sprintf("%s delegation paid a working visit to %s", home.acronym, host.country.name),
	}), to.AddDate(0, 0, 1+g.r.IntN(5)))
	member := g.person(home.country, "")
	g.para(
		fmt.Sprintf("%s, a delegation from %s (%s), led by %s, undertook a series of working visits in %s (%s).",
			capitalise(g.span(from, to)), home.name, home.acronym, leader.full(), strings.Join(cities, " and "), host.country.name),
		fmt.Sprintf("The delegation also included %s.", member.full()),
		g.filler(home, host))
	for i, h := range hosts {
		day := from.AddDate(0, 0, min(i+g.r.IntN(2), int(to.Sub(from).Hours()/24)))
		hp := g.person(h.country, "")
		g.para(
			fmt.Sprintf("On %s, the delegation visited %s (%s) in %s, where %s welcomed them.", dayOf(day), h.name, h.acronym, h.city, hp.full()),
			fmt.Sprintf("The two sides discussed cooperation in %s and %s, lecturer exchanges and joint research projects.", g.pick(fields()), g.pick(fields())),
			g.maybeMOU(home, h))
		if g.chance(0.5) {
			g.line(fmt.Sprintf("The %s delegation at the laboratories of %s", home.acronym, h.acronym))
			g.line("")
		}
	}
	g.fill(home, host)
	return to
}

// welcome is a foreign delegation received at home.
func (g *gen) welcome() time.Time {
	home := g.inst(nil)
	guest := g.inst(nil, home)
	day := g.day()
	gl, hl := g.person(guest.country, ""), g.person(home.country, "")
	g.head(fmt.Sprintf("%s welcomed a delegation from %s", home.name, guest.name), day.AddDate(0, 0, g.r.IntN(4)))
	g.para(
		fmt.Sprintf("On %s, %s (%s) received a delegation from %s (%s), %s, led by %s.",
			g.on(day), home.name, home.acronym, guest.name, guest.acronym, guest.country.name, gl.full()),
		fmt.Sprintf("Receiving the delegation were %s and representatives of the International Office.", hl.full()))
	g.line(fmt.Sprintf("%s presents a souvenir to %s", hl.short(), gl.short()))
	g.line("")
	g.para(fmt.Sprintf("%s introduced the strengths of %s in %s.", hl.short(), home.acronym, g.pick(fields())),
		g.filler(home, guest), g.maybeMOU(home, guest))
	g.fill(home, guest)
	return day
}

// agreement is the signing of an MOU or agreement.
func (g *gen) agreement() time.Time {
	a := g.inst(nil)
	b := g.inst(nil, a)
	day := g.day()
	pa, pb := g.person(a.country, "Rector"), g.person(b.country, "President")
	kind := g.pick([]string{"a Memorandum of Understanding (MOU)", "a framework agreement", "an agreement"})
	g.head(g.pick([]string{
		fmt.Sprintf("%s and %s signed %s", a.name, b.name, strings.TrimSuffix(kind, " (MOU)")),
		fmt.Sprintf("Signing ceremony of cooperation agreement between %s and %s", a.acronym, b.name),
	}), day.AddDate(0, 0, g.r.IntN(3)))
	g.para(
		fmt.Sprintf("On %s, %s (%s) and %s (%s, %s) signed %s on cooperation in %s and %s.",
			g.on(day), a.name, a.acronym, b.name, b.acronym, b.country.name, kind, g.pick(fields()), g.pick(fields())),
		fmt.Sprintf("The document was signed by %s and %s.", pa.full(), pb.full()))
	g.line(fmt.Sprintf("The signing ceremony between %s and %s", a.acronym, b.acronym))
	g.line("")
	g.para("Under the agreement, the two sides will exchange lecturers and students, develop 2+2 and 3+1 joint training programmes, "+
		"co-supervise doctoral students and organize international conferences.", g.filler(a, b))
	g.fill(a, b)
	return day
}

// seminar is a jointly organised event.
func (g *gen) seminar() time.Time {
	a := g.inst(nil)
	b := g.inst(nil, a)
	day := g.day()
	field := g.pick(fields())
	topic := fmt.Sprintf("Application of Advanced Technology in %s", capitalise(field))
	g.head(fmt.Sprintf("International seminar “%s” held at %s", topic, a.name), day.AddDate(0, 0, 1))
	speaker := g.person(b.country, "")
	g.para(
		fmt.Sprintf("On %s, %s (%s), %s (%s) and the %s Society of %s jointly organized the international seminar “%s” in %s.",
			g.on(day), a.name, a.acronym, b.name, b.acronym, b.country.adj, capitalise(g.pick(fields())), topic, a.city),
		fmt.Sprintf("The seminar brought together more than %d scientists, lecturers and students.", 40+g.r.IntN(200)))
	g.para(fmt.Sprintf("In the keynote, %s presented recent advances in %s.", speaker.full(), field), g.filler(a, b))
	g.line("Delegates attended the seminar and took a souvenir photo")
	g.line("")
	g.fill(a, b)
	return day
}

// scholarships is a scholarship programme offered to students.
func (g *gen) scholarships() time.Time {
	a := g.inst(nil)
	b := g.inst(nil, a)
	day := g.day()
	g.head(fmt.Sprintf("%s offers scholarships to students of %s", b.name, a.acronym), day)
	g.para(
		fmt.Sprintf("%s (%s), %s, has announced %d full scholarships for students of %s (%s) for the %d–%d academic year.",
			b.name, b.acronym, b.country.name, 3+g.r.IntN(20), a.name, a.acronym, day.Year(), day.Year()+1),
		fmt.Sprintf("Applications close on %s.", g.on(day.AddDate(0, 1+g.r.IntN(2), 0))))
	g.para(fmt.Sprintf("The programme covers tuition fees, accommodation and a monthly allowance for master's studies in %s.", g.pick(fields())), g.filler(a, b))
	g.fill(a, b)
	return day
}

// campusNews is news without any international cooperation.
func (g *gen) campusNews() time.Time {
	a := g.inst(nil)
	day := g.day()
	p := g.person(a.country, "Rector")
	field := g.pick(fields())
	g.head(g.pick([]string{
		fmt.Sprintf("%s held its graduation ceremony for the class of %d", a.name, day.Year()),
		fmt.Sprintf("%s opened a new laboratory of %s", a.name, field),
		fmt.Sprintf("Students of %s won first prize at the national robotics contest", a.acronym),
	}), day)
	g.para(fmt.Sprintf("On %s, %s (%s) held a ceremony attended by %s, lecturers, students and their families.", g.on(day), a.name, a.acronym, p.full()),
		fmt.Sprintf("%s congratulated the students and thanked the staff of the Faculty of %s.", p.short(), capitalise(field)))
	g.para(fmt.Sprintf("This year, %d students received their degrees, %d of them with distinction.", 400+g.r.IntN(2000), 20+g.r.IntN(200)))
	g.fill(a, a)
	return day
}

// maybeMOU sometimes adds the signing of an MOU between a and b.
func (g *gen) maybeMOU(a, b institution) string {
	if !g.chance(0.3) {
		return ""
	}
	return fmt.Sprintf("On this occasion, %s and %s signed a Memorandum of Understanding (MOU) on academic cooperation.", a.acronym, b.acronym)
}

// boilerplate sometimes ends the article with the site's lines.
func (g *gen) boilerplate() {
	if g.chance(0.3) {
		g.line("Author: " + g.pick([]string{"International Office", "Communications Office", "Faculty of Geosciences"}))
	}
	if g.chance(0.2) {
		g.line("Photos: " + g.person(&countries()[g.r.IntN(len(countries()))], "").name)
	}
	if g.chance(0.3) {
		g.line("Total notes of this article: 0 in 0 rating")
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
