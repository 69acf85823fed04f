package extract

import (
	"regexp"
	"strings"
)

// cue is a pattern that tells what a unit speaks of. It is matched against
// the unit's text with ASCII letters in lower case (offsets unchanged), or,
// when exact, against the text as written. A match always contains one of
// lits, so a unit holding none of them is passed over without running the
// expression.
type cue struct {
	id    int
	re    *regexp.Regexp
	lits  []string
	exact bool
}

// The cues of events. Cooperation cues are exact and lower case on purpose:
// "International Cooperation Club" is a name, not a cue.
var (
	delegationCue = newCue(0, `\b(delegations?|delegates|mission|trip|study tour|working visit|official visit|(first|second|third|next|last|final) (stop|visit))\b`, false,
		"delegat", "mission", "trip", "study tour", "visit", "stop")
	agreementNoun = newCue(1, `\b(memorand(um|a) of understanding|memorand(um|a) of agreement|memorandum|mous?|moas?|agreements?|contracts?|letters? of intent|lois?|accords?|protocols?|conventions?)\b`, false,
		"memorand", "mou", "moa", "agreement", "contract", "letter", "loi", "accord", "protocol", "convention")
	signVerb = newCue(2, `\b(sign(ed|s|ing)?|ink(ed|s)?|conclud(ed|es)|implement(ed|s)?|renew(ed|s)?|exchang(ed|es)|entered into|formali[sz]ed|presented the (previously )?signed)\b`, false,
		"sign", "ink", "conclud", "implement", "renew", "exchang", "entered into", "formali")
	cooperationCue = newCue(3, `\b(partner(s|ships?)?|cooperat(ion|ing|ed|e)|collaborat(ion|ions|ing|ed|e)|engagements? with|support(ed)? by|scholarships?|joint(ly)?|together with|exchange program(me)?s?|sister|twinning|alliance|research group|research project|participated in|took part in)\b`, true,
		"partner", "cooperat", "collaborat", "engagement", "support", "scholarship", "joint", "together", "exchange", "sister", "twinning", "alliance", "research", "participated", "took part")
	bothSides = newCue(4, `\b((the two|both) (sides|institutions|schools|universities|parties|partners|organi[sz]ations)|the (sides|parties))\b`, false,
		"the two", "both", "sides", "parties")
	manySides = newCue(5, `\bthe (three|four|five) (sides|institutions|schools|universities|parties|partners|organi[sz]ations)\b`, false,
		"the three", "the four", "the five")
)

// numCues is the number of cues above; each has an id below it.
const numCues = 6

// kindPhrase names the kind of an agreement: "memorandum of understanding on strategic cooperation".
var kindPhrase = regexp.MustCompile(`(?i)\b((?:(?:strategic|comprehensive|academic|cooperation|collaboration|partnership|framework|exchange|bilateral|research|training) )*(?:memorand(?:um|a) of understanding|memorand(?:um|a) of agreement|memorandum|MOU|MoU|MOA|agreement|contract|letter of intent|LOI|protocol|convention)s?(?: \((?:MOU|MoU|MOA)\))?(?: on (?:[a-z][a-z-]* ){0,3}(?:cooperation|partnership|collaboration|exchange|training|research))?)`)

// newCue compiles a cue.
func newCue(id int, expr string, exact bool, lits ...string) *cue {
	return &cue{id: id, re: regexp.MustCompile(expr), lits: lits, exact: exact}
}

// subject returns the text a cue is matched against.
func (c *cue) subject(u *unit) string {
	if c.exact {
		return u.text
	}
	return u.lower
}

// has reports whether the unit matches the cue, once per unit and cue.
func (u *unit) has(c *cue) bool {
	switch u.cues[c.id] {
	case 1:
		return true
	case 2:
		return false
	}
	ok := c.matchString(c.subject(u))
	u.cues[c.id] = 2
	if ok {
		u.cues[c.id] = 1
	}
	return ok
}

// find returns the byte offsets of the cue's first match in the unit, or nil.
func (u *unit) find(c *cue) []int {
	if !u.has(c) {
		return nil
	}
	return c.re.FindStringIndex(c.subject(u))
}

// matchString matches s, skipping the expression when no literal is there.
func (c *cue) matchString(s string) bool {
	if len(c.lits) > 0 {
		found := false
		for _, l := range c.lits {
			if strings.Contains(s, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return c.re.MatchString(s)
}

// pluralDocument names several documents: "signed MoUs with …".
var pluralDocument = regexp.MustCompile(`(?i)\b(memoranda|mous|moas|agreements|contracts|letters of intent|lois|protocols|conventions)\b`)
