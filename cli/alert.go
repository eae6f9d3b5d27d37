package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/sync/errgroup"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"
)

// nowFunc is the CLI's clock (alerts, positions, history, the calendar);
// tests set it.
var nowFunc = time.Now

// exitStatus makes Main return code without printing anything.
type exitStatus struct{ code int }

func (e exitStatus) Error() string { return "exit status " + strconv.Itoa(e.code) }

// AlertCmd groups the alert commands.
type AlertCmd struct {
	Add   AlertAddCmd   `cmd:"" help:"Set an alert on a ticker of the watchlist: one kind, one-shot unless --repeat."`
	List  AlertListCmd  `cmd:"" help:"List the alerts: armed, fired (when, at what price), expired or disabled."`
	Rm    AlertRmCmd    `cmd:"" help:"Delete an alert."`
	Rearm AlertRearmCmd `cmd:"" help:"Arm a fired alert again: it fires on the next crossing, not on the one it fired on."`
	// switched off, an alert keeps its settings and firings and no check
	// judges it; switched on, it waits for the next crossing
	Disable AlertDisableCmd `cmd:"" help:"Switch an alert off: it keeps its settings and firings, and no check judges it until enabled."`
	Enable  AlertEnableCmd  `cmd:"" help:"Switch an alert back on: it fires on the next crossing, not on one it missed while off."`
	Check   AlertCheckCmd   `cmd:"" help:"Fetch quotes, fire what crossed and run --exec for what is owed, for cron and scripts. Exit 0: nothing fired, every armed alert judged; 3: fired; 4: an earlier firing delivered now; 5: a --exec failed or timed out (run again at the next check); 6: an alert could not be judged (why on stderr). The first that applies in the order 5, 3, 4, 6; 1 and 2 are errors."`
}

// AlertAddCmd sets an alert.
type AlertAddCmd struct {
	Code      string   `arg:"" predictor:"code" help:"The ticker: its code (688111), name or pinyin; it must be on the watchlist."`
	Above     *float64 `xor:"kind" placeholder:"P" help:"Fire when the last trade is at or above P."`
	Below     *float64 `xor:"kind" placeholder:"P" help:"Fire when the last trade is at or below P."`
	Change    *float64 `xor:"kind" placeholder:"PCT" help:"Fire when today's change is beyond ±PCT %."`
	SinceCall *float64 `name:"since-call" xor:"kind" placeholder:"PCT" help:"Fire when the return since the call (the rating in force) is beyond ±PCT % (with --excess: the excess over 沪深300)."`
	Target    *string  `xor:"kind" placeholder:"P|call" help:"Fire when the target price is reached: P, or call for the target price (目标价) of the newest report that gives one for the ticker. A target the last trade has already reached is refused."`
	Drawdown  *float64 `xor:"kind" placeholder:"PCT" help:"Fire when the holding is PCT % or more below its high since the call, in total return (an ex-date's price change is no fall)."`
	Limit     bool     `xor:"kind" help:"Fire at limit up or limit down (涨停/跌停) by the rules of the day: ±10 % main boards, ±20 % STAR and ChiNext, ±30 % BSE; main-board ST ±5 % before 2026-07-06, ±10 % from then; none in a new listing's first 5 sessions (BSE: its first day)."`
	NoNote    *int     `name:"no-note" xor:"kind" placeholder:"DAYS" help:"Fire when a ticker rated buy has had no note for DAYS days (a review reminder)."`
	Excess    bool     `help:"--since-call: judge the excess return over 沪深300, not the return."`
	Repeat    bool     `help:"Stay armed after firing and fire again on the next crossing."`
	Note      string   `placeholder:"TEXT" help:"A note kept with the alert and given to --exec."`
	Expires   string   `placeholder:"DATE" help:"The last day it may fire (YYYY-MM-DD, China time)."`
}

