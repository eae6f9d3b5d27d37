package pdftext

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The layout's proportions, in units of the font size. Between glyphs of a
// word there is no gap; a word space is about a quarter em; a table's cells
// and a page's columns are at least an em apart.
const (
	spaceGap   = 0.2  // a wider gap is a space (not between Han characters)
	segmentGap = 0.6  // a wider gap ends a segment: next cell or column
	cellGap    = 0.45 // and a narrower one with no space glyph in it
	sameLine   = 0.35 // baselines this close are one line
	ascent     = 0.8  // a segment's box reaches this far above its baseline
	descent    = 0.2  // and this far below
)

// maxSegments bounds the layout's work on one page: a dense page of tables
// has a few thousand segments.
const maxSegments = 8000

// seg is a run of glyphs on one baseline with no wide gap: a line of a
// column, a table cell, a label.
type seg struct {
	x0, x1, y, size float64
	text            string
	runes           int
}

func (s *seg) top() float64 { return s.y - ascent*s.size }
func (s *seg) bot() float64 { return s.y + descent*s.size }

// line is one output line: its segments joined, where it sits, and whether
// a blank line goes before it (a new block: column, sidebar, paragraph).
type line struct {
	text     string
	top, bot float64
	x0, x1   float64
	size     float64
	brk      bool
	column   bool // the first line of a column (after a cut across)
	full     bool // reaches its column's right edge: the text wraps on
}

// segments groups a page's glyphs into segments.
func segments(gs []glyph) []*seg {
	spacesDrawn := false
	for _, g := range gs {
		if g.s == " " {
			spacesDrawn = true
			break
		}
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y < gs[j].y })
	var out []*seg
	for i := 0; i < len(gs); {
		// One baseline: glyphs within sameLine of the first one's.
		j := i + 1
		for j < len(gs) && gs[j].y-gs[i].y <= sameLine*math.Max(gs[i].size, gs[j].size) {
			j++
		}
		row := gs[i:j]
		sort.SliceStable(row, func(a, b int) bool { return row[a].x0 < row[b].x0 })
		spread := evenlySpread(row)
		var cur *seg
		var prev glyph
		var b strings.Builder
		flush := func() {
			if cur != nil {
				cur.text = b.String()
				out = append(out, cur)
			}
			cur = nil
			b.Reset()
		}
		spaced := false // a space glyph stands between prev and g
		for _, g := range row {
			if g.s == " " {
				spaced = true
				continue
			}
			if cur != nil {
				size := math.Max(prev.size, g.size)
				gap := g.x0 - prev.x1
				// The same glyph drawn again (fake bold, shadow) is one glyph.
				if g.s == prev.s && math.Abs(g.x0-prev.x0) < 0.15*size {
					continue
				}
				// A wide gap ends a segment; so does a narrower one with no
				// space drawn in it where the page draws its spaces: the
				// next cell of a tight table.
				if !spread && (gap > segmentGap*size || gap > cellGap*size && !spaced && spacesDrawn) {
					flush()
				} else if gap > spaceGap*size && !(closedUp(lastRune(prev.s)) && closedUp(firstRune(g.s))) {
					b.WriteByte(' ')
				}
			}
			if cur == nil {
				cur = &seg{x0: g.x0, x1: g.x1, y: g.y, size: g.size}
			}
			spaced = false
			b.WriteString(g.s)
			cur.x1 = math.Max(cur.x1, g.x1)
			cur.size = math.Max(cur.size, g.size)
			cur.runes += utf8.RuneCountInString(g.s)
			prev = g
		}
		flush()
		i = j
	}
	return out
}

