package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/export"
	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
)

// quoteTimeout bounds a whole `zixuan quote`, history look-ups included.
const quoteTimeout = 30 * time.Second

// QuoteProvider is the quote source the flags ask for: nil with --offline;
// Tencent at --quotes-url (alone: a test or mirror server must not fall
// back to the internet); else Tencent with Sina as the fallback.
func (a *App) QuoteProvider() (quote.Provider, quote.History) {
	if a.root.Offline {
		return nil, nil
	}
	var hosts []string
	if a.cfg != nil {
		hosts = a.cfg.QuoteRedirectHosts
	}
	hc := quote.HTTPClient(hosts)
	if a.root.QuotesURL != "" {
		t := quote.NewTencent(a.root.QuotesURL, hc)
		return t, t
	}
	t := quote.NewTencent("", hc)
	return quote.Fallback{Primary: t, Secondary: quote.NewSina("", hc)}, t
}

// QuoteCmd prints quotes.
type QuoteCmd struct {
	Codes  []string `arg:"" optional:"" predictor:"code" help:"Codes to quote (default: the watchlist)."`
	Format string   `short:"f" default:"table" enum:"table,csv,json" help:"Output format: table, csv or json."`
	NoRefs bool     `name:"no-refs" help:"Do not look up missing reference closes."`
}

// quoteRow is one line of output: the quote, and the ticker's rating and
// its return when the ticker is on the list.
type quoteRow struct {
	Code      string   `json:"code"`
	Exchange  string   `json:"exchange"`
	Name      string   `json:"name"`
	Last      float64  `json:"last"`
	Change    float64  `json:"change"`
	ChangePct float64  `json:"change_pct"`
	Open      float64  `json:"open"`
	High      float64  `json:"high"`
	Low       float64  `json:"low"`
	PrevClose float64  `json:"prev_close"`
	Volume    int64    `json:"volume"`
	Amount    float64  `json:"amount"`
	Turnover  float64  `json:"turnover_pct"`
	PE        float64  `json:"pe"`
	Time      string   `json:"time"`
	Suspended bool     `json:"suspended,omitempty"`
	Rating    string   `json:"rating,omitempty"`
	RatingAt  string   `json:"rating_at,omitempty"`
	RefDate   string   `json:"ref_date,omitempty"`
	RefClose  float64  `json:"ref_close,omitempty"`
	Return    *float64 `json:"return_pct,omitempty"`
	// Uncertain: a distribution in the window could not be read (a rights
	// issue without its price, an unknown wording): the return may be off.
	Uncertain bool `json:"return_uncertain,omitempty"`
	// AsOf: with quotes off, the quote is the last known one, fetched
	// then (quote_offline.go)
	AsOf     string `json:"quotes_as_of,omitempty"`
	ok       bool
	decimals int // of a price: 3 for a fund, 2 otherwise
}

// quoteCode reads what the user typed as other commands do (a code in
// any spelling, a name, its pinyin), funds and indexes included: 000300
// is 沪深300 and 399001 深证成指, both quoted as indexes.
func (a *App) quoteCode(input string) (market.Code, error) { return a.resolveCode(input) }

