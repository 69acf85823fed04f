package feeds

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText turns a feed's HTML (or plain text) into the paragraphs of an
// article: text of block elements and line breaks become paragraphs
// separated by a blank line; scripts, styles and tags are dropped; spaces
// are tidied.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	skip := 0 // depth inside script or style
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if skip == 0 {
				text := string(z.Text())
				// Plain text keeps its own paragraphs.
				for i, part := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
					if i > 0 {
						flush()
					}
					cur.WriteString(part)
				}
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style:
				if t := z.Token(); t.Type == html.StartTagToken {
					skip++
				} else if t.Type == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Blockquote, atom.Tr, atom.Section, atom.Article, atom.Figcaption, atom.Ul, atom.Ol, atom.Table:
				flush()
			default:
				cur.WriteByte(' ')
			}
		}
	}
}
