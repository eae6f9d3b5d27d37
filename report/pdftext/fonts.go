package pdftext

import (
	"io"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// font decodes a font's codes to text and gives each code's advance width,
// in text space units (1/1000 of the font size for all but Type3 fonts).
type font struct {
	twoByte  bool // codes are two bytes (Type0 with an Identity or UCS2 CMap)
	toUni    *cmap
	simple   *[256]string // a simple font's code → text
	cmapEnc  string       // a predefined CMap's encoding: "ucs2", "utf16", "gbk"
	widths   map[int]float64
	first    int
	fwidths  []float64
	dw       float64
	scale    float64 // widths × scale = text space (0.001, or a Type3 FontMatrix)
	vertical bool
}

// loadFont reads the font dictionary once per page resource.
func loadFont(v pdf.Value) *font {
	f := &font{scale: 0.001, dw: 1000}
	subtype := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = readCMap(tu)
	}
	if subtype == "Type0" {
		enc := v.Key("Encoding")
		name := enc.Name()
		if enc.Kind() == pdf.Stream {
			name = enc.Key("CMapName").Name()
		}
		f.twoByte = true
		f.vertical = strings.HasSuffix(name, "-V")
		switch {
		case strings.HasPrefix(name, "Identity"):
		case strings.Contains(name, "UCS2"):
			f.cmapEnc = "ucs2"
		case strings.Contains(name, "UTF16"):
			f.cmapEnc = "utf16"
		case strings.Contains(name, "GBK") || strings.Contains(name, "GB-EUC") || strings.Contains(name, "GBpc-EUC") || strings.Contains(name, "GBT-EUC"):
			f.cmapEnc = "gbk"
		}
		desc := v.Key("DescendantFonts").Index(0)
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.widths = readW(desc.Key("W"))
		return f
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.fwidths = append(f.fwidths, ws.Index(i).Float64())
	}
	f.dw = 500 // an unknown simple font: about half an em per glyph
	if subtype == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
		f.dw = 0.5 / f.scale
	}
	f.simple = simpleEncoding(v)
	return f
}

