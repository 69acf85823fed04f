package extract

import (
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// The words that tell what happens in a clause: a delegation travels, a
// body receives guests, two bodies meet, sign or work together. A trigger
// is found by the words themselves, and what it says is read from where
// the institutions stand around it: before it (its subject) or after it
// (its object, or after a preposition such as "with" or "by").

// triggerKind is what a trigger says happens.
type triggerKind uint8

const (
	// trigVisit: the subject goes to the object ("visited", "paid a
	// working visit to", "toured", "travelled to", "paid a courtesy call on").
	trigVisit triggerKind = iota + 1
	// trigHost: the subject receives the object ("received", "welcomed",
	// "hosted"); passive, the object receives the subject ("was received by").
	trigHost
	// trigMeet: the subject and the object meet ("met with", "held talks
	// with", "held a working session with").
	trigMeet
	// trigSign: the subject and the object sign a document ("signed",
	// "inked", "renewed", "the signing of").
	trigSign
	// trigCoop: the subject and the object work together ("co-organised",
	// "in partnership with", "supported by", "cooperates with").
	trigCoop
)

// trigger is one trigger in a unit.
type trigger struct {
	kind triggerKind
	// from and to are its token span; the object starts at to.
	from, to int
	// passive marks a trigger whose agent follows it: "was received by X",
	// "supported by X", "hosted by X".
	passive bool
	// planned marks what has not happened yet: "will sign", "plans to visit".
	planned bool
	// all marks a trigger that joins every institution of its clause:
	// "jointly organised by A, B and C", "co-hosted".
	all bool
}

// lowerWords returns the unit's tokens in lower case, once.
func (u *unit) lowerWords() []string {
	if u.words == nil {
		u.words = make([]string, len(u.toks))
		for i, t := range u.toks {
			u.words[i] = strings.ToLower(t.Text)
		}
	}
	return u.words
}

// word returns the unit's lower-case token i, or "" out of range.
func (u *unit) word(i int) string {
	w := u.lowerWords()
	if i < 0 || i >= len(w) {
		return ""
	}
	return w[i]
}

// findTriggers returns the triggers of a unit, in order.
func (u *unit) findTriggers() []trigger {
	var out []trigger
	add := func(k triggerKind, from, to int) *trigger {
		t := trigger{kind: k, from: from, to: to}
		t.planned = u.plannedAt(from)
		out = append(out, t)
		return &out[len(out)-1]
	}
	words := u.lowerWords()
	agreement := u.has(agreementNoun)
	for i := 0; i < len(words); i++ {
		w, next := words[i], u.word(i+1)
		switch w {
		case "visited", "visits", "toured":
			if u.word(i-1) == "was" || u.word(i-1) == "were" || u.word(i-1) == "been" {
				if next == "by" {
					// "X was visited by Y": X hosts what follows "by", as
					// the object of an active "X hosted Y".
					add(trigHost, i-1, i+2)
					i++
				}
				continue
			}
			add(trigVisit, i, i+1)
		case "visit", "visiting", "tour", "trip", "mission", "journey":
			// "paid a working visit to X", "on a visit to X", "a study tour of X";
			// "to visit X", "will visit X" as a verb.
			switch {
			case next == "to" || next == "of" && w != "visiting" || next == "at" || next == "in" && w == "tour":
				if next == "of" && u.word(i+2) == "the" && strings.HasPrefix(u.word(i+3), "delegat") {
					continue // "the visit of the delegation": the delegation is the subject
				}
				add(trigVisit, i, i+2)
				i++
			case w == "visit" && u.heldAt(i+1) > 0:
				// "the last visit took place on 7 June at X"
				j := u.heldAt(i + 1)
				add(trigVisit, i, j)
				i = j - 1
			case w == "visit" || w == "visiting" && !strings.HasPrefix(next, "delegat") && next != "scholar" && next != "scholars" &&
				next != "professor" && next != "professors" && next != "team" && next != "students":
				if u.isVerbAt(i) {
					add(trigVisit, i, i+1)
				}
			}
		case "stop", "stops":
			// "X was another stop on the delegation's programme", "A and B
			// were further stops for the delegation": X receives it.
			k := i - 1
			for k > i-4 && stopAdjectives[u.word(k)] {
				k--
			}
			if k < i-1 && (u.word(k) == "was" || u.word(k) == "were" || u.word(k) == "is") {
				add(trigHost, k, i+1)
				continue
			}
			// "the first stop was X", "the next stop, X", "a stop at X".
			j := i + 1
			if next == "of" { // "the last stop of the trip was X"
				for j < len(words) && j < i+5 && words[j] != "was" && words[j] != "were" && words[j] != "is" {
					j++
				}
			}
			if u.word(j) == "was" || u.word(j) == "were" || u.word(j) == "at" || u.word(j) == "in" || u.word(j) == "," || u.word(j) == "is" {
				j++
			}
			if u.word(j) == "the" || u.word(j) == "a" {
				j++
			}
			if j < len(words) && u.toks[j].IsCap() {
				add(trigVisit, i, j)
				i = j - 1
			}
		case "travelled", "traveled", "travelling", "traveling", "travels", "travel", "went", "flew", "headed", "heading",
			"proceeded", "moved", "continued", "continues", "returned", "goes", "going", "journeyed":
			j := i + 1
			if next == "on" {
				j++
			}
			if w == "headed" && next == "by" && u.orgAt(i+2) {
				t := add(trigCoop, i, i+2)
				t.passive = true
				i++
				continue
			}
			if next == "on" && j+1 < len(u.toks) && !u.toks[j+1].IsCap() && !determiners[u.word(j+1)] {
				continue // "went on to earn a degree": what came next, not where
			}
			if u.word(j) == "to" && !(w == "headed" && u.word(i+1) == "by") {
				add(trigVisit, i, j+1)
				i = j
			}
		case "concluded", "conclude", "wrapped", "completed":
			// "The delegation concluded the trip in Lisbon": its last leg.
			if (next == "the" || next == "its" || next == "their" || next == "up") && u.tripNoun(i+2) && (u.word(i+3) == "in" || u.word(i+3) == "at") {
				add(trigVisit, i, i+4)
				i += 3
				continue
			}
			if agreement && (u.agreementNounAfter(i) || u.agreementNounBefore(i)) {
				add(trigSign, i, i+1)
			}
		case "began", "started", "begins", "starts", "ended", "finished":
			if (next == "the" || next == "its" || next == "their") && u.tripNoun(i+2) && (u.word(i+3) == "in" || u.word(i+3) == "at") {
				add(trigVisit, i, i+4)
				i += 3
				continue
			}
			// "the visit began at X": where a trip stopped.
			if (next == "at" || next == "with") && u.visitNounBefore(i) {
				add(trigVisit, i, i+2)
				i++
			}
		case "attended", "attending", "attend", "participated", "joined":
			// "attended the forum held at X", "took part in a conference hosted by X".
			if j := u.eventHostAfter(i + 1); j > 0 {
				add(trigVisit, i, j)
			}
		case "is", "are", "was", "were":
			// "… are in Tartu for the yearly meeting", "the delegation was in Madrid"
			if next == "in" && u.placeAt(i+2) && u.toks[i+2].IsCap() {
				add(trigVisit, i, i+2)
				i++
			}
		case "arrived", "arrives", "arriving":
			if next == "in" || next == "at" {
				add(trigVisit, i, i+2)
				i++
			}
		case "called", "calls", "call", "stopped", "stops by", "dropped":
			// "he called at the University at Buffalo", "stopped at X"
			// but "called on graduates to …" urges.
			if (next == "at" || next == "on" && w != "stopped" || next == "in" && w == "stopped" || next == "by" && w == "stopped") &&
				(u.orgAt(i+2) || u.placeAt(i+2) || u.word(i+2) == "the" && isTitleWord(u.toks[min(i+3, len(u.toks)-1)].Text)) {
				add(trigVisit, i, i+2)
				i++
			}
		case "sat", "sit", "sits", "sitting":
			// "sat down with X": a meeting
			if next == "down" && u.word(i+2) == "with" {
				add(trigMeet, i, i+3)
				i += 2
			}
		case "came", "comes", "come":
			if next == "to" && u.orgAt(i+2) {
				add(trigVisit, i, i+2)
				i++
			}
		case "courtesy":
			if next == "call" || next == "visit" {
				j := i + 2
				if u.word(j) == "on" || u.word(j) == "to" || u.word(j) == "at" {
					j++
				}
				add(trigVisit, i, j)
				i = j - 1
			}
		case "received", "receives", "receiving", "welcomed", "welcomes", "welcoming", "hosted", "hosts", "hosting", "greeted", "welcome", "receive", "host":
			if (w == "welcome" || w == "receive" || w == "host") && !u.isVerbAt(i) {
				continue // "a warm welcome", "the host university"
			}
			if next == "by" || u.auxiliaryBefore(i) {
				t := add(trigHost, i, i+2)
				t.passive = true
				i++
				continue
			}
			add(trigHost, i, i+1)
		case "met", "meet", "meets", "meeting":
			j := i + 1
			if next == "with" {
				j++
			}
			if w == "meeting" && next != "with" {
				continue // "the meeting": a noun, not who met whom
			}
			add(trigMeet, i, j)
			i = j - 1
		case "talks", "discussions", "session", "dialogue", "consultations", "discussion", "meetings", "negotiations":
			if next == "with" || next == "between" {
				add(trigMeet, i, i+2)
				i++
			}
		case "signed", "signs", "sign", "signing", "inked", "inks", "ink", "co-signed", "initialled", "initialed", "countersigned":
			if w == "signing" && next == "of" || w != "signing" || agreement {
				t := add(trigSign, i, i+1)
				if next == "by" && (w == "signed" || w == "inked") {
					t.passive, t.to = true, i+2 // "signed by the two universities"
					i++
				}
			}
		case "renewed", "renews", "renew", "concludes", "exchanged", "formalised", "formalized", "sealed", "extended",
			"implemented", "implementing", "adopted", "approved", "ratified", "finalised", "finalized":
			if agreement && (u.agreementNounAfter(i) || u.agreementNounBefore(i)) {
				add(trigSign, i, i+1)
			}
		case "signature", "signatures":
			// "put his signature to the protocols", "affixed their signatures"
			if agreement && (u.word(i-2) == "put" || u.word(i-2) == "affixed" || u.word(i-2) == "placed" || u.word(i-3) == "put") {
				add(trigSign, i, i+1)
			}
		case "entered":
			if next == "into" && agreement {
				add(trigSign, i, i+2)
				i++
			}
		case "co-organised", "co-organized", "co-hosted", "co-sponsored", "co-chaired", "co-organising", "co-organizing", "co-hosting", "co-convened", "co-funded":
			t := add(trigCoop, i, i+1)
			t.all = true
			if next == "by" {
				t.to = i + 2
				i++
			}
		case "together", "jointly", "along":
			// "developed together with X", "jointly with X", "along with X" (a partner, not a list)
			if next == "with" && (w != "along" || u.word(i-1) != ",") && i > 0 && !u.toks[i-1].IsCap() && u.word(i-1) != "," {
				add(trigCoop, i, i+2)
				i++
				continue
			}
			if w != "jointly" {
				continue
			}
			if strings.HasPrefix(next, "organi") || strings.HasPrefix(next, "host") || strings.HasPrefix(next, "held") ||
				strings.HasPrefix(next, "run") || strings.HasPrefix(next, "develop") || strings.HasPrefix(next, "launch") {
				t := add(trigCoop, i, i+2)
				t.all = true
				if u.word(i+2) == "by" {
					t.to = i + 3
				}
				i++
			}
		case "part", "participating", "involved":
			// "The institutions taking part are A, B and C": each works with the article's own.
			if (w != "part" || u.word(i-1) == "taking") && (next == "are" || next == "were" || next == "include") && u.orgAt(i+2) {
				add(trigCoop, i, i+2)
				i++
			}
		case "awarded", "granted":
			// "has been awarded SEK 5 million by STINT": the funder works with it.
			for k := i + 1; k < len(words) && k <= i+6; k++ {
				if words[k] == "by" && u.orgAt(k+1) {
					t := add(trigCoop, i, k+1)
					t.passive = true
					i = k
					break
				}
				if words[k] == "," || words[k] == "to" || words[k] == "for" {
					break
				}
			}
		case "linkages", "linkage", "ties", "links":
			// "forged new academic linkages with UNP"
			if next == "with" && u.word(i-1) != "diplomatic" {
				add(trigCoop, i, i+2)
				i++
			}
		case "partnership", "collaboration", "cooperation", "co-operation", "association", "conjunction", "partnering":
			if u.word(i-1) == "in" && next == "with" {
				add(trigCoop, i-1, i+2)
				i++
			} else if next == "with" || next == "between" {
				add(trigCoop, i, i+2)
				i++
			}
		case "cooperate", "cooperates", "cooperated", "cooperating", "collaborate", "collaborates", "collaborated",
			"collaborating", "partner", "partnered", "partners", "teamed":
			j := i + 1
			if next == "up" || next == "closely" || next == "together" {
				j++
			}
			if u.word(j) == "with" {
				add(trigCoop, i, j+1)
				i = j
			}
		case "worked", "works", "working":
			// "the delegation worked with X": a meeting, or work together.
			j := i + 1
			if next == "closely" || next == "together" {
				j++
			}
			if u.word(j) == "with" && !(w == "working" && (u.word(i-1) == "a" || u.word(i-1) == "the")) {
				add(trigMeet, i, j+1)
				i = j
			}
		case "led", "coordinated", "run", "managed":
			// "a research group led by HUMG": a project and its coordinator.
			if next == "by" && u.orgAt(i+2) {
				t := add(trigCoop, i, i+2)
				t.passive = true
				i++
			}
		case "supported", "funded", "sponsored", "financed", "organised", "organized", "arranged", "facilitated":
			if next == "by" {
				t := add(trigCoop, i, i+2)
				t.passive = true
				i++
			}
		}
	}
	return out
}

// isVerbAt reports whether the word at i is a verb: after "to", a modal,
// or a subject pronoun.
func (u *unit) isVerbAt(i int) bool {
	switch u.word(i - 1) {
	case "to", "will", "would", "shall", "may", "can", "could", "also", "they", "we", "and":
		return true
	}
	return false
}

// agreementNounAfter reports whether an agreement's noun follows the word
// at i within a few words: "renewed their MoU", "concluded an agreement".
func (u *unit) agreementNounAfter(i int) bool {
	for j := i + 1; j < i+7 && j < len(u.toks); j++ {
		w := u.word(j)
		if strings.HasPrefix(w, "memorand") || w == "mou" || w == "mous" || w == "moa" || w == "moas" ||
			strings.HasPrefix(w, "agreement") || strings.HasPrefix(w, "contract") || w == "loi" || w == "accord" ||
			w == "partnership" || w == "protocol" || w == "protocols" {
			return true
		}
	}
	return false
}

// stopAdjectives stand between "was" and "stop": "was another stop",
// "were the last stops", "was also a stop".
var stopAdjectives = text.Set("another", "a", "the", "first", "next", "last", "final", "second", "third", "further", "other", "also", "one", "major", "key")

// determiners open a noun phrase: "went on to the next stop".
var determiners = text.Set("the", "a", "an", "its", "their", "his", "her", "our", "several", "two", "three", "four", "five", "other", "another", "some", "many")

// agreementNounBefore reports whether the verb at i is a passive one
// whose subject is an agreement: "an agreement that is to be finalised
// soon", "the MoU was renewed".
func (u *unit) agreementNounBefore(i int) bool {
	switch u.word(i - 1) {
	case "be", "been", "was", "were", "is", "are":
	default:
		return false
	}
	for j := i - 2; j >= 0 && j > i-8; j-- {
		w := u.word(j)
		if strings.HasPrefix(w, "memorand") || w == "mou" || w == "mous" || w == "moa" || w == "moas" ||
			strings.HasPrefix(w, "agreement") || w == "accord" || w == "protocol" || w == "protocols" {
			return true
		}
	}
	return false
}

// plannedWords, before a trigger, say it has not happened yet.
var plannedWords = map[string]bool{
	"will": true, "would": true, "shall": true, "plan": true, "plans": true, "planned": true, "planning": true,
	"expected": true, "intend": true, "intends": true, "intended": true, "hope": true, "hopes": true, "hoped": true,
	"aim": true, "aims": true, "aimed": true, "agreed": true, "proposed": true, "upcoming": true, "future": true,
	"forthcoming": true, "prepare": true, "preparing": true, "prepared": true, "ready": true, "discussed": true,
	"considering": true, "consider": true, "explore": true, "exploring": true, "towards": true, "toward": true,
	"draft": true, "negotiate": true, "negotiating": true, "soon": true, "could": true,
}

// plannedAt reports whether the trigger at i is planned: a word of
// planning shortly before it, as in "will sign", "agreed to sign", "plans
// to visit", "is expected to be signed".
func (u *unit) plannedAt(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := u.word(j)
		if plannedWords[w] {
			return true
		}
		if w == "," || w == ";" || w == "and" && j < i-1 {
			break
		}
	}
	// "is to be signed"
	return u.word(i-1) == "be" && u.word(i-2) == "to"
}

