package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/gazetteer"
)

// stopIn finds the hosts a unit says a delegation visited, and who visited.
func (w *draft) stopIn(u *unit, t *trip) (hosts []int, visitor int, ok bool) {
	visitor = w.home
	if t != nil {
		visitor = t.visitor
	}
	switch {
	case u.has(hostedBy):
		at := u.find(hostedBy)[1]
		for _, m := range u.insts {
			if u.toks[m.From].Start >= at {
				hosts = appendEntity(hosts, m.Org)
			}
		}
	case u.has(incomingCue):
		v, found := w.delegationVisitor(u)
		if !found {
			return nil, 0, false
		}
		visitor = v
		for _, m := range u.insts {
			if m.Org != v {
				hosts = appendEntity(hosts, m.Org)
			}
		}
		if len(hosts) == 0 && w.home >= 0 && w.home != v {
			hosts = []int{w.home}
		}
	case u.has(delegationCue) && u.has(visitVerb),
		// "Zhang Wei and his colleagues travelled to Leuven": the leader
		// going somewhere speaks for the delegation; meeting someone may not.
		t != nil && t.leader != "" && !u.caption && strings.Contains(u.text, t.leader) && u.has(movementVerb):
		if v, found := w.delegationVisitor(u); found {
			visitor = v
		} else if t == nil {
			return nil, 0, false
		}
		for _, m := range u.insts {
			hosts = appendEntity(hosts, m.Org)
		}
	default:
		return nil, 0, false
	}
	if visitor < 0 {
		return nil, 0, false
	}
	out := hosts[:0]
	for _, h := range hosts {
		if h != visitor {
			out = append(out, h)
		}
	}
	return out, visitor, len(out) > 0
}

// appendEntity appends id unless ids holds it.
func appendEntity(ids []int, id int) []int {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// stopDate is the date of a stop: the unit's own, else the last date the
// text gave, else the trip's.
func stopDate(u *unit, last article.DateMention, t *trip) article.DateMention {
	switch {
	case len(u.dates) > 0 && !u.caption:
		return u.dates[0]
	case !last.Start.IsZero() && !u.caption:
		return last
	case t != nil:
		return article.DateMention{Start: t.start, End: t.end}
	}
	return last
}

// addStop records that visitor visited host, or adds what this unit says to
// the stop already recorded.
func (w *draft) addStop(t *trip, visitor, host int, u *unit, d article.DateMention) {
	name, hostName := w.orgName(visitor), w.orgName(host)
	end := d.End
	if d.Start == d.End && d.Start.Day == 0 {
		end = article.Date{} // a month or year: the end is not known
	}
	city := w.cityIn(u)
	for i := range w.facts.Visits {
		v := &w.facts.Visits[i]
		if v.Visitor != name || len(v.Hosts) != 1 || v.Hosts[0] != hostName {
			continue
		}
		if !u.caption && !d.Start.IsZero() && w.tripDated[i] && len(u.dates) > 0 {
			// The stop's own date replaces the span of the whole trip.
			v.Start, v.End = d.Start, end
			delete(w.tripDated, i)
		} else if !u.caption && !d.Start.IsZero() {
			if v.Start.IsZero() || d.Start.Compare(v.Start) < 0 {
				v.Start = d.Start
			}
			if !end.IsZero() && (v.End.IsZero() || end.Compare(v.End) > 0) {
				v.End = end
			}
		}
		if v.City == "" {
			v.City = city
		}
		if v.Country == "" {
			v.Country = w.countryOf(u, city)
		}
		return
	}
	v := Visit{Visitor: name, Hosts: []string{hostName}, City: city, Start: d.Start, End: end, Evidence: u.text}
	if len(u.dates) == 0 || d.Start != d.End {
		// Dated by the trip, or by a span that may cover several stops.
		w.tripDated[len(w.facts.Visits)] = true
	}
	v.Country = w.orgs.list[host].country
	if t != nil && t.visitor == visitor {
		v.Leader, v.LeaderTitle = t.leader, t.leaderTitle
		if v.Country == "" {
			v.Country = t.country
		}
		t.stops = append(t.stops, len(w.facts.Visits))
	}
	if v.Country == "" {
		v.Country = w.countryOf(u, city)
	}
	w.facts.Visits = append(w.facts.Visits, v)
}

// countryOf is the country a unit places its events in: its city's, or
// the one country it names ("… at RMIT University in Melbourne").
func (w *draft) countryOf(u *unit, city string) string {
	if p, ok := w.x.gaz.Lookup(city); ok && city != "" {
		return p.Country
	}
	return w.soleCountry(u)
}

// cityIn finds the city a unit places its events in: "in Osaka", "in Phu Tan city".
func (w *draft) cityIn(u *unit) string {
	for _, p := range u.places {
		if p.Place.Kind != gazetteer.PlaceCity || p.From == 0 || !strings.EqualFold(u.toks[p.From-1].Text, "in") {
			continue
		}
		return p.Place.Name
	}
	return ""
}
