package knowledge

import (
	"slices"

	"github.com/coopbot/coopbot/knowledge/extract"
)

// ExportedInstitution is an institution in the export.
type ExportedInstitution struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Country *string  `json:"country"`
}

// ExportedPair is a partnership in the export.
type ExportedPair struct {
	A    string       `json:"a"`
	B    string       `json:"b"`
	Kind extract.Kind `json:"kind"`
}

// ExportedVisit is a visit in the export.
type ExportedVisit struct {
	Visitor     string   `json:"visitor"`
	Leader      *string  `json:"leader"`
	LeaderTitle *string  `json:"leader_title"`
	Hosts       []string `json:"hosts"`
	City        *string  `json:"city"`
	Country     *string  `json:"country"`
	Start       *string  `json:"start"`
	End         *string  `json:"end"`
}

// ExportedAgreement is an agreement in the export.
type ExportedAgreement struct {
	Parties []string `json:"parties"`
	Kind    string   `json:"kind"`
	Date    *string  `json:"date"`
}

// ExportedPerson is a person in the export.
type ExportedPerson struct {
	Name        string  `json:"name"`
	Title       *string `json:"title"`
	Institution *string `json:"institution"`
}

// ExportedArticle is one article's facts in the export.
type ExportedArticle struct {
	File             string                `json:"file"`
	Title            string                `json:"title"`
	Published        *string               `json:"published"`
	AboutCooperation bool                  `json:"about_cooperation"`
	Institutions     []ExportedInstitution `json:"institutions"`
	Partnerships     []ExportedPair        `json:"partnerships"`
	Visits           []ExportedVisit       `json:"visits"`
	Agreements       []ExportedAgreement   `json:"agreements"`
	People           []ExportedPerson      `json:"people"`
}

// Export is everything the library extracted, in the evaluation's schema,
// with institutions named as the whole corpus resolves them.
type Export struct {
	Articles []ExportedArticle `json:"articles"`
}

// Export returns the facts of every article, oldest file name first.
func (l *Library) Export() Export {
	m := l.model.Load()
	out := Export{Articles: []ExportedArticle{}}
	files := make([]string, 0, len(m.records))
	for f := range m.byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		out.Articles = append(out.Articles, m.exportRecord(m.byFile[f]))
	}
	return out
}

// exportRecord renders one record in the export schema.
func (m *model) exportRecord(r *record) ExportedArticle {
	f := r.Facts
	name := func(local string) string {
		if id := m.entityOf(r, local); id >= 0 {
			return m.entities[id].Name
		}
		return local
	}
	a := ExportedArticle{
		File: r.Article.File, Title: r.Article.Title, Published: optional(r.Article.Published.String()),
		AboutCooperation: f.AboutCooperation, Institutions: []ExportedInstitution{}, Partnerships: []ExportedPair{},
		Visits: []ExportedVisit{}, Agreements: []ExportedAgreement{}, People: []ExportedPerson{},
	}
	for _, inst := range f.Institutions {
		ei := ExportedInstitution{Name: inst.Name, Aliases: append([]string{}, inst.Aliases...), Country: optional(inst.Country)}
		if id := m.entityOf(r, inst.Name); id >= 0 {
			e := m.entities[id]
			if e.Name != inst.Name {
				ei.Aliases = append([]string{inst.Name}, ei.Aliases...)
				ei.Name = e.Name
			}
			for _, acr := range e.Acronyms {
				if !slices.Contains(ei.Aliases, acr) {
					ei.Aliases = append(ei.Aliases, acr)
				}
			}
			if e.Country != "" {
				ei.Country = optional(e.Country)
			}
		}
		a.Institutions = append(a.Institutions, ei)
	}
	for _, p := range f.Partnerships {
		a.Partnerships = append(a.Partnerships, ExportedPair{A: name(p.A), B: name(p.B), Kind: p.Kind})
	}
	for _, v := range f.Visits {
		ev := ExportedVisit{
			Visitor: name(v.Visitor), Leader: optional(v.Leader), LeaderTitle: optional(v.LeaderTitle), Hosts: []string{},
			City: optional(v.City), Country: optional(v.Country), Start: optional(v.Start.String()), End: optional(v.End.String()),
		}
		for _, h := range v.Hosts {
			ev.Hosts = append(ev.Hosts, name(h))
		}
		a.Visits = append(a.Visits, ev)
	}
	for _, ag := range f.Agreements {
		ea := ExportedAgreement{Kind: ag.Kind, Date: optional(ag.Date.String())}
		for _, p := range ag.Parties {
			ea.Parties = append(ea.Parties, name(p))
		}
		a.Agreements = append(a.Agreements, ea)
	}
	for _, p := range f.People {
		inst := p.Institution
		if inst != "" {
			inst = name(inst)
		}
		a.People = append(a.People, ExportedPerson{Name: p.Name, Title: optional(p.Title), Institution: optional(inst)})
	}
	return a
}

// optional returns nil for "", so that JSON says null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
