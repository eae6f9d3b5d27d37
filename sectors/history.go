package sectors

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"
)

// DailyBar is one trading day of a security, unadjusted: the prices it
// actually traded at that day, whatever happened to the shares later.
type DailyBar struct {
	Date   time.Time // the trading day, midnight China time
	Open   float64
	Close  float64
	High   float64
	Low    float64
	Volume int64 // shares (never lots)
}

// ExRights is one distribution to shareholders (分红送转) or rights issue
// (配股), effective on its ex-date (除权除息日): from that day the price
// trades without it.
type ExRights struct {
	ExDate        time.Time // midnight China time
	CashPerShare  float64   // yuan per share, before tax (派)
	BonusPerShare float64   // new shares per share held (送 + 转)
	// RightsPerShare is the new shares a holder may subscribe per share
	// held (配), at RightsPrice yuan each; zero for no rights issue.
	RightsPerShare float64
	RightsPrice    float64
	Text           string // as the source wrote it, e.g. "10转4股派2元"
}

// ReferencePrice is the ex-rights reference price (除权除息参考价) the
// exchanges set from the previous close:
// [(close − cash) + rights price × rights] ÷ (1 + bonus + rights).
// On the ex-date it is what the exchange quotes as the previous close.
func (e ExRights) ReferencePrice(prevClose float64) float64 {
	return (prevClose - e.CashPerShare + e.RightsPrice*e.RightsPerShare) / (1 + e.BonusPerShare + e.RightsPerShare)
}

// Factor is how much a holding is worth, across the ex-date, per unit of
// price: prevClose ÷ ReferencePrice, the 复权 convention (cash reinvested
// at the reference price, bonus shares kept, rights taken up and paid for
// as if the holding were sold at the reference price to pay for them).
// Multiplying a price return by the factors of the ex-dates it spans gives
// the total return. An event that is not Plausible off prevClose gives 1:
// it is never turned into a number (the caller flags it).
func (e ExRights) Factor(prevClose float64) float64 {
	if !e.Plausible(prevClose) {
		return 1
	}
	return prevClose / e.ReferencePrice(prevClose)
}

// MaxCashShare is the largest cash dividend, as a share of the previous
// close, read as a dividend: above it a figure is far likelier a garbled
// one (a misplaced point, a per-10 amount read per share) than a payout,
// and one near the whole price would drive a return towards infinity.
const MaxCashShare = 0.5

// MaxBonusPerShare is the most new shares per share held (10 for 10) read
// as a bonus or transfer; a larger figure is flagged, not applied.
const MaxBonusPerShare = 1.0

// Plausible reports whether the event can be applied off prevClose: a
// cash dividend of at most MaxCashShare of the close, at most
// MaxBonusPerShare new shares a share, a rights issue with its price
// known and below the close, and a positive, finite reference price. An
// implausible event is treated as unread.
func (e ExRights) Plausible(prevClose float64) bool {
	vals := []float64{prevClose, e.CashPerShare, e.BonusPerShare, e.RightsPerShare, e.RightsPrice}
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return false
		}
	}
	switch {
	case !(prevClose > 0):
		return false
	case e.CashPerShare > prevClose*MaxCashShare, e.BonusPerShare > MaxBonusPerShare, e.RightsPerShare > MaxBonusPerShare:
		return false
	case e.RightsPerShare > 0 && !(e.RightsPrice > 0 && e.RightsPrice < prevClose):
		return false
	}
	ref := e.ReferencePrice(prevClose)
	return ref > 0 && !math.IsInf(ref, 0)
}

// IsRights reports whether the event is a rights issue (配股).
func (e ExRights) IsRights() bool { return e.RightsPerShare > 0 }

// PriceHistory is a security's daily bars, oldest first, one per trading
// day it traded (a halted stock has no bar), and its distributions.
type PriceHistory struct {
	Code   market.Code
	Bars   []DailyBar
	Events []ExRights
	// Unread are distributions the source gave in a form that could not be
	// read (a rights issue 配股, an unknown wording): a return across one of
	// them is uncertain and says so.
	Unread []ExRights
	// Through is the last day the history is known complete to (the days
	// asked for and answered); zero when not known. A stock whose last bar
	// is before it did not trade in between: it is suspended (or gone).
	Through time.Time
}

// Range is the span of dates the bars cover; empty without bars.
func (h PriceHistory) Range() DayRange {
	if len(h.Bars) == 0 {
		return DayRange{}
	}
	return DayRange{From: h.Bars[0].Date, To: h.Bars[len(h.Bars)-1].Date}
}

// BarOnOrBefore is the last bar dated on or before day's China date.
func (h PriceHistory) BarOnOrBefore(day time.Time) (DailyBar, bool) {
	d := market.ChinaDay(day)
	i := sort.Search(len(h.Bars), func(i int) bool { return h.Bars[i].Date.After(d) })
	if i == 0 {
		return DailyBar{}, false
	}
	return h.Bars[i-1], true
}

