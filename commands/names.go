package commands

import (
	"strings"
	"unicode/utf8"

	"github.com/coopbot/coopbot/knowledge"
	"github.com/coopbot/coopbot/knowledge/text"
)

// shortKey returns the shortest name that the library resolves to the same
// institution as name (usually its acronym), so that page buttons carrying
// it stay within the custom_id limit. Unknown names are returned unchanged.
func (r *Router) shortKey(name string) string {
	if name == "" {
		return ""
	}
	e, err := r.lib.Resolve(name)
	if err != nil {
		return name
	}
	best := name
	for _, cand := range append([]string{e.Name, e.ID}, e.Acronyms...) {
		if cand == "" || utf8.RuneCountInString(cand) >= utf8.RuneCountInString(best) {
			continue
		}
		if again, err := r.lib.Resolve(cand); err == nil && again.ID == e.ID {
			best = cand
		}
	}
	return best
}

// display names an institution as users write it, with its acronym, when
// the library knows it; otherwise as typed.
func (r *Router) display(name string) string {
	if name == "" {
		return ""
	}
	if e, err := r.lib.Resolve(name); err == nil {
		return e.Display()
	}
	return name
}

// displayFilter is f with its institution named for display.
func (r *Router) displayFilter(f knowledge.Filter) knowledge.Filter {
	f.Institution = r.display(f.Institution)
	return f
}

// corrected returns "Showing results for X." when the library read name,
// as the user typed it, as a misspelling or a part of another name, so
// the user sees which institution is answered for; or "".
func (r *Router) corrected(name string) string {
	if name == "" {
		return ""
	}
	e, err := r.lib.Resolve(name)
	if err != nil {
		return ""
	}
	typed := text.Key(name)
	for _, n := range append(append([]string{e.Name}, e.Acronyms...), e.Aliases...) {
		if text.Key(n) == typed {
			return ""
		}
	}
	return "Showing results for " + oneLine(escape(e.Display()), 200) + "."
}

// withNote puts note above a reply's message, when both exist.
func withNote(reply Reply, err error, note string) (Reply, error) {
	if err != nil || note == "" || reply.Response == nil || reply.Response.Data == nil {
		return reply, err
	}
	d := reply.Response.Data
	d.Content = truncate(strings.TrimSpace(note+"\n"+d.Content), maxContent)
	return reply, nil
}
