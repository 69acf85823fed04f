package synthetic

import (
	"fmt"
	"time"
)

// day picks a day from 2019 to 2026.
func (g *gen) day() time.Time {
	start := time.Date(2019, time.January, 1, 0, 0, 0, 0, time.UTC)
	return start.AddDate(0, 0, g.r.IntN(8*365))
}

// dateLine writes the article's date line in one of the site's forms, or
// none at all, for an article published at t.
func (g *gen) dateLine(t time.Time) {
	t = t.Add(time.Duration(7+g.r.IntN(12))*time.Hour + time.Duration(g.r.IntN(60))*time.Minute)
	switch g.r.IntN(6) {
	case 0, 1:
		g.line(t.Format("02/01/2006"))
		g.line("")
	case 2:
		g.line(t.Format("Monday - 02/01/2006 15:04"))
	case 3:
		g.line(t.Format("January 2, 2006"))
		g.line("")
	case 4:
		g.line(t.Format("02-01-2006 15:04"))
		g.line("")
	}
}

// on writes a day as prose does: "12 November 2025" or "November 12, 2025".
func (g *gen) on(t time.Time) string {
	if g.chance(0.6) {
		return t.Format("2 January 2006")
	}
	return t.Format("January 2, 2006")
}

// span writes a range of days: "from 10 to 16 November 2025", "from
// 28 October to 2 November 2025", or "from November 10-16, 2025".
func (g *gen) span(from, to time.Time) string {
	switch {
	case from.Month() != to.Month():
		return fmt.Sprintf("from %d %s to %s", from.Day(), from.Month(), to.Format("2 January 2006"))
	case g.chance(0.5):
		return fmt.Sprintf("from %d to %s", from.Day(), to.Format("2 January 2006"))
	}
	return fmt.Sprintf("from %s %d-%d, %d", from.Month(), from.Day(), to.Day(), to.Year())
}

// dayOf writes a day of the current year briefly: "On 11 November".
func dayOf(t time.Time) string { return t.Format("2 January") }