// readW reads a CID font's W array: c [w1 w2 …] and cfirst clast w.
func readW(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	for i := 0; i < w.Len(); {
		first := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(out) < 1<<16; j++ {
				out[first+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := int(next.Int64())
		width := w.Index(i + 2).Float64()
		for c := first; c <= last && c-first < 1<<16 && len(out) < 1<<17; c++ {
			out[c] = width
		}
		i += 3
	}
	return out
}

// code is one character code of a shown string.
type code struct {
	raw    string // its bytes
	n      int    // its value
	single bool   // a one-byte code 32 gets word spacing
}

// codes splits a shown string into the font's character codes.
func (f *font) codes(s string) []code {
	var out []code
	for len(s) > 0 {
		n := 1
		switch {
		case f.twoByte && f.cmapEnc == "gbk":
			if s[0] >= 0x81 && len(s) > 1 {
				n = 2
			}
		case f.twoByte:
			n = 2 // Identity and UCS-2 CMaps: every code is two bytes
		case f.toUni != nil && len(f.toUni.space) > 0:
			n = f.toUni.codeLen(s)
		}
		n = min(n, len(s))
		c := code{raw: s[:n], single: n == 1}
		for i := 0; i < n; i++ {
			c.n = c.n<<8 | int(s[i])
		}
		out = append(out, c)
		s = s[n:]
	}
	return out
}

// width is a code's advance in text space units per unit of font size.
func (f *font) width(c code) float64 {
	if f.widths != nil {
		if w, ok := f.widths[c.n]; ok {
			return w * f.scale
		}
		return f.dw * f.scale
	}
	if i := c.n - f.first; i >= 0 && i < len(f.fwidths) && f.fwidths[i] > 0 {
		return f.fwidths[i] * f.scale
	}
	return f.dw * f.scale
}

// text decodes one code; "" when the font gives no way back to characters.
func (f *font) text(c code) string {
	if f.toUni != nil {
		if s, ok := f.toUni.lookup(c.raw); ok {
			return s
		}
	}
	switch f.cmapEnc {
	case "ucs2", "utf16":
		if len(c.raw) == 2 {
			return string(rune(c.n))
		}
	case "gbk":
		if out, err := simplifiedchinese.GBK.NewDecoder().String(c.raw); err == nil {
			return out
		}
	}
	if f.simple != nil && len(c.raw) == 1 {
		return f.simple[c.raw[0]]
	}
	return ""
}

// simpleEncoding is a simple font's code → text table: its base encoding
// (WinAnsi unless it says otherwise) overlaid with its Differences, whose
// glyph names are read through the Adobe glyph list (uniXXXX names too).
func simpleEncoding(v pdf.Value) *[256]string {
	var t [256]string
	base := winAnsi()
	enc := v.Key("Encoding")
	name := enc.Name()
	if enc.Kind() == pdf.Dict {
		name = enc.Key("BaseEncoding").Name()
	}
	if name == "MacRomanEncoding" {
		base = macRoman()
	}
	for i, r := range base {
		if r != 0 {
			t[i] = string(r)
		}
	}
	if v.Key("Subtype").Name() == "Type3" {
		t = [256]string{} // glyph procedures have no standard encoding
	}
	diffs := enc.Key("Differences")
	n := 0
	for i := 0; i < diffs.Len(); i++ {
		x := diffs.Index(i)
		switch x.Kind() {
		case pdf.Integer:
			n = int(x.Int64())
		case pdf.Name:
			if n >= 0 && n < 256 {
				t[n] = glyphText(x.Name())
			}
			n++
		}
	}
	return &t
}

// glyphText reads a glyph name: the common Latin ones, uniXXXX and uXXXX[XX].
func glyphText(name string) string {
	if r, ok := glyphNames()[name]; ok {
		return string(r)
	}
	if len(name) == 1 && name[0] >= 0x21 && name[0] < 0x7F {
		return name
	}
	hex := ""
	switch {
	case strings.HasPrefix(name, "uni") && len(name) >= 7:
		hex = name[3:7]
	case strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7:
		hex = name[1:]
	}
	if hex != "" {
		n := 0
		for _, c := range hex {
			d := strings.IndexRune("0123456789ABCDEF", c)
			if d < 0 {
				return ""
			}
			n = n*16 + d
		}
		return string(rune(n))
	}
	return "" // g12, cid123 and other names say nothing of the character
}

// cmap is a ToUnicode map: code space ranges (how many bytes a code has)
// and code → text by single codes and ranges.
type cmap struct {
	space  []spaceRange
	chars  map[string]string
	ranges []uniRange
}

type spaceRange struct{ lo, hi string }

type uniRange struct {
	lo, hi string
	dst    string   // UTF-16BE of the range's first code
	arr    []string // or one destination per code
}

func (m *cmap) codeLen(s string) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range m.space {
			if len(r.lo) == n && r.lo <= s[:n] && s[:n] <= r.hi {
				return n
			}
		}
	}
	// Outside every range: the shortest range length, as readers do.
	n := 4
	for _, r := range m.space {
		n = min(n, len(r.lo))
	}
	return n
}

func (m *cmap) lookup(raw string) (string, bool) {
	if s, ok := m.chars[raw]; ok {
		return s, true
	}
	for _, r := range m.ranges {
		if len(r.lo) != len(raw) || raw < r.lo || raw > r.hi {
			continue
		}
		off := codeValue(raw) - codeValue(r.lo)
		if r.arr != nil {
			if off < len(r.arr) {
				return utf16BE(r.arr[off]), true
			}
			return "", false
		}
		u := []byte(r.dst)
		if len(u) < 2 {
			return "", false
		}
		// The offset is added to the last UTF-16 unit.
		last := int(u[len(u)-2])<<8 | int(u[len(u)-1])
		last += off
		u[len(u)-2], u[len(u)-1] = byte(last>>8), byte(last)
		return utf16BE(string(u)), true
	}
	return "", false
}

