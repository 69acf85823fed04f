package article

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Date expressions, day first as the articles write them.
const (
	monthNames = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	weekdays = `(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s*[-–—,]?\s*)?`
	clock    = `(?:[,\s\-–—|]*(?:at\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?|GMT[+-]?\d*|UTC[+-]?\d*)?)?`
	label    = `(?:(?:posted|published|updated|date|ngày)\s*(?:on|:)?\s*)?`
)

var (
	dateLineNumeric = regexp.MustCompile(`(?i)^` + label + weekdays + `(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` + clock + `$`)
	dateLineISO     = regexp.MustCompile(`(?i)^` + label + weekdays + `(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2})?\S*)?$`)
	dateLineMDY     = regexp.MustCompile(`(?i)^` + label + weekdays + monthNames + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + clock + `$`)
	dateLineDMY     = regexp.MustCompile(`(?i)^` + label + weekdays + `(\d{1,2})(?:st|nd|rd|th)?\s+` + monthNames + `,?\s+(\d{4})` + clock + `$`)
	dateLineMonth   = regexp.MustCompile(`(?i)^` + label + monthNames + `,?\s+(\d{4})$`)
	dateLineYMD     = regexp.MustCompile(`(?i)^` + label + weekdays + `(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?` + clock + `$`)
	// A dateline that opens the lead: "SYDNEY, 12 June 2024 –", "JOHOR BAHRU, 1 August 2024 -".
	leadDateline = regexp.MustCompile(`^[\p{Lu}][\p{Lu}\s.'-]{1,40},\s*(?:\([^)]*\)\s*)?((?:\d{1,2}(?:st|nd|rd|th)?\s+` + monthNames + `,?\s+\d{4})|(?:` + monthNames + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}))\s*[–—-]`)
	// A date line at the end: "Posted on 21/10/2024 | International Relations Office".
	trailingLine = regexp.MustCompile(`(?i)^(?:posted|published|updated)\s*(?:on|:)?\s*([0-9./-]{8,10}|` + monthNames + `\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+` + monthNames + `\s+\d{4})\s*(?:[|–—-].*)?$`)
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
	if m := dateLineYMD.FindStringSubmatch(line); m != nil {
		return makeDate(m[1], m[2], m[3]) // "2024.07.01."
	}
	if m := dateLineMonth.FindStringSubmatch(line); m != nil {
		// "July 2022": a month-only date line.
		if d, ok := makeDate(m[2], monthNumber(m[1]), "1"); ok {
			return Date{Year: d.Year, Month: d.Month}, true
		}
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

// leadDate reads the dateline that opens a lead paragraph: "SYDNEY, 12
// June 2024 – Western Sydney University today announced …".
func leadDate(p string) Date {
	m := leadDateline.FindStringSubmatch(p)
	if m == nil {
		return Date{}
	}
	d, _ := parseDateLine(m[1])
	return d
}

// trailingDate reads a date line among the last lines of an article:
// "Posted on 21/10/2024 | International Relations Office, …".
func trailingDate(paragraphs, captions []string) Date {
	lines := append(slices.Clone(paragraphs), captions...)
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-4; i-- {
		if m := trailingLine.FindStringSubmatch(strings.TrimSpace(lines[i])); m != nil {
			if d, ok := parseDateLine(m[1]); ok {
				return d
			}
		}
	}
	return Date{}
}

// inferDate dates an article that has no date line: the month of the
// latest event its text reports as having happened, at month precision.
// Dates without a month or a year, and dates of what is planned ("will be
// held in June 2026"), do not count; with none left the date is unknown.
func inferDate(paragraphs []string) Date {
	var latest Date
	for _, p := range paragraphs {
		for _, s := range text.Sentences(p) {
			for _, m := range FindDates(s, 0) {
				d := m.Start
				if !m.End.IsZero() && m.End.Compare(d) > 0 {
					d = m.End
				}
				if !m.ExplicitYear || d.Month == 0 || planned(s, m.Pos) {
					continue
				}
				d = Date{Year: d.Year, Month: d.Month}
				if d.Compare(latest) > 0 {
					latest = d
				}
			}
		}
	}
	return latest
}

// futureWords, before a date in its sentence, make what it dates planned.
var futureWords = []string{" will ", " shall ", " plan ", " plans ", " planned ", " expected ", " upcoming ",
	" scheduled ", " is to be ", " are to be ", " next ", " from next ", " forthcoming ", " would ", " takes effect ",
	" take effect ", " effective ", " until ", " valid ", " expires ", " deadline ", " by the end of "}

// planned reports whether the date at byte pos of sentence s dates what
// has not happened yet.
func planned(s string, pos int) bool {
	before := " " + strings.ToLower(s[:pos]) + " "
	for _, w := range futureWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}
