package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/gazetteer"
	"github.com/coopbot/coopbot/knowledge/text"
)

// trip is a delegation's journey while the text tells of it.
type trip struct {
	visitor     int
	leader      string
	leaderTitle string
	country     string
	start, end  article.Date
	stops       []int // indices into facts.Visits
	evidence    string
}

// findEvents reads visits, agreements and partnerships, unit by unit, in
// the order the article tells them.
func (w *draft) findEvents() {
	var t *trip
	var last article.DateMention // the last date the text gave
	lastHost := -1
	pairs := map[[2]string]int{}
	pair := func(a, b int, kind Kind, d article.Date, evidence string) {
		na, nb := w.orgName(a), w.orgName(b)
		if a < 0 || b < 0 || na == "" || nb == "" || na == nb {
			return
		}
		key := [2]string{na, nb}
		if nb < na {
			key = [2]string{nb, na}
		}
		if i, ok := pairs[key]; ok {
			if p := &w.facts.Partnerships[i]; kind.Rank() > p.Kind.Rank() {
				p.Kind, p.Date, p.Evidence = kind, d, evidence
			}
			return
		}
		pairs[key] = len(w.facts.Partnerships)
		w.facts.Partnerships = append(w.facts.Partnerships, Partnership{A: na, B: nb, Kind: kind, Date: d, Evidence: evidence})
	}
	finish := func() {
		if t != nil && len(t.stops) == 0 && !w.hasVisitBy(t.visitor) && w.home >= 0 && t.visitor != w.home &&
			(t.country == "" || t.country == w.orgs.list[w.home].country) {
			// A delegation came to the article's own institution, which the
			// text does not name as its host: "led a delegation to Bangi".
			w.addStop(t, t.visitor, w.home, &unit{text: t.evidence}, article.DateMention{Start: t.start, End: t.end})
			return
		}
		if t != nil && len(t.stops) == 0 && t.country != "" && t.country != w.orgs.list[t.visitor].country && !w.hasVisitBy(t.visitor) {
			end := t.end
			if end == t.start && end.Day == 0 {
				end = article.Date{} // a month or a year: the end is not known
			}
			w.facts.Visits = append(w.facts.Visits, Visit{
				Visitor: w.orgName(t.visitor), Leader: t.leader, LeaderTitle: t.leaderTitle,
				Country: t.country, Start: t.start, End: end, Evidence: t.evidence,
			})
		}
	}
	leg := "" // the country the delegation is in, as the text tells
	for _, u := range w.units {
		if t != nil && !u.caption && u.has(delegationCue) {
			if c := w.legCountry(u, t); c != "" {
				leg = c
			}
		}
		for _, d := range u.dates {
			if !u.caption && d.Start.Month != 0 {
				last = d // a year alone ("by 2030") is rarely when things happened
			}
		}
		// A delegation sets out: "a delegation from X, led by …", "the X delegation".
		if v, ok := w.delegationVisitor(u); ok && !u.caption && (t == nil || t.visitor != v) {
			finish()
			t = &trip{visitor: v, evidence: u.text}
			if len(u.dates) > 0 {
				t.start, t.end = u.dates[0].Start, u.dates[0].End
			} else if !last.Start.IsZero() {
				t.start = last.Start
			}
			t.leader, t.leaderTitle = w.leaderIn(u)
			t.country = w.destination(u, v)
		} else if v, ok := w.delegationVisitor(u); ok && t != nil && t.visitor == v && t.leader == "" && !u.caption {
			// "The UGM delegation was led by …", after the visit was told.
			if t.leader, t.leaderTitle = w.leaderIn(u); t.leader != "" {
				for _, i := range t.stops {
					w.facts.Visits[i].Leader, w.facts.Visits[i].LeaderTitle = t.leader, t.leaderTitle
				}
			}
		}
		if t != nil && !u.caption && u.has(delegationCue) && u.has(travelVerb) && u.text != t.evidence {
			w.addLeg(t, u, last)
		}
		if hosts, visitor, ok := w.stopIn(u, t); ok {
			d := stopDate(u, last, t)
			for _, h := range hosts {
				if e := w.orgs.list[h]; e.guessed && leg != "" && t != nil && visitor == t.visitor {
					w.setCountry(h, leg)
				} else if !e.guessed && e.country != "" {
					leg = e.country
				}
				w.addStop(t, visitor, h, u, d)
				pair(visitor, h, KindVisit, d.Start, u.text)
				lastHost = h
			}
		}
		w.agreementsIn(u, t, lastHost, last, pair)
		w.cooperationIn(u, last, pair)
	}
	finish()
}

