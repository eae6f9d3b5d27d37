package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/export"
	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"
)

// PositionCmd groups the position commands.
type PositionCmd struct {
	Add  PositionAddCmd  `cmd:"" help:"Record a buy: a lot (date, price, quantity, fees)."`
	Sell PositionSellCmd `cmd:"" help:"Record a sell: shares come off the oldest lots first (FIFO) and the P&L is realised."`
	List PositionListCmd `cmd:"" help:"List positions with cost, P&L from the latest quote, and the return against 沪深300 since the first buy."`
	Show PositionShowCmd `cmd:"" help:"Show one position: its lots, its trades and the distributions (送/转/派/配) it received."`
	Rm   PositionRmCmd   `cmd:"" help:"Delete a buy or a sell (its id is in zixuan position list)."`
}

// tradeFlags are a buy's or a sell's.
type tradeFlags struct {
	Code  string  `arg:"" predictor:"code" help:"The stock: its code (688111), name or pinyin."`
	Qty   int64   `required:"" placeholder:"N" help:"Shares: whole lots of 100 (STAR at least 200, BSE at least 100, in steps of 1); a sell may carry the holding's whole odd remainder."`
	Price float64 `required:"" placeholder:"P" help:"Price per share."`
	Date  string  `placeholder:"DATE" help:"The day of the trade (YYYY-MM-DD; default today)."`
	Fee   float64 `placeholder:"F" help:"All costs of the trade in yuan (commission, stamp duty, transfer fee)."`
	Force bool    `help:"Record a statement's line that breaks an exchange rule (an odd lot, T+1, a closed day): a transfer in, a corporate action, a rights subscription. It is marked forced."`
}

func (f *tradeFlags) trade(a *App, side sectors.TradeSide) (sectors.Trade, error) {
	code, err := a.resolveCode(f.Code)
	if err != nil {
		return sectors.Trade{}, err
	}
	var day time.Time
	if f.Date != "" {
		if day, err = parseDay("--date", f.Date); err != nil {
			return sectors.Trade{}, err
		}
	}
	svc := service.Service{Now: nowFunc}
	t, err := svc.NewTrade(code, side, f.Qty, f.Price, f.Fee, day, f.Force)
	var refused *service.TradeRefusal
	if errors.As(err, &refused) && refused.Rule {
		return t, usage("%s (a statement's line that breaks it is recorded with --force)", refused.Text)
	} else if err != nil {
		return t, usage("%s", err.Error())
	}
	return t, nil
}

// PositionAddCmd records a buy.
type PositionAddCmd struct {
	tradeFlags
}

// Run stores the buy.
func (c *PositionAddCmd) Run(a *App) error { return addTrade(a, &c.tradeFlags, sectors.Bought) }

// PositionSellCmd records a sell.
type PositionSellCmd struct {
	tradeFlags
}

// Run stores the sell.
func (c *PositionSellCmd) Run(a *App) error { return addTrade(a, &c.tradeFlags, sectors.Sold) }

func addTrade(a *App, f *tradeFlags, side sectors.TradeSide) error {
	t, err := f.trade(a, side)
	if err != nil {
		return err
	}
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	svc := service.Service{Store: st, Now: nowFunc}
	done, err := svc.RecordTrade(t)
	if err != nil {
		return err
	}
	t, held, breaks := done.Trade, done.Held, done.Breaks
	fmt.Fprintf(a.Out, "%d: %s %s %d at %s on %s; %d shares held\n", t.ID, t.Side, t.Code.Key(), t.Qty, price2(t.Price), market.ChinaDate(t.Date), held)
	if t.Forced {
		if breaks == "" {
			breaks = "no rule broken"
		}
		fmt.Fprintf(a.Out, "forced: %s\n", oneLine(breaks))
	}
	return nil
}

// PositionRmCmd deletes a trade.
type PositionRmCmd struct {
	ID string `arg:"" help:"The buy's or sell's id (zixuan position list)."`
}

