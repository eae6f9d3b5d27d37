package quote

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Daily history for the scorecard: Tencent's daily k-line, unadjusted.
//
// $KlineBase/appstock/app/fqkline/get?param=sz300624,day,START,END,COUNT,
// (the last, empty, part asks for unadjusted prices; "qfq" would be
// forward-adjusted, which every later ex-date re-bases) answers
// {"code":0,"data":{"sz300624":{"day":[["2024-09-20","open","close",
// "high","low","volume"],…]}}}. A row may carry one more element, an
// object describing a distribution: {"nd":"2023","fh_sh":"308.76",
// "djr":"2024-06-18","cqr":"2024-06-19","FHcontent":"10派308.76元"} (cqr
// is the ex-date, which need not be the row's date). Indexes (sh000300,
// 沪深300) answer the same way. The endpoint takes one symbol a request and
// answers at most KlineRows rows; during a session its last row is the
// unfinished day, which is not a close and is dropped.

// KlineRows is the most rows one k-line request may ask for: public
// clients cap the count at 640 because the server answers "param error"
// above its limit (641).
const KlineRows = 640

// PlanRows is how many trading days, by the embedded calendar, one
// request of a plan covers: well below KlineRows, so that a calendar that
// is out by some days (a closure it does not know, one it invents) still
// gets every row asked for in one answer. An answer that fills KlineRows
// anyway is followed by a request for the rest (DailyHistory).
const PlanRows = 600

// DailyNeed is one security whose history is to be completed: Held is the
// span of days the caller already has (zero when it has none), From the
// first day this security needs (zero: the want's first day).
type DailyNeed struct {
	Code market.Code
	Held sectors.DayRange
	From time.Time
}

// KlineRequest is one request of a plan: a symbol and a span of days.
type KlineRequest struct {
	Code market.Code
	Span sectors.DayRange
	// Head: the days before what is held (a listing's days before its
	// first session are asked again each time, and said nothing of).
	Head bool
}

// PlanDaily lists the requests that complete every need to want (from
// the need's own first day when it has one): only the days missing
// (sectors.MissingRanges), each missing span in as few requests as
// PlanRows allows — ceil(trading days / PlanRows), one for any span under
// two years and a half — never one per day.
func PlanDaily(needs []DailyNeed, want sectors.DayRange) []KlineRequest {
	var out []KlineRequest
	// Most needs miss the same span (nothing held yet, or held to the same
	// day): its pieces are worked out once, not once per security, which
	// for the whole market is millions of calendar look-ups.
	pieces := map[sectors.DayRange][]sectors.DayRange{}
	for _, n := range needs {
		w := want
		if !n.From.IsZero() {
			w.From = n.From
		}
		for _, span := range sectors.MissingRanges(n.Held, w) {
			head := !n.Held.Empty() && span.To.Before(n.Held.From)
			p, ok := pieces[span]
			if !ok {
				for _, r := range splitSpan(n.Code, span) {
					p = append(p, r.Span)
				}
				pieces[span] = p
			}
			for _, r := range p {
				out = append(out, KlineRequest{Code: n.Code, Span: r, Head: head})
			}
		}
	}
	return out
}

// splitSpan cuts span into pieces of at most PlanRows trading days.
func splitSpan(code market.Code, span sectors.DayRange) []KlineRequest {
	var out []KlineRequest
	from := span.From
	for !from.After(span.To) {
		to, n := from, 0
		for d := from; !d.After(span.To); d = d.AddDate(0, 0, 1) {
			if market.IsTradingDay(d) {
				if n == PlanRows {
					break
				}
				n++
				to = d
			}
		}
		out = append(out, KlineRequest{Code: code, Span: sectors.DayRange{From: from, To: to}})
		from = market.NextTradingDay(to)
	}
	return out
}

