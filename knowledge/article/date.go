package article

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date known to a precision of a year, a month or a day.
// A zero Month means only the year is known; a zero Day means only the year
// and month are known. The zero Date is unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether d is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String returns d in ISO form at its precision: "2025-11-13", "2025-11",
// "2025", or "" when unknown.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Human returns d as a reader writes it: "13 November 2025", "November 2025",
// "2025", or "undated".
func (d Date) Human() string {
	switch {
	case d.Year == 0:
		return "undated"
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", d.Month, d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// Start returns the first instant d covers, in UTC; the zero time when d is unknown.
func (d Date) Start() time.Time {
	if d.Year == 0 {
		return time.Time{}
	}
	m, day := d.Month, d.Day
	if m == 0 {
		m = time.January
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, m, day, 0, 0, 0, 0, time.UTC)
}

// End returns the last instant d covers, in UTC; the zero time when d is unknown.
func (d Date) End() time.Time {
	switch {
	case d.Year == 0:
		return time.Time{}
	case d.Month == 0:
		return d.Start().AddDate(1, 0, 0).Add(-time.Nanosecond)
	case d.Day == 0:
		return d.Start().AddDate(0, 1, 0).Add(-time.Nanosecond)
	}
	return d.Start().AddDate(0, 0, 1).Add(-time.Nanosecond)
}

// Compare orders dates by their start, then the more precise first; unknown
// dates sort before every known one.
func (d Date) Compare(o Date) int {
	if c := d.Start().Compare(o.Start()); c != 0 {
		return c
	}
	return o.precision() - d.precision()
}

// Overlaps reports whether d and o share any instant. Unknown dates overlap nothing.
func (d Date) Overlaps(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	return !d.End().Before(o.Start()) && !o.End().Before(d.Start())
}

func (d Date) precision() int {
	switch {
	case d.Year == 0:
		return 0
	case d.Month == 0:
		return 1
	case d.Day == 0:
		return 2
	}
	return 3
}

// ParseDate parses the ISO forms users type: "2025", "2025-11" and "2025-11-14".
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q is not of the form 2025, 2025-11 or 2025-11-14", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("date %q is not of the form 2025, 2025-11 or 2025-11-14", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: time.Month(n[1]), Day: n[2]}
	if len(parts) >= 2 && (n[1] < 1 || n[1] > 12) {
		return Date{}, fmt.Errorf("date %q has no month %d", s, n[1])
	}
	if len(parts) == 3 && !validDay(d.Year, d.Month, d.Day) {
		return Date{}, fmt.Errorf("date %q has no day %d", s, n[2])
	}
	if d.Year < 1900 || d.Year > 2200 {
		return Date{}, fmt.Errorf("date %q is out of range", s)
	}
	return d, nil
}

// validDay reports whether day exists in the month.
func validDay(y int, m time.Month, day int) bool {
	if day < 1 || day > 31 || m < 1 || m > 12 {
		return false
	}
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Day() == day
}
