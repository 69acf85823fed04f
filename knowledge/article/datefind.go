package article

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DateMention is a date or a range of dates written in a sentence.
type DateMention struct {
	Start, End Date
	// Pos and EndPos are the byte offsets of the expression.
	Pos, EndPos int
	// ExplicitYear says whether the text gave the year.
	ExplicitYear bool
}

const (
	fullMonth = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	ord       = `(?:st|nd|rd|th)?`
	yearOpt   = `(?:,?\s+(\d{4}))?`
	rangeSep  = `\s*(?:-|–|—|to|and|until|till|through)\s*`
)

// datePatterns are tried in order; a later pattern never overlaps an earlier match.
var datePatterns = []struct {
	re   *regexp.Regexp
	read func(m []string) (start, end [3]string)
	// month says the pattern needs a month's name, so that text without
	// one can skip it.
	month bool
	// need, when set, says whether s can hold a match at all.
	need func(s string) bool
}{
	{ // 10 to 16 November 2025, 10-16 November
		regexp.MustCompile(`\b(\d{1,2})` + ord + rangeSep + `(\d{1,2})` + ord + `\s+(?:of\s+)?` + fullMonth + yearOpt),
		func(m []string) ([3]string, [3]string) {
			return [3]string{m[4], m[3], m[1]}, [3]string{m[4], m[3], m[2]}
		},
		true,
		nil,
	},
	{ // November 2-3, 2025
		regexp.MustCompile(fullMonth + `\s+(\d{1,2})` + ord + rangeSep + `(\d{1,2})` + ord + `\b` + yearOpt),
		func(m []string) ([3]string, [3]string) {
			return [3]string{m[4], m[1], m[2]}, [3]string{m[4], m[1], m[3]}
		},
		true,
		nil,
	},
	{ // 30 October to 2 November 2025
		regexp.MustCompile(`\b(\d{1,2})` + ord + `\s+` + fullMonth + rangeSep + `(\d{1,2})` + ord + `\s+` + fullMonth + yearOpt),
		func(m []string) ([3]string, [3]string) {
			return [3]string{m[5], m[2], m[1]}, [3]string{m[5], m[4], m[3]}
		},
		true,
		nil,
	},
	{ // 14 November 2025, 14th of November
		regexp.MustCompile(`\b(\d{1,2})` + ord + `\s+(?:of\s+)?` + fullMonth + yearOpt),
		func(m []string) ([3]string, [3]string) { s := [3]string{m[3], m[2], m[1]}; return s, s },
		true,
		nil,
	},
	{ // November 14, 2025
		regexp.MustCompile(fullMonth + `\s+(\d{1,2})` + ord + `\b(?:,?\s+(\d{4}))?`),
		func(m []string) ([3]string, [3]string) { s := [3]string{m[3], m[1], m[2]}; return s, s },
		true,
		nil,
	},
	{ // 14/11/2025, 14.11.2025
		regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`),
		func(m []string) ([3]string, [3]string) { s := [3]string{m[3], m[2], m[1]}; return s, s },
		false,
		func(s string) bool { return digitBetween(s, "/.") },
	},
	{ // Monday (20/5): day and month in brackets, the year understood
		regexp.MustCompile(`\((\d{1,2})/(\d{1,2})\)`),
		func(m []string) ([3]string, [3]string) { s := [3]string{"", m[2], m[1]}; return s, s },
		false,
		func(s string) bool { return digitBetween(s, "/") },
	},
	{ // 2025-11-14
		regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`),
		func(m []string) ([3]string, [3]string) { s := [3]string{m[1], m[2], m[3]}; return s, s },
		false,
		func(s string) bool { return digitBetween(s, "-") },
	},
	{ // November 2025
		regexp.MustCompile(fullMonth + `,?\s+(\d{4})\b`),
		func(m []string) ([3]string, [3]string) { s := [3]string{m[2], m[1], ""}; return s, s },
		true,
		nil,
	},
	{ // in 2026
		regexp.MustCompile(`\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Oo]f|[Ff]rom|[Tt]he year)\s+((?:19|20)\d{2})\b`),
		func(m []string) ([3]string, [3]string) { s := [3]string{m[1], "", ""}; return s, s },
		false,
		func(s string) bool { return strings.Contains(s, " 19") || strings.Contains(s, " 20") },
	},
}