// MarshalJSON writes what is not known as null, never as a 0 a script
// would take for a price, and returns to the hundredth of a point, as
// the table and the csv give them.
func (r quoteRow) MarshalJSON() ([]byte, error) {
	type plain quoteRow
	out := struct {
		plain
		Last      *float64 `json:"last"`
		Change    *float64 `json:"change"`
		ChangePct *float64 `json:"change_pct"`
		Open      *float64 `json:"open"`
		High      *float64 `json:"high"`
		Low       *float64 `json:"low"`
		PrevClose *float64 `json:"prev_close"`
		Volume    *int64   `json:"volume"`
		Amount    *float64 `json:"amount"`
		Turnover  *float64 `json:"turnover_pct"`
		PE        *float64 `json:"pe"`
		Return    *float64 `json:"return_pct,omitempty"`
	}{plain: plain(r)}
	price := func(v float64) *float64 {
		if !r.ok || !(v > 0) || math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	figure := func(v float64) *float64 {
		if !r.ok || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	out.Last, out.Open, out.High, out.Low, out.PrevClose = price(r.Last), price(r.Open), price(r.High), price(r.Low), price(r.PrevClose)
	if out.Last != nil {
		out.Change, out.ChangePct = figure(r.Change), figure(r.ChangePct)
	}
	if r.ok {
		out.Volume = &r.Volume
		out.Amount, out.Turnover = figure(r.Amount), figure(r.Turnover)
	}
	if r.PE != 0 {
		out.PE = figure(r.PE)
	}
	if r.Return != nil && !math.IsNaN(*r.Return) && !math.IsInf(*r.Return, 0) {
		v := math.Round(*r.Return*100) / 100
		out.Return = &v
	}
	return json.Marshal(out)
}

// Run fetches and prints.
func (c *QuoteCmd) Run(a *App) error {
	st, err := a.historyStore()
	if err != nil {
		return err
	}
	svc := a.historyService(st)
	snap, err := st.Load()
	if err != nil {
		return err
	}
	byKey := map[string]*sectors.Ticker{}
	for i := range snap.Tickers {
		byKey[snap.Tickers[i].Code.Key()] = &snap.Tickers[i]
	}
	var codes []market.Code
	if len(c.Codes) == 0 {
		for _, t := range snap.Tickers {
			if t.OnList() {
				codes = append(codes, t.Code)
			}
		}
	}
	for _, s := range c.Codes {
		code, err := a.quoteCode(s)
		if err != nil {
			return err
		}
		codes = append(codes, code)
	}
	ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
	defer cancel()
	var quotes map[string]sectors.Quote
	var qerr error
	var lk service.LastKnown
	if a.root.Offline { // the last known quotes (quote_offline.go)
		if lk, err = lastKnownQuotes(svc, codes); err != nil {
			return err
		}
		quotes = lk.Quotes
	} else {
		svc.KeepWatched = a.watchedCodes(st, snap)
		if quotes, qerr = svc.FetchQuotes(ctx, codes); qerr != nil && len(quotes) == 0 {
			return errors.New(quote.Status(qerr))
		}
	}
	// A rating's return: from the unadjusted close of its day (or a price
	// set by hand) to the last price, with every ex-date in between, from
	// the daily history (only the missing days are fetched).
	var history map[string]sectors.PriceHistory
	if !c.NoRefs {
		var on []market.Code
		earliest := nowFunc()
		for _, code := range codes {
			if t, ok := byKey[code.Key()]; ok && t.OnList() {
				on = append(on, code)
				earliest = minTime(earliest, t.RatingAt)
			}
		}
		if len(on) > 0 {
			// of each history, the bars a return since the rating reads
			keep := func(h sectors.PriceHistory) []sectors.DailyBar {
				return sectors.KeepForScoring(h, []time.Time{byKey[h.Code.Key()].RatingAt})
			}
			if history, _, err = a.loadHistoryKeeping(st, on, market.ChinaDay(earliest), true, keep); err != nil {
				return err
			}
		}
	}
	rows := make([]quoteRow, 0, len(codes))
	missing := 0
	for _, code := range codes {
		r := quoteRow{Code: code.Number, Exchange: string(code.Exchange), decimals: code.PriceDecimals()}
		if q, ok := quotes[code.Key()]; ok {
			r.ok = true
			r.Name = q.Name
			r.Last, r.Change, r.ChangePct = q.Last, q.Change, q.ChangePct
			r.Open, r.High, r.Low, r.PrevClose = q.Open, q.High, q.Low, q.PrevClose
			r.Volume, r.Amount, r.Turnover, r.PE, r.Suspended = q.Volume, q.Amount, q.Turnover, q.PE, q.Suspended
			if !q.Time.IsZero() {
				r.Time = q.Time.In(market.China).Format("2006-01-02 15:04:05")
			}
			r.AsOf = asOf(lk.Fetched[code.Key()])
		} else {
			missing++
		}
		if t, ok := byKey[code.Key()]; ok {
			r.Name = t.Name // the watchlist's name (the user's, else the master's)
			r.Rating, r.RatingAt = t.Rating.ID(), dateCST(t.RatingAt)
			var latest *sectors.Latest
			if q, ok := quotes[code.Key()]; ok && q.Last > 0 {
				latest = &sectors.Latest{Day: market.ChinaDay(q.Time), Last: q.Last, PrevClose: q.PrevClose}
			}
			if ref, ok := sectors.RatingReference(t, snap.Refs, history[code.Key()]); ok {
				r.RefDate, r.RefClose = market.ChinaDate(ref.Day), ref.Price
			}
			if _, g, ok := sectors.ReturnSinceRating(t, snap.Refs, history[code.Key()], latest); ok && r.ok {
				ret := g.Pct()
				r.Return, r.Uncertain = &ret, g.Uncertain
			}
		}
		r.Name = safetext.Line(market.DisplayName(r.Name))
		rows = append(rows, r)
	}
	switch c.Format {
	case "json":
		enc := json.NewEncoder(a.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
	case "csv":
		if err := writeQuoteCSV(a.Out, rows); err != nil {
			return err
		}
	default:
		writeQuoteTable(a.Out, rows)
	}
	switch {
	case a.root.Offline && missing > 0:
		fmt.Fprintf(a.Err, "zixuan: %s: the last known quotes, of %s; %d of %d codes have none kept\n", service.ErrQuotesOff, asOf(lk.At), missing, len(codes))
	case a.root.Offline:
		fmt.Fprintf(a.Err, "zixuan: %s: the last known quotes, of %s\n", service.ErrQuotesOff, asOf(lk.At))
	case qerr != nil:
		fmt.Fprintf(a.Err, "zixuan: %s: %d of %d codes have no quote\n", quote.Status(qerr), missing, len(codes))
	case missing > 0:
		fmt.Fprintf(a.Err, "zixuan: %d of %d codes unknown to the quote server\n", missing, len(codes))
	}
	return nil
}

func num(v float64, prec int) string { return strconv.FormatFloat(v, 'f', prec, 64) }

func signed(v float64, prec int) string {
	if v > 0 {
		return "+" + num(v, prec)
	}
	return num(v, prec)
}

func writeQuoteCSV(w io.Writer, rows []quoteRow) error {
	cw := export.NewCSVWriter(w)
	cw.Write([]string{"code", "exchange", "name", "last", "change", "change_pct", "open", "high", "low", "prev_close",
		"volume", "amount", "turnover_pct", "pe", "time", "suspended", "rating", "rating_at", "ref_date", "ref_close", "return_pct"})
	for _, r := range rows {
		cells := []string{r.Code, r.Exchange, r.Name}
		if r.ok {
			d := r.decimals
			cells = append(cells, num(r.Last, d), num(r.Change, d), num(r.ChangePct, 2), num(r.Open, d), num(r.High, d),
				num(r.Low, d), num(r.PrevClose, d), strconv.FormatInt(r.Volume, 10), num(r.Amount, 0), num(r.Turnover, 2),
				num(r.PE, 2), r.Time, strconv.FormatBool(r.Suspended))
		} else {
			cells = append(cells, make([]string, 13)...)
		}
		ref, ret := "", ""
		if r.RefClose > 0 {
			ref = num(r.RefClose, r.decimals)
		}
		if r.Return != nil {
			ret = num(*r.Return, 2)
		}
		cells = append(cells, r.Rating, r.RatingAt, r.RefDate, ref, ret)
		cw.Write(cells)
	}
	return cw.Flush()
}

func writeQuoteTable(w io.Writer, rows []quoteRow) {
	header := []string{"CODE", "NAME", "LAST", "CHG", "CHG%", "TIME", "RATING", "SINCE", "REF", "RETURN"}
	cells := make([][]string, 0, len(rows))
	for _, r := range rows {
		c := []string{r.Exchange + r.Code, r.Name, "-", "", "", "no quote", r.Rating, r.RatingAt, "", ""}
		if r.ok {
			c[2], c[3], c[4], c[5] = num(r.Last, r.decimals), signed(r.Change, r.decimals), signed(r.ChangePct, 2)+"%", r.Time
			if r.Suspended {
				c[5] += " suspended"
			}
		}
		if r.Rating != "" {
			c[8], c[9] = "no ref", ""
			if r.RefClose > 0 {
				c[8] = num(r.RefClose, r.decimals) + " " + r.RefDate
			}
			if r.Return != nil {
				c[9] = signed(*r.Return, 1) + "%"
				if r.Uncertain {
					c[9] += " ?"
				}
			}
		}
		cells = append(cells, c)
	}
	writeTable(w, header, cells, 2, 3, 4, 9)
}

// PricesCmd lists or imports reference closes.
type PricesCmd struct {
	List   PricesListCmd   `cmd:"" default:"withargs" help:"List the stored reference closes."`
	Import PricesImportCmd `cmd:"" help:"Import reference closes from a CSV of code,date,close (a header line is optional)."`
}

// PricesListCmd lists reference closes.
type PricesListCmd struct {
	Codes []string `arg:"" optional:"" predictor:"code" help:"Only these codes."`
}

// Run prints code, day, close, source.
func (c *PricesListCmd) Run(a *App) error {
	want := map[string]bool{}
	for _, s := range c.Codes {
		code, err := parseCode(s)
		if err != nil {
			return err
		}
		want[code.Key()] = true
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	snap, err := st.Load()
	if err != nil {
		return err
	}
	all := snap.Refs
	n := 0
	seen := map[string]bool{}
	cw := export.NewCSVWriter(a.Out)
	emit := func(key string) {
		if seen[key] || (len(want) > 0 && !want[key]) {
			return
		}
		seen[key] = true
		for _, p := range all[key] {
			if n == 0 {
				cw.Write([]string{"code", "date", "close", "adjusted", "source"})
			}
			cw.Write([]string{key, p.Day.Format(time.DateOnly), num(p.Close, 2), strconv.FormatBool(p.Adjusted), safetext.Line(p.Source)})
			n++
		}
	}
	for _, t := range snap.Tickers {
		emit(t.Code.Key())
	}
	for key := range all {
		emit(key)
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(a.Err, "zixuan: no reference closes stored (zixuan quote fetches them; zixuan prices import or zixuan rate --ref-price set them)")
	}
	return nil
}

// PricesImportCmd imports reference closes.
type PricesImportCmd struct {
	File string `arg:"" type:"existingfile" predictor:"file" help:"CSV file: code,date,close (date as 2024-05-10 or 20240510)."`
}

// Run parses the whole file, then stores it in one transaction.
func (c *PricesImportCmd) Run(a *App) error {
	f, err := os.Open(c.File)
	if err != nil {
		return err
	}
	defer f.Close()
	prices, err := parsePricesCSV(io.LimitReader(f, 64<<20), "import:"+filepath.Base(c.File))
	if err != nil {
		return usageError{fmt.Errorf("%s: %w", c.File, err)}
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	if err := st.SetRefPrices(prices); err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "imported %d reference closes\n", len(prices))
	return nil
}

func parsePricesCSV(r io.Reader, source string) ([]sectors.RefPrice, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var out []sectors.RefPrice
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if line == 1 && len(rec) > 0 {
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
			if strings.EqualFold(strings.TrimSpace(rec[0]), "code") {
				continue
			}
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) < 3 {
			return nil, fmt.Errorf("line %d: want code,date,close, got %d fields", line, len(rec))
		}
		code, err := market.ParseCode(strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		ds := strings.TrimSpace(rec[1])
		day, err := time.ParseInLocation(time.DateOnly, ds, market.China)
		if err != nil {
			day, err = time.ParseInLocation("20060102", ds, market.China)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: date %q: use 2024-05-10", line, safetext.Line(ds))
		}
		cl, err := strconv.ParseFloat(strings.TrimSpace(rec[2]), 64)
		if err != nil || !(cl > 0) || cl > 1e7 {
			return nil, fmt.Errorf("line %d: close %q is not a price", line, safetext.Line(rec[2]))
		}
		out = append(out, sectors.RefPrice{Code: code, Day: day, Close: cl, Source: source})
	}
	if len(out) == 0 {
		return nil, errors.New("no prices in the file")
	}
	return out, nil
}

func minTime(a, b time.Time) time.Time {
	if !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}