// Run deletes it.
func (c *PositionRmCmd) Run(a *App) error {
	id, err := parseID(c.ID)
	if err != nil {
		return err
	}
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	svc := service.Service{Store: st, Now: nowFunc}
	t, err := svc.RemoveTrade(id)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "removed %d: %s %s %d at %s on %s\n", t.ID, t.Side, t.Code.Key(), t.Qty, price2(t.Price), market.ChinaDate(t.Date))
	return nil
}

// PositionListCmd lists positions.
type PositionListCmd struct {
	Format string `short:"f" default:"table" enum:"table,csv,json" help:"Output: table, csv or json."`
}

type positionOut struct {
	Code      string      `json:"code"`
	Name      string      `json:"name"`
	Qty       int64       `json:"qty"`
	Cost      float64     `json:"cost"`
	AvgPrice  float64     `json:"avg_price"`
	Last      *float64    `json:"last"`
	Value     *float64    `json:"value"`
	PnL       *float64    `json:"pnl"`
	PnLPct    *float64    `json:"pnl_pct"`
	Realised  float64     `json:"realised"`  // sells' P&L and dividends
	Dividends float64     `json:"dividends"` // of which cash dividends (before tax)
	FirstBuy  string      `json:"first_buy,omitempty"`
	Return    *float64    `json:"return_pct"`
	Bench     *float64    `json:"benchmark_pct"`
	Excess    *float64    `json:"excess_pct"`
	Uncertain bool        `json:"uncertain,omitempty"` // a distribution could not be applied
	KnownTo   string      `json:"-"`                   // distributions known to this day ("" none): position show
	KnownGap  string      `json:"-"`                   // the history's first day, when the first trade is before it
	Trades    []tradeOut  `json:"trades"`
	Actions   []actionOut `json:"actions"`
	Lots      []lotOut    `json:"-"` // position show
}

type tradeOut struct {
	ID     uint64  `json:"id"`
	Side   string  `json:"side"`
	Date   string  `json:"date"`
	Price  float64 `json:"price"`
	Qty    int64   `json:"qty"`
	Fee    float64 `json:"fee"`
	Forced bool    `json:"forced,omitempty"`
	Breaks string  `json:"breaks,omitempty"` // the exchange rule it breaks
}

// actionOut is a distribution as it reached a holding.
type actionOut struct {
	ExDate      string  `json:"ex_date"`
	Text        string  `json:"text"`
	Held        int64   `json:"held"`             // shares of record
	Shares      int64   `json:"shares,omitempty"` // bonus shares added
	Cash        float64 `json:"cash,omitempty"`   // dividend credited, before tax
	Offered     int64   `json:"rights_offered,omitempty"`
	RightsPrice float64 `json:"rights_price,omitempty"`
	Unread      bool    `json:"unread,omitempty"` // not applied: its text or figures could not be read
}

type lotOut struct {
	BuyID uint64
	Date  string
	Qty   int64
	Cost  float64
}

func actionText(a actionOut) string {
	switch {
	case a.Unread:
		return "not applied: could not be read (check the notice)"
	case a.Offered > 0 && a.RightsPrice == 0:
		return fmt.Sprintf("%d rights offered (price not known): not taken up unless recorded as a buy (--force)", a.Offered)
	case a.Offered > 0:
		return fmt.Sprintf("%d rights at %s offered: not taken up unless recorded as a buy (--force)", a.Offered, price2(a.RightsPrice))
	}
	var parts []string
	if a.Shares > 0 {
		parts = append(parts, fmt.Sprintf("+%d shares", a.Shares))
	}
	if a.Cash > 0 {
		parts = append(parts, fmt.Sprintf("+%s yuan", price2(a.Cash)))
	}
	return strings.Join(parts, ", ")
}

type totalOut struct {
	Cost     float64  `json:"cost"`
	Value    *float64 `json:"value"`
	PnL      *float64 `json:"pnl"`
	PnLPct   *float64 `json:"pnl_pct"`
	Realised float64  `json:"realised"`
	Count    int      `json:"count"`  // positions with shares
	Priced   int      `json:"priced"` // of them, those with a quote
}