// evenlySpread is a line whose characters stand at one even spacing: a
// title spread across the line (推    荐    用    友) or a justified line
// of Chinese, one run of text however wide its gaps. A table's row has
// gaps of every width.
func evenlySpread(all []glyph) bool {
	row := make([]glyph, 0, len(all))
	for _, g := range all {
		if g.s != " " {
			row = append(row, g)
		}
	}
	if len(row) < 3 {
		return false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for k := 1; k < len(row); k++ {
		if !isHan(firstRune(row[k].s)) || !isHan(lastRune(row[k-1].s)) {
			return false
		}
		gap := row[k].x0 - row[k-1].x1
		lo, hi = math.Min(lo, gap), math.Max(hi, gap)
	}
	return lo > spaceGap*row[0].size && hi-lo <= 0.15*row[0].size
}

// layout orders a page's segments into lines: a recursive cut along the
// widest whitespace, columns left to right and blocks top to bottom.
func layout(segs []*seg) []line {
	if len(segs) > maxSegments {
		// Beyond any real page: read it row by row rather than spend
		// quadratic time cutting it.
		return lines(segs)
	}
	var out []line
	cut(segs, true, columnOf(segs), &out)
	return out
}

// extent is the right edge of a column: where its full lines end.
func extent(segs []*seg) float64 {
	right := math.Inf(-1)
	for _, s := range segs {
		right = math.Max(right, s.x1)
	}
	return right
}

// span is a column's extent across the page: where its full lines start
// and end.
type span struct{ lo, hi float64 }

func columnOf(segs []*seg) span { return span{start(segs), extent(segs)} }

func cut(segs []*seg, brk bool, col span, out *[]line) {
	cutFrom(segs, brk, false, col, out)
}

// cutFrom is cut with column set for a column's first block.
func cutFrom(segs []*seg, brk, column bool, col span, out *[]line) {
	if len(segs) == 0 {
		return
	}
	size := medianSize(segs)
	if len(segs) > 1 {
		if left, rest, ok := columnSplit(segs, size); ok {
			// A caption or note under the columns (or a title over them),
			// on one side only, is not the column's: cut it off first
			// where a band crosses the whole region.
			if g, ok := spanningBand(segs, left, rest); ok {
				cutAt(segs, g, brk, column, col, size, out)
				return
			}
			cutFrom(left, brk, column, columnOf(left), out)
			cutFrom(rest, true, true, columnOf(rest), out)
			return
		}
		if hs := gaps(segs, vertical); len(hs) > 0 {
			g := acrossCut(segs, hs, size)
			cutAt(segs, g, brk, column, col, size, out)
			return
		}
	}
	for i, l := range lines(segs) {
		l.brk = brk && i == 0
		l.column = column && i == 0
		// Full: it runs to the column's right edge from near its left
		// one, as wrapped text does (a right-aligned date does not).
		l.full = l.x1 >= col.hi-1.5*size && l.x1-l.x0 >= 0.7*(col.hi-col.lo)
		*out = append(*out, l)
	}
}

func vertical(s *seg) (float64, float64) { return s.top(), s.bot() }

// acrossCut chooses where to cut a region that has no column cut: where a
// few rows at its top or bottom (a page's header, a navigation line, a
// footer) are all that keep the rest from being cut into columns, there,
// fewest rows first; else at the widest band.
func acrossCut(segs []*seg, bands []gap, size float64) gap {
	if len(bands) < 2 {
		return bands[0]
	}
	byPos := append([]gap(nil), bands...)
	sort.Slice(byPos, func(i, j int) bool { return byPos[i].lo < byPos[j].lo })
	n := len(byPos)
	const most = 6
	// Peeling more rows only opens more gutters: when peeling the most
	// shows no columns, no fewer will (most regions: a paragraph, a table).
	if n < 2 {
		return bands[0]
	}
	t, b := min(most, n/2), min(most, n-n/2)
	var middle []*seg
	for _, s := range segs {
		if s.top() >= byPos[t-1].hi-0.01 && s.bot() <= byPos[n-b].lo+0.01 {
			middle = append(middle, s)
		}
	}
	if !hasColumns(middle, size) {
		return bands[0]
	}
	for k := 1; k <= 2*most; k++ {
		for t := 0; t <= min(k, most, n); t++ {
			b := k - t
			if b > most || t+b > n {
				continue
			}
			lo, hi := math.Inf(-1), math.Inf(1)
			if t > 0 {
				lo = byPos[t-1].hi
			}
			if b > 0 {
				hi = byPos[n-b].lo
			}
			var middle []*seg
			for _, s := range segs {
				if s.top() >= lo-0.01 && s.bot() <= hi+0.01 {
					middle = append(middle, s)
				}
			}
			if hasColumns(middle, size) {
				if t > 0 {
					return byPos[t-1]
				}
				return byPos[n-b]
			}
		}
	}
	return bands[0]
}

// hasColumns says whether a region can be cut into columns.
func hasColumns(segs []*seg, size float64) bool {
	_, _, ok := columnSplit(segs, size)
	return ok
}

// columnSplit finds the first vertical gutter, widest first, that cuts
// segs into a left column and the rest.
func columnSplit(segs []*seg, size float64) (left, rest []*seg, ok bool) {
	if len(segs) < 2 {
		return nil, nil, false
	}
	for _, g := range gaps(segs, func(s *seg) (float64, float64) { return s.x0, s.x1 }) {
		if g.hi-g.lo < segmentGap*size {
			break
		}
		left, rest = nil, nil
		for _, s := range segs {
			if s.x1 <= g.lo {
				left = append(left, s)
			} else {
				rest = append(rest, s)
			}
		}
		if columns(left, rest, size) {
			return left, rest, true
		}
	}
	return nil, nil, false
}

// cutAt cuts a region across at the band g: the part above, then below.
func cutAt(segs []*seg, g gap, brk, column bool, col span, size float64, out *[]line) {
	var above, below []*seg
	for _, s := range segs {
		if s.bot() <= g.lo {
			above = append(above, s)
		} else {
			below = append(below, s)
		}
	}
	cutFrom(above, brk, column, col, out)
	// Wider than a line's leading: a new paragraph or block.
	cut(below, g.hi-g.lo > 0.9*size, col, out)
}

// spanningBand is a band across the whole region below the end of the
// shorter column or above the start of the later one: what lies beyond it
// stands on one side only and belongs to neither column.
func spanningBand(segs, left, right []*seg) (gap, bool) {
	lTop, lBot := bounds(left)
	rTop, rBot := bounds(right)
	end, begin := math.Min(lBot, rBot), math.Max(lTop, rTop)
	bands := gaps(segs, vertical)
	for _, g := range bands {
		// Only a few lines beyond it (a caption, a note, a title): a
		// longer body going on past a shorter sidebar is still the body.
		var beyond []*seg
		for _, s := range segs {
			if g.lo >= end-1 && s.top() >= g.hi || g.hi <= begin+1 && s.bot() <= g.lo {
				beyond = append(beyond, s)
			}
		}
		if len(beyond) == 0 || len(baselines(beyond)) > 3 {
			continue
		}
		// Below the columns, a line as wide as the longer column is that
		// column going on past the shorter one, not a caption under both.
		if g.lo >= end-1 {
			longer := left
			if rBot > lBot {
				longer = right
			}
			w := extent(longer) - start(longer)
			wide := false
			for _, r := range baselines(beyond) {
				wide = wide || r.x1-r.x0 >= 0.8*w
			}
			if wide {
				continue
			}
		}
		return g, true
	}
	// A running header or footer with a part on each side (the report's
	// kind at the left, the broker at the right), set apart by more than
	// a line's leading, spans the columns too.
	if len(bands) > 0 {
		size := medianSize(segs)
		byPos := append([]gap(nil), bands...)
		sort.Slice(byPos, func(i, j int) bool { return byPos[i].lo < byPos[j].lo })
		for i, g := range []gap{byPos[0], byPos[len(byPos)-1]} {
			if g.hi-g.lo < size {
				continue
			}
			top := i == 0
			var l, r bool
			for _, s := range left {
				l = l || top && s.bot() <= g.lo || !top && s.top() >= g.hi
			}
			for _, s := range right {
				r = r || top && s.bot() <= g.lo || !top && s.top() >= g.hi
			}
			if l && r {
				return g, true
			}
		}
	}
	return gap{}, false
}

func start(segs []*seg) float64 {
	lo := math.Inf(1)
	for _, s := range segs {
		lo = math.Min(lo, s.x0)
	}
	return lo
}

func bounds(segs []*seg) (top, bot float64) {
	top, bot = math.Inf(1), math.Inf(-1)
	for _, s := range segs {
		top, bot = math.Min(top, s.top()), math.Max(bot, s.bot())
	}
	return top, bot
}

// columns says whether a vertical cut between left and right separates
// columns (or a sidebar from the body) rather than a table's cells: the
// two sides' lines do not share baselines, or they do and one side is
// running text (most lines fill the column) with real text on the other
// (not list numbers or bullets).
func columns(left, right []*seg, size float64) bool {
	if tableAcross(left, right, size) {
		return false
	}
	l, r := baselines(left), baselines(right)
	shared := 0
	for _, a := range l {
		for _, b := range r {
			if math.Abs(a.y-b.y) <= sameLine*size {
				shared++
				break
			}
		}
	}
	if float64(shared) < 0.5*float64(min(len(l), len(r))) {
		return true
	}
	return wordy(l) && wordy(r) && (prose(l, size) || prose(r, size) || runningBeside(left, l, size, true) || runningBeside(right, r, size, false))
}

// tableAcross says whether a cut would go between a table's cells: three
// rows in a row have short cells on both sides of it on one baseline. (A
// sidebar's label and a body's heading may share a baseline by chance, but
// not row after row.)
func tableAcross(left, right []*seg, size float64) bool {
	lrows, rrows := baselines(left), baselines(right)
	run, lastJ := 0, -2
	for _, lr := range lrows {
		a := edgeSeg(left, lr.y, size, true)
		j := -1
		if a != nil && short(a, size) {
			for k, rr := range rrows {
				if math.Abs(lr.y-rr.y) <= sameLine*size {
					if b := edgeSeg(right, rr.y, size, false); b != nil && short(b, size) {
						j = k
					}
					break
				}
			}
		}
		switch {
		case j < 0:
			run = 0
		case j == lastJ+1 && run > 0:
			run++
		default:
			run = 1
		}
		lastJ = j
		if run >= 3 {
			return true
		}
	}
	return false
}

// edgeSeg is the segment of the row at y closest to the cut: the rightmost
// of the left side or the leftmost of the right side.
func edgeSeg(side []*seg, y, size float64, left bool) *seg {
	var best *seg
	for _, s := range side {
		if math.Abs(s.y-y) > sameLine*size {
			continue
		}
		if best == nil || left && s.x0 > best.x0 || !left && s.x0 < best.x0 {
			best = s
		}
	}
	return best
}

// short is a segment the size of a table cell or a label, not a line of
// running text.
func short(s *seg, size float64) bool { return s.x1-s.x0 <= 12*size }

// baselines groups segments into rows: a row's extent and text length.
type row struct {
	y, x0, x1 float64
	runes     int
	segs      int
}

func baselines(segs []*seg) []row {
	sorted := append([]*seg(nil), segs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y < sorted[j].y })
	var rows []row
	for _, s := range sorted {
		if n := len(rows); n > 0 && s.y-rows[n-1].y <= sameLine*s.size {
			r := &rows[n-1]
			r.x0, r.x1 = math.Min(r.x0, s.x0), math.Max(r.x1, s.x1)
			r.runes += s.runes
			r.segs++
			continue
		}
		rows = append(rows, row{y: s.y, x0: s.x0, x1: s.x1, runes: s.runes, segs: 1})
	}
	return rows
}

