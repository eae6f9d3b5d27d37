package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/ui/common"
)

// The header: the app's name, the market strip (the configured indexes'
// last and change, fetched in the quotes' round) and the breadth of the
// rows shown, then the list's position and count at the right. What does
// not fit the width is left out, least needed first, never wrapped.

// stripCodes are the indexes the header's strip shows: the configured
// ones, or sectors.StripIndexes when none were configured.
func (o *Options) stripCodes() []market.Code {
	if o.Strip == nil {
		return sectors.StripIndexes
	}
	return o.Strip
}

// marketStrip is what the header draws of the market, read only for one
// frame.
type marketStrip struct {
	codes   []market.Code
	quotes  map[string]sectors.Quote
	rows    []int             // the rows shown, by index in tickers
	cells   []priceCells      // by index in tickers: each row's tally
	now     time.Time         // for staleness
	refresh time.Duration     // the quotes' refresh, for staleness
	qt      *common.QuoteText // the words
	s       *common.Styles
	western bool
}

// headerPiece is one part of the header: drawn, its width in cells and
// its rank (lower is kept first when the width is short).
type headerPiece struct {
	text  string
	width int
	rank  int
}

// indexes are the strip's indexes that have a quote, in their order:
// "上证指数 3380.12 +0.52%", coloured by the change (dim when it is no
// trade or stale). Ranked from 2 on, the first kept longest.
func (ms *marketStrip) indexes() []headerPiece {
	var out []headerPiece
	for _, c := range ms.codes {
		q, ok := ms.quotes[c.Key()]
		if !ok || !(q.Last > 0) {
			continue
		}
		name := market.Indexes[c.Key()]
		if name == "" {
			name = safetext.Line(q.Name)
		}
		if name == "" {
			name = c.Key()
		}
		change := pct(q.ChangePct, 2)
		st := ms.s.UpDown(ms.western, sign(q.Change))
		if word := ms.qt.State(q, true); word != "" {
			change, st = word, ms.s.Dim
		}
		if quote.Stale(q.Time, ms.now, ms.refresh) {
			st = ms.s.Dim
		}
		plain := name + " " + priceOf(c, q.Last) + " " + change
		out = append(out, headerPiece{
			text:  ms.s.Dim.Render(name) + " " + st.Render(priceOf(c, q.Last)+" "+change),
			width: safetext.Width(plain), rank: 2 + len(out)*2,
		})
	}
	return out
}

// breadth is the rows' breadth: "涨12 平3 跌5 涨停2 跌停1", the limits
// only when some row is at one; nothing before any row has a trade.
func (ms *marketStrip) breadth() []headerPiece {
	var b sectors.Breadth
	for _, r := range ms.rows {
		if r >= 0 && r < len(ms.cells) {
			b.Add(ms.cells[r].tally)
		}
	}
	if b.Up+b.Flat+b.Down == 0 {
		return nil
	}
	up, down := ms.s.UpDown(ms.western, 1), ms.s.UpDown(ms.western, -1)
	counts := []string{up.Render(fmt.Sprintf(ms.qt.Up, b.Up)), ms.s.Dim.Render(fmt.Sprintf(ms.qt.Flat, b.Flat)), down.Render(fmt.Sprintf(ms.qt.Down, b.Down))}
	plain := fmt.Sprintf(ms.qt.Up+" "+ms.qt.Flat+" "+ms.qt.Down, b.Up, b.Flat, b.Down)
	out := []headerPiece{{text: strings.Join(counts, " "), width: safetext.Width(plain), rank: 3}}
	var lim, limPlain []string
	if b.LimitUp > 0 {
		s := fmt.Sprintf(ms.qt.AtLimitUp, b.LimitUp)
		lim, limPlain = append(lim, up.Render(s)), append(limPlain, s)
	}
	if b.LimitDown > 0 {
		s := fmt.Sprintf(ms.qt.AtLimitDown, b.LimitDown)
		lim, limPlain = append(lim, down.Render(s)), append(limPlain, s)
	}
	if len(lim) > 0 {
		out = append(out, headerPiece{text: strings.Join(lim, " "), width: safetext.Width(strings.Join(limPlain, " ")), rank: 5})
	}
	return out
}

// fitHeader lays out left, the middle pieces (in their order) and right
// on one line of width cells: left first, then right, then the middle
// pieces by rank while they fit, two cells apart; the rest is left out.
func fitHeader(left, right headerPiece, middle []headerPiece, width int) string {
	used := left.width
	keepRight := used+1+right.width <= width
	if keepRight {
		used += 1 + right.width
	}
	keep := make([]bool, len(middle))
	for {
		best := -1
		for i, p := range middle {
			if !keep[i] && used+2+p.width <= width && (best < 0 || p.rank < middle[best].rank) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		keep[best] = true
		used += 2 + middle[best].width
	}
	line, w := left.text, left.width
	for i, p := range middle {
		if keep[i] {
			line += "  " + p.text
			w += 2 + p.width
		}
	}
	if !keepRight {
		return line
	}
	return line + strings.Repeat(" ", max(width-w-right.width, 1)) + right.text
}

// priceOf is a price in the code's own decimals (a fund's three).
func priceOf(c market.Code, v float64) string {
	return strconv.FormatFloat(v, 'f', c.PriceDecimals(), 64)
}
