package knowledge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/coopbot/coopbot/knowledge/article"
	"github.com/coopbot/coopbot/knowledge/text"
)

// matchingVisits returns the visits that involve every entity the question
// names, in its country, city and period.
func (m *model) matchingVisits(q *question, needHosts bool) []VisitRecord {
	var out []VisitRecord
	for _, vp := range m.visits {
		v := *vp
		ok := true
		for _, id := range q.entities {
			ok = ok && v.involves(m.entities[id].ID)
		}
		if !ok || needHosts && len(v.Hosts) == 0 {
			continue
		}
		if q.country != "" && v.Country != q.country {
			continue
		}
		if q.city != "" && !strings.EqualFold(v.City, q.city) && !hostIn(v, q.city) &&
			!(v.City == "" && strings.Contains(text.Fold(v.Evidence), text.Fold(q.city))) {
			continue
		}
		if !q.when.IsZero() && !q.when.Overlaps(v.Start) && !(!v.End.IsZero() && q.when.Overlaps(v.End)) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// hostIn reports whether a host's name holds the city.
func hostIn(v VisitRecord, city string) bool {
	for _, h := range v.Hosts {
		if strings.Contains(text.Fold(h.Name), text.Fold(city)) {
			return true
		}
	}
	return false
}

// answerLeader answers "Who led the X delegation to Y in Z?": each
// leader of the matching visits, with the span of their trip's stops.
func (m *model) answerLeader(q *question) *Answer {
	if !q.asks(askLeader) {
		return nil
	}
	type trip struct {
		v          VisitRecord
		start, end article.Date
	}
	var trips []*trip
	byKey := map[string]*trip{}
	a := &Answer{Found: true}
	for _, v := range m.matchingVisits(q, false) {
		if v.Leader == "" {
			continue
		}
		key := v.Leader + "\x00" + v.Visitor.ID + "\x00" + v.Country + "\x00" + v.Source.File
		t, ok := byKey[key]
		if !ok {
			t = &trip{v: v, start: v.Start, end: v.End}
			byKey[key] = t
			trips = append(trips, t)
		}
		if v.Start.Compare(t.start) < 0 {
			t.start = v.Start
		}
		if last := v.End; !last.IsZero() && (t.end.IsZero() || last.Compare(t.end) > 0) {
			t.end = last
		}
		if len(a.Support) < 3 {
			a.Support = addCitation(a.Support, cite(v.Evidence, v.Source))
		}
	}
	if len(trips) == 0 {
		return nil
	}
	// The sentence that names the leader comes first.
	for i := len(trips) - 1; i >= 0; i-- {
		t := trips[i]
		if r, ok := m.byFile[t.v.Source.File]; ok {
			for _, s := range m.sentences(r) {
				if strings.Contains(s, t.v.Leader) {
					a.Support = append([]Citation{cite(s, t.v.Source)}, a.Support...)
					break
				}
			}
		}
	}
	a.Support = dedupeCitations(a.Support, 3)
	var lines []string
	for _, t := range trips {
		who := t.v.Leader
		if t.v.LeaderTitle != "" {
			who += ", " + t.v.LeaderTitle + ","
		}
		line := fmt.Sprintf("%s led the %s delegation", who, t.v.Visitor.Display())
		if t.v.Country != "" {
			line += " to " + t.v.Country
		}
		lines = append(lines, line+", "+dateText(t.start, t.end)+".")
	}
	a.Text = strings.Join(lines, "\n")
	return a
}

// dedupeCitations keeps the first n distinct citations.
func dedupeCitations(cs []Citation, n int) []Citation {
	var out []Citation
	for _, c := range cs {
		if len(out) == n {
			break
		}
		out = addCitation(out, c)
	}
	return out
}

// answerWhen answers "When did X visit Y?".
func (m *model) answerWhen(q *question) *Answer {
	if q.wh() != "when" || len(q.entities) < 2 && (len(q.entities) < 1 || q.country == "" && q.city == "") || !q.asks(askMeet) {
		return nil
	}
	visits := m.matchingVisits(q, false)
	if len(visits) == 0 {
		return nil
	}
	a := &Answer{Found: true}
	for _, v := range visits {
		line := fmt.Sprintf("%s visited %s: %s.", v.Visitor.Display(), hostList(v), dateText(v.Start, v.End))
		if !strings.Contains(a.Text, line) {
			if a.Text != "" {
				a.Text += "\n"
			}
			a.Text += line
		}
		a.Support = addCitation(a.Support, cite(v.Evidence, v.Source))
	}
	return a
}

// answerWhere answers "In which city did X visit Y?".
func (m *model) answerWhere(q *question) *Answer {
	if !q.asks(askWhereCity) || len(q.entities) < 2 {
		return nil
	}
	a := &Answer{Found: true}
	for _, v := range m.matchingVisits(q, true) {
		if v.City == "" {
			continue
		}
		line := fmt.Sprintf("%s visited %s in %s", v.Visitor.Display(), hostList(v), v.City)
		if v.Country != "" {
			line += ", " + v.Country
		}
		a.Text += line + " (" + dateText(v.Start, v.End) + ").\n"
		a.Support = addCitation(a.Support, cite(v.Evidence, v.Source))
	}
	if a.Text == "" {
		return nil
	}
	a.Text = strings.TrimSpace(a.Text)
	return a
}

// answerHosts answers "Which institutions did X visit in Y?".
func (m *model) answerHosts(q *question) *Answer {
	if q.wh() != "which" && q.wh() != "what" || len(q.entities) != 1 || !q.asks(askVisited) {
		return nil
	}
	var lines []string
	a := &Answer{Found: true}
	for _, v := range m.matchingVisits(q, true) {
		if v.Visitor.ID != m.entities[q.entities[0]].ID || !anyOfKind(q, v.Hosts) {
			continue
		}
		line := fmt.Sprintf("%s (%s)", hostList(v), dateText(v.Start, v.End))
		if v.City != "" {
			line = fmt.Sprintf("%s in %s (%s)", hostList(v), v.City, dateText(v.Start, v.End))
		}
		if !slices.Contains(lines, line) {
			lines = append(lines, line)
		}
		a.Support = addCitation(a.Support, cite(v.Evidence, v.Source))
	}
	if len(lines) == 0 {
		return nil
	}
	a.Text = fmt.Sprintf("%s visited:\n• %s", m.entities[q.entities[0]].Display(), strings.Join(lines, "\n• "))
	return a
}

// anyOfKind reports whether any host is of the kind the question asks for.
func anyOfKind(q *question, hosts []Entity) bool {
	for i := range hosts {
		if q.wantsKind(&hosts[i]) {
			return true
		}
	}
	return false
}

// hostList names a visit's hosts, or its country when the text names none.
func hostList(v VisitRecord) string {
	if len(v.Hosts) == 0 {
		if v.Country != "" {
			return "institutions in " + v.Country
		}
		return "unnamed hosts"
	}
	names := make([]string, len(v.Hosts))
	for i, h := range v.Hosts {
		names[i] = h.Display()
	}
	return strings.Join(names, ", ")
}

// answerVisitsTo answers "Which delegations visited Vietnam?", "Visits to
// Japan in 2023", "Which universities visited X?": the visits to the
// country (made from abroad) or to the institution asked about, by
// visitors of the nationality asked, in the period asked.
func (m *model) answerVisitsTo(q *question) *Answer {
	if q.country == "" && len(q.entities) == 0 {
		return nil
	}
	var lines []string
	a := &Answer{Found: true}
	for _, vp := range m.visits {
		v := *vp
		if q.country != "" && (v.Country != q.country || v.Visitor.Country == q.country) {
			continue
		}
		if q.origin != "" && v.Visitor.Country != q.origin {
			continue
		}
		hosted := true
		for _, id := range q.entities {
			hosted = hosted && slices.ContainsFunc(v.Hosts, func(h Entity) bool { return h.ID == m.entities[id].ID })
		}
		if !hosted || !q.when.IsZero() && !q.when.Overlaps(v.Start) && !(!v.End.IsZero() && q.when.Overlaps(v.End)) {
			continue
		}
		line := fmt.Sprintf("%s visited %s (%s)", v.Visitor.Display(), hostList(v), dateText(v.Start, v.End))
		if !slices.Contains(lines, line) {
			lines = append(lines, line)
		}
		a.Support = addCitation(a.Support, cite(v.Evidence, v.Source))
	}
	if len(lines) == 0 {
		return nil
	}
	a.Support = dedupeCitations(a.Support, 5)
	a.Text = "• " + strings.Join(lines, "\n• ")
	return a
}
