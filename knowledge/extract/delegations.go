package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// A delegation is a noun phrase that names travellers: "a delegation from
// X led by P", "the X delegation", "P and his delegation", "the
// delegation" (the one the text already introduced).

// delegation is one delegation phrase of a unit.
type delegation struct {
	// at is the token of the noun ("delegation", "delegates", "mission").
	at int
	// from and to are the phrase's token span, leader included.
	from, to int
	// visitor is the org it comes from, or -1 when the phrase does not say.
	visitor int
	// leader and leaderTitle name who leads it, when the phrase says.
	leader, leaderTitle string
}

// delegationNouns name a group that travels.
var delegationNouns = map[string]bool{
	"delegation": true, "delegations": true, "delegates": true, "mission": true, "visitors": true,
	"guests": true, "team": true, "group": true, "entourage": true, "representatives": true,
}

// strongDelegationNouns are the nouns that make a delegation by
// themselves; the others ("team", "guests", "group") only refer back to one.
var strongDelegationNouns = map[string]bool{"delegation": true, "delegations": true, "delegates": true, "mission": true}

// findDelegations returns the delegation phrases of a unit, in order.
func (w *draft) findDelegations(u *unit) []delegation {
	var out []delegation
	for i := range u.toks {
		noun := u.word(i)
		if !delegationNouns[noun] || u.toks[i].IsCap() && i > 0 {
			continue // "the Deputy Chief of Mission", "Mission Control": names and titles
		}
		if !strongDelegationNouns[noun] && !(u.word(i-1) == "the" || u.word(i-1) == "visiting") {
			continue // "a research team", "guests from the industry"
		}
		if noun == "mission" && (u.word(i-1) == "on" || u.word(i-2) == "on" && u.word(i-1) == "a") && len(out) > 0 {
			continue // "a delegation had been on mission in Tunisia": the same delegation's trip
		}
		d := delegation{at: i, from: i, to: i + 1, visitor: -1}
		// "the X delegation", "X's delegation", "the IIT Madras delegation".
		for _, m := range u.insts {
			end := m.To
			if m.Acronym != "" && end+2 < len(u.toks) && u.toks[end].Text == "(" {
				end += 3
			}
			for end < i && (u.word(end) == "'s" || isDelegationAdjective(u.word(end))) {
				end++
			}
			if end == i {
				d.visitor, d.from = m.Org, m.From
			}
		}
		// "… and the Universidad Autónoma de Nuevo León, whose delegation": the body before "whose".
		if d.visitor < 0 && u.word(i-1) == "whose" && u.word(i-2) == "," {
			for _, m := range u.insts {
				if m.To == i-2 || m.To+3 == i-2 && u.word(m.To) == "(" {
					d.visitor = m.Org
				}
			}
		}
		// "delegation from/of (the) (Faculty of …,) X".
		if d.visitor < 0 && (u.word(i+1) == "from" || u.word(i+1) == "of" || u.word(i+1) == "representing") {
			for j, m := range u.insts {
				if m.From >= i+2 && m.From <= i+4 || m.From > i+4 && m.From <= i+14 && w.onlyNames(u.toks[i+2:m.From]) {
					if !strongDelegationNouns[noun] && j+1 < len(u.insts) && u.word(m.To) == "and" && u.insts[j+1].From == m.To+1 {
						break // "the representatives of A and B": both sides, no one's delegation
					}
					d.visitor, d.to = m.Org, m.To
					break
				}
			}
		}
		// "a Canadian delegation", "the New Zealand delegation": the body of
		// that country the article names.
		if d.visitor < 0 && i > 0 {
			if c, ok := w.x.gaz.CountryOfDemonym(u.toks[i-1].Text); ok {
				d.visitor = w.orgIn(c)
			}
			for _, p := range u.places {
				if p.To == i && p.Place.Kind == gazetteer.PlaceCountry && !p.Demonym {
					d.visitor = w.orgIn(p.Place.Country)
				}
			}
		}
		// "members of the Council of Rectors …, the largest delegation …": the
		// umbrella body the sentence names travels.
		if d.visitor < 0 {
			d.visitor = w.umbrellaIn(u)
		}
		d.leader, d.leaderTitle, d.to = w.leaderAfter(u, max(d.to, i+1))
		if d.visitor < 0 && d.leader != "" {
			d.visitor = w.personOrg(u, d.leader)
		}
		if d.leader == "" {
			d.leader, d.leaderTitle = w.leaderBefore(u, d.from)
			if d.visitor < 0 && d.leader != "" {
				d.visitor = w.personOrg(u, d.leader)
			}
		}
		// "An eleven-member delegation led by the Vice-Chancellor …": a
		// delegation that names no body of its own is the article's, unless
		// it comes from another country ("a parliamentary delegation from Estria").
		if d.visitor < 0 && strongDelegationNouns[noun] && w.home >= 0 && !w.fromElsewhere(u, i) && u.word(i-1) != "the" {
			d.visitor = w.home
		}
		out = append(out, d)
	}
	return out
}

// isDelegationAdjective reports whether w may stand between a body's name
// and "delegation": "the HUMG high-level delegation", "X's official delegation".
func isDelegationAdjective(w string) bool {
	switch w {
	case "high-level", "official", "working", "academic", "senior", "visiting", "large", "small", "joint",
		"five-member", "six-member", "three-member", "four-member", "seven-member", "eight-member", "ten-member",
		"member", "strong", "university", "institutional", "business", "trade", "research", "faculty", "-", "the":
		return true
	}
	return strings.HasSuffix(w, "-member") || strings.HasSuffix(w, "-strong")
}

