package ui

import (
	"strconv"
	"strings"

	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// The detail pane's calls: every report's call on the ticker, newest
// first, each with its date, broker, rating (old → new when it re-rated
// the ticker), target price, theme and that theme's thesis from its
// report. A ticker can carry hundreds of calls, so the section is drawn
// once per change of what it shows and kept (callsCache); a frame then
// copies the lines and joins only the pane's window of them.

// callsKey is everything the section's drawing depends on.
type callsKey struct {
	data  uint64 // the data epoch: the tickers, their calls and history
	snap  *sectors.Snapshot
	code  market.Code
	t     *common.Text
	width int
	shown string // the sector thesis shown above the section, not repeated
	dark  bool   // the styles drawn with
}

type callsCache struct {
	key   callsKey
	lines []string
	ok    bool
}

// callLines is the calls section of tk's detail pane in width cells,
// without a heading when tk has no calls. shown is a thesis the pane
// shows already.
func (in *detailIn) callLines(tk *sectors.Ticker, width int, shown string) []string {
	if len(tk.Calls) == 0 {
		return nil
	}
	k := callsKey{data: in.epoch, snap: in.snap, code: tk.Code, t: in.t, width: width, shown: shown, dark: in.dark}
	if rc := in.rc; rc != nil && rc.calls.ok && rc.calls.key == k {
		return rc.calls.lines
	}
	lines := in.drawCalls(tk, width, shown)
	if in.rc != nil {
		in.rc.calls = callsCache{key: k, lines: lines, ok: true}
	}
	return lines
}

func (in *detailIn) drawCalls(tk *sectors.Ticker, width int, shown string) []string {
	s, t, ct := in.styles, in.t, in.t.Ratings
	var reports []sectors.ReportEntry
	if in.snap != nil {
		reports = in.snap.Reports
	}
	calls := tk.CallsNewestFirst(reports)
	lines := []string{"", s.ColHead.Render(ct.Title + t.Paren(strconv.Itoa(len(calls))))}
	seen := map[string]bool{}
	if shown != "" {
		seen[shown] = true
	}
	for _, c := range calls {
		r := c.Report
		date := ct.NoDate
		if !r.Date.IsZero() {
			date = market.ChinaDate(r.Date)
		}
		who := safeLine(r.Broker)
		if who == "" {
			who = safeLine(safetext.Truncate(r.Title, 16))
		}
		if who == "" {
			who = safeLine(c.ReportID)
		}
		rating := s.Rating[c.Rating].Render(t.Rating(c.Rating))
		if c.Rerated {
			rating = t.Rating(c.From) + " → " + s.Rating[c.To].Render(t.Rating(c.To))
		}
		head := date + "  " + rating
		if c.Target > 0 {
			head += "  " + ct.Target + strconv.FormatFloat(c.Target, 'f', 2, 64)
		}
		// the broker ends the line when it fits, else opens the next one
		about := safeLine(c.Theme)
		if safetext.Width(head)+2+safetext.Width(who) <= width {
			head += "  " + who
		} else {
			about = joinNonEmpty(who, about, " · ")
		}
		lines = append(lines, safetext.Truncate(head, width))
		thesis := strings.TrimSpace(c.Thesis())
		// a thesis that opens with its theme's label (算力：…) is shown after
		// the theme without the label twice
		if c.Theme != "" {
			for _, colon := range []string{"：", ":"} {
				if rest, ok := strings.CutPrefix(thesis, c.Theme+colon); ok {
					thesis = strings.TrimSpace(rest)
					break
				}
			}
		}
		switch {
		case thesis == "":
		case seen[thesis]: // a paragraph the pane shows already is not repeated
			about = joinNonEmpty(about, ct.SameThesis, t.Colon)
		default:
			seen[thesis] = true
			about = joinNonEmpty(about, quoteWide.Replace(safeLine(thesis)), t.Colon)
		}
		if about != "" {
			lines = append(lines, in.wrapped("  "+about, width, &s.Dim)...)
		}
	}
	return lines
}

func joinNonEmpty(a, b, sep string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + sep + b
}
