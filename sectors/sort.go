package sectors

import (
	"fmt"
	"slices"
	"strings"

	"zixuan/sectors/market"
)

// The watchlist's sort orders, one rule for the CLI's list --sort and the
// TUI's sorted columns: a key per column worked out once per ticker
// (SortKeys), then one comparison of keys (SortOrder.Compare). Pinned
// tickers stay on top whatever the column; a value that is not known (no
// quote, a quote that is no trade today, no history, no position) sorts
// after every known one in both directions, never as a zero; equal keys
// keep the list's own order.

// SortColumn is a column the watchlist sorts by, named by the ids the
// TUI's column registry and its saved views use.
type SortColumn string

// The columns. Those after SortChanged are live: they read today's quote
// and what is measured to it.
const (
	SortSector    SortColumn = "sector"
	SortCode      SortColumn = "code"
	SortName      SortColumn = "name"
	SortRating    SortColumn = "rating"
	SortChanged   SortColumn = "changed" // the ticker's last change of any kind
	SortChangePct SortColumn = "change_pct"
	SortLast      SortColumn = "last"
	SortChange    SortColumn = "change"
	SortReturn    SortColumn = "return" // since the rating in force, dividends reinvested
	SortExcess    SortColumn = "excess" // the latest rated call's excess over the benchmark
	SortPnL       SortColumn = "pnl"
	SortPnLPct    SortColumn = "pnl_pct"
	SortVolume    SortColumn = "volume"
	SortAmount    SortColumn = "amount"
	SortTurnover  SortColumn = "turnover"
	SortPE        SortColumn = "pe"
	SortCap       SortColumn = "cap" // total market value (总市值)
)

// SortNeed is what a column's values are worked out from.
type SortNeed int

const (
	NeedStored   SortNeed = iota // the ticker's own record
	NeedQuote                    // today's quote
	NeedReturn                   // the quote and the daily history since the rating
	NeedExcess                   // the quote, the history and the benchmark's (a scorecard)
	NeedPosition                 // the quote and the user's trades
)

type sortColumnInfo struct {
	id      SortColumn
	label   string // as a table heads it
	zh      string
	aliases []string
	need    SortNeed
}

var sortColumnTable = []sortColumnInfo{
	{SortSector, "SECTOR", "板块", nil, NeedStored},
	{SortCode, "CODE", "代码", nil, NeedStored},
	{SortName, "NAME", "名称", nil, NeedStored},
	{SortRating, "RATING", "评级", nil, NeedStored},
	{SortChanged, "CHANGED", "更新", nil, NeedStored},
	{SortChangePct, "CHG%", "涨跌幅", []string{"chg%", "pct"}, NeedQuote},
	{SortLast, "LAST", "现价", []string{"price"}, NeedQuote},
	{SortChange, "CHG", "涨跌", []string{"chg"}, NeedQuote},
	{SortReturn, "RETURN", "评级以来", []string{"since-call", "since_call"}, NeedReturn},
	{SortExcess, "EXCESS", "超额", nil, NeedExcess},
	{SortPnL, "P&L", "盈亏", []string{"p&l"}, NeedPosition},
	{SortPnLPct, "P&L%", "盈亏%", []string{"p&l%"}, NeedPosition},
	{SortVolume, "VOLUME", "成交量", nil, NeedQuote},
	{SortAmount, "AMOUNT", "成交额", nil, NeedQuote},
	{SortTurnover, "TURN%", "换手率", []string{"turn%"}, NeedQuote},
	{SortPE, "PE", "市盈率", nil, NeedQuote},
	{SortCap, "CAP", "总市值", []string{"market_cap", "市值"}, NeedQuote},
}

func sortInfo(c SortColumn) (sortColumnInfo, bool) {
	for _, s := range sortColumnTable {
		if s.id == c {
			return s, true
		}
	}
	return sortColumnInfo{}, false
}

// SortColumns are the columns, stored ones first.
func SortColumns() []SortColumn {
	out := make([]SortColumn, len(sortColumnTable))
	for i, s := range sortColumnTable {
		out[i] = s.id
	}
	return out
}

// Need says what the column's values are worked out from.
func (c SortColumn) Need() SortNeed { s, _ := sortInfo(c); return s.need }

// Live reports whether the column reads today's quote.
func (c SortColumn) Live() bool { return c.Need() != NeedStored }