// leaderAfter reads the leader a phrase names after token i: "led by P",
// "headed by the Dean, P", "under the leadership of P". It returns the end
// of what it read.
func (w *draft) leaderAfter(u *unit, i int) (name, title string, end int) {
	end = i
	for k := i; k < len(u.toks) && k < i+9; k++ {
		by := (u.word(k) == "led" || u.word(k) == "headed" || u.word(k) == "chaired") && u.word(k+1) == "by"
		of := u.word(k) == "leadership" && u.word(k+1) == "of"
		if !by && !of {
			if u.word(k) == "," || u.word(k) == "and" || u.word(k) == "(" || u.word(k) == ")" || u.word(k) == "under" || u.word(k) == "was" || u.word(k) == "were" || u.word(k) == "is" || u.toks[k].IsCap() || u.word(k) == "the" || isDelegationAdjective(u.word(k)) {
				continue
			}
			break
		}
		for _, p := range u.people {
			if p.From >= k+2 && p.From <= k+10 {
				return p.Name, p.Title, p.To
			}
		}
		return "", "", end
	}
	return "", "", end
}

// leaderBefore reads the leader a phrase names before token i: "P led a
// delegation", "P and his delegation", "P, who led the delegation".
func (w *draft) leaderBefore(u *unit, i int) (name, title string) {
	k := i - 1
	for k >= 0 && (u.word(k) == "a" || u.word(k) == "the" || u.word(k) == "his" || u.word(k) == "her" || u.word(k) == "their" ||
		u.word(k) == "its" || isDelegationAdjective(u.word(k)) || u.placeAt(k)) {
		k--
	}
	switch {
	case k >= 0 && (u.word(k) == "led" || u.word(k) == "headed"):
		k--
		if u.word(k) == "who" || u.word(k) == "," {
			k--
		}
		if u.word(k) == "," {
			k--
		}
	case k >= 0 && u.word(k) == "and" && (u.word(k+1) == "his" || u.word(k+1) == "her"):
		k--
	default:
		return "", ""
	}
	for j := len(u.people) - 1; j >= 0; j-- {
		if p := u.people[j]; p.To <= k+1 && p.To >= k-1 {
			return p.Name, p.Title
		}
	}
	return "", ""
}

// personOrg returns the org of the person a unit names, or -1.
func (w *draft) personOrg(u *unit, name string) int {
	for _, p := range u.people {
		if p.Name == name && p.Institution >= 0 {
			return u.insts[p.Institution].Org
		}
	}
	return -1
}

// onlyNames reports whether toks are capitalised words, connectors,
// commas, nationalities and nouns of a kind of body: the name of a part of
// an institution or an apposition, not a clause ("the Faculty of Law,",
// "the Peruvian university,").
func (w *draft) onlyNames(toks []text.Token) bool {
	for _, t := range toks {
		if t.IsWord() && t.IsCap() || nameConnectors[t.Text] || t.Text == "," || t.Text == "the" || t.Text == "a" ||
			classNouns[text.Stem(strings.ToLower(t.Text))] {
			continue
		}
		if _, ok := w.x.gaz.CountryOfDemonym(t.Text); ok {
			continue
		}
		return false
	}
	return true
}

// orgIn returns the org of country that a nationality stands for ("a
// Canadian delegation"): the article's own body when it is there, else
// the one org the article places there, else the one it names most; -1
// when it places none there.
func (w *draft) orgIn(country string) int {
	if w.home >= 0 && w.orgs.list[w.home].country == country {
		return w.home
	}
	found, n, most := -1, 0, 0
	for id, e := range w.orgs.list {
		if e.mentions > 0 && e.country == country {
			n++
			if e.mentions > most {
				found, most = id, e.mentions
			} else if e.mentions == most {
				found = -2 // a tie: no one of them
			}
		}
	}
	if found < 0 || n > 1 && most < 2 {
		return -1
	}
	return found
}

// umbrellaHeads are the heads of bodies made of other bodies.
var umbrellaHeads = text.Set("Council", "Association", "Network", "Consortium", "Alliance", "Union", "Federation", "Conference", "Rectors")

// umbrellaIn returns the one umbrella body a unit names, or -1.
func (w *draft) umbrellaIn(u *unit) int {
	found := -1
	for _, m := range u.insts {
		words := strings.Fields(w.orgName(m.Org))
		umbrella := false
		for _, wd := range words {
			umbrella = umbrella || umbrellaHeads[wd]
		}
		if !umbrella {
			continue
		}
		if found >= 0 && found != m.Org {
			return -1
		}
		found = m.Org
	}
	return found
}

// fromElsewhere reports whether the delegation noun at i says it comes
// from a country other than the article's own body's: "a delegation from
// Estria", "a Korean delegation".
func (w *draft) fromElsewhere(u *unit, i int) bool {
	home := w.orgs.list[w.home].country
	for _, p := range u.places {
		near := p.To == i || (p.From == i+2 && (u.word(i+1) == "from" || u.word(i+1) == "of"))
		if near && p.Place.Country != "" && p.Place.Country != home {
			return true
		}
	}
	return false
}
