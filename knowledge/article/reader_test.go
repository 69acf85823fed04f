package article

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReadArticle(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		title     string
		published string
		paras     int
		captions  []string
		credits   []Credit
	}{
		{
			// A headline, a numeric date line, prose and a caption.
			name:      "numeric date line",
			text:      "Tomsk Polytechnic University hosts guests\n\n05/06/2024\n\nOn 4 June, guests came. They stayed two days.\n\nGuests at the campus gate\n",
			title:     "Tomsk Polytechnic University hosts guests",
			published: "2024-06-05", paras: 1,
			captions: []string{"Guests at the campus gate"},
		},
		{
			// A weekday, a dash and a time, as Vietnamese sites write it.
			name:      "weekday date line",
			text:      "Hue University signs MOU\n\nThursday - 21/03/2024 08:45\nHue University signed an MOU with a partner. Both sides agreed to exchange staff.",
			title:     "Hue University signs MOU",
			published: "2024-03-21", paras: 1,
		},
		{
			// A weekday, the day, the month with a comma, and a time after a dash.
			name:      "weekday, day month, year - time",
			text:      "Lakeside signs MoU\n\nTuesday, 11 February, 2020 - 13:03\n\nLakeside Polytechnic signed an MoU with a partner. The two sides agreed to exchange students and staff from the next academic year.",
			title:     "Lakeside signs MoU",
			published: "2020-02-11", paras: 1,
		},
		{
			// Year first with full stops, as Hungarian sites write it.
			name:      "year.month.day.",
			text:      "Graduation at Northvale\n\n2024.07.01.\n\nMore than a thousand students graduated at Northvale University. The rector congratulated them on their work.",
			title:     "Graduation at Northvale",
			published: "2024-07-01", paras: 1,
		},
		{
			// A month alone: the date at month precision.
			name:      "month-only date line",
			text:      "Northvale news\n\nJuly 2022\n\nNorthvale University hosted a summer school for its partners. The two sides agreed to exchange students and staff from the next academic year.",
			title:     "Northvale news",
			published: "2022-07", paras: 1,
		},
		{
			// No headline: the article opens with its date line.
			name:      "date line first",
			text:      "17 January 2025\n\nOn 15 January 2025, Northvale University welcomed a delegation from Karsk Institute, led by its rector, at the main campus in Port Amsel. Both sides discussed exchanges of students and staff, joint research and a summer school.",
			title:     "On 15 January 2025, Northvale University welcomed a delegation from Karsk Institute, led by its…",
			published: "2025-01-17", paras: 1,
		},
		{
			// A city and the date open the lead.
			name:      "dateline in the lead",
			text:      "Northvale launches scholarships\n\nPORT AMSEL, 12 June 2024 – Northvale University today announced new scholarships for partner students.",
			title:     "Northvale launches scholarships",
			published: "2024-06-12", paras: 1,
		},
		{
			// A date line at the end of the page.
			name:      "posted on at the end",
			text:      "Northvale visits Karsk\n\nA Northvale delegation visited Karsk Institute last week. The two sides agreed on exchanges.\n\nPosted on 21/10/2024 | International Relations Office, Northvale University",
			title:     "Northvale visits Karsk",
			published: "2024-10-21", paras: 1, captions: []string{"Posted on 21/10/2024 | International Relations Office, Northvale University"},
		},
		{
			// No date line: the month of the latest event that happened; what
			// takes effect later does not count.
			name:      "latest event's month",
			text:      "Three universities sign an MoU\n\nNorthvale University and Karsk Institute signed an MoU on 19 March 2019. It takes effect on 1 July 2019. A first meeting was held on 2 February 2019.",
			title:     "Three universities sign an MoU",
			published: "2019-03", paras: 1,
		},
		{
			// Month-first English dates.
			name:      "month name date line",
			text:      "RMIT opens a campus\n\nApril 9, 2023\n\nRMIT University opened a new campus in Hanoi. It will host 3,000 students.",
			title:     "RMIT opens a campus",
			published: "2023-04-09", paras: 1,
		},
		{
			// Dashes and a time.
			name:      "dashed date line",
			text:      "Chulalongkorn welcomes students\n\n02-10-2022 14:05\n\nChulalongkorn University welcomed exchange students from Laos this week, and held an orientation day.",
			title:     "Chulalongkorn welcomes students",
			published: "2022-10-02", paras: 1,
		},
		{
			// No date line: the date comes from the body, at its precision.
			name:      "inferred month",
			text:      "A delegation visits Laos\n\nIn April 2024, a delegation from Can Tho University visited the National University of Laos. The two sides discussed cooperation.",
			title:     "A delegation visits Laos",
			published: "2024-04", paras: 1,
		},
		{
			// The first line is a paragraph, not a headline: the title is made from its first sentence.
			name:      "no headline",
			text:      "As part of a long-standing partnership that began more than a decade ago, in May 2021 a delegation from Kyoto University visited several institutes in Thailand and met their leaders. The visit opened new projects. Further meetings followed in the autumn and the winter of that year.\n\nThe delegation met researchers at the institutes",
			title:     "As part of a long-standing partnership that began more than a decade ago, in May 2021 a delegation…",
			published: "2021-05", paras: 1,
			captions: []string{"The delegation met researchers at the institutes"},
		},
		{
			// Boilerplate is stripped by rule; credits are kept apart.
			name:      "boilerplate and credits",
			text:      "Seminar on AI\n\n01/02/2025\nThe seminar gathered 40 lecturers from five countries. They shared their teaching methods.\n\nTotal notes of this article: 0 in 0 rating\nClick on stars to rate this article\nYou did not use the site, Click here to remain logged. Timeout: 60 second\nAuthor: Pham Thi Lan\nPhotos: John Smith\nP.HTQT\n",
			title:     "Seminar on AI",
			published: "2025-02-01", paras: 1,
			credits: []Credit{{Role: "Author", Name: "Pham Thi Lan"}, {Role: "Photographer", Name: "John Smith"}},
		},
		{
			// Windows line endings, a byte-order mark and non-breaking spaces.
			name:      "crlf and bom",
			text:      "\ufeffTitle here\r\n\r\n\u00a0\r\n01/01/2020\r\nBody text goes here. It is long enough to be prose.\r\n",
			title:     "Title here",
			published: "2020-01-01", paras: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read("x.txt", []byte(tt.text))
			if err != nil {
				t.Fatalf("ReadArticle() error = %v", err)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q; want %q", a.Title, tt.title)
			}
			if got := a.Published.String(); got != tt.published {
				t.Errorf("Published = %q; want %q", got, tt.published)
			}
			if len(a.Paragraphs) != tt.paras {
				t.Errorf("Paragraphs = %q; want %d", a.Paragraphs, tt.paras)
			}
			if tt.captions != nil && !slices.Equal(a.Captions, tt.captions) {
				t.Errorf("Captions = %q; want %q", a.Captions, tt.captions)
			}
			if !slices.Equal(a.Credits, tt.credits) {
				t.Errorf("Credits = %v; want %v", a.Credits, tt.credits)
			}
			for _, p := range a.Paragraphs {
				if strings.Contains(p, "Total notes") || strings.Contains(p, "remain logged") || strings.Contains(p, "HTQT") {
					t.Errorf("boilerplate left in paragraph %q", p)
				}
			}
		})
	}
}

