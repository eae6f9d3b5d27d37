package quote

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

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

// DailyNeed is one security whose history is to be completed: Held is the
// span of days the caller already has (zero when it has none), From the
// first day this security needs (zero: the want's first day).
type DailyNeed struct {
	Code sectors.Code
	Held sectors.DayRange
	From time.Time
}

// KlineRequest is one request of a plan: a symbol and a span of days.
type KlineRequest struct {
	Code sectors.Code
	Span sectors.DayRange
}

// PlanDaily lists the requests that complete every need to want (from
// the need's own first day when it has one): only the days missing
// (sectors.MissingRanges), each missing span in as few
// requests as KlineRows allows — ceil(trading days / KlineRows), one for
// any span under two and a half years — never one per day.
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
			p, ok := pieces[span]
			if !ok {
				for _, r := range splitSpan(n.Code, span) {
					p = append(p, r.Span)
				}
				pieces[span] = p
			}
			for _, r := range p {
				out = append(out, KlineRequest{Code: n.Code, Span: r})
			}
		}
	}
	return out
}

// splitSpan cuts span into pieces of at most KlineRows trading days.
func splitSpan(code sectors.Code, span sectors.DayRange) []KlineRequest {
	var out []KlineRequest
	from := span.From
	for !from.After(span.To) {
		to, n := from, 0
		for d := from; !d.After(span.To); d = d.AddDate(0, 0, 1) {
			if sectors.IsTradingDay(d) {
				if n == KlineRows {
					break
				}
				n++
				to = d
			}
		}
		out = append(out, KlineRequest{Code: code, Span: sectors.DayRange{From: from, To: to}})
		from = sectors.NextTradingDay(to)
	}
	return out
}

// DailyHistory fetches the unadjusted daily bars and the distributions of
// every need for the days of want it does not hold yet, up to now (a bar
// of today before 15:00 is the unfinished session and is left out). It
// returns what was fetched, keyed by Code.Key(), for the caller to merge
// into what it holds (sectors.PriceHistory.Merge); a need with nothing
// missing is not asked for. Requests run four at a time and stop when the
// server is unreachable or refuses; the first error other than
// ErrNoHistory is returned with whatever was fetched.
func (t *Tencent) DailyHistory(ctx context.Context, needs []DailyNeed, want sectors.DayRange, now time.Time) (map[string]sectors.PriceHistory, error) {
	if today := sectors.ChinaDay(now); want.To.After(today) {
		want.To = today
	}
	plan := PlanDaily(needs, want)
	var (
		mu       sync.Mutex
		out      = map[string]sectors.PriceHistory{}
		firstErr error
	)
	ctxErr := parallel(ctx, len(plan), func(ctx context.Context, i int) (stop bool) {
		req := plan[i]
		h, err := t.fetchDaily(ctx, req)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			if !errors.Is(err, ErrNoHistory) && firstErr == nil {
				firstErr = err
				return errors.Is(err, ErrOffline) || errors.Is(err, ErrRefused)
			}
			return false
		}
		h.Bars = closedBars(h.Bars, req.Span, now)
		out[req.Code.Key()] = out[req.Code.Key()].Merge(h)
		return false
	})
	if firstErr == nil {
		firstErr = ctxErr
	}
	return out, firstErr
}

func (t *Tencent) fetchDaily(ctx context.Context, req KlineRequest) (sectors.PriceHistory, error) {
	sym := symbol(req.Code)
	url := fmt.Sprintf("%s/appstock/app/fqkline/get?param=%s,day,%s,%s,%d,",
		t.KlineBase, sym, sectors.ChinaDate(req.Span.From), sectors.ChinaDate(req.Span.To), KlineRows)
	body, err := t.c.get(ctx, url)
	if err != nil {
		return sectors.PriceHistory{}, err
	}
	return ParseDaily(body, req.Code)
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
func ParseDaily(body []byte, code sectors.Code) (sectors.PriceHistory, error) {
	sym := symbol(code)
	var resp struct {
		Code int             `json:"code"`
		Msg  string          `json:"msg"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return sectors.PriceHistory{}, fmt.Errorf("%w: k-line: %v", ErrMalformed, err)
	}
	if resp.Code != 0 {
		return sectors.PriceHistory{}, fmt.Errorf("%w: k-line code %d %s", ErrNoHistory, resp.Code, clipMsg(resp.Msg))
	}
	var data map[string]map[string]json.RawMessage
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		return sectors.PriceHistory{}, fmt.Errorf("%w for %s", ErrNoHistory, sym) // "data":[] or ""
	}
	node, ok := data[sym]
	if !ok {
		return sectors.PriceHistory{}, fmt.Errorf("%w for %s", ErrNoHistory, sym)
	}
	raw, ok := node["day"]
	if !ok {
		if _, adj := node["qfqday"]; adj {
			return sectors.PriceHistory{}, fmt.Errorf("%w: %s: an adjusted series where the traded prices were asked for", ErrMalformed, sym)
		}
		return sectors.PriceHistory{}, fmt.Errorf("%w for %s", ErrNoHistory, sym)
	}
	var rows [][]json.RawMessage
	if err := json.Unmarshal(raw, &rows); err != nil {
		return sectors.PriceHistory{}, fmt.Errorf("%w: %s rows: %v", ErrMalformed, sym, err)
	}
	h := sectors.PriceHistory{Code: code}
	seen := map[string]bool{}
	for _, r := range rows {
		bar, ok := dailyRow(code, r)
		if ok && !seen[sectors.ChinaDate(bar.Date)] {
			seen[sectors.ChinaDate(bar.Date)] = true
			h.Bars = append(h.Bars, bar)
		}
		for _, extra := range tail(r, 6) {
			if e, read, ok := distribution(extra, bar.Date); ok {
				if read {
					h.Events = append(h.Events, e)
				} else {
					h.Unread = append(h.Unread, e)
				}
			}
		}
	}
	if len(h.Bars) == 0 && len(h.Events) == 0 {
		return h, fmt.Errorf("%w for %s", ErrNoHistory, sym)
	}
	sort.Slice(h.Bars, func(i, j int) bool { return h.Bars[i].Date.Before(h.Bars[j].Date) })
	return sectors.PriceHistory{Code: code}.Merge(h), nil // sorts and dedupes the distributions
}

func tail(r []json.RawMessage, from int) []json.RawMessage {
	if len(r) <= from {
		return nil
	}
	return r[from:]
}

// dailyRow reads ["2024-09-20","open","close","high","low","volume",…]. A
// later element that is a number, at index 8, is the day's amount in 10k
// yuan (akfamily/akshare PR #7328): it settles the volume's unit.
func dailyRow(code sectors.Code, r []json.RawMessage) (sectors.DailyBar, bool) {
	if len(r) < 6 {
		return sectors.DailyBar{}, false
	}
	str := func(i int) string {
		var s string
		if i < len(r) && json.Unmarshal(r[i], &s) == nil {
			return s
		}
		return ""
	}
	date, err := time.ParseInLocation(time.DateOnly, str(0), sectors.China)
	if err != nil {
		return sectors.DailyBar{}, false
	}
	b := sectors.DailyBar{Date: date, Open: price(str(1)), Close: price(str(2)), High: price(str(3)), Low: price(str(4))}
	if b.Close == 0 || garbled(str(1)) || garbled(str(3)) || garbled(str(4)) {
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
func distribution(raw json.RawMessage, rowDate time.Time) (e sectors.ExRights, read, ok bool) {
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
	if d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(obj.ExDate), sectors.China); err == nil {
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
