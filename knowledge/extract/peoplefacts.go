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
	for _, u := range w.units {
		u.people = findPeople(u.text, u.toks, u.insts)
		for _, pm := range u.people {
			inst := ""
			if pm.Institution >= 0 {
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