// DailyFetch is what one DailyHistory brought back.
type DailyFetch struct {
	// Got is the bars and distributions fetched, by Code.Key(), for the
	// caller to merge into what it holds (sectors.PriceHistory.Merge).
	Got map[string]sectors.PriceHistory
	// Covered is, by Code.Key(), the spans of days the answers vouch for,
	// oldest first: from the first day asked (or the first bar, when the
	// answer started later) to the last bar received; for an index, which
	// trades every session, only up to a session it lacks. Only these may
	// be recorded as held: a day asked for and not received is asked
	// again next time.
	Covered map[string][]sectors.DayRange
	// Short lists the requests whose answer stopped before the last
	// closed session asked for (or brought nothing), one per security.
	Short []Shortfall
	// Answered is, by Code.Key(), whether every request for the security
	// got a readable answer (rows, or none): the server was asked through
	// the last closed session and said what it has. A security of which
	// a request failed, or was never sent, is absent.
	Answered map[string]bool
}

// Shortfall is a request answered short: Asked is what was asked (to
// the last closed session), GotTo the last day received (zero: none).
type Shortfall struct {
	Code  market.Code
	Asked sectors.DayRange
	GotTo time.Time
}

// Incomplete says, in one line, which answers came back short ("" when
// none did): "history incomplete for 3 tickers: SZ000002 asked
// 2025-03-10..2025-03-20, got to 2025-03-13; …".
func (f DailyFetch) Incomplete() string {
	if len(f.Short) == 0 {
		return ""
	}
	s := f.Short[0]
	got := "got nothing"
	if !s.GotTo.IsZero() {
		got = "got to " + market.ChinaDate(s.GotTo)
	}
	what := "1 ticker"
	if n := len(f.Short); n > 1 {
		what = fmt.Sprintf("%d tickers", n)
	}
	more := ""
	if len(f.Short) > 1 {
		more = ", …"
	}
	return fmt.Sprintf("history incomplete for %s: %s asked %s..%s, %s%s (asked again next time)",
		what, s.Code.Key(), market.ChinaDate(s.Asked.From), market.ChinaDate(s.Asked.To), got, more)
}

// maxFollowUps bounds the requests one planned request may grow into
// when each answer fills KlineRows without reaching the start.
const maxFollowUps = 8

// DailyHistory fetches the unadjusted daily bars and the distributions of
// every need for the days of want it does not hold yet, up to now (a bar
// of today before 15:00 is the unfinished session and is left out). A
// need with nothing missing is not asked for. An answer that fills
// KlineRows without reaching the day asked from is followed by a request
// for the days before it. Requests run four at a time and stop when the
// server is unreachable or refuses; the first error other than
// ErrNoHistory is returned with whatever was fetched.
func (t *Tencent) DailyHistory(ctx context.Context, needs []DailyNeed, want sectors.DayRange, now time.Time) (DailyFetch, error) {
	if today := market.ChinaDay(now); want.To.After(today) {
		want.To = today
	}
	if !Closed(want.To, now) {
		// today's session has no close yet: a history held to the last
		// one over is complete, and asking again before 15:00 would
		// only bring a bar that is dropped
		want.To = want.To.AddDate(0, 0, -1)
	}
	return t.fetchPlan(ctx, PlanDaily(needs, want), now)
}