// tripNoun reports whether the word at i names a journey.
func (u *unit) tripNoun(i int) bool {
	switch u.word(i) {
	case "trip", "visit", "tour", "mission", "journey", "programme", "program":
		return true
	}
	return false
}

// visitNounBefore reports whether "visit", "trip" or "tour" is the
// subject of the verb at i: "the visit began at X".
func (u *unit) visitNounBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch u.word(j) {
		case "visit", "trip", "tour", "mission", "programme", "program", "day", "journey":
			return true
		}
	}
	return false
}

// eventHostAfter returns the token where the host of an event starts, in
// "the forum held at X", "a conference hosted by X", "the meeting at X",
// from token i, or 0.
func (u *unit) eventHostAfter(i int) int {
	for j := i; j < len(u.toks) && j < i+16; j++ {
		switch u.word(j) {
		case ";", ".":
			return 0
		case "held", "hosted", "organised", "organized", "convened":
			if (u.word(j+1) == "at" || u.word(j+1) == "by" && u.word(j) == "hosted") && u.orgAt(j+2) {
				return j + 2
			}
		}
	}
	return 0
}

// auxiliaryBefore reports whether a passive auxiliary stands before the
// verb at i: "was warmly received", "were welcomed".
func (u *unit) auxiliaryBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch u.word(j) {
		case "was", "were", "been", "is", "are", "be", "being":
			return true
		case "warmly", "cordially", "officially", "also", "then", "later", "respectfully", "kindly":
			continue
		}
		return false
	}
	return false
}

// heldAt returns the token after "took place … at" or "was held … at"
// that starts at i, or 0: where a visit or meeting happened.
func (u *unit) heldAt(i int) int {
	if !(u.word(i) == "took" && u.word(i+1) == "place" || (u.word(i) == "was" || u.word(i) == "were") && u.word(i+1) == "held") {
		return 0
	}
	for j := i + 2; j < len(u.toks) && j < i+12; j++ {
		if u.word(j) == "at" {
			return j + 1
		}
		if u.word(j) == "," && u.word(j+1) != "in" {
			return 0
		}
	}
	return 0
}

// orgAt reports whether an institution's name starts at token i, or at
// i+1 after "the".
func (u *unit) orgAt(i int) bool {
	if u.word(i) == "the" {
		i++
	}
	for _, m := range u.insts {
		if m.From == i {
			return true
		}
	}
	return false
}
