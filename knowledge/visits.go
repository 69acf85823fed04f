package knowledge

import (
	"context"
	"strings"
	"time"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Visits returns the stops of delegations' trips that match f, oldest first.
func (l *Library) Visits(ctx context.Context, f VisitFilter) ([]VisitRecord, error) {
	m := l.model.Load()
	inst, country, err := m.resolveFilter(f.Institution, f.Country)
	if err != nil {
		return nil, err
	}
	leader := text.Fold(f.Leader)
	var out []VisitRecord
	for _, vp := range m.visits {
		v := *vp
		if inst >= 0 && !v.involves(m.entities[inst].ID) {
			continue
		}
		if country != "" && v.Country != country {
			continue
		}
		if leader != "" && !strings.Contains(text.Fold(v.Leader), leader) {
			continue
		}
		if !f.From.IsZero() && v.lastDay().Before(f.From.Start()) {
			continue
		}
		if !f.To.IsZero() && v.Start.Start().After(f.To.End()) {
			continue
		}
		out = append(out, v)
	}
	return out, nil
}

// involves reports whether the entity is the visitor or a host.
func (v VisitRecord) involves(id string) bool {
	if v.Visitor.ID == id {
		return true
	}
	for _, h := range v.Hosts {
		if h.ID == id {
			return true
		}
	}
	return false
}

// lastDay returns the last instant of the visit: its end, or the end of its start.
func (v VisitRecord) lastDay() time.Time {
	if !v.End.IsZero() {
		return v.End.End()
	}
	return v.Start.End()
}
