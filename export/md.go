package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

func init() { register(MD, writeMD) }

// writeMD writes a Markdown table per sector, in the sectors' order, for
// pasting into notes. Tickers of a sector the options do not list come last
// under "Other". Each row shows the latest note.
func writeMD(w io.Writer, tickers []sectors.Ticker, opts Options) error {
	bw := bufio.NewWriter(w)
	title := "自选 watchlist"
	if opts.Source.Title != "" {
		title += ": " + mdText(opts.Source.Title)
	}
	fmt.Fprintf(bw, "# %s\n\nExported %s.", title, opts.Now().In(market.China).Format("2006-01-02 15:04"))
	if opts.Source.ID != "" {
		fmt.Fprintf(bw, " Seeded from `%s` (%s).", opts.Source.ID, dateOf(opts.Source.Date))
	}
	if opts.Prices != nil {
		if at := opts.Prices.latest(onList(tickers)); !at.IsZero() {
			fmt.Fprintf(bw, " Quotes as of %s; Return is since the close before each rating.", at.In(market.China).Format("2006-01-02 15:04"))
		}
	}
	bw.WriteString("\n")

	groups := map[string][]sectors.Ticker{}
	for _, t := range onList(tickers) {
		groups[t.Sector] = append(groups[t.Sector], t)
	}
	known := map[string]bool{}
	for _, sec := range opts.Sectors {
		known[sec.ID] = true
		writeMDSection(bw, sectorHeading(sec), groups[sec.ID], opts.Prices)
	}
	var other []sectors.Ticker
	for _, t := range onList(tickers) {
		if !known[t.Sector] {
			other = append(other, t)
		}
	}
	writeMDSection(bw, "Other", other, opts.Prices)
	return bw.Flush()
}

func sectorHeading(sec sectors.Sector) string {
	switch {
	case sec.NameZH != "" && sec.Name != "" && sec.NameZH != sec.Name:
		return mdText(sec.Name) + " · " + mdText(sec.NameZH)
	default:
		return mdText(sec.Label(true))
	}
}

func writeMDSection(bw *bufio.Writer, heading string, tickers []sectors.Ticker, prices *Prices) {
	if len(tickers) == 0 {
		return
	}
	fmt.Fprintf(bw, "\n## %s\n\n", heading)
	if prices != nil {
		bw.WriteString("| Code | Name | Board | Rating | Rated | Last | Chg% | Return | Latest note |\n")
		bw.WriteString("|---|---|---|---|---|--:|--:|--:|---|\n")
	} else {
		bw.WriteString("| Code | Name | Board | Rating | Rated | Latest note |\n")
		bw.WriteString("|---|---|---|---|---|---|\n")
	}
	for _, t := range tickers {
		note := ""
		if n, ok := t.LatestNote(); ok {
			note = dateOf(n.Created) + " " + mdCell(n.Text)
		}
		fmt.Fprintf(bw, "| %s | %s | %s %s | %s %s | %s |",
			t.Code.Key(), mdCell(market.DisplayName(t.Name)), t.Code.Board(), t.Code.Board().Chinese(),
			t.Rating.Chinese(), t.Rating.English(), dateOf(t.RatingAt))
		if prices != nil {
			last, chg, ret := prices.of(t).mdCells()
			fmt.Fprintf(bw, " %s | %s | %s |", last, chg, ret)
		}
		fmt.Fprintf(bw, " %s |\n", note)
	}
}

// mdText makes untrusted text inert on one line of Markdown: control
// characters are shown, not obeyed, and HTML cannot open a tag.
func mdText(s string) string {
	s = safetext.Line(s)
	return strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(s)
}

// mdCell is mdText for a table cell: a pipe would end the cell, a line
// break the row, so they are escaped and kept as <br>.
func mdCell(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(mdText(l), "|", `\|`)
	}
	return strings.TrimSpace(strings.Join(lines, "<br>"))
}