func codeValue(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n<<8 | int(s[i])
	}
	return n
}

func utf16BE(s string) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// readCMap reads a ToUnicode stream: its code space ranges, bfchar and
// bfrange entries. A map is data, not a program, so it is tokenised here
// rather than run; a damaged map gives what was read before the damage.
func readCMap(v pdf.Value) *cmap {
	rd := v.Reader()
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, 8<<20))
	if err != nil && len(data) == 0 {
		return nil
	}
	m := &cmap{chars: map[string]string{}}
	var args []cmapToken
	for _, t := range tokenizeCMap(data) {
		if t.kw == "" {
			args = append(args, t)
			continue
		}
		switch t.kw {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				m.space = append(m.space, spaceRange{args[i].s, args[i+1].s})
			}
		case "endbfchar":
			for i := 0; i+1 < len(args) && len(m.chars) < 1<<17; i += 2 {
				m.chars[args[i].s] = utf16BE(args[i+1].s)
			}
		case "endbfrange":
			for i := 0; i+2 < len(args) && len(m.ranges) < 1<<16; i += 3 {
				r := uniRange{lo: args[i].s, hi: args[i+1].s, dst: args[i+2].s, arr: args[i+2].arr}
				if args[i+2].isArr && r.arr == nil {
					r.arr = []string{}
				}
				m.ranges = append(m.ranges, r)
			}
		}
		args = args[:0]
	}
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	return m
}

// cmapToken is a keyword, a string (hex or literal) or an array of strings.
type cmapToken struct {
	kw    string
	s     string
	arr   []string
	isArr bool
}

func tokenizeCMap(d []byte) []cmapToken {
	var out []cmapToken
	var arr *cmapToken
	emit := func(t cmapToken) {
		if arr != nil && t.kw == "" {
			arr.arr = append(arr.arr, t.s)
			return
		}
		out = append(out, t)
	}
	for i := 0; i < len(d); {
		c := d[i]
		switch {
		case c == '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(d) && d[i+1] == '<', c == '>' && i+1 < len(d) && d[i+1] == '>':
			i += 2
		case c == '<':
			j := i + 1
			var hex []byte
			for j < len(d) && d[j] != '>' {
				if h := unhex(d[j]); h >= 0 {
					hex = append(hex, byte(h))
				}
				j++
			}
			if len(hex)%2 == 1 {
				hex = append(hex, 0)
			}
			b := make([]byte, len(hex)/2)
			for k := range b {
				b[k] = hex[2*k]<<4 | hex[2*k+1]
			}
			emit(cmapToken{s: string(b)})
			i = j + 1
		case c == '(':
			j, depth := i+1, 1
			var b []byte
			for j < len(d) && depth > 0 {
				switch d[j] {
				case '\\':
					j++
					if j < len(d) {
						b = append(b, d[j])
					}
				case '(':
					depth++
					b = append(b, d[j])
				case ')':
					depth--
					if depth > 0 {
						b = append(b, d[j])
					}
				default:
					b = append(b, d[j])
				}
				j++
			}
			emit(cmapToken{s: string(b)})
			i = j
		case c == '[':
			out = append(out, cmapToken{isArr: true})
			arr = &out[len(out)-1]
			i++
		case c == ']':
			arr = nil
			i++
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		default:
			j := i
			for j < len(d) && !strings.ContainsRune(" \t\r\n\f<>[]()/%", rune(d[j])) {
				j++
			}
			if j == i {
				j++ // a lone '/' or stray byte
			}
			word := string(d[i:j])
			if strings.HasPrefix(word, "begin") || strings.HasPrefix(word, "end") {
				emit(cmapToken{kw: word})
			}
			i = j
		}
	}
	return out
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
