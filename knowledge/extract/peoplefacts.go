package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// findPeople collects the titled people of every unit, and the article's
// credits, one Person per name. The first mention that ties a person to an
// institution or gives a title wins.
func (w *draft) findPeople() {
	seen := map[string]int{}
	add := func(p Person) {
		key := text.Fold(p.Name)
		if i, ok := seen[key]; ok {
			old := &w.facts.People[i]
			if old.Institution == "" {
				old.Institution = p.Institution
			}
			if old.Title == "" || old.Title == "Professor" && p.Title != "" {
				old.Title = p.Title
			}
			return
		}
		seen[key] = len(w.facts.People)
		w.facts.People = append(w.facts.People, p)
	}
	w.surnames = map[string]int{}
	for _, u := range w.units {
		u.people = findPeople(u.text, u.toks, u.insts)
		for k := range u.people {
			w.dropLeadingPlace(u, &u.people[k])
		}
		for _, pm := range u.people {
			inst := ""
			if pm.Institution >= 0 {
				w.noteSurname(pm.Name, u.insts[pm.Institution].Org)
				inst = w.orgName(u.insts[pm.Institution].Org)
			} else if w.home >= 0 && strings.Contains(strings.ToLower(pm.Title), "rector") {
				inst = w.orgName(w.home)
			}
			add(Person{Name: pm.Name, Title: pm.Title, Institution: inst, Evidence: u.text})
		}
	}
	for _, c := range w.a.Credits {
		if c.Role == "Source" {
			continue
		}
		for _, name := range strings.Split(c.Name, ",") {
			if name = strings.TrimSpace(name); name != "" {
				add(Person{Name: name, Title: c.Role})
			}
		}
	}
}

// noteSurname records that the person name belongs to org.
func (w *draft) noteSurname(name string, org int) {
	fields := strings.Fields(name)
	if len(fields) < 2 {
		return
	}
	key := text.Fold(fields[len(fields)-1])
	if old, ok := w.surnames[key]; ok && old != org {
		org = -1
	}
	w.surnames[key] = org
}

// surnameOrg returns the org of the person a lone capitalised token of u
// names by surname, or -1.
func (w *draft) surnameOrg(u *unit, k int) int {
	t := u.toks[k]
	if !t.IsCap() || len(t.Text) < 2 {
		return -1
	}
	org, ok := w.surnames[text.Fold(t.Text)]
	if !ok {
		return -1
	}
	for _, p := range u.people {
		if k >= p.From && k < p.To {
			return -1 // part of a full name
		}
	}
	for _, m := range u.insts {
		if k >= m.From && k < m.To {
			return -1
		}
	}
	return org
}

// dropLeadingPlace takes a place off the front of a name read after "of":
// "… to the Republic of Kenya Andriy Pravednyk" names Andriy Pravednyk.
func (w *draft) dropLeadingPlace(u *unit, p *personMention) {
	fields := strings.Fields(p.Name)
	if len(fields) < 3 || !w.x.isPlace(fields[0]) {
		return
	}
	p.Name = strings.Join(fields[1:], " ")
	for k := p.From; k < p.To; k++ {
		if u.toks[k].Text == fields[0] {
			p.From = k + 1
			break
		}
	}
}
