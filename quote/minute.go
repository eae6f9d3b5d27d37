package quote

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// Minutes fetches today's minute line (分时) of one security from
// $KlineBase/appstock/app/minute/query?code=sh600519.
func (t *Tencent) Minutes(ctx context.Context, code market.Code) (sectors.Intraday, error) {
	body, err := t.c.get(ctx, t.KlineBase+"/appstock/app/minute/query?code="+symbol(code))
	if err != nil {
		return sectors.Intraday{}, err
	}
	return ParseMinutes(body, code)
}

// ParseMinutes reads Tencent's minute answer:
//
//	{"code":0,"data":{"sh600519":{"data":{"date":"20260402",
//	  "data":["0930 1459.00 321 46839000.00", …]},
//	  "qt":{"sh600519":["1","贵州茅台","600519","1459.88","1459.44",…]}}}}
//
// Each row is the minute (HHMM), the price, and the session's running
// volume and amount (yuan) so far; the volume is in the unit of the
// quote line's (lots of 100, shares on STAR), checked against the amount
// as the quote's is. qt, when present, is the quote line, whose field 4
// is the previous close. Rows that are not a session's minute, go back in
// time, or whose totals shrink are skipped; an answer with no readable
// row for the code is ErrMalformed.
func ParseMinutes(body []byte, code market.Code) (sectors.Intraday, error) {
	var doc struct {
		Data map[string]struct {
			Data struct {
				Date string   `json:"date"`
				Rows []string `json:"data"`
			} `json:"data"`
			QT map[string]json.RawMessage `json:"qt"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return sectors.Intraday{}, fmt.Errorf("%w: minute line of %s: %v", ErrMalformed, code.Key(), err)
	}
	sym := symbol(code)
	entry, ok := doc.Data[sym]
	if !ok {
		return sectors.Intraday{}, fmt.Errorf("%w: no minute line for %s", ErrNoHistory, code.Key())
	}
	day, err := time.ParseInLocation("20060102", entry.Data.Date, market.China)
	if err != nil {
		return sectors.Intraday{}, fmt.Errorf("%w: minute line of %s has no date", ErrMalformed, code.Key())
	}
	out := sectors.Intraday{Code: code, Day: day}
	if raw, ok := entry.QT[sym]; ok {
		var fields []string
		if json.Unmarshal(raw, &fields) == nil && len(fields) > 4 {
			out.PrevClose = price(fields[4])
		}
	}

	type row struct {
		at                 time.Time
		px, volume, amount float64
	}
	rows := make([]row, 0, len(entry.Data.Rows))
	for _, s := range entry.Data.Rows {
		f := strings.Fields(s)
		if len(f) < 3 {
			continue
		}
		at, ok := sessionMinute(day, f[0])
		px := price(f[1])
		volume := bounded(f[2], maxVolume)
		amount := 0.0
		if len(f) > 3 {
			amount = bounded(f[3], maxAmount)
		}
		if !ok || px == 0 {
			continue
		}
		if n := len(rows); n > 0 && (!at.After(rows[n-1].at) || volume < rows[n-1].volume || amount < rows[n-1].amount) {
			continue // out of order, or running totals that shrink: not to be trusted
		}
		rows = append(rows, row{at, px, volume, amount})
	}
	if len(rows) == 0 {
		if len(entry.Data.Rows) == 0 {
			return out, nil // before the open: an empty session
		}
		return sectors.Intraday{}, fmt.Errorf("%w: no readable minute in the minute line of %s", ErrMalformed, code.Key())
	}
	last := rows[len(rows)-1]
	unit := tencentUnit(code, last.volume, last.amount, last.px)
	prevVolume, prevAmount := 0.0, 0.0
	for _, r := range rows {
		m := sectors.Minute{Time: r.at, Price: r.px,
			Shares: sharesOf(r.volume-prevVolume, unit), Amount: r.amount - prevAmount}
		if shares := r.volume * unit; shares > 0 && r.amount > 0 {
			m.Average = math.Round(r.amount/shares*1000) / 1000
		}
		prevVolume, prevAmount = r.volume, r.amount
		out.Minutes = append(out.Minutes, m)
	}
	return out, nil
}

// sessionMinute reads an HHMM minute of day's session: 09:30–11:30 and
// 13:00–15:00 (the closing call auction's 15:00 included; the 09:25
// opening auction's match is reported as 09:30 by the server).
func sessionMinute(day time.Time, hhmm string) (time.Time, bool) {
	if len(hhmm) != 4 {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation("1504", hhmm, market.China)
	if err != nil {
		return time.Time{}, false
	}
	m := t.Hour()*60 + t.Minute()
	if !(m >= 9*60+25 && m <= 11*60+30 || m >= 13*60 && m <= 15*60) {
		return time.Time{}, false
	}
	return day.Add(time.Duration(m) * time.Minute), true
}
