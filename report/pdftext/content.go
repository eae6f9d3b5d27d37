package pdftext

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// glyph is one decoded character where the page shows it, in points from
// the page's top-left corner (y grows downwards; y is the baseline).
type glyph struct {
	x0, x1, y, size float64
	s               string
}

// page is one page's glyphs and size.
type page struct {
	w, h   float64
	glyphs []glyph
}

// extractor interprets content streams, counting over the whole file what
// it saw: the glyphs drawn, those that decoded to letters, digits or
// ideographs, and those no map could decode.
type extractor struct {
	glyphs  int
	decoded int
	fonts   map[string]*font // across pages, by fontKey
}

// fontKey names a font for reuse across pages: the pages of a file share
// their fonts, and reading a CID font's maps again for every page costs
// more than the page. The object layer does not say which object a font
// is, so the key is what tells fonts apart: the resource name, the font's
// name (a subset's has its own prefix), type, code range and the sizes of
// its width and ToUnicode tables.
func fontKey(name string, v pdf.Value) string {
	desc := v.Key("DescendantFonts").Index(0)
	return fmt.Sprint(name, "|", v.Key("BaseFont").Name(), "|", v.Key("Subtype").Name(), "|", v.Key("FirstChar").Int64(), "-", v.Key("LastChar").Int64(),
		"|", v.Key("Widths").Len(), "|", desc.Key("W").Len(), "|", v.Key("ToUnicode").Key("Length").Int64(), "|", v.Key("Encoding").Name())
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul is m then n: a point goes through m first.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm                   matrix
	tc, tw, th, tl, trise float64
	tfs                   float64
	font                  *font
}

// page reads one page's glyphs; a damaged content stream gives the glyphs
// read before the damage, and the error.
func (ex *extractor) page(p pdf.Page) (pg page, err error) {
	box := inherited(p.V, "CropBox")
	if box.Len() != 4 {
		box = inherited(p.V, "MediaBox")
	}
	llx, lly, urx, ury := 0.0, 0.0, 612.0, 792.0
	if box.Len() == 4 {
		llx, lly, urx, ury = box.Index(0).Float64(), box.Index(1).Float64(), box.Index(2).Float64(), box.Index(3).Float64()
		if llx > urx {
			llx, urx = urx, llx
		}
		if lly > ury {
			lly, ury = ury, lly
		}
	}
	pg.w, pg.h = urx-llx, ury-lly
	// The page's origin goes to its top-left corner with y down.
	base := matrix{1, 0, 0, -1, -llx, ury}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: page content: %v", ErrCorrupt, r)
		}
	}()
	ex.run(&pg, p.V.Key("Contents"), p.Resources(), base, 0)
	return pg, nil
}

// inherited is a page attribute, from the page or the nearest page tree
// node above it.
func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && v.Kind() == pdf.Dict; i++ {
		if x := v.Key(key); x.Kind() != pdf.Null {
			return x
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// run interprets one content stream (a page's or a form's) with its
// resources, from the transformation ctm.
func (ex *extractor) run(pg *page, contents, res pdf.Value, ctm matrix, depth int) {
	if contents.Kind() == pdf.Null || depth > maxDepth {
		return
	}
	fonts := map[string]*font{}
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix = identity, identity

	show := func(s string) {
		f := g.font
		if f == nil {
			return
		}
		for _, c := range f.codes(s) {
			w0 := f.width(c)
			m := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.trise}.mul(tm).mul(g.ctm)
			x0, y0 := m.apply(0, 0)
			x1, _ := m.apply(w0, 0)
			size := math.Hypot(m[2], m[3])
			t := foldIdeographs(f.text(c))
			isSpace := t != "" && strings.TrimSpace(t) == ""
			if ex.glyphs < maxGlyphs && size > 0.5 {
				ex.glyphs++
				if countable(t) {
					ex.decoded++
				}
				if x1 < x0 {
					x0, x1 = x1, x0
				}
				switch {
				case isSpace:
					// Kept as a mark: a gap with a space drawn in it is
					// a word space, not the edge of a table's cell.
					pg.glyphs = append(pg.glyphs, glyph{x0: x0, x1: x1, y: y0, size: size, s: " "})
				case t != "":
					pg.glyphs = append(pg.glyphs, glyph{x0: x0, x1: x1, y: y0, size: size, s: t})
				}
			}
			tx := w0*g.tfs + g.tc
			if c.single && c.raw == " " {
				tx += g.tw
			}
			tm = matrix{1, 0, 0, 1, tx * g.th, 0}.mul(tm)
		}
	}

	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		mat := func() matrix {
			var m matrix
			for i := range m {
				m[i] = num(i)
			}
			return m
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = mat().mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					fv := res.Key("Font").Key(name)
					key := fontKey(name, fv)
					if f, ok = ex.fonts[key]; !ok {
						f = loadFont(fv)
						if ex.fonts == nil {
							ex.fonts = map[string]*font{}
						}
						ex.fonts[key] = f
					}
					fonts[name] = f
				}
				g.font, g.tfs = f, num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tm, tlm = mat(), mat()
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) >= 1 {
				show(args[len(args)-1].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(args) >= 1 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) < 1 {
				return
			}
			a := args[len(args)-1]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					show(x.RawString())
					continue
				}
				tx := -x.Float64() / 1000 * g.tfs * g.th
				tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
			}
		case "Do":
			if len(args) < 1 {
				return
			}
			xo := res.Key("XObject").Key(args[0].Name())
			if xo.Key("Subtype").Name() != "Form" {
				return
			}
			m := identity
			if fm := xo.Key("Matrix"); fm.Len() == 6 {
				for i := range m {
					m[i] = fm.Index(i).Float64()
				}
			}
			r := xo.Key("Resources")
			if r.Kind() == pdf.Null {
				r = res
			}
			ex.run(pg, xo, r, m.mul(g.ctm), depth+1)
		}
	})
}

// countable is text that shows a page has words: letters, digits and
// ideographs (not the private-use codes of a font without a map).
func countable(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return !unicode.Is(unicode.Co, r)
		}
	}
	return false
}