func TestReadArticleRejectsBadFiles(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"blank", []byte(" \n\t\n"), "empty"},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "binary"},
		{"not utf-8", []byte("Caf\xe9 news\n\nLatin-1 text"), "not UTF-8"},
		{"too large", []byte(strings.Repeat("a", MaxArticleBytes+1)), "over the limit"},
		{"boilerplate only", []byte("Click on stars to rate this article\nTotal notes of this article: 0 in 0 rating\n"), "no text"},
	}
	for _, tt := range tests {
		_, err := Read("bad.txt", tt.data)
		var ae *ArticleError
		if !errors.As(err, &ae) || !strings.Contains(ae.Reason, tt.want) || ae.File != "bad.txt" {
			t.Errorf("%s: ReadArticle() error = %v; want an ArticleError saying %q", tt.name, err, tt.want)
		}
	}
}

// The seeds are real articles from university sites: their titles and dates.
func TestReadArticleSeeds(t *testing.T) {
	want := map[string]string{ // file: published
		"000_e43d07a9751ad88a.txt": "2025-07-11",
		"001_951c0db48eb362ee.txt": "2025-11-18",
		"002_fd3e255f9e75d746.txt": "2025-03",
		"003_7cd89bc635c89253.txt": "2025-12-03",
		"004_2b073ee1325f7225.txt": "2025-11-15",
	}
	for file, published := range want {
		data, err := os.ReadFile(filepath.Join("..", "..", "seeds", file))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Read(file, data)
		if err != nil {
			t.Fatalf("ReadArticle(%s) error = %v", file, err)
		}
		if a.Published.String() != published {
			t.Errorf("%s: Published = %s; want %s", file, a.Published, published)
		}
		if a.Title == "" || utf8.RuneCountInString(a.Title) > 200 {
			t.Errorf("%s: Title = %q", file, a.Title)
		}
		for _, p := range append(a.Paragraphs, a.Captions...) {
			if strings.Contains(p, "Total notes") || strings.Contains(p, "remain logged") || p == "P.HTQT" {
				t.Errorf("%s: boilerplate kept: %q", file, p)
			}
		}
	}
}

func FuzzReadArticle(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		f.Add(data)
	}
	f.Add([]byte("Title\n\n31/02/2025\nBody."))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 32<<10 {
			return // large inputs are the benchmarks' business; keep the fuzzer fast
		}
		a, err := Read("f.txt", data)
		if err != nil {
			var ae *ArticleError
			if !errors.As(err, &ae) {
				t.Fatalf("error %v is not an *ArticleError", err)
			}
			return
		}
		if a.Hash == "" || a.File != "f.txt" {
			t.Fatalf("article without identity: %+v", a)
		}
		for _, s := range append(append([]string{a.Title}, a.Paragraphs...), a.Captions...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if a.Published.Month > 12 || a.Published.Day > 31 {
			t.Fatalf("impossible date %v", a.Published)
		}
	})
}
