package commands

import (
	"errors"
	"fmt"
	"strings"

	"github.com/coopbot/coopbot/knowledge"
)

// explain turns the errors a user can fix into an ephemeral reply that says
// what to try instead; any other error is returned for the log.
//
// subject names what was looked for, as in "No partners found for …".
func (r *Router) explain(err error, subject string) (Reply, error) {
	var nf *knowledge.NotFoundError
	if errors.As(err, &nf) {
		return ephemeral(notFound(subject, nf, r.noAutocomplete)), nil
	}
	var qe *knowledge.QueryError
	if errors.As(err, &qe) {
		msg := fmt.Sprintf("I could not run the search `%s`: %s.", oneLine(qe.Query, 200), oneLine(qe.Reason, 300))
		if qe.Hint != "" {
			msg += " " + oneLine(qe.Hint, 500)
		}
		msg += " Plain words work best, e.g. `/search query:mining university China`; put \"quotes\" around an exact phrase."
		return ephemeral(msg), nil
	}
	return Reply{}, err
}

// notFound says that a name matched nothing, with the nearest names known:
// "No partners found for 'Kyoto Univ'. Did you mean Kyoto University (KU)?"
// Without autocomplete (the console), it does not send the user to the
// suggestions they cannot see.
func notFound(subject string, nf *knowledge.NotFoundError, noAutocomplete bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "No %s found for '%s'.", subject, oneLine(nf.Name, 100))
	if len(nf.Suggestions) > 0 {
		var sugg []string
		for _, s := range nf.Suggestions[:min(3, len(nf.Suggestions))] {
			sugg = append(sugg, oneLine(s, 150))
		}
		fmt.Fprintf(&b, " Did you mean %s?", strings.Join(sugg, " or "))
	} else {
		what := nf.What
		if what == "" {
			what = "name"
		}
		if noAutocomplete {
			fmt.Fprintf(&b, " I know no %s by that name: check its spelling, or try `/search query:%s`.", what, oneLine(nf.Name, 50))
		} else {
			fmt.Fprintf(&b, " I know no %s by that name: start typing and pick one of the suggestions, or try `/search query:%s`.", what, oneLine(nf.Name, 50))
		}
	}
	return b.String()
}

// badDate explains the date forms /visits accepts.
func badDate(option, value string, err error) Reply {
	return ephemeral(fmt.Sprintf("I could not read the %s date '%s' (%v). Write it as a year `2025`, a month `2025-11` or a day `2025-11-14`.",
		option, oneLine(value, 40), truncate(err.Error(), 200)))
}