// prose is running text: three lines or more, most of them one run of
// text filling the side's width, sentences long (not a table's cells).
func prose(rows []row, size float64) bool {
	if len(rows) < 3 {
		return false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		lo, hi = math.Min(lo, r.x0), math.Max(hi, r.x1)
	}
	full := 0
	for _, r := range rows {
		if r.segs == 1 && r.x1-r.x0 >= 0.6*(hi-lo) && r.x1-r.x0 >= 8*size && r.runes >= 8 {
			full++
		}
	}
	return 2*full >= len(rows)
}

// runningBeside says whether most of a side's rows meet the cut with a
// line of running text (a body set in columns of its own beside a
// sidebar): the segment nearest the cut is long as a sentence.
func runningBeside(side []*seg, rows []row, size float64, left bool) bool {
	if len(rows) < 3 {
		return false
	}
	n := 0
	for _, r := range rows {
		if s := edgeSeg(side, r.y, size, left); s != nil && s.x1-s.x0 >= 10*size && s.runes >= 10 {
			n++
		}
	}
	return 2*n >= len(rows)
}

// wordy is a side with more than markers: four characters a line or more.
func wordy(rows []row) bool {
	n := 0
	for _, r := range rows {
		n += r.runes
	}
	return n >= 4*len(rows)
}

