package extract

import (
	"regexp"
	"strings"

	"github.com/coopbot/coopbot/knowledge/text"
)

// Names that share a head noun or an introduction: enumerations.

// distributive reads "Kyushu, Hokkaido, Akita and Fukui Universities" as one
// institution per name, each with the singular head.
func distributive(s string, toks []text.Token, h int, single string) []mention {
	var items []mention
	j := h
	for j > 0 {
		k := j
		for k > 0 && toks[k-1].IsWord() && toks[k-1].IsCap() && !leftStops[toks[k-1].Text] {
			k--
		}
		if k == j {
			break
		}
		items = append(items, mention{Name: text.Join(s, toks, k, j) + " " + single, From: k, To: j})
		if k == 0 || (toks[k-1].Text != "," && toks[k-1].Text != "and") {
			break
		}
		j = k - 1
		if toks[j].Text == "and" && j > 0 && toks[j-1].Text == "," {
			j--
		}
	}
	if len(items) < 2 {
		return nil
	}
	items[0].To = h + 1
	return items
}

// appositionCue introduces an enumeration without "such as": "the
// University's corporate partners Telstra, Westpac and Atlassian".
var appositionCue = regexp.MustCompile(`\b(partners|sponsors|companies|enterprises|firms|corporations|universities|institutions)\s+`)

// appositionMatches runs appositionCue on s when s holds one of its nouns.
func appositionMatches(s string) [][]int {
	for _, n := range [...]string{"partners", "sponsors", "companies", "enterprises", "firms", "corporations", "universities", "institutions"} {
		if strings.Contains(s, n) {
			return appositionCue.FindAllStringIndex(s, -1)
		}
	}
	return nil
}

// capitalisedItems counts the comma- or "and"-separated capitalised names
// from byte offset at.
func capitalisedItems(toks []text.Token, at int) int {
	i := 0
	for i < len(toks) && toks[i].Start < at {
		i++
	}
	n := 0
	for i < len(toks) && toks[i].IsWord() && (toks[i].IsCap() || toks[i].IsAcronym()) {
		n++
		for i < len(toks) && toks[i].IsWord() && (toks[i].IsCap() || toks[i].IsAcronym()) {
			i++
		}
		if i < len(toks) && toks[i].Text == "(" {
			for i < len(toks) && toks[i].Text != ")" {
				i++
			}
			i++
		}
		if i < len(toks) && (toks[i].Text == "," || toks[i].Text == "and") {
			i++
			if i < len(toks) && toks[i].Text == "and" {
				i++
			}
			continue
		}
		break
	}
	return n
}

// listed finds the items of an enumeration introduced by a cue such as
// "enterprises such as": names that need no head noun. Items already found
// by their head noun keep their place in the list.
func listed(s string, toks []text.Token, used []bool, list *int) []mention {
	var out []mention
	var cues [][]int
	if strings.Contains(s, "such as") || strings.Contains(s, "including") || strings.Contains(s, "like") || strings.Contains(s, "namely") {
		cues = listCue.FindAllStringIndex(s, -1)
	}
	for _, loc := range appositionMatches(s) {
		if n := capitalisedItems(toks, loc[1]); n >= 2 {
			cues = append(cues, loc)
		}
	}
	for _, cue := range cues {
		i := 0
		for i < len(toks) && toks[i].Start < cue[1] {
			i++
		}
		*list++
		for j := i; j < len(toks); {
			k := j
			for k < len(toks) && (toks[k].IsWord() && (toks[k].IsCap() || toks[k].IsAcronym()) ||
				(k > j && nameConnectors[toks[k].Text] && toks[k].Text != "and" && capAfter(toks, k+1))) {
				k++
			}
			if k == j {
				break
			}
			if !used[j] && !leftStops[toks[j].Text] {
				out = append(out, mention{Name: text.Join(s, toks, j, k), From: j, To: k, List: *list})
			}
			for m := j; m < k; m++ {
				used[m] = true
			}
			j = k
			if j < len(toks) && toks[j].Text == "(" {
				for j < len(toks) && toks[j].Text != ")" {
					j++
				}
				j++
			}
			if j < len(toks) && toks[j].Text == "," {
				j++
			}
			if j < len(toks) && (toks[j].Text == "and" || toks[j].Text == "or") {
				j++
			}
			if j < len(toks) && toks[j].Text == "the" {
				j++
			}
		}
	}
	return out
}