type positionsOut struct {
	AsOf      string        `json:"as_of,omitempty"`
	Stale     []string      `json:"-"` // holdings whose distributions are not known to the last session
	Positions []positionOut `json:"positions"`
	Total     totalOut      `json:"total"`
}

// Run prints the positions; offline, quantities and cost.
func (c *PositionListCmd) Run(a *App) error {
	out, err := a.positionsReport()
	if err != nil {
		return err
	}
	switch c.Format {
	case "json":
		return writeJSON(a.Out, out)
	case "csv":
		return writePositionsCSV(a.Out, out)
	}
	if len(out.Positions) == 0 {
		fmt.Fprintln(a.Out, "no positions: record a buy with zixuan position add CODE --qty N --price P")
		return nil
	}
	writePositions(a.Out, out)
	return nil
}

// positionsReport is every position with its quote, return, trades and
// distributions: what list and show print.
func (a *App) positionsReport() (positionsOut, error) {
	st, err := a.clockedStore()
	if err != nil {
		return positionsOut{}, err
	}
	a.precheckHistory(st)
	ps, err := st.Positions()
	if err != nil {
		return positionsOut{}, err
	}
	snap, err := st.Load()
	if err != nil {
		return positionsOut{}, err
	}
	nm := names(snap)
	var codes []market.Code
	for _, p := range ps {
		if p.Qty > 0 {
			codes = append(codes, p.Code)
		}
		if nm[p.Code.Key()] == "" {
			if sec, ok := market.LookupMaster(p.Code); ok {
				nm[p.Code.Key()] = sec.Name
			}
		}
	}
	last := map[string]float64{}
	var quotes map[string]sectors.Quote
	if svc := a.historyService(st); svc.Quotes != nil && len(codes) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
		var qerr error
		quotes, qerr = svc.FetchQuotes(ctx, append(append([]market.Code(nil), codes...), sectors.Benchmark))
		cancel()
		if qerr != nil {
			fmt.Fprintf(a.Err, "zixuan: %s: quantities and cost only\n", quote.Status(qerr))
		}
		for k, q := range quotes {
			if q.Last > 0 {
				last[k] = q.Last
			}
		}
	}
	vs := a.positionReturns(st, ps, quotes)
	// the history just fetched may hold distributions the holdings have
	// not had yet
	if ps, err = st.Positions(); err != nil {
		return positionsOut{}, err
	}
	out := positionsOut{Positions: []positionOut{}}
	var newest time.Time
	var stale []string // holdings whose distributions are not known to the last session
	for _, p := range ps {
		o := positionOut{Code: p.Code.Key(), Name: nm[p.Code.Key()], Qty: p.Qty, Cost: round2(p.Cost), AvgPrice: round4(p.AvgPrice()), Realised: round2(p.Realised),
			Dividends: round2(p.Dividends), Uncertain: p.Uncertain(), Trades: []tradeOut{}, Actions: []actionOut{}}
		if p.Qty > 0 && p.KnownTo.Before(market.PrevTradingDay(market.ChinaDay(nowFunc()))) {
			stale = append(stale, p.Code.Key())
		}
		if !p.KnownTo.IsZero() {
			o.KnownTo = market.ChinaDate(p.KnownTo)
			if len(p.Trades) > 0 && p.Trades[0].Date.Before(p.KnownFrom) {
				o.KnownGap = market.ChinaDate(p.KnownFrom)
			}
		}
		for _, ac := range p.Actions {
			o.Actions = append(o.Actions, actionOut{ExDate: market.ChinaDate(ac.ExDate), Text: oneLine(ac.Text), Held: ac.Held, Shares: ac.Shares,
				Cash: ac.Cash, Offered: ac.Offered, RightsPrice: ac.RightsPrice, Unread: ac.Unread})
		}
		for _, l := range p.Lots {
			o.Lots = append(o.Lots, lotOut{BuyID: l.BuyID, Date: market.ChinaDate(l.Date), Qty: l.Qty, Cost: l.Cost})
		}
		if p.Qty > 0 {
			o.FirstBuy = market.ChinaDate(p.FirstBuy)
			if l, ok := last[p.Code.Key()]; ok {
				pnl, pp := p.PnL(l)
				lv := l
				o.Last, o.Value, o.PnL, o.PnLPct = &lv, ptr(p.Value(l)), ptr(pnl), ptr(pp)
				if q := quotes[p.Code.Key()]; q.Time.After(newest) {
					newest = q.Time
				}
			}
			if r, ok := vs[p.Code.Key()]; ok {
				o.Return, o.Bench, o.Excess = ptr(r.ReturnPct), ptr(r.BenchmarkPct), ptr(r.ExcessPct)
			}
		}
		for _, t := range p.Trades {
			o.Trades = append(o.Trades, tradeOut{ID: t.ID, Side: string(t.Side), Date: market.ChinaDate(t.Date), Price: t.Price, Qty: t.Qty, Fee: t.Fee,
				Forced: t.Forced, Breaks: t.Breaks})
		}
		out.Positions = append(out.Positions, o)
	}
	tot := sectors.TotalPositions(ps, last)
	out.Total = totalOut{Cost: round2(tot.Cost), Realised: round2(tot.Realised), Count: tot.Count, Priced: tot.Priced}
	if tot.Priced > 0 {
		out.Total.Value, out.Total.PnL, out.Total.PnLPct = ptr(tot.Value), ptr(tot.PnL), ptr(tot.PnLPct)
	}
	if !newest.IsZero() {
		out.AsOf = newest.In(market.China).Format(time.RFC3339)
	}
	out.Stale = stale
	return out, nil
}

