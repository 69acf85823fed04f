package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/coopbot/coopbot/knowledge/article"
)

// visitOf returns the visits by visitor to host, or with no host when host is "".
func visitOf(f Facts, visitor, host string) []Visit {
	var out []Visit
	for _, v := range f.Visits {
		if v.Visitor == visitor && (host == "" && len(v.Hosts) == 0 || slices.Contains(v.Hosts, host)) {
			out = append(out, v)
		}
	}
	return out
}

// agreementOf returns the agreements whose parties are exactly parties.
func agreementOf(f Facts, parties ...string) []Agreement {
	slices.Sort(parties)
	var out []Agreement
	for _, a := range f.Agreements {
		if slices.Equal(a.Parties, parties) {
			out = append(out, a)
		}
	}
	return out
}

// TestEventFrames checks the slots of each kind of frame on short invented
// articles: who visited whom, who signed with whom, who works with whom.
func TestEventFrames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(t *testing.T, f Facts)
	}{
		{
			name: "an incoming delegation: the subject receives, the delegation visits",
			text: "Guests from the north\n\n04/03/2025\n\nNorthvale University received a delegation from Karsk Institute of Technology (KIT), Estria, led by Prof. Ivo Brandt, Rector of KIT, on 3 March 2025.",
			check: func(t *testing.T, f Facts) {
				vs := visitOf(f, "Karsk Institute of Technology", "Northvale University")
				if len(vs) != 1 || vs[0].Leader != "Ivo Brandt" || vs[0].Start.String() != "2025-03-03" {
					t.Errorf("Visits = %+v; want KIT → Northvale on 2025-03-03 led by Ivo Brandt", f.Visits)
				}
			},
		},
		{
			name: "a passive welcome: the delegation visits the body after 'by'",
			text: "A visit\n\n12/05/2024\n\nThe delegation of Lumen Polytechnic was warmly welcomed by the Vice Rector of Amsel University, Dr. Jana Morell, on 10 May 2024. The two sides discussed joint research.",
			check: func(t *testing.T, f Facts) {
				if len(visitOf(f, "Lumen Polytechnic", "Amsel University")) != 1 {
					t.Errorf("Visits = %+v; want Lumen Polytechnic → Amsel University", f.Visits)
				}
			},
		},
		{
			name: "one memorandum between three parties is one agreement",
			text: "Three sign\n\n09/04/2019\n\nNorthvale University signed a memorandum of understanding on April 8 with two partners: Amsel University and Karsk Institute of Technology.",
			check: func(t *testing.T, f Facts) {
				if len(agreementOf(f, "Northvale University", "Amsel University", "Karsk Institute of Technology")) != 1 {
					t.Errorf("Agreements = %+v; want one with all three", f.Agreements)
				}
			},
		},
		{
			name: "memoranda with several partners are one each",
			text: "Partners sign\n\n09/04/2019\n\nNorthvale University signed MoUs with Amsel University and Karsk Institute of Technology on 8 April 2019.",
			check: func(t *testing.T, f Facts) {
				if len(agreementOf(f, "Northvale University", "Amsel University")) != 1 || len(agreementOf(f, "Northvale University", "Karsk Institute of Technology")) != 1 {
					t.Errorf("Agreements = %+v; want one with each partner", f.Agreements)
				}
			},
		},
		{
			name: "a list of signatories after a colon",
			text: "Many MoUs\n\n22/05/2025\n\nNorthvale University came back with new memoranda of understanding. Institutions from abroad that signed MOUs with Northvale University:\n- Amsel University (Estria)\n- Karsk Institute of Technology (Novaland)",
			check: func(t *testing.T, f Facts) {
				if len(agreementOf(f, "Northvale University", "Amsel University")) != 1 || len(agreementOf(f, "Northvale University", "Karsk Institute of Technology")) != 1 {
					t.Errorf("Agreements = %+v; want one with each listed institution", f.Agreements)
				}
			},
		},
		{
			name: "a signing on a partner's campus abroad is a visit by the other party",
			text: "MoU at Amsel\n\n27-01-2025\n\nNorthvale University in Vienna, Austria, and Amsel University in Lagos, Nigeria, signed a Memorandum of Understanding at Amsel University's main campus in Lagos.",
			check: func(t *testing.T, f Facts) {
				if len(visitOf(f, "Northvale University", "Amsel University")) != 1 {
					t.Errorf("Visits = %+v; want Northvale → Amsel", f.Visits)
				}
			},
		},
		{
			name: "partners listed after 'such as', and a funder after 'supported by'",
			text: "Exchange\n\n03/06/2024\n\nNorthvale University students study at partner universities such as Amsel University and Karsk Institute of Technology. The programme is supported by the Lumen Foundation.",
			check: func(t *testing.T, f Facts) {
				for _, p := range []string{"Amsel University", "Karsk Institute of Technology", "Lumen Foundation"} {
					if !hasPair(f, "Northvale University", p) {
						t.Errorf("Partnerships = %+v; want Northvale University – %s", f.Partnerships, p)
					}
				}
				if hasPair(f, "Amsel University", "Karsk Institute of Technology") {
					t.Errorf("Partnerships = %+v; listed partners are not partners of each other", f.Partnerships)
				}
			},
		},
		{
			name: "a meeting at the visitor's own embassy has no host",
			text: "Mission\n\n14/03/2024\n\nA delegation of Northvale University led by Rector Ivo Brandt travelled to Novaland. In Port Amsel, the delegation met the ambassador at the Embassy of Estria in Novaland.\n\nNorthvale University is in Estria.",
			check: func(t *testing.T, f Facts) {
				for _, v := range f.Visits {
					if slices.Contains(v.Hosts, "Embassy of Estria in Novaland") {
						t.Errorf("Visits = %+v; the visitor's own embassy hosts no visit", f.Visits)
					}
				}
			},
		},
		{
			name: "a planned signing is a planned agreement",
			text: "Talks\n\n18-03-2025\n\nAmsel University received a delegation from Karsk Institute of Technology. The two sides agreed to sign a memorandum of understanding in the second half of 2025.",
			check: func(t *testing.T, f Facts) {
				as := agreementOf(f, "Amsel University", "Karsk Institute of Technology")
				if len(as) != 1 || !strings.Contains(as[0].Kind, "(planned)") {
					t.Errorf("Agreements = %+v; want one planned", f.Agreements)
				}
			},
		},
		{
			name: "co-organisers pair with each other",
			text: "Seminar\n\n15/11/2025\n\nOn November 14, Amsel University, Karsk Institute of Technology and the Lumen Foundation jointly organized a seminar on water.",
			check: func(t *testing.T, f Facts) {
				if !hasPair(f, "Amsel University", "Karsk Institute of Technology") || !hasPair(f, "Karsk Institute of Technology", "Lumen Foundation") {
					t.Errorf("Partnerships = %+v; want every pair of co-organisers", f.Partnerships)
				}
			},
		},
		{
			name: "students visiting a firm is no delegation's visit",
			text: "Summer camp\n\n11/07/2025\n\nA delegation of Northvale University took part in a summer camp hosted by Amsel University in Port Amsel. Students also visited enterprises such as Lumen Foods Group.",
			check: func(t *testing.T, f Facts) {
				if len(visitOf(f, "Northvale University", "Lumen Foods Group")) != 0 {
					t.Errorf("Visits = %+v; students' field trip is no visit", f.Visits)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, extractText(t, tt.text))
		})
	}
}

func TestRelativeDates(t *testing.T) {
	published := article.Date{Year: 2023, Month: 12, Day: 6} // a Wednesday
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The MoU was signed today at the campus.", []string{"2023-12-06"}},
		{"The delegation arrived yesterday.", []string{"2023-12-05"}},
		{"The two universities on Monday signed a memorandum.", []string{"2023-12-04"}},
		{"The rector visited the institute on Wednesday morning.", []string{"2023-12-06"}},
		{"On Tuesday, 5 December 2023 the rector arrived.", nil}, // written out: FindDates reads it
		{"The todays programme was long.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range relativeDates(tt.sentence, strings.ToLower(tt.sentence), published) {
			got = append(got, d.Start.String())
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("relativeDates(%q) = %v; want %v", tt.sentence, got, tt.want)
		}
	}
	if got := relativeDates("signed today", "signed today", article.Date{Year: 2023, Month: 12}); got != nil {
		t.Errorf("relativeDates with a month-only date line = %v; want none", got)
	}
}