type gap struct{ lo, hi float64 }

// gaps are the empty bands between the segments' extents along one axis,
// widest first.
func gaps(segs []*seg, extent func(*seg) (float64, float64)) []gap {
	type span struct{ lo, hi float64 }
	spans := make([]span, len(segs))
	for i, s := range segs {
		spans[i].lo, spans[i].hi = extent(s)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].lo < spans[j].lo })
	var out []gap
	reach := spans[0].hi
	for _, s := range spans[1:] {
		if s.lo > reach {
			out = append(out, gap{reach, s.lo})
		}
		reach = math.Max(reach, s.hi)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].hi-out[i].lo > out[j].hi-out[j].lo })
	return out
}

func medianSize(segs []*seg) float64 {
	sizes := make([]float64, len(segs))
	for i, s := range segs {
		sizes[i] = s.size
	}
	sort.Float64s(sizes)
	return sizes[len(sizes)/2]
}

// lines joins a block's segments row by row: cells of one row separated by
// a tab, in order across the page.
func lines(segs []*seg) []line {
	sorted := append([]*seg(nil), segs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y < sorted[j].y })
	var out []line
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].y-sorted[i].y <= sameLine*sorted[i].size {
			j++
		}
		r := append([]*seg(nil), sorted[i:j]...)
		sort.SliceStable(r, func(a, b int) bool { return r[a].x0 < r[b].x0 })
		cells := make([]string, len(r))
		l := line{top: math.Inf(1), bot: math.Inf(-1), x0: math.Inf(1), x1: math.Inf(-1)}
		for k, s := range r {
			cells[k] = s.text
			l.top, l.bot = math.Min(l.top, s.top()), math.Max(l.bot, s.bot())
			l.x0, l.x1 = math.Min(l.x0, s.x0), math.Max(l.x1, s.x1)
			l.size = math.Max(l.size, s.size)
		}
		l.text = joinCells(cells)
		out = append(out, l)
		i = j
	}
	return out
}