func (c *AlertAddCmd) kind() (sectors.AlertKind, float64, error) {
	switch {
	case c.Above != nil:
		return sectors.AlertAbove, *c.Above, nil
	case c.Below != nil:
		return sectors.AlertBelow, *c.Below, nil
	case c.Change != nil:
		return sectors.AlertChange, *c.Change, nil
	case c.SinceCall != nil:
		return sectors.AlertSinceCall, *c.SinceCall, nil
	case c.Target != nil:
		if isCallTarget(*c.Target) {
			return sectors.AlertTarget, 0, nil // the call's, looked up with the ticker
		}
		p, err := strconv.ParseFloat(strings.TrimSpace(*c.Target), 64)
		if err != nil {
			return "", 0, usage("--target %q is not a price: give a price such as 88.5, or call for the target of the newest report that gives one", safetext.Clip(*c.Target))
		}
		return sectors.AlertTarget, p, nil
	case c.Drawdown != nil:
		return sectors.AlertDrawdown, *c.Drawdown, nil
	case c.Limit:
		return sectors.AlertLimit, 0, nil
	case c.NoNote != nil:
		return sectors.AlertNoNote, float64(*c.NoNote), nil
	}
	return "", 0, usage("no kind of alert: give one of --above P, --below P, --change PCT, --since-call PCT, --target P, --drawdown PCT, --limit, --no-note DAYS")
}

// parseDay reads a YYYY-MM-DD date as a China day.
func parseDay(flag, s string) (time.Time, error) {
	d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), market.China)
	if err != nil {
		return time.Time{}, usage("%s %q is not a date: give YYYY-MM-DD, such as 2026-06-30", flag, safetext.Clip(s))
	}
	return d, nil
}

// alertStore opens the store on the CLI's clock.
func (a *App) clockedStore() (*store.Store, error) {
	st, err := a.Store()
	if err != nil {
		return nil, err
	}
	st.SetClock(func() time.Time { return nowFunc().UTC() })
	return st, nil
}

// Run checks and stores the alert.
func (c *AlertAddCmd) Run(a *App) error {
	kind, value, err := c.kind()
	if err != nil {
		return err
	}
	if c.Excess && kind != sectors.AlertSinceCall {
		return usage("--excess is for --since-call")
	}
	var expires time.Time
	if c.Expires != "" {
		if expires, err = parseDay("--expires", c.Expires); err != nil {
			return err
		}
	}
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	now := nowFunc()
	var from sectors.ReportCall
	if c.Target != nil && isCallTarget(*c.Target) {
		if from, err = a.callTarget(code); err != nil {
			return err
		}
		value = from.Target
	}
	al, err := sectors.NewAlert(code, kind, value, expires, now)
	if err != nil {
		return usage("%s", strings.TrimPrefix(strings.TrimPrefix(err.Error(), sectors.ErrAlertValue.Error()+": "), ""))
	}
	al.Excess, al.Repeat, al.Note = c.Excess, c.Repeat, strings.TrimSpace(c.Note)
	if kind == sectors.AlertTarget {
		if err := a.checkTarget(al); err != nil {
			return err
		}
	}
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	al, err = st.AddAlert(al)
	if err != nil {
		return err
	}
	mode := "one-shot"
	if al.Repeat {
		mode = "repeating"
	}
	fmt.Fprintf(a.Out, "alert %d: %s %s (armed, %s", al.ID, code.Key(), al.Describe(), mode)
	if !al.Expires.IsZero() {
		fmt.Fprintf(a.Out, ", until %s", market.ChinaDate(al.Expires))
	}
	fmt.Fprintln(a.Out, ")")
	if from.Target > 0 {
		date := "undated"
		if !from.Report.Date.IsZero() {
			date = market.ChinaDate(from.Report.Date)
		}
		fmt.Fprintf(a.Out, "target %s from %s (%s", price2(from.Target), from.ReportID, date)
		if from.Report.Broker != "" {
			fmt.Fprintf(a.Out, ", %s", safetext.Line(from.Report.Broker))
		}
		fmt.Fprintln(a.Out, ")")
	}
	return nil
}

func isCallTarget(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "call" || s == "report"
}

// callTarget finds the target price of the ticker's newest call that
// gives one.
func (a *App) callTarget(code market.Code) (sectors.ReportCall, error) {
	st, err := a.Store()
	if err != nil {
		return sectors.ReportCall{}, err
	}
	d, err := st.Detail(code)
	if err != nil {
		return sectors.ReportCall{}, err
	}
	c, ok := d.Ticker.LatestTarget(d.Reports)
	if !ok {
		return sectors.ReportCall{}, usage("no report gives %s a target price (目标价): give one with --target P", code.Key())
	}
	return c, nil
}