// FindDates returns the dates written in s, in order. A date without a year
// takes refYear; with refYear 0 it is left out.
func FindDates(s string, refYear int) []DateMention {
	if !strings.ContainsAny(s, "0123456789") {
		return nil // every date has a digit
	}
	windows := monthWindows(s)
	var out []DateMention
	taken := func(a, b int) bool {
		for _, m := range out {
			if a < m.EndPos && m.Pos < b {
				return true
			}
		}
		return false
	}
	for _, p := range datePatterns {
		var locs [][]int
		if p.need != nil && !p.need(s) {
			continue
		}
		if p.month {
			// Only the text around a month's name can hold these dates.
			for _, w := range windows {
				for _, loc := range p.re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
					for i := range loc {
						if loc[i] >= 0 {
							loc[i] += w[0]
						}
					}
					locs = append(locs, loc)
				}
			}
		} else {
			locs = p.re.FindAllStringSubmatchIndex(s, -1)
		}
		for _, loc := range locs {
			if taken(loc[0], loc[1]) {
				continue
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = s[loc[2*i]:loc[2*i+1]]
				}
			}
			a, b := p.read(m)
			explicit := a[0] != ""
			start, ok1 := mentionDate(a, refYear)
			end, ok2 := mentionDate(b, refYear)
			if !ok1 || !ok2 || end.Compare(start) < 0 {
				continue
			}
			out = append(out, DateMention{Start: start, End: end, Pos: loc[0], EndPos: loc[1], ExplicitYear: explicit})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out
}

// digitBetween reports whether one of seps stands between two digits in s.
func digitBetween(s, seps string) bool {
	for i := 1; i+1 < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// monthWindows returns the stretches of s around the months' names,
// cut at spaces and merged where they overlap: where dates with a month
// name can be.
func monthWindows(s string) [][2]int {
	var ws [][2]int
	for _, m := range [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		for from := 0; ; {
			i := strings.Index(s[from:], m)
			if i < 0 {
				break
			}
			pos := from + i
			a, b := max(0, pos-30), min(len(s), pos+45)
			if k := strings.LastIndexByte(s[:a], ' '); a > 0 && k >= 0 {
				a = k
			} else if a > 0 {
				a = 0
			}
			if k := strings.IndexByte(s[b:], ' '); k >= 0 {
				b += k
			} else {
				b = len(s)
			}
			ws = append(ws, [2]int{a, b})
			from = pos + len(m)
		}
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i][0] < ws[j][0] })
	var merged [][2]int
	for _, w := range ws {
		if n := len(merged); n > 0 && w[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}

// mentionDate builds a Date from year, month and day strings, any of which
// but the year may be empty; a month may be a name.
func mentionDate(p [3]string, refYear int) (Date, bool) {
	y := refYear
	if p[0] != "" {
		y, _ = strconv.Atoi(p[0])
	}
	if y < 1900 || y > 2200 {
		return Date{}, false
	}
	d := Date{Year: y}
	if p[1] == "" {
		return d, true
	}
	m, err := strconv.Atoi(p[1])
	if err != nil {
		m, _ = strconv.Atoi(monthNumber(p[1]))
	}
	if m < 1 || m > 12 {
		return Date{}, false
	}
	d.Month = time.Month(m)
	if p[2] == "" {
		return d, true
	}
	day, _ := strconv.Atoi(p[2])
	if !validDay(y, d.Month, day) {
		return Date{}, false
	}
	d.Day = day
	return d, true
}