// Label is the column's heading (CHG%, P&L); Chinese its Chinese name.
func (c SortColumn) Label() string { s, _ := sortInfo(c); return s.label }

// Chinese is the column's Chinese name (涨跌幅).
func (c SortColumn) Chinese() string { s, _ := sortInfo(c); return s.zh }

// SortOrder is a column and a direction.
type SortOrder struct {
	Column SortColumn
	Desc   bool
}

// String is the order as ParseSortOrder reads it: change_pct:desc.
func (o SortOrder) String() string {
	if o.Desc {
		return string(o.Column) + ":desc"
	}
	return string(o.Column)
}

// ParseSortOrder reads a column, optionally followed by :desc or :asc
// (ascending is the default): change_pct:desc, 涨跌幅:desc, pnl_pct, code.
// The ids, their headings (CHG%, P&L%) and Chinese names are taken, in any
// case, with - for _.
func ParseSortOrder(s string) (SortOrder, error) {
	in := strings.TrimSpace(s)
	col, dir, hasDir := strings.Cut(in, ":")
	o := SortOrder{}
	if hasDir {
		switch strings.ToLower(strings.TrimSpace(dir)) {
		case "desc", "d", "down", "降序":
			o.Desc = true
		case "asc", "a", "up", "升序":
		default:
			return o, fmt.Errorf("sort direction %q: use :asc or :desc, as in change_pct:desc", dir)
		}
	}
	key := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(col)), "-", "_")
	for _, c := range sortColumnTable {
		if key == string(c.id) || key == strings.ToLower(c.label) || key == c.zh || slices.Contains(c.aliases, key) {
			o.Column = c.id
			return o, nil
		}
	}
	return o, fmt.Errorf("unknown sort column %q: use one of %s, with :desc to reverse", col, strings.Join(sortColumnIDs(), ", "))
}

func sortColumnIDs() []string {
	out := make([]string, len(sortColumnTable))
	for i, c := range sortColumnTable {
		out[i] = string(c.id)
	}
	return out
}

// SortFacts are what the live columns read of one ticker; nil where it is
// not known.
type SortFacts struct {
	// Quote is today's quote. One that is no trade (before the open, a
	// halt, a garbled change) gives no live value: it sorts last.
	Quote *Quote
	// Return is the return since the rating in force, in percent.
	Return *float64
	// Excess is the latest rated call's excess return over its benchmark,
	// in percentage points.
	Excess *float64
	// PnL and PnLPct are the holding's profit at the last price, in yuan
	// and in percent of its cost.
	PnL, PnLPct *float64
}

// SortKey is one ticker's value for a column, with what else the order
// reads of it (pinned), so that a sort compares keys alone.
type SortKey struct {
	Known  bool
	Pinned bool
	Num    float64
	Text   string // for the name and code columns
}

// SortInput is what SortKeys reads besides the tickers.
type SortInput struct {
	// Facts gives ticker i's live facts (nil: none known).
	Facts func(i int) SortFacts
	// SectorOrder is the sectors' display order by id, for the sector
	// column.
	SectorOrder map[string]int
	// NameKeys, when set, are the tickers' NameSortKey, which a caller that
	// sorts often keeps (a name's syllables cost some 20 µs to work out).
	NameKeys []string
}

// NameSortKey is what the name column sorts by: the name's syllables in
// the common reading, each ended by a byte below every letter, so that
// names sort in dictionary order of syllables (深 shen before 盛 sheng,
// whatever follows), as the TUI sorts.
func NameSortKey(name string) string {
	var b strings.Builder
	for _, s := range market.NameSyllables(name) {
		b.WriteString(s)
		b.WriteByte(1)
	}
	return b.String()
}

// SortKeys are the keys of tickers for column c. facts gives ticker i's
// live facts (nil: none known); sectorOrder the sectors' display order by
// id, for the sector column.
func SortKeys(tickers []Ticker, c SortColumn, facts func(i int) SortFacts, sectorOrder map[string]int) []SortKey {
	return SortKeysOf(tickers, c, SortInput{Facts: facts, SectorOrder: sectorOrder})
}