// checkTarget refuses a target the last trade has already reached; with
// quotes off or out of reach it says the target could not be checked.
func (a *App) checkTarget(al sectors.Alert) error {
	prov, _ := a.QuoteProvider()
	if prov == nil {
		fmt.Fprintln(a.Err, "zixuan: quotes are off: the target was not checked against the last price")
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
	quotes, err := prov.Quotes(ctx, []market.Code{al.Code})
	cancel()
	q, ok := quotes[al.Code.Key()]
	if err != nil || !ok || !(q.Last > 0) {
		fmt.Fprintln(a.Err, "zixuan: no last price: the target was not checked against it")
		return nil
	}
	if err := al.Passed(q.Last); err != nil {
		return usage("%s", strings.TrimPrefix(err.Error(), sectors.ErrAlertPassed.Error()+": "))
	}
	return nil
}

// AlertListCmd lists alerts.
type AlertListCmd struct {
	Format string `short:"f" default:"table" enum:"table,json" help:"Output: table or json."`
}

type alertOut struct {
	ID         uint64                `json:"id"`
	Code       string                `json:"code"`
	Name       string                `json:"name"`
	Kind       string                `json:"kind"`
	Value      float64               `json:"value"`
	Excess     bool                  `json:"excess,omitempty"`
	Repeat     bool                  `json:"repeat,omitempty"`
	State      string                `json:"state"`
	FiredAt    *time.Time            `json:"fired_at"`
	FiredPrice *float64              `json:"fired_price"`
	Expires    string                `json:"expires,omitempty"`
	Note       string                `json:"note,omitempty"`
	Created    time.Time             `json:"created"`
	Firings    []sectors.AlertFiring `json:"firings,omitempty"`
	// TickerRemoved: the ticker is off the watchlist, so the alert is
	// not judged (neither by alert check nor by the TUI).
	TickerRemoved bool                  `json:"ticker_removed,omitempty"`
	Undelivered   []sectors.AlertFiring `json:"undelivered,omitempty"`
	// Level is a price level carried across the ex-dates since it was
	// set (value is the level as set); absent when none came between.
	Level       *float64        `json:"level,omitempty"`
	AdjustedFor []adjustmentOut `json:"adjusted_for,omitempty"`
}

type adjustmentOut struct {
	ExDate string `json:"ex_date"`
	Text   string `json:"text"`
}

func alertJSON(al sectors.Alert, name string, now time.Time) alertOut {
	o := alertOut{ID: al.ID, Code: al.Code.Key(), Name: name, Kind: string(al.Kind), Value: al.Value, Excess: al.Excess, Repeat: al.Repeat,
		State: string(al.State(now)), Note: al.Note, Created: al.Created, Firings: al.Firings, Undelivered: al.Undelivered}
	if !al.FiredAt.IsZero() {
		at, p := al.FiredAt.In(market.China), al.FiredPrice
		o.FiredAt, o.FiredPrice = &at, &p
	}
	if !al.Expires.IsZero() {
		o.Expires = market.ChinaDate(al.Expires)
	}
	return o
}

// names maps codes to the names to show.
func names(snap *sectors.Snapshot) map[string]string {
	out := map[string]string{}
	for _, t := range snap.Tickers {
		out[t.Code.Key()] = t.Name
	}
	return out
}

// Run prints the alerts.
func (c *AlertListCmd) Run(a *App) error {
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	list, err := st.Alerts()
	if err != nil {
		return err
	}
	snap, err := st.Load()
	if err != nil {
		return err
	}
	nm := names(snap)
	onList := map[string]bool{}
	for i := range snap.Tickers {
		if snap.Tickers[i].OnList() {
			onList[snap.Tickers[i].Code.Key()] = true
		}
	}
	now := nowFunc()
	events, unread, err := a.service(st).LevelEvents(list)
	if err != nil {
		fmt.Fprintf(a.Err, "zixuan: price history: %s\n", oneLine(advise(err).Error()))
	}
	if c.Format == "json" {
		out := struct {
			Alerts []alertOut `json:"alerts"`
		}{Alerts: []alertOut{}}
		for _, al := range list {
			o := alertJSON(al, nm[al.Code.Key()], now)
			o.TickerRemoved = !onList[al.Code.Key()]
			if al.Kind == sectors.AlertAbove || al.Kind == sectors.AlertBelow || al.Kind == sectors.AlertTarget {
				level, applied := al.Level(events[al.Code.Key()], now)
				if len(applied) > 0 {
					o.Level = &level
					for _, e := range applied {
						o.AdjustedFor = append(o.AdjustedFor, adjustmentOut{ExDate: market.ChinaDate(e.ExDate), Text: e.Text})
					}
				}
			}
			out.Alerts = append(out.Alerts, o)
		}
		return writeJSON(a.Out, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(a.Out, "no alerts: set one with zixuan alert add CODE --above P (see zixuan alert add --help)")
		return nil
	}
	var rows [][]string
	for _, al := range list {
		fired := ""
		if !al.FiredAt.IsZero() {
			fired = al.FiredAt.In(market.China).Format("2006-01-02 15:04") + " @ " + price2(al.FiredPrice)
		}
		exp := ""
		if !al.Expires.IsZero() {
			exp = market.ChinaDate(al.Expires)
		}
		state := string(al.State(now))
		if !onList[al.Code.Key()] {
			state += ", ticker removed: not judged"
		}
		if len(al.Undelivered) > 0 {
			state += fmt.Sprintf(", %d --exec owed", len(al.Undelivered))
		}
		rows = append(rows, []string{strconv.FormatUint(al.ID, 10), al.Code.Key(), safetext.Line(nm[al.Code.Key()]), safetext.Line(al.DescribeAt(events[al.Code.Key()], unread[al.Code.Key()], now)),
			state, fired, exp, safetext.Truncate(safetext.Line(al.Note), 30)})
	}
	writeTable(a.Out, []string{"ID", "CODE", "NAME", "ALERT", "STATE", "FIRED", "EXPIRES", "NOTE"}, rows, 0)
	return nil
}

func price2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// parseID reads an alert's or a position entry's id.
func parseID(s string) (uint64, error) {
	id, err := strconv.ParseUint(strings.TrimSpace(s), 10, 63)
	if err != nil || id == 0 {
		return 0, usage("%q is not an id: give the number the list shows", safetext.Clip(s))
	}
	return id, nil
}

// AlertRmCmd deletes an alert.
type AlertRmCmd struct {
	ID string `arg:"" help:"The alert's id (zixuan alert list)."`
}

// Run deletes it.
func (c *AlertRmCmd) Run(a *App) error {
	id, err := parseID(c.ID)
	if err != nil {
		return err
	}
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	al, err := st.RemoveAlert(id)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "removed alert %d: %s %s\n", al.ID, al.Code.Key(), al.Describe())
	return nil
}

// AlertRearmCmd arms an alert again.
type AlertRearmCmd struct {
	ID      string `arg:"" help:"The alert's id (zixuan alert list)."`
	Expires string `placeholder:"DATE" help:"A new last day (YYYY-MM-DD): needed when the old one has passed."`
}

// Run re-arms it.
func (c *AlertRearmCmd) Run(a *App) error {
	id, err := parseID(c.ID)
	if err != nil {
		return err
	}
	var expires time.Time
	if c.Expires != "" {
		if expires, err = parseDay("--expires", c.Expires); err != nil {
			return err
		}
		if expires.Before(market.ChinaDay(nowFunc())) {
			return usage("--expires %s is before today", c.Expires)
		}
	}
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	al, err := st.RearmAlert(id, expires)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "alert %d armed again: %s %s (fires on the next crossing)\n", al.ID, al.Code.Key(), al.Describe())
	return nil
}

