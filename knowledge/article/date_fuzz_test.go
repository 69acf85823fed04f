package article

import (
	"strings"
	"testing"
	"time"
)

// valid reports whether d is a date that exists, at its precision.
func valid(d Date) bool {
	switch {
	case d.IsZero():
		return d.Month == 0 && d.Day == 0
	case d.Month == 0:
		return d.Day == 0
	case d.Month < 1 || d.Month > 12:
		return false
	case d.Day == 0:
		return true
	}
	return validDay(d.Year, d.Month, d.Day)
}

// FuzzParseDate parses what a user types in /visits from: and to:: a date
// it accepts exists, is within its range, and prints back as itself; an
// error quotes what was typed.
func FuzzParseDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "date ") {
				t.Fatalf("ParseDate(%q) = %v; want an error about the date", s, err)
			}
			return
		}
		if !valid(d) || d.Year < 1900 || d.Year > 2200 {
			t.Fatalf("ParseDate(%q) = %+v, which does not exist", s, d)
		}
		if again, err := ParseDate(d.String()); err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, but ParseDate(%q) = %v, %v", s, d, d.String(), again, err)
		}
		if d.End().Before(d.Start()) {
			t.Fatalf("ParseDate(%q) = %v ends before it starts", s, d)
		}
	})
}

// FuzzFindDates finds the dates in any text: each exists, lies where the
// text says within it, and starts no later than it ends; a date line it
// reads exists too.
func FuzzFindDates(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, refYear int) {
		if len(s) > 4<<10 {
			return
		}
		refYear = 1900 + abs(refYear)%300
		prev := -1
		for _, m := range FindDates(s, refYear) {
			if !valid(m.Start) || !valid(m.End) || m.Start.IsZero() {
				t.Fatalf("FindDates(%q) = %+v: a date that does not exist", s, m)
			}
			if m.Pos < 0 || m.EndPos > len(s) || m.Pos >= m.EndPos {
				t.Fatalf("FindDates(%q) = %+v: outside the text", s, m)
			}
			if m.End.End().Before(m.Start.Start()) {
				t.Fatalf("FindDates(%q) = %+v: ends before it starts", s, m)
			}
			if m.Pos < prev {
				t.Fatalf("FindDates(%q): %+v out of order", s, m)
			}
			prev = m.Pos
		}
		if d, ok := parseDateLine(s); ok && (!valid(d) || d.IsZero() || d.Start().After(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))) {
			t.Fatalf("parseDateLine(%q) = %+v, which does not exist", s, d)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // the smallest int
			return 0
		}
		return -n
	}
	return n
}