// SortKeysOf is SortKeys with everything it reads in in.
func SortKeysOf(tickers []Ticker, c SortColumn, in SortInput) []SortKey {
	keys := make([]SortKey, len(tickers))
	facts, sectorOrder := in.Facts, in.SectorOrder
	for i := range tickers {
		t := &tickers[i]
		k := &keys[i]
		switch c {
		case SortSector:
			k.Known, k.Num = true, float64(sectorOrder[t.Sector])
		case SortCode:
			k.Known, k.Text = true, t.Code.Number+string(t.Code.Exchange)
		case SortName:
			if len(in.NameKeys) == len(tickers) {
				k.Known, k.Text = true, in.NameKeys[i]
			} else {
				k.Known, k.Text = true, NameSortKey(t.Name)
			}
		case SortRating:
			k.Known, k.Num = true, float64(t.Rating.Rank())
		case SortChanged:
			k.Known, k.Num = !t.Updated.IsZero(), float64(t.Updated.UnixNano())
		default:
			if facts != nil {
				*k = liveKey(c, facts(i))
			}
		}
		k.Pinned = t.Pinned
	}
	return keys
}

// liveKey is a live column's key from a ticker's facts.
func liveKey(c SortColumn, f SortFacts) SortKey {
	ptr := func(v *float64) SortKey {
		if v == nil {
			return SortKey{}
		}
		return SortKey{Known: true, Num: *v}
	}
	switch c {
	case SortReturn:
		return ptr(f.Return)
	case SortExcess:
		return ptr(f.Excess)
	case SortPnL:
		return ptr(f.PnL)
	case SortPnLPct:
		return ptr(f.PnLPct)
	}
	q := f.Quote
	if q == nil {
		return SortKey{}
	}
	if !(q.Last > 0) || q.Suspended || q.PreOpen || q.ChangeUnknown {
		return SortKey{} // AsLatest's no trade: before the open, halted, garbled
	}
	positive := func(v float64) SortKey { return SortKey{Known: v > 0, Num: v} }
	switch c {
	case SortChangePct:
		return SortKey{Known: true, Num: q.ChangePct}
	case SortChange:
		return SortKey{Known: true, Num: q.Change}
	case SortLast:
		return positive(q.Last)
	case SortVolume:
		return positive(float64(q.Volume))
	case SortAmount:
		return positive(q.Amount)
	case SortTurnover:
		return positive(q.Turnover)
	case SortPE:
		return positive(q.PE) // a loss-maker has no multiple: last
	case SortCap:
		return positive(q.TotalCap)
	}
	return SortKey{}
}

// Compare orders two tickers by their keys (SortKeys): pinned first, then
// known values in the order's direction, unknown ones last; 0 when the
// keys are equal (the caller keeps its own order then).
func (o SortOrder) Compare(ka, kb *SortKey) int {
	if ka.Pinned != kb.Pinned {
		if ka.Pinned {
			return -1
		}
		return 1
	}
	if ka.Known != kb.Known {
		if ka.Known {
			return -1
		}
		return 1
	}
	if !ka.Known {
		return 0
	}
	c := 0
	if ka.Text != "" || kb.Text != "" {
		c = strings.Compare(ka.Text, kb.Text)
	}
	if c == 0 {
		switch {
		case ka.Num < kb.Num:
			c = -1
		case ka.Num > kb.Num:
			c = 1
		}
	}
	if o.Desc {
		return -c
	}
	return c
}

// Order is the permutation that sorts keys by o: Order(keys)[n] is the
// index of the n-th ticker. It is stable (equal keys keep their order,
// which is the list's) and reads the keys alone, not the tickers.
func (o SortOrder) Order(keys []SortKey) []int {
	idx := make([]int32, len(keys))
	for i := range idx {
		idx[i] = int32(i)
	}
	// stable by the index as the last key: an unstable sort's speed
	slices.SortFunc(idx, func(i, j int32) int {
		if c := o.Compare(&keys[i], &keys[j]); c != 0 {
			return c
		}
		return int(i - j)
	})
	out := make([]int, len(idx))
	for n, i := range idx {
		out[n] = int(i)
	}
	return out
}

// Sort sorts tickers in place by o (stable), working the keys out once.
func (o SortOrder) Sort(tickers []Ticker, facts func(i int) SortFacts, sectorOrder map[string]int) {
	perm := o.Order(SortKeys(tickers, o.Column, facts, sectorOrder))
	sorted := make([]Ticker, len(tickers))
	for n, i := range perm {
		sorted[n] = tickers[i]
	}
	copy(tickers, sorted)
}