// BarBefore is the last bar dated strictly before day's China date.
func (h PriceHistory) BarBefore(day time.Time) (DailyBar, bool) {
	return h.BarOnOrBefore(market.ChinaDay(day).AddDate(0, 0, -1))
}

// Merge returns h with more added: bars by date (more's bar wins for a day
// both hold), distributions by ex-date, both sorted.
func (h PriceHistory) Merge(more PriceHistory) PriceHistory { return h.MergeInto(nil, more) }

// MergeInto is Merge with the bars merged into buf's array when it is
// large enough, for a caller that is done with the result before it
// merges again (a store encoding each history as it goes). buf must not
// share its array with h's bars or more's.
func (h PriceHistory) MergeInto(buf []DailyBar, more PriceHistory) PriceHistory {
	out := PriceHistory{Code: h.Code}
	if out.Code == (market.Code{}) {
		out.Code = more.Code
	}
	// each side sorted by day, the last of a day kept (a whole market's
	// fetch merges millions of bars: no map, one sort of each side at most)
	a, b := uniqueDays(h.Bars), uniqueDays(more.Bars)
	if cap(buf) >= len(a)+len(b) {
		out.Bars = buf[:0]
	} else {
		out.Bars = make([]DailyBar, 0, len(a)+len(b))
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && dayKey(a[i].Date) < dayKey(b[j].Date):
			out.Bars = append(out.Bars, a[i])
			i++
		case i == len(a) || dayKey(b[j].Date) < dayKey(a[i].Date):
			out.Bars = append(out.Bars, b[j])
			j++
		default: // the same day: more's
			out.Bars = append(out.Bars, b[j])
			i++
			j++
		}
	}
	if len(out.Bars) == 0 {
		out.Bars = nil
	}
	out.Through = maxTime(h.Through, more.Through)
	out.Events = mergeEvents(h.Events, more.Events)
	out.Unread = mergeEvents(h.Unread, more.Unread)
	return out
}

// dayKey is t's China date as a number (20240512), ordered as the dates.
func dayKey(t time.Time) int {
	y, m, d := t.In(market.China).Date()
	return y*10000 + int(m)*100 + d
}

// uniqueDays is bars ordered by China date with one bar a day, the last
// given for it; bars itself when it already is.
func uniqueDays(bars []DailyBar) []DailyBar {
	ordered := true
	for i := 1; i < len(bars) && ordered; i++ {
		ordered = dayKey(bars[i-1].Date) < dayKey(bars[i].Date)
	}
	if ordered {
		return bars
	}
	s := slices.Clone(bars)
	sort.SliceStable(s, func(i, j int) bool { return dayKey(s[i].Date) < dayKey(s[j].Date) })
	out := s[:0]
	for _, b := range s {
		if n := len(out); n > 0 && dayKey(out[n-1].Date) == dayKey(b.Date) {
			out[n-1] = b // the later given wins, as a map would keep it
			continue
		}
		out = append(out, b)
	}
	return out
}

func mergeEvents(a, b []ExRights) []ExRights {
	if len(a)+len(b) == 0 {
		return nil // most histories: no map made for none
	}
	by := map[string]ExRights{}
	for _, e := range append(append([]ExRights(nil), a...), b...) {
		by[market.ChinaDate(e.ExDate)] = e
	}
	var out []ExRights
	for _, e := range by {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ExDate.Before(out[j].ExDate) })
	return out
}

// DayRange is a span of China dates, both ends included. The zero value is
// empty.
type DayRange struct {
	From, To time.Time
}

// Empty reports whether the range holds no day.
func (r DayRange) Empty() bool { return r.From.IsZero() || r.To.IsZero() || r.To.Before(r.From) }

// Contains reports whether day's China date is in the range.
func (r DayRange) Contains(day time.Time) bool {
	d := market.ChinaDay(day)
	return !r.Empty() && !d.Before(market.ChinaDay(r.From)) && !d.After(market.ChinaDay(r.To))
}