// PositionShowCmd shows one position in full.
type PositionShowCmd struct {
	Code   string `arg:"" predictor:"code" help:"The stock: its code, name or pinyin."`
	Format string `short:"f" default:"table" enum:"table,json" help:"Output: table or json."`
}

// Run prints the position.
func (c *PositionShowCmd) Run(a *App) error {
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	all, err := a.positionsReport()
	if err != nil {
		return err
	}
	for _, p := range all.Positions {
		if p.Code != code.Key() {
			continue
		}
		if c.Format == "json" {
			return writeJSON(a.Out, p)
		}
		writePosition(a.Out, p)
		return nil
	}
	return usage("no trades of %s: record a buy with zixuan position add %s --qty N --price P", code.Key(), code.Number)
}

// writePosition is one position: its figures, lots, trades and the
// distributions it received.
func writePosition(w io.Writer, p positionOut) {
	fmt.Fprintf(w, "%s %s\n", p.Code, safetext.Line(p.Name))
	line := func(k, v string) { fmt.Fprintf(w, "  %-10s %s\n", k, v) }
	line("held", fmt.Sprintf("%d shares, cost %s (avg %s)", p.Qty, price2(p.Cost), strconv.FormatFloat(p.AvgPrice, 'f', 3, 64)))
	if p.Last != nil {
		line("value", fmt.Sprintf("%s at %s: P&L %s (%s%%)", opt(p.Value), opt(p.Last), opt(p.PnL), opt(p.PnLPct)))
	}
	line("realised", fmt.Sprintf("%s (dividends %s, before tax)", price2(p.Realised), price2(p.Dividends)))
	if p.Return != nil {
		line("return", fmt.Sprintf("%s%% since %s, 沪深300 price index %s%%", opt(p.Return), p.FirstBuy, opt(p.Bench)))
	}
	known := p.KnownTo
	if known == "" {
		known = "none stored (run zixuan position list with quotes on)"
	}
	line("history", "distributions known to "+known)
	if p.KnownGap != "" {
		line("note", "the history starts "+p.KnownGap+", after the first trade: distributions before it are not known")
	}
	if p.Uncertain {
		line("note", "a distribution could not be applied: the holding may be wrong from it")
	}
	if len(p.Lots) > 0 {
		fmt.Fprintln(w)
		var rows [][]string
		for _, l := range p.Lots {
			rows = append(rows, []string{strconv.FormatUint(l.BuyID, 10), l.Date, strconv.FormatInt(l.Qty, 10), price2(l.Cost), strconv.FormatFloat(l.Cost/float64(l.Qty), 'f', 3, 64)})
		}
		writeTable(w, []string{"LOT", "BOUGHT", "QTY", "COST", "PER SHARE"}, rows, 0, 2, 3, 4)
	}
	fmt.Fprintln(w)
	writeTrades(w, []positionOut{p})
	if len(p.Actions) > 0 {
		fmt.Fprintln(w)
		writeActions(w, []positionOut{p})
	}
}

