package commands

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Long results are paged. A page's Previous and Next buttons carry in their
// custom_id everything needed to rebuild the neighbouring page, the command
// and its arguments, so they keep working after a restart:
//
//	pg|partners|2|KU|Thailand
//
// Arguments are escaped so that they never contain the separator.

const (
	// perPage is how many items a page lists; with items of at most
	// maxLine characters a page always fits a description.
	perPage = 10
	// maxCustomID is Discord's limit on a component's custom_id.
	maxCustomID = 100
	pagePrefix  = "pg"
)

var (
	argEscaper   = strings.NewReplacer("%", "%25", "|", "%7C")
	argUnescaper = strings.NewReplacer("%7C", "|", "%25", "%")
)

// pageKey identifies one page of one command's result.
type pageKey struct {
	Cmd  string
	Page int
	Args []string
}

// customID encodes k, or reports false when it would exceed Discord's limit.
func (k pageKey) customID() (string, bool) {
	parts := []string{pagePrefix, k.Cmd, strconv.Itoa(k.Page)}
	for _, a := range k.Args {
		parts = append(parts, argEscaper.Replace(a))
	}
	id := strings.Join(parts, "|")
	return id, utf8.RuneCountInString(id) <= maxCustomID
}

// parsePageKey decodes a custom_id made by customID.
func parsePageKey(id string) (pageKey, error) {
	parts := strings.Split(id, "|")
	if len(parts) < 3 || parts[0] != pagePrefix {
		return pageKey{}, fmt.Errorf("custom_id %q is not a page button", id)
	}
	page, err := strconv.Atoi(parts[2])
	if err != nil || page < 0 {
		return pageKey{}, fmt.Errorf("custom_id %q has a bad page number", id)
	}
	k := pageKey{Cmd: parts[1], Page: page}
	for _, a := range parts[3:] {
		k.Args = append(k.Args, argUnescaper.Replace(a))
	}
	return k, nil
}

// arg returns the i-th argument of k, or "".
func (k pageKey) arg(i int) string {
	if i < len(k.Args) {
		return k.Args[i]
	}
	return ""
}

// window is one page of a list of n items.
type window struct {
	Lo, Hi      int // items[Lo:Hi] are on the page
	Page, Pages int // zero-based page, and the count of pages
}

// pageWindow clamps page into range and returns its items' bounds.
func pageWindow(n, page int) window {
	pages := (n + perPage - 1) / perPage
	if pages == 0 {
		pages = 1
	}
	page = max(0, min(page, pages-1))
	lo := page * perPage
	return window{Lo: lo, Hi: min(n, lo+perPage), Page: page, Pages: pages}
}

// footer says where the page is: "Page 2 of 5 · 47 partners".
func (w window) footer(n int, noun string) string {
	if w.Pages <= 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("Page %d of %d · %d %s", w.Page+1, w.Pages, n, noun)
}

// pager returns the Previous/Next buttons for w, or none when the result
// fits one page or its arguments are too long for a custom_id.
func pager(cmd string, args []string, w window) []discordgo.MessageComponent {
	if w.Pages <= 1 {
		return nil
	}
	prev, ok1 := pageKey{Cmd: cmd, Page: max(0, w.Page-1), Args: args}.customID()
	next, ok2 := pageKey{Cmd: cmd, Page: min(w.Pages-1, w.Page+1), Args: args}.customID()
	if !ok1 || !ok2 || prev == next {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: prev, Disabled: w.Page == 0},
		discordgo.Button{Label: "Next", Style: discordgo.SecondaryButton, CustomID: next, Disabled: w.Page >= w.Pages-1},
	}}}
}