// MissingRanges is what of want is not in held: nothing, the days before
// held, the days after it, or both (held is one contiguous span, as a
// history fetched incrementally is). Ends are trimmed to trading days, and
// a part without a trading day is dropped, so a holiday week never costs a
// request.
func MissingRanges(held, want DayRange) []DayRange {
	if want.Empty() {
		return nil
	}
	wantFrom, wantTo := market.ChinaDay(want.From), market.ChinaDay(want.To)
	var parts []DayRange
	if held.Empty() {
		parts = []DayRange{{wantFrom, wantTo}}
	} else {
		hFrom, hTo := market.ChinaDay(held.From), market.ChinaDay(held.To)
		if wantFrom.Before(hFrom) {
			parts = append(parts, DayRange{wantFrom, minTime(wantTo, hFrom.AddDate(0, 0, -1))})
		}
		if wantTo.After(hTo) {
			parts = append(parts, DayRange{maxTime(wantFrom, hTo.AddDate(0, 0, 1)), wantTo})
		}
	}
	var out []DayRange
	for _, p := range parts {
		for !p.Empty() && !market.IsTradingDay(p.From) {
			p.From = p.From.AddDate(0, 0, 1)
		}
		for !p.Empty() && !market.IsTradingDay(p.To) {
			p.To = p.To.AddDate(0, 0, -1)
		}
		if !p.Empty() {
			out = append(out, p)
		}
	}
	return out
}

// adjoins reports whether b starts no later than the session after a
// ends: no trading day lies between them.
func adjoins(a, b DayRange) bool {
	return !market.ChinaDay(b.From).After(market.NextTradingDay(market.ChinaDay(a.To)))
}

