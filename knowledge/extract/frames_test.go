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
			name: "surnames sign for their bodies; 'and at Y' after a relative clause is one more stop; ', where' names the party",
			text: "A trip east\n\n09/10/2017\n\nA Northvale University delegation travelled to Estria in October 2017 and called on several universities there.\n\n" +
				"On the trip, Provost Tony Allen of Northvale University went to Karsk Normal University (KNU), where the new agreement was made.\n\n" +
				"Allen and KNU President Liu Chuning signed a memorandum of understanding that allows KNU students to study at Northvale University.\n\n" +
				"The delegation also stopped at Amsel Institute of Technology, where an agreement is to be finalised soon, and at Lumen Polytechnic, where talks went on.",
			check: func(t *testing.T, f Facts) {
				if len(agreementOf(f, "Northvale University", "Karsk Normal University")) != 1 {
					t.Errorf("Agreements = %+v; want one between Northvale and KNU", f.Agreements)
				}
				if len(agreementOf(f, "Northvale University", "Amsel Institute of Technology")) != 1 || len(agreementOf(f, "Northvale University", "Lumen Polytechnic")) != 0 {
					t.Errorf("Agreements = %+v; want a planned one with Amsel only", f.Agreements)
				}
				if len(visitOf(f, "Northvale University", "Lumen Polytechnic")) != 1 {
					t.Errorf("Visits = %+v; want a stop at Lumen Polytechnic", f.Visits)
				}
				if len(visitOf(f, "Karsk Normal University", "Northvale University")) != 0 {
					t.Errorf("Visits = %+v; studying at Northvale is no visit to it", f.Visits)
				}
			},
		},
		{
			name: "on a trip abroad, people of bodies there who meet the delegation receive it",
			text: "Leaders abroad\n\n02/04/2020\n\nA delegation of Northvale University, Norway, visited South Africa in March 2020 to learn about its universities and research.\n\n" +
				"On 9 March, Prof. Ivo Brandt, Rector of Karsk Institute of Technology in Johannesburg, gave the delegation an overview of research in the country.",
			check: func(t *testing.T, f Facts) {
				if len(visitOf(f, "Northvale University", "Karsk Institute of Technology")) != 1 {
					t.Errorf("Visits = %+v; want Northvale → Karsk Institute of Technology", f.Visits)
				}
			},
		},
		{
			name: "the dateline places a signing only until the text says where it was; an officer tied to no body is the article's own",
			text: "Bridges to Ecuador\n\n20/10/2025\n\nSALAMANCA (Europa Press) – The Universidad de Salamanca (USAL) is reaching out to Ecuador with a framework agreement signed with the Universidad Andina Simón Bolívar, whose purpose is to promote academic cooperation.\n\n" +
				"It was signed in Quito (Ecuador) by the Vice-Rector for Internationalisation, José Benítez, during his official visit to the Universidad Andina Simón Bolívar.\n\n" +
				"The vice-rector later went on to meet the heads of several faculties, and he was able to learn at first hand about the university.",
			check: func(t *testing.T, f Facts) {
				if len(f.Visits) != 1 || len(visitOf(f, "Universidad de Salamanca", "Universidad Andina Simón Bolívar")) != 1 {
					t.Errorf("Visits = %+v; want only USAL → Universidad Andina Simón Bolívar", f.Visits)
				}
			},
		},
		{
			name: "'the Chinese university' is the body of China the sentence named",
			text: "Welcome\n\n28/05/2025\n\nAt the invitation of Nanning Normal University (China), a Nha Trang University delegation headed by Prof. Dr. Pham Quoc Hung, Vice Rector, travelled to the Chinese university on May 26th, 2025, to put into action the MoU that the two institutions had signed in 2024.",
			check: func(t *testing.T, f Facts) {
				if len(visitOf(f, "Nha Trang University", "Nanning Normal University")) != 1 {
					t.Errorf("Visits = %+v; want Nha Trang University → Nanning Normal University", f.Visits)
				}
				if len(agreementOf(f, "Nha Trang University", "Nanning Normal University")) != 1 {
					t.Errorf("Agreements = %+v; want the MoU of 2024", f.Agreements)
				}
			},
		},
		{
			name: "'pleased to welcome the delegation of X': X visits; 'the representatives of A and B' is no one's delegation",
			text: "Guests from Korea\n\n05/08/2023\n\nOpening the meeting, Dr. Nguyen Duc Tiep, Rector of Ha Long University, said he was pleased to welcome the delegation of Sunchon National University (Korea) to the University.\n\n" +
				"During the meeting the representatives of Ha Long University and Sunchon National University exchanged views on a dual degree programme and on research.",
			check: func(t *testing.T, f Facts) {
				if len(f.Visits) != 1 || len(visitOf(f, "Sunchon National University", "Ha Long University")) != 1 {
					t.Errorf("Visits = %+v; want only Sunchon National University → Ha Long University", f.Visits)
				}
			},
		},
		{
			name: "a signing 'at Simpur Herbal Café, UBD' is on UBD's premises",
			text: "MoU signed\n\nSaturday, April 20, 2024\n\nUniversiti Brunei Darussalam (UBD) and the University of East Anglia (UEA) signed a memorandum of understanding (MoU) yesterday at Simpur Herbal Café, UBD.",
			check: func(t *testing.T, f Facts) {
				if len(f.Visits) != 1 || len(visitOf(f, "University of East Anglia", "Universiti Brunei Darussalam")) != 1 {
					t.Errorf("Visits = %+v; want only UEA → UBD", f.Visits)
				}
			},
		},
		{
			name: "MoUs 'signed by X with A, B and C', inked 'during his visit to Vietnam': one each, and a stop at each; 'X was another stop'",
			text: "NUS and Vietnam\n\n06 March 2024\n\nMemoranda of Understanding (MOU) have been signed by NUS with the Vietnam National University-Ho Chi Minh City (VNU-HCMC), Vin University (VinUni) and Hanoi University of Science and Technology (HUST), deepening its cooperation with Vietnam.\n\n" +
				"NUS Provost Professor Aaron Thean of the National University of Singapore (NUS) inked the agreements during his visit to Vietnam from 23 to 26 January 2024.\n\n" +
				"Representatives of the Việt Nam National University-HCM City and the National University of Singapore signed the MoU for co-operation in training on January 24.\n\n" +
				"BLOCK71 Saigon was another stop on the NUS delegation's programme, which visited it as well.",
			check: func(t *testing.T, f Facts) {
				for _, h := range []string{"Vietnam National University-Ho Chi Minh City", "Vin University", "Hanoi University of Science and Technology", "BLOCK71 Saigon"} {
					if len(visitOf(f, "National University of Singapore", h)) != 1 {
						t.Errorf("Visits = %+v; want NUS → %s", f.Visits, h)
					}
				}
				if len(f.Visits) != 4 {
					t.Errorf("Visits = %+v; want 4", f.Visits)
				}
				for _, p := range []string{"Vietnam National University-Ho Chi Minh City", "Vin University", "Hanoi University of Science and Technology"} {
					if len(agreementOf(f, "National University of Singapore", p)) == 0 {
						t.Errorf("Agreements = %+v; want one between NUS and %s", f.Agreements, p)
					}
				}
				if n := len(f.Institutions); n != 5 {
					t.Errorf("Institutions = %+v; want 5 ('Việt Nam National University-HCM City' is VNU-HCMC)", f.Institutions)
				}
			},
		},
		{
			name: "'HEIs that forged linkages with X include A, B and C': each works with X",
			text: "New linkages\n\n30/05/2025\n\nPhilippine HEIs that likewise forged new academic linkages with the University of Northern Philippines include Rizal Technological University, Centro Escolar University and Panpacific University, among others.",
			check: func(t *testing.T, f Facts) {
				for _, p := range []string{"Rizal Technological University", "Centro Escolar University", "Panpacific University"} {
					if !hasPair(f, "University of Northern Philippines", p) {
						t.Errorf("Partnerships = %+v; want UNP with %s", f.Partnerships, p)
					}
				}
				if hasPair(f, "Rizal Technological University", "Panpacific University") {
					t.Errorf("Partnerships = %+v; the listed ones are not partners of one another", f.Partnerships)
				}
			},
		},
		{
			name: "a funder 'awarded … by X' and the institutions 'taking part are A, B' work with the article's own",
			text: "A forum with South Africa\n\n28 August 2017\n\nUppsala University has been awarded SEK 5 million by the Swedish Foundation for International Cooperation in Research and Higher Education (STINT) to coordinate the forum.\n\n" +
				"The Swedish higher education institutions taking part are Uppsala University, the University of Gothenburg, Karlstad University and Lund University.",
			check: func(t *testing.T, f Facts) {
				for _, p := range []string{"Swedish Foundation for International Cooperation in Research and Higher Education", "University of Gothenburg", "Karlstad University", "Lund University"} {
					if !hasPair(f, "Uppsala University", p) {
						t.Errorf("Partnerships = %+v; want Uppsala University with %s", f.Partnerships, p)
					}
				}
			},
		},
		{
			name: "those who 'sat down with' each other 'to conclude an MoU' sign it, at the venue's body",
			text: "MoU concluded\n\nOctober 2, 2019\n\nAmman – On 12.09.2019, in the course of an international week held at Reykjavik University, the head of the International Office of the German Jordanian University, Mr. Jens Hegemann, sat down with Prof. Ari Kristinn Jónsson, president of Reykjavik University (RU), to conclude a Memorandum of Understanding (MoU).",
			check: func(t *testing.T, f Facts) {
				if len(agreementOf(f, "German Jordanian University", "Reykjavik University")) != 1 {
					t.Errorf("Agreements = %+v; want the MoU between GJU and RU", f.Agreements)
				}
				if len(visitOf(f, "German Jordanian University", "Reykjavik University")) != 1 {
					t.Errorf("Visits = %+v; want GJU → RU", f.Visits)
				}
			},
		},
		{
			name: "'X and six Tunisian universities initialled an agreement', listed later: all seven are parties",
			text: "Cooperation with Tunisia\n\n20/02/2012\n\nOn 17 February 2012, at the rectorate of the Université de Tunis El Manar, the Université Paris Panthéon-Sorbonne and six Tunisian universities initialled a new framework cooperation agreement.\n\n" +
				"A large French delegation had been on mission in Tunisia since 15 February, made up mainly of academics.\n\n" +
				"The visitors split into working groups hosted by the six partner universities in Tunisia: Université Tunis 9 avril, Université de Tunis El Manar, Université de La Manouba, Université de Carthage, Université de Sfax and Université de Sousse.",
			check: func(t *testing.T, f Facts) {
				if len(f.Agreements) != 1 || len(f.Agreements[0].Parties) != 7 {
					t.Errorf("Agreements = %+v; want one with seven parties", f.Agreements)
				}
				if !hasPair(f, "Université de Sfax", "Université de Carthage") {
					t.Errorf("Partnerships = %+v; want the Tunisian parties paired too", f.Partnerships)
				}
				if len(visitOf(f, "Université Paris Panthéon-Sorbonne", "Université Tunis 9 avril")) != 1 {
					t.Errorf("Visits = %+v; want a stop at Université Tunis 9 avril", f.Visits)
				}
			},
		},
		{
			name: "'Safaricom and Huawei signed … with the three local universities': firms the text names nowhere else sign, with the three listed next",
			text: "Tech MoU\n\nJune 6, 2011\n\nToday Safaricom and Huawei signed a memorandum of understanding with the three local universities under a programme for engineering graduates.\n\n" +
				"By signing the memorandum with the University of Nairobi, Moi University and Jomo Kenyatta University of Agriculture and Technology (JKUAT), the two firms want students to graduate with modern skills.",
			check: func(t *testing.T, f Facts) {
				if len(agreementOf(f, "Huawei", "Jomo Kenyatta University of Agriculture and Technology", "Moi University", "Safaricom", "University of Nairobi")) == 0 {
					t.Errorf("Agreements = %+v; want one of the five", f.Agreements)
				}
				if !hasPair(f, "Safaricom", "Moi University") {
					t.Errorf("Partnerships = %+v; want Safaricom with Moi University", f.Partnerships)
				}
			},
		},
		{
			name: "'ZJU and TU Delft signed': acronyms bound later are no new parties",
			text: "Europe tour\n\n10/05/2024\n\nA delegation of Zhejiang University (ZJU) visited Delft University of Technology (TU Delft). After a tour of the Hydraulic Engineering Laboratory, ZJU and TU Delft signed a memorandum of understanding.",
			check: func(t *testing.T, f Facts) {
				if len(f.Agreements) != 1 || len(f.Agreements[0].Parties) != 2 {
					t.Errorf("Agreements = %+v; want one between ZJU and TU Delft", f.Agreements)
				}
			},
		},
		{
			name: "'USAL' spells the Universidad de Salamanca, not the UANL; 'the UANL, whose delegation' visits",
			text: "Twinning\n\n10/04/2019\n\nUSAL hosted the opening of the days of the Universidad Autónoma de Nuevo León in Salamanca.\n\n" +
				"These days a bridge links Salamanca and Mexico thanks to the twinning of the Universidad de Salamanca and the Universidad Autónoma de Nuevo León, whose delegation, headed by its rector, is spending this week in Salamanca.",
			check: func(t *testing.T, f Facts) {
				for _, in := range f.Institutions {
					if in.Name == "USAL" {
						t.Errorf("Institutions = %+v; USAL is the Universidad de Salamanca", f.Institutions)
					}
				}
				if len(visitOf(f, "Universidad Autónoma de Nuevo León", "Universidad de Salamanca")) != 1 || len(visitOf(f, "Universidad de Salamanca", "")) != 0 {
					t.Errorf("Visits = %+v; want UANL → Universidad de Salamanca", f.Visits)
				}
			},
		},
		{
			name: "'Rector of Tenri University in Japan' says where Tenri is, not where it signed",
			text: "Agreement\n\n09/06/2014\n\nCALI - Iván Enrique Ramos Calderón, Rector of the Universidad del Valle, and Masahiko Iburi, Rector of Tenri University in Japan, put their signatures to an academic cooperation agreement at a ceremony held today.",
			check: func(t *testing.T, f Facts) {
				if len(visitOf(f, "Universidad del Valle", "Tenri University")) != 0 {
					t.Errorf("Visits = %+v; Univalle went nowhere", f.Visits)
				}
				for _, in := range f.Institutions {
					if in.Name == "Universidad del Valle" && in.Country != "Colombia" {
						t.Errorf("Universidad del Valle is in %q; want Colombia (the gazetteer's, over a place in the name)", in.Country)
					}
				}
			},
		},
		{
			name: "'was visited by': the body after 'by' is the visitor",
			text: "Guests\n\n03/03/2024\n\nNorthvale University in Estria was visited by Karsk Institute of Technology on 2 March 2024.",
			check: func(t *testing.T, f Facts) {
				if len(f.Visits) != 1 || len(visitOf(f, "Karsk Institute of Technology", "Northvale University")) != 1 {
					t.Errorf("Visits = %+v; want only Karsk Institute of Technology → Northvale University", f.Visits)
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

func TestPastYear(t *testing.T) {
	published := article.Date{Year: 2020, Month: 1, Day: 27}
	tests := []struct {
		sentence string
		want     string
	}{
		{"The delegation travelled to Taiwan from 25 to 27 December.", "2019-12-25..2019-12-27"},
		{"The rector signed the agreement on 20 January.", "2020-01-20..2020-01-20"},
		{"The next meeting is planned for 10 May.", "2020-05-10..2020-05-10"},
		{"The delegation came on 3 December 2020.", "2020-12-03..2020-12-03"}, // the text gives the year
	}
	for _, tt := range tests {
		ds := pastYear(article.FindDates(tt.sentence, published.Year), published)
		if len(ds) != 1 || ds[0].Start.String()+".."+ds[0].End.String() != tt.want {
			t.Errorf("pastYear(%q) = %+v; want %s", tt.sentence, ds, tt.want)
		}
	}
	undated := article.FindDates("from 25 to 27 December", 2020)
	if got := pastYear(undated, article.Date{Year: 2020}); got[0].Start.Year != 2020 {
		t.Errorf("pastYear with a year-only date line moved the year: %+v", got)
	}
}