// joinCells puts a row's cells on one line. Characters spread across a
// line one by one (a distributed title: 推    荐) are one word again.
func joinCells(cells []string) string {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			prev := cells[i-1]
			// Punctuation is never a cell of its own: a justified line
			// pushed it away from its word.
			if utf8.RuneCountInString(prev) == 1 && utf8.RuneCountInString(c) == 1 && isHan(firstRune(prev)) && isHan(firstRune(c)) ||
				strings.ContainsRune("，。：；、）》」』！？,.:;)", firstRune(c)) || strings.ContainsRune("（《「『(", lastRune(prev)) {
				b.WriteString(c)
				continue
			}
			b.WriteByte('\t')
		}
		b.WriteString(c)
	}
	return b.String()
}

// render joins the pages' lines, keeping a running header or footer once
// (where it first appears) and dropping page numbers.
func render(pages []page) string {
	type placed struct {
		l    line
		edge bool // in the top or bottom band of its page
	}
	all := make([][]placed, len(pages))
	count := map[string]int{}
	for i, p := range pages {
		ls := layout(segments(p.glyphs))
		seen := map[string]bool{}
		for j, l := range ls {
			// A running header or footer is in the page's top or bottom
			// tenth, or the page's first or last line (a printed web page
			// puts its footer after the last paragraph).
			edge := j == 0 || j == len(ls)-1 || p.h > 0 && (l.bot < 0.1*p.h || l.top > 0.9*p.h)
			all[i] = append(all[i], placed{l, edge})
			if k := edgeKey(dropPageNumber(closeUp(l.text))); edge && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	var b strings.Builder
	kept := map[string]bool{}
	prevRow, wrapped, prevText, prevSize := false, false, "", 0.0
	for _, ls := range all {
		newPage := true
		for _, pl := range ls {
			text := closeUp(pl.l.text)
			if pl.edge {
				text = dropPageNumber(text)
				k := edgeKey(text)
				if count[k] >= 2 {
					if kept[k] {
						continue
					}
					kept[k] = true
				}
			}
			if strings.TrimSpace(text) == "" {
				continue
			}
			// A table's rows, padded apart, are still one block.
			row := strings.Contains(text, "\t")
			// A sentence cut at the foot of a column or a page goes on at
			// the head of the next.
			// (In the same type: a header above a larger title is not
			// wrapped into it.)
			goesOn := wrapped && !row && !newItem().MatchString(text) && math.Abs(pl.l.size-prevSize) <= 0.15*prevSize
			if pl.l.brk {
				goesOn = goesOn && (pl.l.column || newPage) && !endsSentence(prevText)
			}
			newPage = false
			switch {
			case b.Len() == 0:
			case goesOn:
				// The previous line ran to the column's edge: the same
				// paragraph goes on, so a name or number cut by the
				// wrap is whole again.
				if !joinsUp(prevText, text) {
					b.WriteString(" ")
				}
			case pl.l.brk && !(row && prevRow):
				b.WriteString("\n\n")
			default:
				b.WriteString("\n")
			}
			prevRow, prevText, prevSize = row, text, pl.l.size
			wrapped = pl.l.full && !row
			b.WriteString(text)
		}
	}
	b.WriteString("\n")
	return b.String()
}

// endsSentence is text whose last character ends a sentence or a clause
// list: what follows it is not the same sentence.
func endsSentence(s string) bool {
	return strings.ContainsRune("。！？；：.!?;:", lastRune(strings.TrimSpace(s)))
}

// joinsUp says whether a wrapped line goes on without a space: Chinese
// does, and so do letters or figures cut by the wrap inside Chinese text
// (（0 / 02410.SZ）, A / I 原生), which a space-separated word never is.
func joinsUp(prev, next string) bool {
	last, first := lastRune(prev), firstRune(next)
	if closedUp(last) && closedUp(first) {
		return true
	}
	if !isAlnum(last) || !isAlnum(first) {
		return closedUp(last) && !isAlnum(first) || closedUp(first) && !isAlnum(last)
	}
	run := strings.TrimRightFunc(prev, isAlnum)
	return run != "" && closedUp(lastRune(run))
}

func isAlnum(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '.' }

// newItem is a line that starts a list item, a numbered heading or a
// bracketed label, never the rest of the line above it.
var newItem = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[-•·●○■□◆◇▪►*]|\d{1,2}[)）.、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|【)`)
})

// dropPageNumber takes a page number out of a header or footer line: the
// whole line, or its cell (请务必阅读… 第 3 页).
func dropPageNumber(s string) string {
	cells := strings.Split(s, "\t")
	kept := cells[:0]
	for _, c := range cells {
		if !pageNumber().MatchString(c) {
			kept = append(kept, c)
		}
	}
	return strings.Join(kept, "\t")
}

// pageNumber is a line that is only a page number: 3, - 3 -, 3/26, 第3页,
// 第 3 页 共 26 页, Page 3 of 26.
var pageNumber = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*/\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)\s*$`)
})

var digits = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+`) })

// edgeKey is a header or footer line with its numbers blanked, so "3 / 26"
// on each page is the same footer.
func edgeKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		}
		return r
	}, digits().ReplaceAllString(s, "#"))
}

// closeUp removes the spaces a justified or spread line leaves between Han
// characters and full-width punctuation (推 荐 用 友 → 推荐用友); spaces
// between Han and Latin letters or figures stay, as they were written.
func closeUp(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if rs[i] == ' ' {
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if i > 0 && j < len(rs) && closedUp(rs[i-1]) && closedUp(rs[j]) {
				i = j - 1
				continue
			}
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// closedUp is a character written without spaces around it in Chinese.
func closedUp(r rune) bool {
	return isHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0x2018 && r <= 0x201F || r == 0x2014 || r == 0x2026 || r >= 0xFF00 && r <= 0xFF60 || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