// legCountry reads where a delegation is: the first country the unit
// names "in" or "to" (or after a travel verb), outside institutions' names
// and other than the visitor's own.
func (w *draft) legCountry(u *unit, t *trip) string {
	home := w.orgs.list[t.visitor].country
	for _, p := range u.places {
		if p.Demonym || p.Place.Kind != gazetteer.PlaceCountry || p.Place.Country == home || inMention(u.insts, p.From) || p.From == 0 {
			continue
		}
		prev := u.toks[p.From-1].Text
		if prev == "the" && p.From >= 2 {
			prev = u.toks[p.From-2].Text
		}
		if prev == "in" || prev == "to" {
			return p.Place.Country
		}
	}
	return ""
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

// hasVisitBy reports whether a visit by the org is already recorded.
func (w *draft) hasVisitBy(id int) bool {
	name := w.orgName(id)
	for _, v := range w.facts.Visits {
		if v.Visitor == name {
			return true
		}
	}
	return false
}

// delegationVisitor finds the institution a delegation comes from.
func (w *draft) delegationVisitor(u *unit) (int, bool) {
	if !u.has(delegationCue) {
		return 0, false
	}
	for i, t := range u.toks {
		if !strings.EqualFold(t.Text, "delegation") && !strings.EqualFold(t.Text, "delegates") && !strings.EqualFold(t.Text, "mission") {
			continue
		}
		// "the X delegation", "the IIT Madras delegation"
		for _, m := range u.insts {
			if m.To == i || m.Acronym != "" && m.To+3 == i || m.To+1 == i && u.toks[m.To].IsCap() {
				return m.Org, true
			}
		}
		// "a delegation headed by Zhang Wei, Vice President of Zhejiang University"
		for k := i + 1; k+1 < len(u.toks) && k < i+4; k++ {
			if (u.toks[k].Text == "led" || u.toks[k].Text == "headed") && u.toks[k+1].Text == "by" {
				for _, pm := range u.people {
					if pm.From >= k+2 && pm.From <= k+8 && pm.Institution >= 0 {
						return u.insts[pm.Institution].Org, true
					}
				}
			}
		}
		// "Prof. X, Dean of … at Y, who led a delegation": the leader's institution.
		for k := i - 1; k > 0 && k > i-6; k-- {
			if u.toks[k].Text != "led" && u.toks[k].Text != "headed" || u.toks[k-1].Text != "who" {
				continue
			}
			for p := len(u.people) - 1; p >= 0; p-- {
				if pm := u.people[p]; pm.To <= k-1 && pm.To >= k-3 && pm.Institution >= 0 {
					return u.insts[pm.Institution].Org, true
				}
			}
		}
		// "delegation from/of (the) X", "delegation of the Faculty of
		// Engineering, X": the first body after its own parts.
		if i+1 < len(u.toks) && (u.toks[i+1].Text == "from" || u.toks[i+1].Text == "of") {
			if m := mentionAt(u.insts, i+2); m >= 0 {
				return u.insts[m].Org, true
			}
			for _, m := range u.insts {
				if m.From > i+2 && m.From <= i+12 && onlyNames(u.toks[i+2:m.From]) {
					return m.Org, true
				}
			}
		}
	}
	return 0, false
}

// onlyNames reports whether toks are capitalised words, connectors and
// commas: the name of a part of an institution, not a clause.
func onlyNames(toks []text.Token) bool {
	for _, t := range toks {
		if !(t.IsWord() && t.IsCap()) && !nameConnectors[t.Text] && t.Text != "," && t.Text != "the" {
			return false
		}
	}
	return true
}

// leaderIn finds who leads a delegation: "led by <person>", "headed by
// the Dean, <person>", "under the leadership of <person>", "<person>, who
// led a delegation".
func (w *draft) leaderIn(u *unit) (name, title string) {
	for i := 0; i+1 < len(u.toks); i++ {
		by := (u.toks[i].Text == "led" || u.toks[i].Text == "headed" || u.toks[i].Text == "chaired") && u.toks[i+1].Text == "by"
		// "under the leadership of Vice President Prof. Wang Jianhua"
		of := u.toks[i].Text == "leadership" && u.toks[i+1].Text == "of"
		if !by && !of {
			continue
		}
		for _, p := range u.people {
			if p.From >= i+2 && p.From <= i+8 {
				return p.Name, p.Title
			}
		}
	}
	for i := 0; i+2 < len(u.toks); i++ {
		// "H.E. Mr. Sato Kenichi, Ambassador …, and the delegation of …"
		if u.toks[i].Text == "and" && (u.toks[i+1].Text == "the" || u.toks[i+1].Text == "his" || u.toks[i+1].Text == "her") &&
			strings.EqualFold(u.toks[i+2].Text, "delegation") {
			for k := len(u.people) - 1; k >= 0; k-- {
				if p := u.people[k]; p.To <= i && p.To >= i-2 {
					return p.Name, p.Title
				}
			}
		}
		if u.toks[i].Text == "who" && (u.toks[i+1].Text == "led" || u.toks[i+1].Text == "headed") {
			for k := len(u.people) - 1; k >= 0; k-- {
				if p := u.people[k]; p.To <= i && p.To >= i-2 {
					return p.Name, p.Title
				}
			}
		}
	}
	return "", ""
}

// addLeg records a leg of a trip to a country whose hosts the text does
// not name: "on 14–15 February the delegation travelled to Sri Lanka".
func (w *draft) addLeg(t *trip, u *unit, last article.DateMention) {
	home := w.orgs.list[t.visitor].country
	for _, m := range u.insts {
		if m.Org != t.visitor {
			return // it names a host: a stop, not a leg
		}
	}
	country, city := "", ""
	at := u.find(travelVerb)[1]
	for _, p := range u.places {
		if u.toks[p.From].Start >= at && p.Place.Country != "" && p.Place.Country != home && !p.Demonym {
			country = p.Place.Country
			if p.Place.Kind == gazetteer.PlaceCity {
				city = p.Place.Name
			}
			break
		}
	}
	if country == "" {
		return
	}
	name := w.orgName(t.visitor)
	for _, v := range w.facts.Visits {
		if v.Visitor == name && v.Country == country && len(v.Hosts) == 0 {
			return
		}
	}
	d := stopDate(u, last, t)
	end := d.End
	if d.Start == d.End && d.Start.Day == 0 {
		end = article.Date{}
	}
	t.stops = append(t.stops, len(w.facts.Visits))
	w.facts.Visits = append(w.facts.Visits, Visit{
		Visitor: name, Leader: t.leader, LeaderTitle: t.leaderTitle, Country: country,
		City: city, Start: d.Start, End: end, Evidence: u.text,
	})
}

// destination is the country a delegation travels to: the first country
// the unit names that is not the visitor's own.
func (w *draft) destination(u *unit, visitor int) string {
	home := w.orgs.list[visitor].country
	for _, p := range u.places {
		if p.Place.Country != "" && p.Place.Country != home && !p.Demonym {
			return p.Place.Country
		}
	}
	for _, p := range u.places {
		if p.Place.Country != "" && p.Place.Country != home {
			return p.Place.Country
		}
	}
	return ""
}
