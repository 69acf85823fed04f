package extract

import "github.com/coopbot/coopbot/knowledge/article"

// Facts is what extraction finds in one article. Institutions are named in
// the other facts by their Name in Institutions.
type Facts struct {
	// AboutCooperation says whether the article is about international cooperation.
	AboutCooperation bool
	Institutions     []Institution
	People           []Person
	Visits           []Visit
	Agreements       []Agreement
	Partnerships     []Partnership
}

// Institution is a university, company, agency or other body, with every
// name the article calls it by.
type Institution struct {
	// Name is the fullest name the article uses.
	Name string
	// Aliases are the other names and acronyms the article uses for it.
	Aliases []string `json:",omitempty"`
	// Country is the English short name of its country, or "" when unknown.
	Country string `json:",omitempty"`
	// Mentions counts how often the article names it.
	Mentions int
	// Evidence is the first sentence that names it.
	Evidence string `json:",omitempty"`
}

// Person is someone the article names, with a title and an institution when
// it gives them.
type Person struct {
	Name        string
	Title       string `json:",omitempty"`
	Institution string `json:",omitempty"`
	Evidence    string `json:",omitempty"`
}

// Visit is one stop of a delegation's trip: a multi-stop trip gives one
// Visit per host. A trip to a country whose hosts the article does not name
// has no Hosts.
type Visit struct {
	Visitor     string
	Leader      string   `json:",omitempty"`
	LeaderTitle string   `json:",omitempty"`
	Hosts       []string `json:",omitempty"`
	City        string   `json:",omitempty"`
	Country     string   `json:",omitempty"`
	Start       article.Date
	End         article.Date
	Evidence    string `json:",omitempty"`
}

// Agreement is a signed or presented document: an MOU, a cooperation
// agreement, a contract.
type Agreement struct {
	Parties  []string
	Kind     string
	Date     article.Date
	Evidence string `json:",omitempty"`
}

// Kind is the way two institutions are shown cooperating.
type Kind string

// The kinds of partnership.
const (
	KindVisit     Kind = "visit"
	KindAgreement Kind = "agreement"
	KindProgramme Kind = "programme"
	KindEvent     Kind = "event"
)

// Rank orders the kinds of partnership by how much they show: a pair
// that signed an agreement is shown cooperating more than one that met.
func (k Kind) Rank() int {
	switch k {
	case KindProgramme:
		return 1
	case KindEvent:
		return 2
	case KindVisit:
		return 3
	case KindAgreement:
		return 4
	}
	return 0
}

// Partnership is an unordered pair of institutions shown cooperating.
type Partnership struct {
	A, B     string
	Kind     Kind
	Date     article.Date
	Evidence string `json:",omitempty"`
}