// UnionRanges merges spans that overlap or adjoin (no trading day between
// them) into as few as hold the same days, oldest first; empty spans are
// dropped.
func UnionRanges(spans []DayRange) []DayRange {
	var list []DayRange
	for _, s := range spans {
		if !s.Empty() {
			list = append(list, DayRange{From: market.ChinaDay(s.From), To: market.ChinaDay(s.To)})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].From.Before(list[j].From) })
	var out []DayRange
	for _, s := range list {
		if n := len(out); n > 0 && adjoins(out[n-1], s) {
			if s.To.After(out[n-1].To) {
				out[n-1].To = s.To
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// ExtendHeld is held grown by the covered spans that join it, one after
// another: a span that leaves a trading day between it and what is held
// is not taken (held stays one span with no day in it that was not
// received). With nothing held, the newest covered span is taken.
func ExtendHeld(held DayRange, covered []DayRange) DayRange {
	spans := UnionRanges(append([]DayRange{held}, covered...))
	if len(spans) == 0 {
		return DayRange{}
	}
	if held.Empty() {
		return spans[len(spans)-1]
	}
	for _, s := range spans {
		if !s.From.After(market.ChinaDay(held.From)) && !s.To.Before(market.ChinaDay(held.To)) {
			return s
		}
	}
	return held
}

// FirstMissingSession is the first trading day of span on which bars
// (oldest first) hold no bar: for an index, which has a close every
// session, a day the source failed to give. ok is false when none is
// missing.
func FirstMissingSession(bars []DailyBar, span DayRange) (time.Time, bool) {
	if span.Empty() {
		return time.Time{}, false
	}
	d := market.ChinaDay(span.From)
	if !market.IsTradingDay(d) {
		d = market.NextTradingDay(d)
	}
	end := market.ChinaDay(span.To)
	i := sort.Search(len(bars), func(i int) bool { return !bars[i].Date.Before(d) })
	for ; !d.After(end); d = market.NextTradingDay(d) {
		for i < len(bars) && bars[i].Date.Before(d) {
			i++
		}
		if i >= len(bars) || !bars[i].Date.Equal(d) {
			return d, true
		}
	}
	return time.Time{}, false
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Distribution wording, as the k-line's FHcontent and the exchanges'
// notices write it: "10派308.76元", "10转4股派2元", "10送3转2派1.5元(含税)",
// "每10股转增4股", "10股派息2元", "10送转4股", "10派2.5元(含税)，转增4股"
// (a clause after the bracket), "10派2元,每股转增0.4股" and "每股派0.25元"
// (per-share clauses), "10配3股，配股价3.00元" (a rights issue). Each
// clause has its base (per 10 shares, per share: "每股"), or takes the one
// before it.
var (
	distBracket  = regexp.MustCompile(`[(（][^()（）]*[)）]`)
	distClauses  = regexp.MustCompile(`[,，;；、。]+`)
	distBase     = regexp.MustCompile(`^(?:每)?(\d+(?:\.\d+)?)股?`)
	distPerShare = regexp.MustCompile(`^每股`)
	// a base inside a notice's sentence: "以资本公积金向全体股东每10股转增4股"
	distBaseIn = regexp.MustCompile(`每(\d+(?:\.\d+)?)股|每股`)
	distItems  = []struct {
		kind string
		re   *regexp.Regexp
	}{
		{"price", regexp.MustCompile(`(?:配股)?价格?(?:为|:)?(?:人民币)?(\d+(?:\.\d+)?)元?(?:/股)?`)},
		{"rights", regexp.MustCompile(`配(?:售)?(?:股)?(\d+(?:\.\d+)?)股?`)},
		{"bonus", regexp.MustCompile(`送转(?:股)?(\d+(?:\.\d+)?)股?`)},
		{"bonus", regexp.MustCompile(`送(?:红股)?(?:股)?(\d+(?:\.\d+)?)股?`)},
		{"bonus", regexp.MustCompile(`转增?(?:股本)?(?:股)?(\d+(?:\.\d+)?)股?`)},
		{"cash", regexp.MustCompile(`(?:派|分红|红利)(?:发)?(?:现金)?(?:红利|股利)?(?:息)?(?:人民币)?(\d+(?:\.\d+)?)元?`)},
	}
	distDigit = regexp.MustCompile(`\d`)
)

// Distribution is what a distribution text says, per share held.
type Distribution struct {
	Cash, Bonus, Rights, RightsPrice float64
}

// ReadDistribution reads a distribution (or rights issue) as the vendors
// and announcements write it into amounts per share held. ok is false for
// anything it cannot read in full: a clause with a figure it does not
// know, "不分配不转增", a text without any of 送, 转, 派 and 配, a rights
// issue without its price, or an amount out of bounds (more than
// MaxBonusPerShare new shares a share, more than 10,000 yuan a share). A
// text not read is never half read into a number: the caller keeps it as
// unread and flags what it spans.
func ReadDistribution(text string) (d Distribution, ok bool) {
	s := halfWidth(strings.Join(strings.Fields(text), ""))
	if s == "" || strings.Contains(s, "不分配") {
		return d, false
	}
	// a rights price is often given in a bracket: "10配3股(配股价3元)"
	if strings.Contains(s, "配") {
		if m := distItems[0].re.FindStringSubmatch(s); m != nil {
			d.RightsPrice, _ = strconv.ParseFloat(m[1], 64)
		}
	}
	// what a bracket holds is a remark ("含税", "扣税后1.35元"); the
	// clauses after it count
	for {
		t := distBracket.ReplaceAllString(s, ",")
		if t == s {
			break
		}
		s = t
	}
	if i := strings.IndexAny(s, "(（"); i >= 0 { // an unclosed bracket
		s = s[:i]
	}
	base := 0.0
	any := false
	for _, clause := range distClauses.Split(s, -1) {
		if clause == "" {
			continue
		}
		switch m, in := distBase.FindStringSubmatch(clause), distBaseIn.FindStringSubmatchIndex(clause); {
		case distPerShare.MatchString(clause):
			base, clause = 1, strings.TrimPrefix(clause, "每股")
		case m != nil:
			b, err := strconv.ParseFloat(m[1], 64)
			if err != nil || b <= 0 || b > 1000 {
				return Distribution{}, false
			}
			base, clause = b, clause[len(m[0]):]
		case in != nil:
			b := 1.0
			if in[2] >= 0 {
				var err error
				if b, err = strconv.ParseFloat(clause[in[2]:in[3]], 64); err != nil || b <= 0 || b > 1000 {
					return Distribution{}, false
				}
			}
			base, clause = b, clause[:in[0]]+"|"+clause[in[1]:]
		}
		if !distDigit.MatchString(clause) {
			continue // "不送红股", "含税"
		}
		if base == 0 {
			return Distribution{}, false // "派2元": per what?
		}
		for _, it := range distItems {
			for {
				loc := it.re.FindStringSubmatchIndex(clause)
				if loc == nil {
					break
				}
				v, err := strconv.ParseFloat(clause[loc[2]:loc[3]], 64)
				if err != nil {
					return Distribution{}, false
				}
				switch it.kind {
				case "price":
					d.RightsPrice = v // a price is per share whatever the base
				case "rights":
					d.Rights += v / base
				case "bonus":
					d.Bonus += v / base
				case "cash":
					d.Cash += v / base
				}
				any = true
				clause = clause[:loc[0]] + "|" + clause[loc[1]:]
			}
		}
		if distDigit.MatchString(clause) {
			return Distribution{}, false // a figure not read: flag it, never guess
		}
	}
	switch {
	case !any:
		return Distribution{}, false
	case d.Rights > 0 && !(d.RightsPrice > 0):
		return d, false // a rights issue whose price is not known
	case d.Rights == 0 && d.RightsPrice > 0:
		return Distribution{}, false
	case d.Cash > 1e4, d.Bonus > MaxBonusPerShare, d.Rights > MaxBonusPerShare:
		return Distribution{}, false
	}
	return d, true
}

// ParseDistribution is ReadDistribution for cash and bonus shares only: ok
// is false for a rights issue as for anything unread.
func ParseDistribution(text string) (cashPerShare, bonusPerShare float64, ok bool) {
	d, ok := ReadDistribution(text)
	if !ok || d.Rights > 0 {
		return 0, 0, false
	}
	return d.Cash, d.Bonus, true
}

// halfWidth turns full-width digits and the full-width point into ASCII.
func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		}
		return r
	}, s)
}