func round4(v float64) float64 { return math.Round(v*10000) / 10000 }

func opt(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

func writePositionsCSV(w io.Writer, out positionsOut) error {
	cw := export.NewCSVWriter(w)
	cw.Write([]string{"code", "name", "qty", "cost", "avg_price", "last", "value", "pnl", "pnl_pct", "realised", "first_buy", "return_pct", "benchmark_pct", "excess_pct", "dividends"})
	for _, p := range out.Positions {
		cw.Write([]string{p.Code, p.Name, strconv.FormatInt(p.Qty, 10), price2(p.Cost), strconv.FormatFloat(p.AvgPrice, 'f', 4, 64),
			opt(p.Last), opt(p.Value), opt(p.PnL), opt(p.PnLPct), price2(p.Realised), p.FirstBuy, opt(p.Return), opt(p.Bench), opt(p.Excess), price2(p.Dividends)})
	}
	return cw.Flush()
}

func writePositions(w io.Writer, out positionsOut) {
	var rows [][]string
	for _, p := range out.Positions {
		rows = append(rows, []string{p.Code, safetext.Line(p.Name), strconv.FormatInt(p.Qty, 10), price2(p.Cost), strconv.FormatFloat(p.AvgPrice, 'f', 3, 64),
			opt(p.Last), opt(p.Value), opt(p.PnL), opt(p.PnLPct), price2(p.Realised), p.FirstBuy, opt(p.Return), opt(p.Excess)})
	}
	t := out.Total
	rows = append(rows, []string{"TOTAL", "", "", price2(t.Cost), "", "", opt(t.Value), opt(t.PnL), opt(t.PnLPct), price2(t.Realised), "", "", ""})
	writeTable(w, []string{"CODE", "NAME", "QTY", "COST", "AVG", "LAST", "VALUE", "P&L", "P&L %", "REALISED", "SINCE", "RETURN", "VS 沪深300 PRICE"}, rows, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12)
	if t.Priced == 0 && t.Count > 0 {
		fmt.Fprintln(w, "\nno quotes: quantities and cost only")
	}
	if len(out.Stale) > 0 {
		fmt.Fprintf(w, "\ndistributions not known to the last session for %s: the daily history is fetched with quotes on\n", strings.Join(out.Stale, ", "))
	}
	for _, p := range out.Positions {
		if p.Uncertain {
			fmt.Fprintf(w, "\n%s: a distribution could not be applied: the holding may be wrong from it (zixuan position show %s)\n", p.Code, p.Code)
		}
	}
	fmt.Fprintln(w)
	writeTrades(w, out.Positions)
	for _, p := range out.Positions {
		if len(p.Actions) > 0 {
			fmt.Fprintln(w)
			writeActions(w, out.Positions)
			break
		}
	}
}

// writeTrades lists the positions' buys and sells; one that breaks an
// exchange rule says which (forced: recorded with --force).
func writeTrades(w io.Writer, ps []positionOut) {
	var rows [][]string
	for _, p := range ps {
		for _, tr := range p.Trades {
			note := ""
			switch {
			case tr.Forced && tr.Breaks != "":
				note = "forced: " + tr.Breaks
			case tr.Forced:
				note = "forced"
			case tr.Breaks != "":
				note = "breaks: " + tr.Breaks
			}
			rows = append(rows, []string{strconv.FormatUint(tr.ID, 10), tr.Date, tr.Side, p.Code, strconv.FormatInt(tr.Qty, 10), price2(tr.Price), price2(tr.Fee), oneLine(note)})
		}
	}
	writeTable(w, []string{"ID", "DATE", "SIDE", "CODE", "QTY", "PRICE", "FEE", "NOTE"}, rows, 0, 4, 5, 6)
}

// writeActions lists the distributions the holdings received.
func writeActions(w io.Writer, ps []positionOut) {
	var rows [][]string
	for _, p := range ps {
		for _, ac := range p.Actions {
			rows = append(rows, []string{ac.ExDate, p.Code, safetext.Line(ac.Text), strconv.FormatInt(ac.Held, 10), actionText(ac)})
		}
	}
	writeTable(w, []string{"EX-DATE", "CODE", "DISTRIBUTION", "HELD", "TO THE HOLDING"}, rows, 3)
}

// positionReturns measures each open position from its first buy's price
// on its day to the latest price, and 沪深300 over the same days, from the
// stored daily history (fetching what is missing when quotes are on).
func (a *App) positionReturns(st *store.Store, ps []sectors.Position, quotes map[string]sectors.Quote) map[string]sectors.CallReturn {
	// every ticker traded, from its first trade: the distributions of a
	// holding since sold count in its realised P&L too
	all := []market.Code{sectors.Benchmark}
	var earliest time.Time
	open := 0
	for _, p := range ps {
		if len(p.Trades) == 0 {
			continue
		}
		all = append(all, p.Code)
		if first := p.Trades[0].Date; earliest.IsZero() || first.Before(earliest) {
			earliest = first
		}
		if p.Qty > 0 {
			open++
		}
	}
	if open == 0 {
		return nil
	}
	online := quotes != nil // no history fetched when the quotes could not be
	// of a stock, the bars its return since the first buy reads; the
	// benchmark whole
	firstBuy := map[string][]time.Time{}
	for _, p := range ps {
		if p.Qty > 0 {
			firstBuy[p.Code.Key()] = append(firstBuy[p.Code.Key()], p.FirstBuy)
		}
	}
	keep := func(h sectors.PriceHistory) []sectors.DailyBar {
		if h.Code == sectors.Benchmark {
			return h.Bars
		}
		return sectors.KeepForScoring(h, firstBuy[h.Code.Key()])
	}
	history, _, err := a.loadHistoryKeeping(st, all, earliest, online, keep)
	if err != nil {
		return nil
	}
	in := sectors.ScoreInput{History: history}
	latest := func(k string) *sectors.Latest {
		if l, ok := quotes[k].AsLatest(); ok {
			return &l
		}
		return nil
	}
	out := map[string]sectors.CallReturn{}
	bench := in.History[sectors.Benchmark.Key()]
	for _, p := range ps {
		if p.Qty == 0 {
			continue
		}
		var first sectors.Trade
		for _, t := range p.Trades {
			if t.Side == sectors.Bought && t.Date.Equal(p.FirstBuy) {
				first = t
				break
			}
		}
		ref := &sectors.Reference{Day: p.FirstBuy, Price: first.Price, Basis: sectors.Unadjusted}
		r, err := sectors.ScoreCall(p.FirstBuy, ref, in.History[p.Code.Key()], latest(p.Code.Key()), bench, latest(sectors.Benchmark.Key()))
		if err == nil {
			out[p.Code.Key()] = r
		}
	}
	return out
}

// exportPositions adds the alerts and trades to a json export: all of
// them, or with a filter those of the tickers exported.
func (a *App) exportPositions(opts *export.Options, tickers []sectors.Ticker, all bool) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	alerts, err := st.Alerts()
	if err != nil {
		return err
	}
	trades, err := st.Trades()
	if err != nil {
		return err
	}
	var in map[string]bool // the tickers exported, when not all are
	if !all {
		in = make(map[string]bool, len(tickers))
		for _, t := range tickers {
			in[t.Code.Key()] = true
		}
	}
	for _, al := range alerts {
		if all || in[al.Code.Key()] {
			opts.Alerts = append(opts.Alerts, al)
		}
	}
	for _, t := range trades {
		if all || in[t.Code.Key()] {
			opts.Trades = append(opts.Trades, t)
		}
	}
	return nil
}
