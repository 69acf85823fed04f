package article

import "testing"

func TestFindDates(t *testing.T) {
	tests := []struct {
		text       string
		start, end string
	}{
		{"From 10 to 16 November 2025, a delegation", "2025-11-10", "2025-11-16"},
		{"from November 2-3, 2025, the delegation", "2025-11-02", "2025-11-03"},
		{"On 11 November, the delegation", "2024-11-11", "2024-11-11"}, // the year of the article
		{"On November 14, the Association", "2024-11-14", "2024-11-14"},
		{"In March 2025, a delegation", "2025-03", "2025-03"},
		{"first held in 2002", "2002", "2002"},
		{"signed on 14/11/2025", "2025-11-14", "2025-11-14"},
		{"The first visit was held on Monday (20/5)", "2024-05-20", "2024-05-20"},
		{"on 30 October to 2 November 2025", "2025-10-30", "2025-11-02"},
		{"On 31 February 2025", "2025-02", "2025-02"}, // no such day: the month stands
	}
	for _, tt := range tests {
		ms := FindDates(tt.text, 2024)
		start, end := "", ""
		if len(ms) > 0 {
			start, end = ms[0].Start.String(), ms[0].End.String()
		}
		if start != tt.start || end != tt.end {
			t.Errorf("findDates(%q) = %s..%s; want %s..%s", tt.text, start, end, tt.start, tt.end)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2025", "2025-11", "2025-11-14"} {
		d, err := ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", s, d, err, s)
		}
	}
	for _, s := range []string{"", "25", "2025-13", "2025-02-30", "14/11/2025", "2025-1-1"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) succeeded; want an error", s)
		}
	}
}
