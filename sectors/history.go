package sectors

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
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

// ExRights is one distribution to shareholders (分红送转), effective on its
// ex-date (除权除息日): from that day the price trades without it.
type ExRights struct {
	ExDate        time.Time // midnight China time
	CashPerShare  float64   // yuan per share, before tax (派)
	BonusPerShare float64   // new shares per share held (送 + 转)
	Text          string    // as the source wrote it, e.g. "10转4股派2元"
}

// ReferencePrice is the ex-rights reference price (除权除息参考价) set from
// the previous close: (close − cash) ÷ (1 + bonus). On the ex-date it is
// what the exchange quotes as the previous close.
func (e ExRights) ReferencePrice(prevClose float64) float64 {
	return (prevClose - e.CashPerShare) / (1 + e.BonusPerShare)
}

// Factor is how much a holding is worth, across the ex-date, per unit of
// price: one share at prevClose becomes 1+bonus shares priced at the
// reference, plus cash, and with the cash reinvested at the reference the
// holding is prevClose ÷ ReferencePrice shares' worth. Multiplying a price
// return by the factors of the ex-dates it spans gives the total return.
func (e ExRights) Factor(prevClose float64) float64 {
	ref := e.ReferencePrice(prevClose)
	if prevClose <= 0 || ref <= 0 {
		return 1
	}
	return prevClose / ref
}

// PriceHistory is a security's daily bars, oldest first, one per trading
// day it traded (a halted stock has no bar), and its distributions.
type PriceHistory struct {
	Code   Code
	Bars   []DailyBar
	Events []ExRights
	// Unread are distributions the source gave in a form that could not be
	// read (a rights issue 配股, an unknown wording): a return across one of
	// them is uncertain and says so.
	Unread []ExRights
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
	d := ChinaDay(day)
	i := sort.Search(len(h.Bars), func(i int) bool { return h.Bars[i].Date.After(d) })
	if i == 0 {
		return DailyBar{}, false
	}
	return h.Bars[i-1], true
}

// BarBefore is the last bar dated strictly before day's China date.
func (h PriceHistory) BarBefore(day time.Time) (DailyBar, bool) {
	return h.BarOnOrBefore(ChinaDay(day).AddDate(0, 0, -1))
}

// Merge returns h with more added: bars by date (more's bar wins for a day
// both hold), distributions by ex-date, both sorted.
func (h PriceHistory) Merge(more PriceHistory) PriceHistory {
	bars := map[string]DailyBar{}
	for _, b := range h.Bars {
		bars[ChinaDate(b.Date)] = b
	}
	for _, b := range more.Bars {
		bars[ChinaDate(b.Date)] = b
	}
	out := PriceHistory{Code: h.Code}
	if out.Code == (Code{}) {
		out.Code = more.Code
	}
	for _, b := range bars {
		out.Bars = append(out.Bars, b)
	}
	sort.Slice(out.Bars, func(i, j int) bool { return out.Bars[i].Date.Before(out.Bars[j].Date) })
	out.Events = mergeEvents(h.Events, more.Events)
	out.Unread = mergeEvents(h.Unread, more.Unread)
	return out
}

func mergeEvents(a, b []ExRights) []ExRights {
	by := map[string]ExRights{}
	for _, e := range append(append([]ExRights(nil), a...), b...) {
		by[ChinaDate(e.ExDate)] = e
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
	d := ChinaDay(day)
	return !r.Empty() && !d.Before(ChinaDay(r.From)) && !d.After(ChinaDay(r.To))
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
	wantFrom, wantTo := ChinaDay(want.From), ChinaDay(want.To)
	var parts []DayRange
	if held.Empty() {
		parts = []DayRange{{wantFrom, wantTo}}
	} else {
		hFrom, hTo := ChinaDay(held.From), ChinaDay(held.To)
		if wantFrom.Before(hFrom) {
			parts = append(parts, DayRange{wantFrom, minTime(wantTo, hFrom.AddDate(0, 0, -1))})
		}
		if wantTo.After(hTo) {
			parts = append(parts, DayRange{maxTime(wantFrom, hTo.AddDate(0, 0, 1)), wantTo})
		}
	}
	var out []DayRange
	for _, p := range parts {
		for !p.Empty() && !IsTradingDay(p.From) {
			p.From = p.From.AddDate(0, 0, 1)
		}
		for !p.Empty() && !IsTradingDay(p.To) {
			p.To = p.To.AddDate(0, 0, -1)
		}
		if !p.Empty() {
			out = append(out, p)
		}
	}
	return out
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

// Distribution wording: "10派308.76元", "10转4股派2元", "10送3转2派1.5元(含税)",
// "每10股转增4股", "10股派息2元". Amounts are per 10 shares (the base may be
// another number, and is read).
var (
	distBase  = regexp.MustCompile(`^(?:每)?(\d+(?:\.\d+)?)股?`)
	distBonus = regexp.MustCompile(`送(?:红股)?(\d+(?:\.\d+)?)`)
	distConv  = regexp.MustCompile(`转增?(?:股)?(\d+(?:\.\d+)?)`)
	distCash  = regexp.MustCompile(`派(?:发)?(?:现金)?(?:红利)?(?:息)?(?:人民币)?(\d+(?:\.\d+)?)`)
)

// ParseDistribution reads a distribution as the vendors and announcements
// write it ("10转4股派2元") into cash and bonus shares per share held. ok
// is false for anything else, including a rights issue (配股, which costs
// the holder money and is not a distribution), "不分配不转增", an amount out
// of bounds, or a text without any of 送, 转 and 派.
func ParseDistribution(text string) (cashPerShare, bonusPerShare float64, ok bool) {
	s := halfWidth(strings.Join(strings.Fields(text), ""))
	if s == "" || strings.Contains(s, "配") || strings.Contains(s, "不分配") {
		return 0, 0, false
	}
	// only the part before a bracket: "(含税,扣税后1.35元)" holds other numbers
	if i := strings.IndexAny(s, "(（"); i >= 0 {
		s = s[:i]
	}
	m := distBase.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	base, err := strconv.ParseFloat(m[1], 64)
	if err != nil || base <= 0 || base > 1000 {
		return 0, 0, false
	}
	rest := s[len(m[0]):]
	read := func(re *regexp.Regexp) (float64, bool) {
		mm := re.FindStringSubmatch(rest)
		if mm == nil {
			return 0, false
		}
		v, err := strconv.ParseFloat(mm[1], 64)
		return v, err == nil
	}
	bonus, hasBonus := read(distBonus)
	conv, hasConv := read(distConv)
	cash, hasCash := read(distCash)
	if !hasBonus && !hasConv && !hasCash {
		return 0, 0, false
	}
	cashPerShare, bonusPerShare = cash/base, (bonus+conv)/base
	// bounds: no A-share pays more than its price in a year, nor gives more
	// than ten new shares for one
	if cashPerShare < 0 || cashPerShare > 1e4 || bonusPerShare < 0 || bonusPerShare > 10 {
		return 0, 0, false
	}
	return cashPerShare, bonusPerShare, true
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
