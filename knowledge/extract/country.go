package extract

import (
	"maps"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// placeInstitutions gives each org its country, from the strongest
// evidence to the weakest: a place or nationality in its name; a country
// written right after it ("…, Japan", "(China)") or "in <place>" after it;
// the others of its enumeration; the one foreign country of its sentence;
// and last, the country the article talks about most.
func (w *draft) placeInstitutions() {
	votes := make([]map[string]int, len(w.orgs.list))
	for i := range votes {
		votes[i] = map[string]int{}
	}
	dominant := w.dominantCountry()
	// The last country the text named before an org's first mention.
	before := make([]string, len(w.orgs.list))
	seen := make([]bool, len(w.orgs.list))
	last := ""
	for _, u := range w.units {
		if u.caption {
			continue
		}
		pi := 0
		for _, m := range u.insts {
			for ; pi < len(u.places) && u.places[pi].From < m.From; pi++ {
				if p := u.places[pi]; !p.Demonym && p.Place.Country != "" {
					last = p.Place.Country
				}
			}
			if !seen[m.Org] {
				seen[m.Org] = true
				before[m.Org] = last
			}
		}
		for ; pi < len(u.places); pi++ {
			if p := u.places[pi]; !p.Demonym && p.Place.Country != "" {
				last = p.Place.Country
			}
		}
	}
	named := make([]map[string]bool, len(w.orgs.list)) // the names of each org already voted for
	for _, u := range w.units {
		// "Spain: Universitat Politècnica de València and the University of Granada"
		listCountry := ""
		if head, _, ok := strings.Cut(u.text, ":"); ok && article.IsListItem(u.text) {
			if p, ok := w.x.gaz.Lookup(strings.TrimSpace(head)); ok && p.Kind == gazetteer.PlaceCountry {
				listCountry = p.Country
			}
		}
		for _, m := range u.insts {
			if listCountry != "" {
				votes[m.Org][listCountry] += 200
			}
			if m.AcronymOnly {
				continue
			}
			if c := w.countryInName(m.Name); c != "" && !named[m.Org][m.Name] {
				votes[m.Org][c] += 100
			}
			if named[m.Org] == nil {
				named[m.Org] = map[string]bool{}
			}
			named[m.Org][m.Name] = true
			if c := w.countryAfter(u, m); c != "" {
				votes[m.Org][c] += 10
			}
		}
	}
	// Enumerations share a country: "Kyushu, Hokkaido, … and Fukui Universities".
	for _, u := range w.units {
		lists := map[int]map[string]int{}
		for _, m := range u.insts {
			if m.List == 0 {
				continue
			}
			if lists[m.List] == nil {
				lists[m.List] = map[string]int{}
			}
			if c := best(votes[m.Org]); c != "" {
				lists[m.List][c]++
			}
		}
		for _, m := range u.insts {
			if c := best(lists[m.List]); m.List != 0 && c != "" {
				votes[m.Org][c] += 3
			}
		}
		if c := w.soleCountry(u); c != "" {
			for _, m := range u.insts {
				// The article's own institution is where the news comes from,
				// seldom where its sentences take place.
				if len(w.orgs.list[m.Org].names) > 0 && m.Org != w.home {
					votes[m.Org][c]++
				}
			}
		}
	}
	// The gazetteer knows where most academic bodies are, by any of the
	// names the article uses.
	for id, e := range w.orgs.list {
		if len(e.names) == 0 {
			continue
		}
		// Its own name outweighs a place in the name ("Universidad del
		// Valle" is not in Valle, Honduras); another of its names, a
		// shorter one, weighs less ("Universidad La Salle" is one of many).
		if inst, ok := w.x.gaz.Institution(e.name()); ok && inst.Country != "" {
			votes[id][inst.Country] += 120
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(e.names)) {
			if inst, ok := w.x.gaz.Institution(name); ok && inst.Country != "" {
				votes[id][inst.Country] += 50
				break
			}
		}
	}
	// "LAHORE, (…): The University of the Punjab …": the article's own body
	// is where its dateline is.
	if _, c := w.datelineCity(); c != "" && w.home >= 0 {
		votes[w.home][c] += 150
	}
	for id, e := range w.orgs.list {
		e.country = best(votes[id])
		// With nothing said of it, an academic body is likely where the text
		// was last; a company's country is unknown, since firms work across
		// borders. An acronym alone says nothing of where; the corpus may know.
		if e.country == "" && len(e.names) > 0 && id != w.home && w.academic(id) {
			e.country = before[id]
			e.guessed = true
			if e.country == "" {
				e.country = dominant
			}
		}
	}
	for i := range w.facts.Institutions {
		for _, e := range w.orgs.list {
			if e.mentions > 0 && e.name() == w.facts.Institutions[i].Name {
				w.facts.Institutions[i].Country = e.country
			}
		}
	}
}

// countryInName finds a place or nationality among a name's words:
// "Osaka University of Economics" is in Japan.
func (w *draft) countryInName(name string) string {
	toks := text.Tokenize(name)
	place, demonym := "", ""
	for _, p := range w.x.Places(toks) {
		switch {
		case p.Place.Country == "":
		case !p.Demonym && place == "":
			place = p.Place.Country
		case p.Demonym && demonym == "":
			demonym = p.Place.Country
		case p.Demonym && demonym != p.Place.Country:
			demonym = "-" // "German Jordanian University": two nationalities say nothing
		}
	}
	if place != "" {
		return place // "Vietnamese-German University in Ho Chi Minh City"
	}
	if demonym == "-" {
		return ""
	}
	return demonym
}

// countryAfter reads a place written right after a mention: ", China",
// "(Japan)", " - China", " in Chiang Mai, Thailand".
func (w *draft) countryAfter(u *unit, m mention) string {
	k := m.To
	if m.Acronym != "" && k < len(u.toks) && u.toks[k].Text == "(" {
		for k < len(u.toks) && u.toks[k].Text != ")" {
			k++
		}
		k++ // past "(RRC Polytech)"
	}
	if k < len(u.toks) && (u.toks[k].Text == "in" || u.toks[k].Text == "of") {
		k++ // "… (ZJU) of China", "… in Fuxin"
		if k < len(u.toks) && u.toks[k].Text == "the" {
			k++
		}
	}
	if k < len(u.toks) && (u.toks[k].Text == "," || u.toks[k].Text == "(" || u.toks[k].Text == "-" || u.toks[k].Text == "–") {
		k++
	}
	for _, p := range u.places {
		if p.From == k && !p.Demonym && p.Place.Country != "" && !inMention(u.insts, p.From) {
			return p.Place.Country // not ", Zhejiang University": the next name
		}
	}
	return ""
}

// soleCountry returns the one country a unit names, when it names exactly
// one; nationalities ("Vietnamese students") and places inside names
// ("Hue University") do not count.
func (w *draft) soleCountry(u *unit) string {
	c := ""
	for _, p := range u.places {
		if p.Place.Country == "" || p.Demonym || inMention(u.insts, p.From) {
			continue
		}
		if c != "" && c != p.Place.Country {
			return ""
		}
		c = p.Place.Country
	}
	return c
}

// dominantCountry is the country the article names most, places and
// nationalities together.
func (w *draft) dominantCountry() string {
	count := map[string]int{}
	for _, u := range w.units {
		for _, p := range u.places {
			if p.Place.Country != "" {
				count[p.Place.Country]++
			}
		}
	}
	return best(count)
}

// best returns the key with the highest count, the first in order on a tie.
func best(votes map[string]int) string {
	top, n := "", 0
	for k, v := range votes {
		if v > n || v == n && k < top {
			top, n = k, v
		}
	}
	return top
}

// placeHome gives the article's own institution a country when nothing
// said of it did: the country the article names most, other than where
// its delegations went and where its guests came from.
func (w *draft) placeHome() {
	if w.home < 0 {
		return
	}
	e := w.orgs.list[w.home]
	if e.country != "" && !e.guessed || len(e.names) == 0 {
		return // placed, or an acronym alone, which the corpus may place
	}
	name := e.name()
	away := map[string]bool{}
	for _, v := range w.facts.Visits {
		if v.Visitor == name {
			away[v.Country] = true
		} else if id, ok := w.orgs.byKey[text.Key(v.Visitor)]; ok {
			away[w.orgs.list[id].country] = true
		}
	}
	count := map[string]int{}
	for _, u := range w.units {
		for _, p := range u.places {
			if c := p.Place.Country; c != "" && !away[c] {
				count[c]++
			}
		}
	}
	if c := best(count); c != "" {
		w.setCountry(w.home, c)
		for i := range w.facts.Visits {
			if v := &w.facts.Visits[i]; len(v.Hosts) == 1 && v.Hosts[0] == name {
				v.Country = c
			}
		}
	}
}

// setCountry corrects the country of an org, in the facts too.
func (w *draft) setCountry(id int, country string) {
	e := w.orgs.list[id]
	name := e.name()
	e.country, e.guessed = country, false
	for i := range w.facts.Institutions {
		if w.facts.Institutions[i].Name == name {
			w.facts.Institutions[i].Country = country
		}
	}
}