// AlertDisableCmd switches an alert off.
type AlertDisableCmd struct {
	ID string `arg:"" help:"The alert's id (zixuan alert list)."`
}

// Run switches it off.
func (c *AlertDisableCmd) Run(a *App) error { return switchAlert(a, c.ID, false) }

// AlertEnableCmd switches an alert back on.
type AlertEnableCmd struct {
	ID string `arg:"" help:"The alert's id (zixuan alert list)."`
}

// Run switches it on.
func (c *AlertEnableCmd) Run(a *App) error { return switchAlert(a, c.ID, true) }

// switchAlert switches alert id on or off, in one write.
func switchAlert(a *App, s string, on bool) error {
	id, err := parseID(s)
	if err != nil {
		return err
	}
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	al, err := st.EnableAlert(id, on)
	if err != nil {
		return err
	}
	state := "off"
	if on {
		state = "on (fires on the next crossing)"
	}
	fmt.Fprintf(a.Out, "alert %d %s: %s %s\n", al.ID, state, al.Code.Key(), al.Describe())
	return nil
}

// AlertCheckCmd checks every armed alert once.
type AlertCheckCmd struct {
	Format      string        `short:"f" default:"table" enum:"table,json" help:"Output: table or json."`
	Exec        string        `placeholder:"CMD" help:"Run CMD with sh -c once per fired alert, its fields in the environment (ZIXUAN_ALERT_ID, _CODE, _NAME, _KIND, _VALUE, _PRICE, _AT, _DETAIL, _NOTE); nothing is put into CMD itself. A firing stays owed until CMD exits 0 for it: a failed, killed or timed-out CMD runs again at the next check with --exec."`
	ExecTimeout time.Duration `name:"exec-timeout" default:"30s" placeholder:"DUR" help:"Stop a --exec command (and what it started) after DUR: it counts as failed and runs again at the next check."`
}