// fetchPlan runs the requests of a plan (see DailyHistory).
func (t *Tencent) fetchPlan(ctx context.Context, plan []KlineRequest, now time.Time) (DailyFetch, error) {
	var (
		mu       sync.Mutex
		out      = DailyFetch{Got: map[string]sectors.PriceHistory{}, Covered: map[string][]sectors.DayRange{}, Answered: map[string]bool{}}
		short    = map[string]Shortfall{}
		firstErr error
		pending  = map[string]int{} // requests of each security not yet answered readably
	)
	for _, req := range plan {
		pending[req.Code.Key()]++
	}
	ctxErr := parallel(ctx, len(plan), func(ctx context.Context, i int) (stop bool) {
		req := plan[i]
		for range maxFollowUps {
			h, rows, err := t.fetchDaily(ctx, req)
			if err == nil {
				h.Bars = closedBars(h.Bars, req.Span, now)
			}
			cov, rest := coverage(req, h.Bars, rows, now)
			mu.Lock()
			key := req.Code.Key()
			if err != nil && !errors.Is(err, ErrNoHistory) && firstErr == nil {
				firstErr = err
			}
			if err == nil {
				out.Got[key] = out.Got[key].Merge(h)
			}
			if (err == nil || errors.Is(err, ErrNoHistory)) && rest.Empty() {
				if pending[key]--; pending[key] == 0 {
					out.Answered[key] = true
				}
			}
			for _, c := range cov {
				out.Covered[key] = sectors.UnionRanges(append(out.Covered[key], c))
			}
			if last := lastClosed(req.Span, now); !req.Head && !last.IsZero() && (len(h.Bars) == 0 || h.Bars[len(h.Bars)-1].Date.Before(last)) {
				s, seen := short[key]
				if !seen || req.Span.From.Before(s.Asked.From) {
					s = Shortfall{Code: req.Code, Asked: sectors.DayRange{From: req.Span.From, To: last}}
					if len(h.Bars) > 0 {
						s.GotTo = h.Bars[len(h.Bars)-1].Date
					}
					short[key] = s
				}
			}
			mu.Unlock()
			if err != nil {
				return !errors.Is(err, ErrNoHistory) && (errors.Is(err, ErrOffline) || errors.Is(err, ErrRefused))
			}
			if rest.Empty() {
				return false
			}
			req.Span = rest // the answer filled its rows: ask for the days before it
		}
		return false
	})
	if firstErr == nil {
		firstErr = ctxErr
	}
	for _, s := range short {
		out.Short = append(out.Short, s)
	}
	sort.Slice(out.Short, func(i, j int) bool { return out.Short[i].Code.Key() < out.Short[j].Code.Key() })
	return out, firstErr
}

// lastClosed is the last session of span that is over at now (zero:
// none).
func lastClosed(span sectors.DayRange, now time.Time) time.Time {
	d := market.TradingDayOnOrBefore(span.To)
	if !Closed(d, now) {
		d = market.PrevTradingDay(d)
	}
	if d.Before(span.From) {
		return time.Time{}
	}
	return d
}

// coverage is what an answer of rows rows, whose closed bars inside the
// request's span are bars, vouches for: the days from the span's start
// when the first bar is its first session, else from the first bar (an
// answer that starts late may be a listing, a halt or a server that lost
// the days: they are asked again), to the last bar, cut for an index at
// each session it lacks; and the span still to ask for when the answer
// filled KlineRows without reaching the span's first session (the server
// keeps the newest rows). An empty or unreadable answer vouches for
// nothing.
func coverage(req KlineRequest, bars []sectors.DailyBar, rows int, now time.Time) (covered []sectors.DayRange, rest sectors.DayRange) {
	if len(bars) == 0 {
		return nil, rest
	}
	first, last := bars[0].Date, bars[len(bars)-1].Date
	from := first
	// on time: no session of the span comes before the first bar
	startsOnTime := market.PrevTradingDay(first).Before(market.ChinaDay(req.Span.From))
	switch {
	case startsOnTime:
		from = req.Span.From
	case rows >= KlineRows:
		rest = sectors.DayRange{From: req.Span.From, To: market.PrevTradingDay(first)}
	}
	if !req.Code.IsIndex() {
		return []sectors.DayRange{{From: from, To: last}}, rest
	}
	// an index has a close every session: a session it lacks is a hole,
	// and the days from it on are not vouched for until it is filled
	start := from
	prev := first
	for _, b := range bars[1:] {
		if market.NextTradingDay(prev).Before(b.Date) {
			covered = append(covered, sectors.DayRange{From: start, To: prev})
			start = b.Date
		}
		prev = b.Date
	}
	return append(covered, sectors.DayRange{From: start, To: last}), rest
}

// fetchDaily asks for one request's days; rows is how many rows the
// answer held (before any was dropped).
func (t *Tencent) fetchDaily(ctx context.Context, req KlineRequest) (h sectors.PriceHistory, rows int, err error) {
	sym := symbol(req.Code)
	url := fmt.Sprintf("%s/appstock/app/fqkline/get?param=%s,day,%s,%s,%d,",
		t.KlineBase, sym, market.ChinaDate(req.Span.From), market.ChinaDate(req.Span.To), KlineRows)
	body, err := t.c.get(ctx, url)
	if err != nil {
		return sectors.PriceHistory{}, 0, err
	}
	return parseDaily(body, req.Code)
}

