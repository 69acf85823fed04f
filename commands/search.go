package commands

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/coopbot/coopbot/knowledge"
)

// maxHits bounds how far /search pages.
const maxHits = 100

// search answers /search query.
func (r *Router) search(ctx context.Context, i *discordgo.Interaction) (Reply, error) {
	q := optionsOf(i).str(OptQuery)
	if q == "" {
		return ephemeral("What should I search for? E.g. `/search query:mining university China`, or `\"exact phrase\"`."), nil
	}
	if reply, bad := tooLong("query", q, maxText, r.example(ctx, CmdSearch)); bad {
		return reply, nil
	}
	return r.searchPage(ctx, i, []string{q}, 0)
}

// searchPage lists one page of search hits; args are the query.
func (r *Router) searchPage(ctx context.Context, i *discordgo.Interaction, args []string, page int) (Reply, error) {
	q := pageKey{Args: args}.arg(0)
	page = max(0, min(page, maxHits/perPage-1))
	res, err := r.lib.Search(ctx, q, (page+1)*perPage)
	if err != nil {
		return r.explain(err, "articles")
	}
	if res == nil || len(res.Hits) == 0 {
		return ephemeral(fmt.Sprintf("No articles match `%s`. Try fewer or other words, or `/ask` a question in plain words.", oneLine(q, 200))), nil
	}
	total := int(min(res.Total, maxHits))
	total = max(total, len(res.Hits))
	w := pageWindow(total, page)
	lo, hi := w.Lo, min(w.Hi, len(res.Hits))
	if lo >= hi { // the index shrank since the button was made
		w = pageWindow(len(res.Hits), page)
		lo, hi = w.Lo, w.Hi
	}
	lines := make([]string, 0, hi-lo)
	for _, h := range res.Hits[lo:hi] {
		lines = append(lines, hitLine(h))
	}
	footer := w.footer(int(res.Total), plural(int(res.Total), "article", "articles"))
	if res.Total > maxHits {
		footer += fmt.Sprintf(" (showing the best %d)", maxHits)
	}
	e := card("Search: "+oneLine(q, 200), joinLines(lines, maxDescription), nil, footer)
	return message(embedMessage(e, pager(CmdSearch, args, w))), nil
}

// hitLine shows one hit: date, title, and its best snippet.
func hitLine(h knowledge.SearchHit) string {
	line := fmt.Sprintf("`%s` **%s**", dateOrDash(h.Published), oneLine(escape(h.Title), 120))
	if len(h.Snippets) > 0 {
		line += " — " + marked(h.Snippets[0], maxLine-utf8.RuneCountInString(line)-3)
	}
	return truncate(line, maxLine)
}

// marked renders a snippet in at most n runes: its text escaped as
// markdown, its matches in bold, and cut with "…" between words or marks
// when it is longer, so that a bold run is never left open.
func marked(s knowledge.Snippet, n int) string {
	var b strings.Builder
	used, at := 0, 0
	// put writes one piece, or as much of it as fits, and says whether all of it did.
	put := func(piece string, bold bool) bool {
		out := escape(piece)
		if bold {
			out = "**" + out + "**"
		}
		if k := utf8.RuneCountInString(out); used+k <= n-1 {
			b.WriteString(out)
			used += k
			return true
		}
		if !bold { // the words that fit, then the cut
			for _, w := range strings.SplitAfter(piece, " ") {
				out := escape(w)
				if used+utf8.RuneCountInString(strings.TrimRight(out, " ")) > n-1 {
					break
				}
				b.WriteString(out)
				used += utf8.RuneCountInString(out)
			}
		}
		return false
	}
	for _, m := range s.Matches {
		if m[0] < at || m[1] > len(s.Text) {
			continue // not in order: leave it plain
		}
		if !put(s.Text[at:m[0]], false) || !put(s.Text[m[0]:m[1]], true) {
			return strings.TrimRight(b.String(), " ") + "…"
		}
		at = m[1]
	}
	if !put(s.Text[at:], false) {
		return strings.TrimRight(b.String(), " ") + "…"
	}
	return b.String()
}
