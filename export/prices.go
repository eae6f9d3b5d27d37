package export

import (
	"strconv"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Prices is the market data an export may carry. The export package never
// fetches anything: whoever calls Write passes what it already holds (the
// quotes of a round it fetched, the reference closes in the store). Either
// map may be nil or miss tickers: their cells stay empty.
type Prices struct {
	// Quotes by Code.Key() ("SH688111"), as quote.Provider returns them.
	Quotes map[string]sectors.Quote
	// Refs by Code.Key(), oldest first: prices set by hand or imported
	// for a rating's day (sectors.RatingReference).
	Refs map[string][]sectors.RefPrice
	// History by Code.Key(): the daily history a rating's return is
	// measured with (sectors.ReturnSinceRating).
	History map[string]sectors.PriceHistory
}

// PriceFormats reports whether format f shows prices (csv, json, md); the
// lists for other tools (tdx, codes, yahoo, ticker) never do.
func PriceFormats(f Format) bool { return f == CSV || f == JSON || f == MD }

// CSVPriceHeader is the columns the csv export appends when it has prices.
var CSVPriceHeader = []string{"last", "change_pct", "quote_time", "ref_close", "ref_date", "return_since_rating_pct"}

// priced is one ticker's prices: what is known of them.
type priced struct {
	q      sectors.Quote
	hasQ   bool
	ref    sectors.Reference
	hasRef bool
	ret    float64 // percent since the reference close
	hasRet bool
	unsure bool // a distribution in the window not read
}

// of looks ticker t up. A nil *Prices knows nothing.
func (p *Prices) of(t sectors.Ticker) priced {
	var r priced
	if p == nil {
		return r
	}
	key := t.Code.Key()
	if q, ok := p.Quotes[key]; ok && q.Last > 0 {
		r.q, r.hasQ = q, true
	}
	if !t.RatingAt.IsZero() {
		r.ref, r.hasRef = sectors.RatingReference(&t, p.Refs, p.History[key])
	}
	if r.hasQ && r.hasRef {
		latest := &sectors.Latest{Day: market.ChinaDay(r.q.Time), Last: r.q.Last, PrevClose: r.q.PrevClose}
		if _, g, ok := sectors.ReturnSinceRating(&t, p.Refs, p.History[key], latest); ok {
			r.ret, r.hasRet, r.unsure = g.Pct(), true, g.Uncertain
		}
	}
	return r
}

// latest is the newest quote time among tickers, zero when none.
func (p *Prices) latest(tickers []sectors.Ticker) time.Time {
	var at time.Time
	for _, t := range tickers {
		if pr := p.of(t); pr.hasQ && pr.q.Time.After(at) {
			at = pr.q.Time
		}
	}
	return at
}

// csvCells are the CSVPriceHeader cells: plain numbers (a price as
// exactly as the vendor gave it, percentages to two decimals), never
// neutralised, empty when unknown.
func (r priced) csvCells() []string {
	cells := make([]string, len(CSVPriceHeader))
	if r.hasQ {
		cells[0] = plain(r.q.Last)
		cells[1] = pct2(r.q.ChangePct)
		if !r.q.Time.IsZero() {
			cells[2] = r.q.Time.In(market.China).Format(time.DateTime)
		}
	}
	if r.hasRef {
		cells[3] = plain(r.ref.Price)
		cells[4] = r.ref.Day.In(market.China).Format(time.DateOnly)
	}
	if r.hasRet {
		cells[5] = pct2(r.ret)
	}
	return cells
}

func plain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// JSONQuote is a ticker's quote in the json format (absent when unknown).
type JSONQuote struct {
	Last      float64   `json:"last"`
	PrevClose float64   `json:"prev_close"`
	Change    float64   `json:"change"`
	ChangePct float64   `json:"change_pct"`
	Time      time.Time `json:"time,omitzero"`
	Suspended bool      `json:"suspended,omitempty"`
}

// JSONRef is the reference close of a ticker's rating in the json format
// (absent when unknown), with the return since when the quote is known.
type JSONRef struct {
	Date      string   `json:"date"` // the trading day, 2024-05-10
	Close     float64  `json:"close"`
	Adjusted  bool     `json:"adjusted,omitempty"`
	ReturnPct *float64 `json:"return_since_rating_pct,omitempty"`
	// Uncertain: a distribution in the window could not be read.
	Uncertain bool `json:"return_uncertain,omitempty"`
}

func (r priced) json() (*JSONQuote, *JSONRef) {
	var jq *JSONQuote
	var jr *JSONRef
	if r.hasQ {
		jq = &JSONQuote{Last: r.q.Last, PrevClose: r.q.PrevClose, Change: r.q.Change, ChangePct: r.q.ChangePct, Suspended: r.q.Suspended}
		if !r.q.Time.IsZero() {
			jq.Time = r.q.Time.UTC()
		}
	}
	if r.hasRef {
		jr = &JSONRef{Date: r.ref.Day.In(market.China).Format(time.DateOnly), Close: r.ref.Price, Adjusted: r.ref.Basis == sectors.ForwardAdjusted}
		if r.hasRet {
			ret := round2(r.ret)
			jr.ReturnPct, jr.Uncertain = &ret, r.unsure
		}
	}
	return jq, jr
}

func round2(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return f
}

// mdCells are the Last, Chg% and Return cells of a Markdown row.
func (r priced) mdCells() (last, chg, ret string) {
	if r.hasQ {
		last = strconv.FormatFloat(r.q.Last, 'f', 2, 64)
		if r.q.Suspended {
			last += " 停牌"
		}
		chg = signedPct(r.q.ChangePct)
	}
	if r.hasRet {
		ret = signedPct(r.ret)
		if r.unsure {
			ret += " ?"
		}
	}
	return last, chg, ret
}

// pct2 is a percentage to two decimals, never "-0.00".
func pct2(v float64) string { return sectors.FormatPct(v, 2, false) }

func signedPct(v float64) string { return sectors.FormatPct(v, 2, true) + "%" }