// The exit statuses of alert check, for cron and scripts. When more than
// one applies, the first in this order wins: failed, fired, delivered,
// unjudged. Errors keep 1 (a failure) and 2 (bad input); 0 means every
// armed alert was judged, nothing fired and nothing is owed.
const (
	// ExitFired: an alert fired (and with --exec, every command exited 0).
	ExitFired = 3
	// ExitDelivered: nothing fired, but --exec delivered a firing that an
	// earlier check could not.
	ExitDelivered = 4
	// ExitDeliveryFailed: a --exec command failed or timed out; its
	// firing stays owed and runs again at the next check with --exec.
	ExitDeliveryFailed = 5
	// ExitUnjudged: some armed alert could not be judged (no quote, quotes
	// off, no price history since the call, its ticker removed), one line
	// each on stderr; nothing fired.
	ExitUnjudged = 6
)

// execLimit is how many --exec commands run at once.
const execLimit = 4

type firedOut struct {
	ID     uint64    `json:"id"`
	Code   string    `json:"code"`
	Name   string    `json:"name"`
	Kind   string    `json:"kind"`
	Value  float64   `json:"value"`
	Price  float64   `json:"price"`
	At     time.Time `json:"at"`
	Detail string    `json:"detail,omitempty"`
	Note   string    `json:"note,omitempty"`
}

