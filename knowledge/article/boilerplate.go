package article

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Site boilerplate is recognised by general rules about what such lines
// say, never by a list of particular lines.
var (
	// widgetLine matches rating widgets, login notices, share bars and
	// navigation left in a scraped page.
	widgetLine = regexp.MustCompile(`(?i)(\brating\b|\brate this\b|click on stars|\bvotes?\b.*\b(average|total)\b|` +
		`\blog ?in\b|\blogged\b|\bsign in\b|\bsession\b.*\btimeout\b|timeout: ?\d+ ?seconds?|` +
		`^(share|print|tweet|email|back|top|related (news|articles|posts)|tags?|views?|comments?)\b[\s:|]*\S{0,40}$|` +
		`all rights reserved|^©|^copyright\b)`)
	// creditLine matches author and photo credits: "Author: …", "Photos: …",
	// "Photo by …", "By …" and their Vietnamese forms.
	creditLine = regexp.MustCompile(`(?i)^\(?\s*(author|writer|written by|reporter|editor|edited by|text|news|story|words|` +
		`photos?|photo by|photographs?|photographer|images?|video|source|translated by|translator|by|` +
		`tác giả|ảnh|nguồn|tin|bài)\s*[:：\-–—]?\s+(.{2,80}?)\s*\)?$`)
)

// creditRoles maps a credit line's label to the role it gives.
var creditRoles = map[string]string{
	"author": "Author", "writer": "Author", "written by": "Author", "by": "Author",
	"reporter": "Reporter", "editor": "Editor", "edited by": "Editor",
	"text": "Author", "news": "Author", "story": "Author", "words": "Author", "tác giả": "Author", "tin": "Author", "bài": "Author",
	"photo": "Photographer", "photos": "Photographer", "photo by": "Photographer",
	"photograph": "Photographer", "photographs": "Photographer", "photographer": "Photographer",
	"image": "Photographer", "images": "Photographer", "ảnh": "Photographer", "video": "Photographer",
	"source": "Source", "nguồn": "Source", "translated by": "Translator", "translator": "Translator",
}

// stripBoilerplate removes site boilerplate from an article's lines and
// returns the credits it found among them.
func stripBoilerplate(lines []string) (kept []string, credits []Credit) {
	for i, line := range lines {
		switch {
		case len(line) < 200 && widgetLine.MatchString(line) && len(strings.Fields(line)) <= 20:
			continue
		case isSignOff(line, i == len(lines)-1):
			continue
		}
		if cs, ok := parseCredits(line); ok {
			credits = append(credits, cs...)
			continue
		}
		kept = append(kept, line)
	}
	return kept, credits
}

// parseCredits reads a credit line, which may hold several credits
// separated by "|": "Author: Jane Roe | Editor: John Doe".
func parseCredits(line string) ([]Credit, bool) {
	var out []Credit
	for _, part := range strings.Split(line, "|") {
		c, ok := parseCredit(strings.TrimSpace(part))
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	return out, true
}

// parseCredit reads a credit line. The name must look like a name: a few
// capitalised words and no sentence punctuation.
func parseCredit(line string) (Credit, bool) {
	if len(line) > 120 {
		return Credit{}, false
	}
	m := creditLine.FindStringSubmatch(line)
	if m == nil {
		return Credit{}, false
	}
	label := strings.ToLower(m[1])
	name := strings.TrimRight(m[2], ".;, ")
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 6 || strings.ContainsAny(name, ".!?;") && !strings.Contains(name, ",") && label != "source" {
		return Credit{}, false
	}
	// "By" opens many sentences; only a bare name after it is a credit.
	if label == "by" && !allCapitalised(words) {
		return Credit{}, false
	}
	for _, part := range strings.Split(name, ",") {
		if !allCapitalised(strings.Fields(part)) && label != "source" {
			return Credit{}, false
		}
	}
	// "By UTM Corporate Affairs Division" credits an office, not a person.
	for _, w := range words {
		if organisationWords[w] || (text.Token{Text: w}).IsAcronym() {
			return Credit{Role: "Source", Name: name}, true
		}
	}
	return Credit{Role: creditRoles[label], Name: name}, true
}

// organisationWords mark a credit line that names a body, not a person:
// "By the Office of Communications", "Photo: Faculty of Law".
var organisationWords = text.Set(
	"University", "College", "Institute", "Academy", "School", "Faculty", "Department", "Office",
	"Division", "Centre", "Center", "Unit", "Board", "Committee", "Council", "Ministry", "Agency",
	"Association", "Society", "Foundation", "Corporation", "Company", "Group", "Service", "Affairs",
	"Communications", "Relations", "Media", "Press", "News", "Team", "Universiti", "Universitas",
	"Universidad", "Université", "Università", "Universidade", "Universität", "Institut",
)

// allCapitalised reports whether every word starts with an upper-case letter.
func allCapitalised(words []string) bool {
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return len(words) > 0
}

// isSignOff reports whether a line is an office's sign-off, such as a lone
// "P.HTQT" or "(ICO)": a short line with no lower-case letters and no spaces
// between words of prose. Only the last line, or a line of such initials, counts.
func isSignOff(line string, last bool) bool {
	s := strings.Trim(line, "()[]-–—*_ ")
	if s == "" {
		return true
	}
	if len([]rune(s)) > 24 || strings.Count(s, " ") > 2 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r == '.' || r == '/' || r == '-' || r == '&' || r == ' ':
		default:
			return false
		}
	}
	return letters > 0 && (last || strings.ContainsAny(s, "./"))
}
