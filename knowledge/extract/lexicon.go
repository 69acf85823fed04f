package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// The word lists that extraction's rules use. They are general English
// (and a little Vietnamese) about institutions, titles and cooperation; none
// of them names a particular institution, person or place.

// institutionHeads are the nouns that make a capitalised span an institution.
var institutionHeads = text.Set(
	"University", "Universities", "College", "Colleges", "Institute", "Institutes", "Institution",
	"Academy", "Commission", "Agency", "Society", "Association", "Ministry", "Group", "Company",
	"Corporation", "Corp", "Foundation", "School", "Polytechnic", "Organization", "Organisation",
	"Federation", "Club", "Union", "Bureau", "Authority", "Consortium", "Network", "Fund",
	"Embassy", "Consulate", "Government", "Hospital", "Bank", "Inc", "Ltd", "LLC", "GmbH", "JSC",
	"Holdings", "Industries", "Conservatory", "Council", "Center", "Centre", "Laboratory",
	"Alliance", "Administration", "Observatory", "Survey", "Universiti", "Universitas",
	"Universität", "Universidad", "Université", "Università", "Universidade", "Institut", "Hochschule",
	"Politecnico", "Polytechnique", "Cooperative", "Universitat", "Universiteit", "Uniwersytet",
	"Politechnika", "Tecnológico", "Tecnologico", "Üniversitesi", "Universitet", "Service",
	"Department", "Faculty", "Office", "Division", "Section", "Board", "Committee", "Unit",
	// Heads of other languages.
	"Hogeschool", "Högskola", "Høgskole", "Høgskolen", "Hochschule", "École", "Ecole", "Escuela", "Escola", "Scuola",
	"Instituto", "Istituto", "Institutul", "Univerzita", "Univerza", "Sveučilište", "Univerzitet", "Universitatea",
	"Yliopisto", "Egyetem", "Politécnica", "Politécnico", "Politehnica", "Akademia", "Akademie", "Academia",
	"Accademia", "Kolegium", "Colegio", "Faculdade", "Technion", "Université", "Universitas", "Uniwersytet",
	"Universidade", "Università", "Corporación", "Fundación", "Fundação", "Fondazione", "Stiftung", "Fondation",
	"Ministerio", "Ministère", "Ministério", "Ministero", "Ministerium", "Embajada", "Ambassade", "Botschaft",
	"Facultad", "Faculté", "Fakultät", "Facoltà", "Departamento", "Département", "Dipartimento",
)

// subunitHeads name a part of an institution rather than an institution:
// "the Department of International Cooperation, Ministry of …".
var subunitHeads = text.Set("Department", "Faculty", "Office", "Division", "Section", "Board", "Committee", "Unit",
	"Facultad", "Faculté", "Fakultät", "Facoltà", "Faculdade", "Departamento", "Département", "Dipartimento")

// contextSubunitHeads name a part of an institution when the text ties them
// to one ("the University Council of …", "the university's Centre for …")
// and an institution of their own otherwise ("the British Council").
var contextSubunitHeads = text.Set("Council", "Center", "Centre", "School", "Laboratory", "College", "Institute", "Hospital",
	"Escuela", "Escola", "École", "Ecole", "Scuola", "Instituto", "Institut", "Istituto", "Centro")

// fieldWords are the words of a discipline or kind that "and" joins inside
// one name: "Vocational and Technical College", "Science and Technology".
var fieldWords = text.Set("Vocational", "Technical", "Technological", "Science", "Sciences", "Technology",
	"Engineering", "Economics", "Economic", "Trade", "Arts", "Art", "Agriculture", "Agricultural",
	"Forestry", "Medicine", "Medical", "Pharmacy", "Pharmaceutical", "Management", "Business", "Law",
	"Education", "Educational", "Research", "Development", "Training", "Social", "Humanities", "Natural",
	"Applied", "Industrial", "Industry", "Commercial", "Environmental", "Environment", "Mining", "Geology",
	"Finance", "Financial", "Languages", "Culture", "Cultural", "Sports", "Physical", "Health", "Maritime",
	"Marine", "Fisheries", "Information", "Communication", "Communications", "Design", "Planning",
	"Transport", "Energy", "Construction", "Architecture", "Music", "Fine", "Political", "Public",
	"Administration", "Tourism", "Hospitality", "Food", "Nutrition", "Veterinary", "Life", "Earth",
	"Mathematics", "Physics", "Chemistry", "Biology", "Banking", "Accounting", "Insurance", "Labour",
	"Labor", "Welfare", "Security", "Defence", "Defense", "Innovation", "Policy", "Studies", "Automation",
	"Oil", "Gas", "Petroleum", "Steel", "Chemical", "Textile", "Water", "Power", "Railway", "Aviation",
	"Electrical", "Electronic", "Mechanical", "Civil", "Computer", "Software", "Data", "Digital")