type unjudgedOut struct {
	ID     uint64 `json:"id"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

type deliveryOut struct {
	firedOut
	Error string `json:"error,omitempty"`
}

// service is the shared work over st on the CLI's clock.
func (a *App) service(st *store.Store) *service.Service {
	return &service.Service{Store: st, Now: nowFunc}
}

// alertHistory reads the history alerts need, fetching what is missing
// when asked and quotes are on; a failure is said on stderr, and the
// alerts that needed the history are then unjudged.
func (a *App) alertHistory(st *store.Store) service.HistoryReader {
	return func(need service.HistoryNeed) (map[string]sectors.PriceHistory, bool, error) {
		history, online, err := a.loadHistoryKeeping(st, need.Codes, need.From, need.Fetch, need.Keep)
		if err != nil {
			fmt.Fprintf(a.Err, "zixuan: price history: %s\n", oneLine(advise(err).Error()))
			return nil, false, nil
		}
		return history, online, nil
	}
}

// alertQuotes asks the quote server for the quotes a check needs; nil
// when quotes are off.
func (a *App) alertQuotes() service.QuoteSource {
	prov, _ := a.QuoteProvider()
	if prov == nil {
		return nil
	}
	return func(codes []market.Code) (map[string]sectors.Quote, error) {
		ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
		quotes, err := prov.Quotes(ctx, codes)
		cancel()
		if err != nil && len(quotes) == 0 {
			return nil, errors.New(quote.Status(err))
		}
		if err != nil {
			fmt.Fprintf(a.Err, "zixuan: %s (for some tickers)\n", quote.Status(err))
		}
		return quotes, nil
	}
}

// Run fetches the quotes the armed alerts need, fires what crossed,
// delivers what is owed, prints it and exits with one of the statuses
// above.
func (c *AlertCheckCmd) Run(a *App) error {
	if c.ExecTimeout <= 0 {
		return usage("--exec-timeout %s: give a duration above 0, such as 30s", c.ExecTimeout)
	}
	st, err := a.clockedStore()
	if err != nil {
		return err
	}
	a.precheckHistory(st) // scorecard.go
	res, err := a.service(st).CheckAlerts(service.AlertCheck{Quotes: a.alertQuotes(), History: a.alertHistory(st), Owe: c.Exec != ""})
	if err != nil {
		return err
	}
	if res.QuotesOff {
		fmt.Fprintln(a.Err, "zixuan: quotes are off (--offline): only --no-note alerts were checked")
	}
	nm := res.Names
	out := []firedOut{}
	firedAt := map[uint64]time.Time{}
	for _, f := range res.Fired {
		al := f.Alert
		out = append(out, firedOut{ID: al.ID, Code: al.Code.Key(), Name: nm[al.Code.Key()], Kind: string(al.Kind), Value: al.Value,
			Price: al.FiredPrice, At: al.FiredAt.In(market.China), Detail: f.Firing.Detail, Note: al.Note})
		firedAt[al.ID] = al.FiredAt
	}
	owed := map[uint64]sectors.Alert{}
	for _, al := range res.Owed {
		owed[al.ID] = al
	}
	delivered, failed := c.deliver(a, st, owed, firedAt, nm)
	var skipped []unjudgedOut
	for _, u := range res.Unjudged {
		skipped = append(skipped, unjudgedOut{u.Alert.ID, u.Alert.Code.Key(), unjudgedReason(u)})
	}
	if c.Format == "json" {
		if err := writeJSON(a.Out, struct {
			Fired     []firedOut    `json:"fired"`
			Delivered []deliveryOut `json:"delivered"`
			Failed    []deliveryOut `json:"failed"`
			Unjudged  []unjudgedOut `json:"unjudged"`
		}{out, orEmpty(delivered), orEmpty(failed), orEmpty(skipped)}); err != nil {
			return err
		}
	} else if len(out) > 0 {
		var rows [][]string
		for _, f := range out {
			rows = append(rows, []string{strconv.FormatUint(f.ID, 10), f.Code, safetext.Line(f.Name), f.Kind, price2(f.Price), safetext.Line(f.Detail), safetext.Truncate(safetext.Line(f.Note), 30)})
		}
		writeTable(a.Out, []string{"ID", "CODE", "NAME", "KIND", "PRICE", "WHAT", "NOTE"}, rows, 0, 4)
	}
	for _, u := range skipped {
		fmt.Fprintf(a.Err, "zixuan: alert %d (%s) not judged: %s\n", u.ID, u.Code, u.Reason)
	}
	for _, d := range failed {
		fmt.Fprintf(a.Err, "zixuan: --exec for alert %d: %s (owed: it runs again at the next check)\n", d.ID, oneLine(d.Error))
	}
	switch {
	case len(failed) > 0:
		return exitStatus{ExitDeliveryFailed}
	case len(out) > 0:
		return exitStatus{ExitFired}
	case len(delivered) > 0:
		return exitStatus{ExitDelivered}
	case len(skipped) > 0:
		return exitStatus{ExitUnjudged}
	}
	return nil
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// unjudgedReason says in a line why an armed alert was not judged, and
// what to do about it.
func unjudgedReason(u service.Unjudged) string {
	switch u.Why {
	case service.UnjudgedOffList:
		return "its ticker is not on the watchlist: add it back or remove the alert (zixuan alert rm " + strconv.FormatUint(u.Alert.ID, 10) + ")"
	case service.UnjudgedQuotesOff:
		return "quotes are off (--offline)"
	case service.UnjudgedNoQuote:
		return "no quote for it from the quote server"
	case service.UnjudgedNoHistory:
		return "no call to measure from, or no price history since it (see zixuan scorecard)"
	case service.UnjudgedLevelBlocked:
		return fmt.Sprintf("its level cannot be carried across %s on %s, whose terms were not read: set it again", safetext.Line(u.Event.Text), market.ChinaDate(u.Event.ExDate))
	}
	return "it could not be judged"
}

// deliver runs --exec for every firing owed, execLimit at a time, each
// bounded by --exec-timeout, and records those that exited 0 as
// delivered. A firing fired by this check and delivered now is not
// reported as delivered: it is reported as fired.
func (c *AlertCheckCmd) deliver(a *App, st *store.Store, owed map[uint64]sectors.Alert, firedAt map[uint64]time.Time, nm map[string]string) (delivered, failed []deliveryOut) {
	if c.Exec == "" || len(owed) == 0 {
		return nil, nil
	}
	var jobs []deliveryOut
	ids := make([]uint64, 0, len(owed))
	for id := range owed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		al := owed[id]
		for _, f := range al.Undelivered {
			jobs = append(jobs, deliveryOut{firedOut: firedOut{ID: al.ID, Code: al.Code.Key(), Name: nm[al.Code.Key()], Kind: string(al.Kind), Value: al.Value,
				Price: f.Price, At: f.At.In(market.China), Detail: f.Detail, Note: al.Note}})
		}
	}
	// Alerts run side by side, an alert's own firings one after another,
	// oldest first: after one fails, its later ones wait for the next
	// check, so that they arrive in order.
	var g errgroup.Group
	g.SetLimit(execLimit)
	for start := 0; start < len(jobs); {
		end := start + 1
		for end < len(jobs) && jobs[end].ID == jobs[start].ID {
			end++
		}
		mine := jobs[start:end]
		g.Go(func() error {
			for i := range mine {
				if err := runAlertExec(c.Exec, c.ExecTimeout, mine[i].firedOut); err != nil {
					mine[i].Error = err.Error()
					for j := i + 1; j < len(mine); j++ {
						mine[j].Error = "not run: an earlier firing of the alert is still owed"
					}
					break
				}
			}
			return nil
		})
		start = end
	}
	_ = g.Wait()
	done := map[uint64][]time.Time{}
	for _, j := range jobs {
		if j.Error == "" {
			done[j.ID] = append(done[j.ID], j.At)
		}
	}
	if err := st.AlertsDelivered(done); err != nil {
		// The commands ran; only their record failed: they run again.
		fmt.Fprintf(a.Err, "zixuan: recording the deliveries: %s (they will run again)\n", oneLine(err.Error()))
	}
	for _, j := range jobs {
		if j.Error != "" {
			failed = append(failed, j)
		} else if at, ok := firedAt[j.ID]; !ok || !at.Equal(j.At) {
			delivered = append(delivered, j)
		}
	}
	return delivered, failed
}

// envValue keeps a value fit for the environment: one line, no NUL, no
// control character, whole (never clipped).
func envValue(s string) string { return strings.ReplaceAll(safetext.Inert(s), "\n", " ") }

// runAlertExec runs the user's command through sh -c, the alert's fields
// in the environment only: nothing of the alert (a name, a note) is ever
// put into the command line, so nothing in it can be run as shell code.
// After timeout the command and everything it started are killed.
func runAlertExec(command string, timeout time.Duration, f firedOut) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	cmd.Env = append(os.Environ(),
		"ZIXUAN_ALERT_ID="+strconv.FormatUint(f.ID, 10),
		"ZIXUAN_ALERT_CODE="+f.Code,
		"ZIXUAN_ALERT_NAME="+envValue(f.Name),
		"ZIXUAN_ALERT_KIND="+f.Kind,
		"ZIXUAN_ALERT_VALUE="+strconv.FormatFloat(f.Value, 'f', -1, 64),
		"ZIXUAN_ALERT_PRICE="+price2(f.Price),
		"ZIXUAN_ALERT_AT="+f.At.Format(time.RFC3339),
		"ZIXUAN_ALERT_DETAIL="+envValue(f.Detail),
		"ZIXUAN_ALERT_NOTE="+envValue(f.Note),
	)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	killGroup(cmd)
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return fmt.Errorf("timed out after %s", timeout)
	}
	return err
}
