// Package htmltext reads a saved web page as the text a reader sees in it:
// the article, not the site around it. Scripts, styles, navigation, the
// page's own header and footer and side columns are left out; block
// elements become lines and a table row one line with its cells separated
// by tabs.
package htmltext

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Is says whether data is an HTML document: after a byte order mark and
// blank space, a doctype or one of the document's own elements.
func Is(data []byte) bool {
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		if out, err := decodeUTF16(head); err == nil {
			head = out
		}
	}
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	for bytes.HasPrefix(head, []byte("<!--")) {
		end := bytes.Index(head, []byte("-->"))
		if end < 0 {
			return false
		}
		head = bytes.TrimLeft(head[end+3:], " \t\r\n")
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta", "<body", "<?xml"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<?xml" || bytes.Contains(head, []byte("<html"))
		}
	}
	return false
}

// Text is the page's readable text, decoded from its byte order mark, its
// meta charset (GBK, GB2312, GB18030, UTF-8) or, with neither, UTF-8
// when valid and GB18030 otherwise.
func Text(data []byte) (string, error) {
	src, err := decodePage(data)
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", err
	}
	w := &writer{}
	w.walk(doc, false)
	w.newline()
	return strings.Join(w.lines, "\n") + "\n", nil
}

var metaCharset = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`) })

func decodePage(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := decodeUTF16(data)
		return string(out), err
	}
	var enc encoding.Encoding
	if m := metaCharset().FindSubmatch(data[:min(len(data), 4096)]); m != nil {
		switch strings.ToLower(string(m[1])) {
		case "gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn":
			enc = simplifiedchinese.GB18030
		case "utf-8", "utf8":
			if utf8.Valid(data) {
				return string(data), nil
			}
		}
	}
	if enc == nil {
		if utf8.Valid(data) {
			return string(data), nil
		}
		enc = simplifiedchinese.GB18030 // what Chinese Windows saves
	}
	out, err := enc.NewDecoder().Bytes(data)
	return string(out), err
}

func decodeUTF16(data []byte) ([]byte, error) {
	return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
}

// writer gathers lines: text runs inside one block make one line.
type writer struct {
	lines []string
	cur   strings.Builder
	cells int // cells written in the current table row
}

func (w *writer) newline() {
	s := strings.TrimSpace(cellSpace().ReplaceAllString(w.cur.String(), "\t"))
	w.cur.Reset()
	w.cells = 0
	if s != "" {
		w.lines = append(w.lines, s)
	}
}

var cellSpace = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(` *\t *`) })

var spaces = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[ \t\r\n\f\x{00a0}]+`) })

// skipped are elements whose content is never the article's text.
var skipped = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{
		atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Nav: true, atom.Aside: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
		atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Object: true,
		atom.Canvas: true, atom.Dialog: true, atom.Menu: true,
	}
})

// skippedRoles are ARIA landmarks of the site rather than the article.
var skippedRoles = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true, "menu": true, "menubar": true}
})

var blocks = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{
		atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
		atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
		atom.Table: true, atom.Tr: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
		atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true, atom.Footer: true,
		atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true,
		atom.Address: true, atom.Body: true, atom.Center: true, atom.Details: true, atom.Summary: true,
	}
})

// walk writes n's text. inArticle says an <article> or <main> holds n: a
// header or footer there is the article's own (title, date, author) and
// kept, while the page's header and footer are the site's and left out.
func (w *writer) walk(n *html.Node, inArticle bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if hidden(n) || skipped()[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Header, atom.Footer:
			if !inArticle {
				return
			}
		case atom.Article, atom.Main:
			inArticle = true
		case atom.Br:
			w.newline()
			return
		case atom.Td, atom.Th:
			if layoutCell(n) {
				break // a page laid out in a table: its cells hold blocks
			}
			if w.cells > 0 {
				w.cur.WriteString("\t")
			}
			w.cells++
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walkInline(c, inArticle)
			}
			return
		case atom.Img:
			return
		case atom.Pre:
			w.newline()
			for _, l := range strings.Split(textOf(n), "\n") {
				w.cur.WriteString(l)
				w.newline()
			}
			return
		}
	}
	block := n.Type == html.ElementNode && blocks()[n.DataAtom]
	if block {
		w.newline()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inArticle)
	}
	if block {
		w.newline()
	}
}

// layoutCell is a table cell that lays out a page rather than holding a
// value: it holds a table, several blocks, or a paragraph's worth of text.
func layoutCell(n *html.Node) bool {
	blocksIn, runes := 0, 0
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				runes += utf8.RuneCountInString(strings.TrimSpace(c.Data))
			case c.Type == html.ElementNode && c.DataAtom == atom.Table:
				blocksIn += 2
			case c.Type == html.ElementNode && (blocks()[c.DataAtom] || c.DataAtom == atom.Br):
				blocksIn++
				rec(c, depth+1)
			case c.Type == html.ElementNode:
				rec(c, depth+1)
			}
		}
	}
	rec(n, 0)
	return blocksIn >= 2 || runes > 80
}

// walkInline writes a table cell's content on the row's line: blocks
// inside a cell (a <p>, a <br>) become spaces, so the row stays one line.
func (w *writer) walkInline(n *html.Node, inArticle bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if hidden(n) || skipped()[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br || blocks()[n.DataAtom] {
			w.cur.WriteString(" ")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walkInline(c, inArticle)
	}
}

func (w *writer) text(s string) {
	s = spaces().ReplaceAllString(s, " ")
	if s == " " && (w.cur.Len() == 0 || strings.HasSuffix(w.cur.String(), " ") || strings.HasSuffix(w.cur.String(), "\t")) {
		return
	}
	w.cur.WriteString(s)
}

// siteParts are the words older pages name their site's parts with, in a
// class or an id (<div class="topnav">, <div id="sidebar">): navigation,
// side columns, footers, lists of related or popular items, sharing.
var siteParts = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"nav": true, "navbar": true, "topnav": true, "menu": true, "breadcrumb": true, "breadcrumbs": true, "crumb": true, "crumbs": true,
		"side": true, "sidebar": true, "aside": true, "footer": true, "foot": true, "related": true, "recommend": true,
		"hot": true, "ad": true, "ads": true, "advert": true, "share": true, "comment": true, "comments": true,
		"copyright": true, "toolbar": true, "login": true,
	}
})

var nameWords = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[a-z]+|[A-Z][a-z]*`) })

// namedSitePart is an element whose class or id names a part of the site.
func namedSitePart(v string) bool {
	for _, w := range nameWords().FindAllString(v, -1) {
		if siteParts()[strings.ToLower(w)] {
			return true
		}
	}
	// Stems that say it inside a run-together name (leftbar, mainnav).
	v = strings.ToLower(v)
	for _, stem := range []string{"nav", "sidebar", "leftbar", "rightbar", "breadcrumb", "footer", "copyright"} {
		if strings.Contains(v, stem) {
			return true
		}
	}
	return false
}

// hidden is an element the browser does not show, or a part of the site
// around the article: an ARIA landmark, or a class or id naming one.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "class", "id":
			if n.DataAtom != atom.Body && n.DataAtom != atom.Html && namedSitePart(a.Val) {
				return true
			}
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "role":
			if skippedRoles()[strings.ToLower(a.Val)] {
				return true
			}
		case "style":
			st := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (skipped()[n.DataAtom] || hidden(n)) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}