// closedBars keeps the bars inside span whose session is over at now.
func closedBars(bars []sectors.DailyBar, span sectors.DayRange, now time.Time) []sectors.DailyBar {
	out := bars[:0]
	for _, b := range bars {
		if span.Contains(b.Date) && Closed(b.Date, now) {
			out = append(out, b)
		}
	}
	return out
}

// ParseDaily reads a k-line answer for code: its unadjusted "day" rows as
// bars (volume in shares: STAR rows are shares, the others lots, checked
// against a row's amount when it has one) and the distributions the rows
// carry. An answer holding only an adjusted series is ErrMalformed (its
// prices are not the traded ones); an unknown code or an empty series is
// ErrNoHistory.
func ParseDaily(body []byte, code market.Code) (sectors.PriceHistory, error) {
	h, _, err := parseDaily(body, code)
	return h, err
}

// parseDaily is ParseDaily that also says how many rows the answer held.
// A whole market's fetch reads millions of fields: each row is decoded
// once into its fields (klineField) and each field read once, rather
// than each field decoded again at each use.
func parseDaily(body []byte, code market.Code) (sectors.PriceHistory, int, error) {
	sym := symbol(code)
	var resp struct {
		Code int       `json:"code"`
		Msg  string    `json:"msg"`
		Data klineData `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return sectors.PriceHistory{}, 0, fmt.Errorf("%w: k-line: %v", ErrMalformed, err)
	}
	if resp.Code != 0 {
		return sectors.PriceHistory{}, 0, fmt.Errorf("%w: k-line code %d %s", ErrNoHistory, resp.Code, clipMsg(resp.Msg))
	}
	node, ok := resp.Data[sym]
	if !ok {
		return sectors.PriceHistory{}, 0, fmt.Errorf("%w for %s", ErrNoHistory, sym) // "data":[] or "" too
	}
	if node.Day == nil {
		if node.AdjustedDay {
			return sectors.PriceHistory{}, 0, fmt.Errorf("%w: %s: an adjusted series where the traded prices were asked for", ErrMalformed, sym)
		}
		return sectors.PriceHistory{}, 0, fmt.Errorf("%w for %s", ErrNoHistory, sym)
	}
	// Each row into one array of fields, reused: decoding them all at
	// once grew a slice for each row, field by field (two thirds of what
	// reading an answer allocated).
	var rows []json.RawMessage
	if err := json.Unmarshal(node.Day, &rows); err != nil {
		return sectors.PriceHistory{}, 0, fmt.Errorf("%w: %s rows: %v", ErrMalformed, sym, err)
	}
	var fields [maxRowFields]klineField
	h := sectors.PriceHistory{Code: code}
	seen := make(map[int64]bool, len(rows))
	for _, raw := range rows {
		// a shorter row zeroes the fields after it (encoding/json)
		if err := json.Unmarshal(raw, &fields); err != nil {
			return sectors.PriceHistory{}, 0, fmt.Errorf("%w: %s rows: %v", ErrMalformed, sym, err)
		}
		r := fields[:rowLen(&fields)]
		bar, ok := dailyRow(code, r)
		if ok && !seen[bar.Date.Unix()] { // the row's date: midnight in China
			seen[bar.Date.Unix()] = true
			h.Bars = append(h.Bars, bar)
		}
		for _, extra := range tail(r, 6) {
			if e, read, ok := distribution(extra.object, bar.Date); ok {
				if read {
					h.Events = append(h.Events, e)
				} else {
					h.Unread = append(h.Unread, e)
				}
			}
		}
	}
	if len(h.Bars) == 0 && len(h.Events) == 0 {
		return h, len(rows), fmt.Errorf("%w for %s", ErrNoHistory, sym)
	}
	sort.Slice(h.Bars, func(i, j int) bool { return h.Bars[i].Date.Before(h.Bars[j].Date) })
	return sectors.PriceHistory{Code: code}.Merge(h), len(rows), nil // sorts and dedupes the distributions
}

// klineData is a k-line answer's "data": a node per symbol. Anything but
// an object of objects ("data":[] or "", as an unknown code gets) reads
// as no node.
type klineData map[string]klineNode

func (d *klineData) UnmarshalJSON(b []byte) error {
	var m map[string]klineNode
	if json.Unmarshal(b, &m) == nil {
		*d = m
	}
	return nil
}

// klineNode is a symbol's node: its unadjusted rows, kept as given until
// they are read, and whether it holds an adjusted series instead.
type klineNode struct {
	Day         json.RawMessage `json:"day"`
	AdjustedDay present         `json:"qfqday"`
}

// present is true when its key is there, whatever it holds.
type present bool

func (p *present) UnmarshalJSON([]byte) error { *p = true; return nil }

// maxRowFields bounds the fields read of a row: Tencent's have six to
// ten (the bar, then a distribution, the turnover, the amount).
const maxRowFields = 16

// rowLen is how many fields of a row were there.
func rowLen(fields *[maxRowFields]klineField) int {
	n := len(fields)
	for n > 0 && !fields[n-1].there {
		n--
	}
	return n
}

// klineField is one element of a k-line row: its text when it is a JSON
// string (the date, the prices, the volume, the amount), the object as
// given when it is one (a distribution), else nothing.
type klineField struct {
	text   string
	object []byte
	there  bool
}

func (f *klineField) UnmarshalJSON(b []byte) error {
	f.there = true
	switch {
	case len(b) >= 2 && b[0] == '"':
		if bytes.IndexByte(b, '\\') < 0 {
			f.text = string(b[1 : len(b)-1]) // the decoder checked it: a plain string's bytes are its text
			return nil
		}
		return json.Unmarshal(b, &f.text)
	case len(b) > 0 && b[0] == '{':
		f.object = bytes.Clone(b)
	}
	return nil
}

func tail(r []klineField, from int) []klineField {
	if len(r) <= from {
		return nil
	}
	return r[from:]
}

// dailyRow reads ["2024-09-20","open","close","high","low","volume",…]. A
// later element that is a number, at index 8, is the day's amount in 10k
// yuan (akfamily/akshare PR #7328): it settles the volume's unit.
func dailyRow(code market.Code, r []klineField) (sectors.DailyBar, bool) {
	if len(r) < 6 {
		return sectors.DailyBar{}, false
	}
	str := func(i int) string {
		if i < len(r) {
			return r[i].text
		}
		return ""
	}
	date, err := time.ParseInLocation(time.DateOnly, str(0), market.China)
	if err != nil {
		return sectors.DailyBar{}, false
	}
	open, high, low := str(1), str(3), str(4)
	b := sectors.DailyBar{Date: date, Open: price(open), Close: price(str(2)), High: price(high), Low: price(low)}
	if b.Close == 0 || garbled(open) || garbled(high) || garbled(low) {
		return sectors.DailyBar{}, false // a close that is no price is never a reference
	}
	amount := bounded(str(8), maxAmount/1e4) * 1e4
	b.Volume = tencentShares(code, bounded(str(5), maxVolume), amount, b.Close)
	return b, true
}

// distribution reads a row's distribution object. ok is false when raw is
// not one; read is false when its text could not be read (it is then
// returned with zero amounts, for PriceHistory.Unread). The ex-date is cqr,
// or the row's date when cqr is missing.
func distribution(raw []byte, rowDate time.Time) (e sectors.ExRights, read, ok bool) {
	if len(raw) == 0 || raw[0] != '{' {
		return e, false, false
	}
	var obj struct {
		Year    string `json:"nd"`
		ExDate  string `json:"cqr"`
		Content string `json:"FHcontent"`
	}
	if json.Unmarshal(raw, &obj) != nil || strings.TrimSpace(obj.Content) == "" && strings.TrimSpace(obj.ExDate) == "" {
		return e, false, false // not a distribution (some rows carry {})
	}
	e.Text = clipMsg(obj.Content)
	e.ExDate = rowDate
	if d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(obj.ExDate), market.China); err == nil {
		e.ExDate = d
	}
	if e.ExDate.IsZero() {
		return e, false, false
	}
	d, readOK := sectors.ReadDistribution(obj.Content)
	if !readOK {
		return e, false, true
	}
	e.CashPerShare, e.BonusPerShare, e.RightsPerShare, e.RightsPrice = d.Cash, d.Bonus, d.Rights, d.RightsPrice
	return e, true, true
}

// clipMsg bounds a server's text kept in an error or a record.
func clipMsg(s string) string {
	const max = 80
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