// genericWords name no one body: a span of them and a head noun ("Central
// Laboratory", "International Cooperation Centre", "University Sports
// Complex") is a part or a place of an institution, not an institution.
var genericWords = text.Set("Central", "Main", "General", "International", "Cooperation", "Relations",
	"Affairs", "Student", "Students", "Youth", "Culture", "Cultural", "Congress", "Sports", "Complex",
	"Management", "Press", "Community", "Service", "Services", "Alumni", "Academic", "Exchange",
	"Campus", "Hall", "Hospital", "Hospitals", "Library", "Clinic", "Office", "Unit", "New", "Old",
	"High-tech", "Experimental", "Graduate", "Postgraduate", "Undergraduate", "Staff", "Quality",
	"Assurance", "Partnership", "Partnerships", "Engagement", "Global", "Regional", "Public", "External")

// pluralHeads are heads that a list shares: "Kyushu, Hokkaido and Fukui Universities".
var pluralHeads = map[string]string{
	"Universities": "University", "Colleges": "College", "Institutes": "Institute",
}

// nameConnectors may join the words of an institution's name.
var nameConnectors = text.Set("of", "for", "and", "&", "on", "de", "du", "des", "la", "le", "di", "del", "der", "für", "und", "et", "y", "e", "da", "do", "dos", "das", "voor")

// leftStops are capitalised words that start sentences or clauses but never
// start an institution's name.
var leftStops = text.Set(
	"The", "A", "An", "At", "In", "On", "From", "To", "With", "By", "For", "Of", "And", "Or", "But",
	"During", "After", "Before", "Meanwhile", "Additionally", "Notably", "Also", "Both", "Each",
	"Every", "This", "That", "These", "Those", "Its", "Their", "Our", "His", "Her", "My", "Your",
	"Later", "Then", "Furthermore", "Moreover", "However", "Besides", "Beyond", "Through",
	"Within", "Under", "Between", "Among", "As", "Since", "While", "When", "Following", "Via",
	"Representatives", "Representative", "Students", "Delegates", "Delegation", "Leaders",
	"Speaking", "Opening", "Closing", "Welcoming", "Visiting", "Promoting", "Today", "Yesterday",
	"Last", "Next", "Recently", "Currently", "Previously", "Thanks", "According", "Including",
	"Such", "Many", "Several", "Some", "All", "Other", "Over", "About", "Dear", "Mr", "Ms", "Mrs",
	"Dr", "Prof", "Assoc", "Professor", "Associate", "Madam", "Sir", "Hon", "Rev", "Both",
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday", "Here", "There", "Where", "What", "Who", "Which", "Why", "How", "It",
	"We", "They", "He", "She", "I", "You", "Partner", "Partners", "Participants", "Photo",
)

// honorifics are the words before a person's name that are not part of it.
var honorifics = text.Set(
	"Prof", "Professor", "Assoc", "Associate", "Asst", "Assistant", "Dr", "Mr", "Ms", "Mrs", "Miss",
	"Madam", "Sir", "PhD", "Ph.D", "MSc", "M.Sc", "MA", "Eng", "Engr", "H.E", "HE", "Hon", "Rev",
	"Lt", "Col", "Gen", "Mx", "Doctor",
)

// titleWords start a person's position: "Vice Rector", "Head of the Department of …".
var titleWords = text.Set(
	"President", "Vice", "Deputy", "Rector", "Principal", "Director", "Director-General",
	"Dean", "Chairman", "Chairwoman", "Chair", "Chairperson", "Chancellor", "Provost", "Head",
	"Minister", "Vice-Minister", "Ambassador", "Consul", "Consul-General", "Secretary",
	"Secretary-General", "CEO", "Chief", "Manager", "General", "Executive", "Coordinator",
	"Lecturer", "Researcher", "Senior", "Governor", "Mayor", "Counsellor", "Counselor",
	"Attaché", "Officer", "Founder", "Co-founder", "Member", "Advisor", "Adviser", "Leader",
	"Vice-President", "Vice-Rector", "Pro-Vice-Chancellor", "Party", "Permanent", "Standing",
	"Acting", "Former", "Honorary", "Emeritus", "Representative", "Editor", "Expert", "Specialist", "Magnificus",
)

// leadTitles are the positions that can stand before a name without an
// honorific: "President Liu Bo", "Rector Jane Roe".
var leadTitles = text.Set(
	"President", "Rector", "Principal", "Director", "Dean", "Chairman", "Chancellor", "Provost",
	"Minister", "Ambassador", "Secretary", "Governor", "Mayor", "Professor", "Consul", "CEO",
)

// Words of heads and titles the span rules treat apart.

// classNouns name a class of bodies, not one: after an adjective they make
// a common noun phrase ("European universities"), not a name. They are
// given as Stem leaves them.
var classNouns = text.Set("university", "college", "school", "institute", "academy", "polytechnic",
	"company", "enterprise", "firm", "corporation", "business", "employer",
	"institution", "organisation", "organization", "partner", "body", "agency", "host")

// isYear reports whether w is a year of the 20th or 21st century: "2024".
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) &&
		strings.Trim(w, "0123456789") == ""
}
