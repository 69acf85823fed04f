package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date expressions, day first as the articles write them.
const (
	monthNames = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	weekdays = `(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s*[-–—,]?\s*)?`
	clock    = `(?:[,\s]*(?:at\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?|GMT[+-]?\d*|UTC[+-]?\d*)?)?`
	label    = `(?:(?:posted|published|updated|date|ngày)\s*(?:on|:)?\s*)?`
)

var (
	dateLineNumeric = regexp.MustCompile(`(?i)^` + label + weekdays + `(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` + clock + `$`)
	dateLineISO     = regexp.MustCompile(`(?i)^` + label + weekdays + `(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2})?\S*)?$`)
	dateLineMDY     = regexp.MustCompile(`(?i)^` + label + weekdays + monthNames + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + clock + `$`)
	dateLineDMY     = regexp.MustCompile(`(?i)^` + label + weekdays + `(\d{1,2})(?:st|nd|rd|th)?\s+` + monthNames + `,?\s+(\d{4})` + clock + `$`)
)

// parseDateLine reads a line that holds only a date, in any of the forms
// news sites use: "18/11/2025", "Wednesday - 03/12/2025 16:19",
// "November 18, 2025", "18-11-2025 09:30", "2025-11-18".
func parseDateLine(line string) (Date, bool) {
	line = strings.TrimSpace(strings.Trim(line, "()[]|"))
	if m := dateLineNumeric.FindStringSubmatch(line); m != nil {
		return makeDate(m[3], m[2], m[1])
	}
	if m := dateLineISO.FindStringSubmatch(line); m != nil {
		return makeDate(m[1], m[2], m[3])
	}
	if m := dateLineMDY.FindStringSubmatch(line); m != nil {
		return makeDate(m[3], monthNumber(m[1]), m[2])
	}
	if m := dateLineDMY.FindStringSubmatch(line); m != nil {
		return makeDate(m[3], monthNumber(m[2]), m[1])
	}
	return Date{}, false
}

// makeDate builds a day-precision date from its parts, checking that it exists.
func makeDate(year, month, day string) (Date, bool) {
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	if y < 1900 || y > 2200 || !validDay(y, time.Month(m), d) {
		return Date{}, false
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, true
}

// monthNumber returns the month of an English month name or its abbreviation, as digits.
func monthNumber(name string) string {
	key := strings.ToLower(strings.TrimSuffix(name, "."))
	if len(key) > 3 {
		key = key[:3]
	}
	for m := time.January; m <= time.December; m++ {
		if strings.ToLower(m.String()[:3]) == key {
			return strconv.Itoa(int(m))
		}
	}
	return "0"
}

// inferDate finds an article's date in its body when it has no date line:
// the first date the text gives with a year, at that date's precision.
func inferDate(paragraphs []string) Date {
	for _, p := range paragraphs {
		for _, m := range FindDates(p, 0) {
			if m.ExplicitYear {
				return m.Start
			}
		}
	}
	return Date{}
}
