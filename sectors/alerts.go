package sectors

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"
)

// Alerts watch a ticker for something its holder wants to hear about: a
// price crossed, a day's move, the call's return, a limit hit, a thesis
// gone unreviewed. An alert is armed until it fires; a one-shot alert
// then rests (re-armable), a repeating one waits for the condition to
// clear before it can fire again. Either way nothing fires twice for the
// same crossing: an alert fires only when it has been primed, that is
// when it is new or the condition was seen false since it last fired or
// was re-armed. Only trades count: a quote that is not one (the 0.00
// before the open, a halt, a stale or holiday quote) is not looked at.

// AlertKind is what an alert watches.
type AlertKind string

// The kinds of alert.
const (
	AlertAbove     AlertKind = "above"      // last ≥ Value
	AlertBelow     AlertKind = "below"      // last ≤ Value
	AlertChange    AlertKind = "change"     // |today's change %| ≥ Value
	AlertSinceCall AlertKind = "since-call" // |return (or excess) since the call| ≥ Value, in %
	AlertTarget    AlertKind = "target"     // last ≥ Value, the target price (of a report, or given)
	AlertDrawdown  AlertKind = "drawdown"   // fall from the high since the call ≥ Value %
	AlertLimit     AlertKind = "limit"      // at the day's limit up or limit down (涨停/跌停)
	AlertNoNote    AlertKind = "no-note"    // rated buy and no note for Value days
)

// AlertKinds lists the kinds, in the order the CLI names them.
var AlertKinds = []AlertKind{AlertAbove, AlertBelow, AlertChange, AlertSinceCall, AlertTarget, AlertDrawdown, AlertLimit, AlertNoNote}

// ParseAlertKind checks a kind's name.
func ParseAlertKind(s string) (AlertKind, error) {
	for _, k := range AlertKinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("%q is not a kind of alert", s)
}

// ErrAlertNeverFires: the alert, as set, could never fire on its ticker.
var ErrAlertNeverFires = errors.New("the alert could never fire")

// CanFireOn says why the alert could never fire on a ticker rated r, nil
// when it can: a no-note alert watches a buy call for a thesis left
// without a note, so its ticker must be rated buy.
func (a Alert) CanFireOn(r Rating) error {
	if a.Kind == AlertNoNote && r != Buy {
		rated := "rated " + r.ID()
		if r == Unrated {
			rated = "unrated"
		}
		return fmt.Errorf("%w: a no-note alert watches a ticker rated buy, and %s is %s: rate it buy first, or set another kind", ErrAlertNeverFires, a.Code.Key(), rated)
	}
	return nil
}

// NeedsQuote reports whether the kind is judged on a live trade.
func (k AlertKind) NeedsQuote() bool { return k != AlertNoNote }

// AlertState is what the list shows of an alert.
type AlertState string

// The states.
const (
	AlertArmed   AlertState = "armed"
	AlertFired   AlertState = "fired"
	AlertExpired AlertState = "expired"
	// AlertDisabled: switched off by the user; it keeps its settings
	// and its firings and is judged again once enabled.
	AlertDisabled AlertState = "disabled"
)

// AlertFiring is one time an alert fired.
type AlertFiring struct {
	At     time.Time `json:"at"`
	Price  float64   `json:"price"`
	Detail string    `json:"detail,omitempty"` // what was seen: "change +10.02 %"
}

// Alert is one alert on one ticker.
type Alert struct {
	ID      uint64
	Code    market.Code
	Kind    AlertKind
	Value   float64 // a price (above, below, target), a percent (change, since-call, drawdown), days (no-note); 0 for limit
	Excess  bool    // since-call: the excess over 沪深300, not the return
	Repeat  bool    // stays armed after firing, for the next crossing
	Note    string
	Created time.Time
	Expires time.Time // the last China day it may fire; zero: never
	Armed   bool
	// Disabled: switched off; no check judges it until it is enabled.
	Disabled bool
	// Primed: the alert may fire. True when new; false after firing or
	// re-arming until the condition has been seen false again.
	Primed     bool
	FiredAt    time.Time // the last firing
	FiredPrice float64
	Firings    []AlertFiring // every firing, oldest first
	// Changed is when the alert's state last changed (a firing, a
	// priming, a re-arm), by the clock of the check or command that
	// changed it, and ChangedQuote the time of the quote it was judged
	// on then. An observation older than either is ignored: a check
	// whose quote answer arrives after a newer check fired must not
	// prime the alert for a second firing on the same crossing.
	Changed      time.Time
	ChangedQuote time.Time
	// Undelivered are the firings whose --exec has not yet exited 0,
	// oldest first: each check runs them again until it does.
	Undelivered []AlertFiring
}

// Errors of alert input.
var (
	ErrAlertValue   = errors.New("bad alert value")
	ErrAlertExpired = errors.New("expiry date has passed")
	// ErrAlertPassed: a target the price is already at or beyond would
	// fire at the first check.
	ErrAlertPassed = errors.New("target already reached")
)

// Passed refuses a target the last price (0: not known) has already
// reached: it would fire at once, telling nothing.
func (a Alert) Passed(last float64) error {
	if a.Kind != AlertTarget || !(last > 0) || last < a.Value {
		return nil
	}
	return fmt.Errorf("%w: %s last traded at %.2f, at or above the target %.2f: give a higher target, or --below to hear of a fall", ErrAlertPassed, a.Code.Key(), last, a.Value)
}

// NewAlert checks an alert's input and returns it armed. now is for the
// expiry: a date before today's (China) is refused.
func NewAlert(code market.Code, kind AlertKind, value float64, expires time.Time, now time.Time) (Alert, error) {
	a := Alert{Code: code, Kind: kind, Value: value, Created: now, Armed: true, Primed: true}
	if err := a.Check(now); err != nil {
		return Alert{}, err
	}
	if !expires.IsZero() {
		a.Expires = market.ChinaDay(expires)
		if a.Expires.Before(market.ChinaDay(now)) {
			return Alert{}, fmt.Errorf("%w: %s is before today (%s)", ErrAlertExpired, market.ChinaDate(a.Expires), market.ChinaDate(now))
		}
	}
	return a, nil
}

// Check tells whether the alert's value fits its kind.
func (a Alert) Check(time.Time) error {
	v := a.Value
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%w: not a number", ErrAlertValue)
	}
	switch a.Kind {
	case AlertAbove, AlertBelow, AlertTarget:
		if !(v > 0) || v > 1e7 {
			return fmt.Errorf("%w: %s is not a price: give a positive price such as 12.50", ErrAlertValue, fmtNum(v))
		}
	case AlertChange, AlertSinceCall, AlertDrawdown:
		if !(v > 0) || v > 1000 {
			return fmt.Errorf("%w: %s is not a percentage: give one above 0 such as 5", ErrAlertValue, fmtNum(v))
		}
		if a.Kind == AlertDrawdown && v >= 100 {
			return fmt.Errorf("%w: a drawdown is below 100 %%", ErrAlertValue)
		}
	case AlertLimit:
	case AlertNoNote:
		if v < 1 || v != math.Trunc(v) || v > 3650 {
			return fmt.Errorf("%w: %s is not a number of days: give a whole number such as 30", ErrAlertValue, fmtNum(v))
		}
	default:
		return fmt.Errorf("%w: no kind", ErrAlertValue)
	}
	return nil
}

// fmtNum is a number as the user typed it; a huge or tiny one (1e300)
// in exponent form, not as hundreds of digits.
func fmtNum(v float64) string {
	if a := math.Abs(v); a >= 1e9 || (a != 0 && a < 1e-6) {
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Expired reports whether the alert's last day has passed at now.
func (a Alert) Expired(now time.Time) bool {
	return !a.Expires.IsZero() && market.ChinaDay(now).After(a.Expires)
}

// State is the alert's state at now.
func (a Alert) State(now time.Time) AlertState {
	switch {
	case a.Disabled:
		return AlertDisabled
	case a.Armed && a.Expired(now):
		return AlertExpired
	case a.Armed:
		return AlertArmed
	case !a.FiredAt.IsZero():
		return AlertFired
	}
	return AlertExpired
}

// Rearm arms the alert again at now, switched on if it was off. It fires on the next crossing: the
// condition must be seen false first, and by an observation made after
// now, so a price still beyond the level (or a check begun before the
// re-arm) does not fire it again.
func (a *Alert) Rearm(now time.Time) {
	a.Armed, a.Primed, a.Disabled = true, false, false
	if now.After(a.Changed) {
		a.Changed = now
	}
}

// Enable switches the alert on (on) or off at now. Switched on again it
// waits, as a re-armed one does, for the condition to be seen false
// first: a level crossed while it was off does not fire it at once.
func (a *Alert) Enable(on bool, now time.Time) {
	if a.Disabled == !on {
		return
	}
	a.Disabled = !on
	if on {
		a.Primed = false
		if now.After(a.Changed) {
			a.Changed = now
		}
	}
}

// Stale tells whether m was observed before the alert last changed: by
// the clock of the check, or by the time of its quote. A stale
// observation changes nothing.
func (a Alert) Stale(m AlertMarket) bool {
	if m.Now.Before(a.Changed) {
		return true
	}
	return m.Quote != nil && !m.Quote.Time.IsZero() && m.Quote.Time.Before(a.ChangedQuote)
}

// changedBy records m as the observation that changed the alert.
func (a *Alert) changedBy(m AlertMarket) {
	if m.Now.After(a.Changed) {
		a.Changed = m.Now
	}
	if m.Quote != nil && m.Quote.Time.After(a.ChangedQuote) {
		a.ChangedQuote = m.Quote.Time
	}
}

// Describe is the alert in a few words: "above 12.50", "change ±5 %".
func (a Alert) Describe() string {
	switch a.Kind {
	case AlertAbove, AlertBelow, AlertTarget:
		return fmt.Sprintf("%s %.2f", a.Kind, a.Value)
	case AlertChange:
		return fmt.Sprintf("change ±%s %%", fmtNum(a.Value))
	case AlertSinceCall:
		if a.Excess {
			return fmt.Sprintf("excess since call ±%s %%", fmtNum(a.Value))
		}
		return fmt.Sprintf("since call ±%s %%", fmtNum(a.Value))
	case AlertDrawdown:
		return fmt.Sprintf("drawdown %s %%", fmtNum(a.Value))
	case AlertLimit:
		return "limit up/down"
	case AlertNoNote:
		return fmt.Sprintf("no note for %s days", fmtNum(a.Value))
	}
	return string(a.Kind)
}

// Level is the alert's price level (above, below, target) on now's day:
// Value as set, carried across each ex-date after the day it was set, up
// to now's, by the exchanges' own formula for the reference price,
// (level − cash) ÷ (1 + bonus): a level set at 14.00 before a 10转4 is
// 10.00 after it, the same holding's worth, and a distribution is no
// crossing. applied lists the distributions it was carried across.
func (a Alert) Level(events []ExRights, now time.Time) (level float64, applied []ExRights) {
	level = a.Value
	set, today := market.ChinaDay(a.Created), market.ChinaDay(now)
	for _, e := range events {
		if !e.ExDate.After(set) || e.ExDate.After(today) {
			continue
		}
		if next := e.ReferencePrice(level); next > 0 {
			level = next
			applied = append(applied, e)
		}
	}
	return level, applied
}

// LevelBlocked is the first distribution since the level was set, up to
// now's day, whose terms were not read (PriceHistory.Unread): the level
// cannot be carried across it, so the alert is not judged (it would fire,
// or not, on the price change the event makes) until it is set again.
func (a Alert) LevelBlocked(unread []ExRights, now time.Time) (ExRights, bool) {
	set, today := market.ChinaDay(a.Created), market.ChinaDay(now)
	for _, e := range unread {
		if e.ExDate.After(set) && !e.ExDate.After(today) {
			return e, true
		}
	}
	return ExRights{}, false
}

// DescribeAt is Describe with a price level carried across the
// distributions since it was set (Level), and each said:
// "below 10.00 (set 14.00, 10转4 on 2026-12-04)"; a level held by a
// distribution not read (LevelBlocked) says so.
func (a Alert) DescribeAt(events, unread []ExRights, now time.Time) string {
	switch a.Kind {
	case AlertAbove, AlertBelow, AlertTarget:
	default:
		return a.Describe()
	}
	if e, blocked := a.LevelBlocked(unread, now); blocked {
		what := strings.TrimSpace(e.Text)
		if what == "" {
			what = "a distribution"
		}
		return fmt.Sprintf("%s (not judged since %s on %s: its terms were not read; set it again)", a.Describe(), what, market.ChinaDate(e.ExDate))
	}
	level, applied := a.Level(events, now)
	if len(applied) == 0 {
		return a.Describe()
	}
	parts := []string{fmt.Sprintf("set %.2f", a.Value)}
	for _, e := range applied {
		what := strings.TrimSpace(e.Text)
		if what == "" {
			what = "distribution"
		}
		parts = append(parts, what+" on "+market.ChinaDate(e.ExDate))
	}
	return fmt.Sprintf("%s %.2f (%s)", a.Kind, level, strings.Join(parts, ", "))
}

// HighSince is the highest price since a call's reference (its close
// ref on refDay, and every bar's high after it), each in the terms of
// today's price: divided by the factor (ExRights.Factor) of every ex-date
// after it, so that a drawdown is the fall of the holding's total-return
// value, not the fall a 10转4 or a dividend makes in the price. q, when
// given, is today's quote: on an ex-date the k-line does not list yet, its
// previous close (the exchange's reference price) against the last bar's
// close is the day's factor.
func HighSince(h PriceHistory, refDay time.Time, ref float64, q *AlertQuote, now time.Time) float64 {
	d0 := market.ChinaDay(refDay)
	type mark struct {
		day  time.Time
		high float64
	}
	marks := []mark{{d0, ref}}
	for _, b := range h.Bars {
		if b.Date.After(d0) && b.High > 0 {
			marks = append(marks, mark{b.Date, b.High})
		}
	}
	today := market.ChinaDay(now)
	// the factor of every ex-date after d0, by day
	type step struct {
		day    time.Time
		factor float64
	}
	var steps []step
	for _, e := range h.Events {
		if !e.ExDate.After(d0) || e.ExDate.After(today) {
			continue
		}
		prev, ok := h.BarBefore(e.ExDate)
		if !ok || prev.Date.Before(d0) {
			prev = DailyBar{Date: d0, Close: ref}
		}
		steps = append(steps, step{e.ExDate, e.Factor(prev.Close)})
	}
	todayFactor := 1.0
	if q != nil && q.PrevClose > 0 && len(h.Bars) > 0 {
		last := h.Bars[len(h.Bars)-1]
		listed := false
		for _, st := range steps {
			listed = listed || st.day.Equal(today)
		}
		if !listed && last.Date.Before(today) && !last.Date.Before(market.PrevTradingDay(today)) && math.Abs(last.Close/q.PrevClose-1) > 0.0005 {
			todayFactor = last.Close / q.PrevClose
		}
	}
	high := 0.0
	for _, m := range marks {
		v := m.high
		for _, st := range steps {
			if st.day.After(m.day) {
				v /= st.factor
			}
		}
		if m.day.Before(today) {
			v /= todayFactor
		}
		high = math.Max(high, v)
	}
	return high
}

// AlertQuote is a live quote as alerts see it.
type AlertQuote struct {
	Last, PrevClose, ChangePct, High float64
	Time                             time.Time
	PreOpen, Suspended               bool
	Halt                             string
	ChangeUnknown                    bool
}

// AlertQuoteMaxAge is how old a quote may be, during trading, and still
// count as the current trade.
const AlertQuoteMaxAge = 5 * time.Minute

// ErrNotATrade says why a quote is not looked at.
var ErrNotATrade = errors.New("not a trade")

// IsTrade tells whether q, seen at now, is a trade of today's session: a
// price that traded (not the 0.00 or the auction's indication before the
// open, not a suspended or halted stock), stamped on now's China date,
// which is a trading day, at or after 09:30, and during trading no older
// than AlertQuoteMaxAge. Yesterday's close seen before today's open, a
// quote from before a holiday, a stale quote: none is a trade today.
func IsTrade(q AlertQuote, now time.Time) error {
	t := q.Time.In(market.China)
	n := now.In(market.China)
	switch {
	case !(q.Last > 0):
		return fmt.Errorf("%w: no price", ErrNotATrade)
	case q.PreOpen:
		return fmt.Errorf("%w: before the open", ErrNotATrade)
	case q.Suspended || q.Halt != "":
		return fmt.Errorf("%w: halted", ErrNotATrade)
	case q.Time.IsZero():
		return fmt.Errorf("%w: no time", ErrNotATrade)
	case !market.IsTradingDay(n):
		return fmt.Errorf("%w: the market is shut today", ErrNotATrade)
	case market.ChinaDate(t) != market.ChinaDate(n):
		return fmt.Errorf("%w: a quote of %s", ErrNotATrade, market.ChinaDate(t))
	case t.Hour()*60+t.Minute() < 9*60+30:
		return fmt.Errorf("%w: before the open", ErrNotATrade)
	}
	m := n.Hour()*60 + n.Minute()
	trading := (m >= 9*60+30 && m < 11*60+30) || (m >= 13*60 && m < 15*60)
	if trading && n.Sub(t) > AlertQuoteMaxAge {
		return fmt.Errorf("%w: stale (%s old)", ErrNotATrade, n.Sub(t).Round(time.Second))
	}
	return nil
}

// The main-board risk-warning (ST, *ST) limit went from 5 % to 10 %,
// the main boards' own, on 2026-07-06. The exchanges put the change out
// for comment on 2025-06-27 (《关于调整主板风险警示股票价格涨跌幅限制比例
// 及有关事项的通知（征求意见稿）》, 上交所 and 深交所 the same day: "主板
// 风险警示股票价格涨跌幅限制比例由5%调整为10%，与主板其他股票保持一致";
// reported by 新华社, https://www.3news.cn/redian/2025/0627/1107085.html)
// and it took effect with the trading-rule changes of Monday 2026-07-06
// ("沪深主板风险警示股票的涨跌幅已调整为 ±10%，相关新规从 2026 年 7 月 6 日
// 起实施", github.com/simonlin1212/TradingAgents-astock issue 85; "主板的st
// 将在2026-07-06之后的限制由原来的5%改为10%", github.com/akfamily/akquant
// issue 249; "Starting July 6 … main-board risk-flagged stocks see their
// daily price limit doubled from 5% to 10%", nashnova.com/feed/special/5176).
// The final notice's own text was not found; the date is what these
// agree on.
var mainBoardSTTenPct = time.Date(2026, 7, 6, 0, 0, 0, 0, market.China)

// mainBoardRegistration is the first day of main-board listings under the
// registration system (全面注册制: the first such listings traded on
// 2023-04-10); before it a main-board listing's first day had its own
// caps (+44 %/−36 % of the issue price), which are no limit from a
// previous close either.
var mainBoardRegistration = time.Date(2023, 4, 10, 0, 0, 0, 0, market.China)

// LimitPct is the daily price limit of a stock on day, in percent; limited
// is false when no limit applies that day. By the exchanges' rules: 10 on
// the main boards, 20 on STAR and ChiNext, 30 on the BSE; a main-board
// risk warning (ST, *ST, with or without an XD/XR/DR mark) 5 before
// 2026-07-06 and 10 from then (STAR and ChiNext ST stocks keep 20); no
// limit in a new listing's first five sessions on STAR, ChiNext and the
// main board under the registration system (the name then starts N on the
// first day, C on the next four), and on the BSE's first day (N). An
// index has none; a listed fund has its own (fundLimitPct).
func LimitPct(code market.Code, name string, day time.Time) (pct float64, limited bool) {
	n := market.TradingName(name)
	board := code.Board()
	if code.IsFund() {
		return fundLimitPct(code)
	}
	listing := strings.HasPrefix(n, "N") || strings.HasPrefix(n, "C")
	switch board {
	case market.BoardSTAR, market.BoardChiNext:
		if listing {
			return 0, false
		}
		return 20, true
	case market.BoardBSE:
		if strings.HasPrefix(n, "N") {
			return 0, false
		}
		return 30, true
	case market.BoardSSEMain, market.BoardSZSEMain:
		if strings.HasPrefix(n, "N") || strings.HasPrefix(n, "C") && !market.ChinaDay(day).Before(mainBoardRegistration) {
			return 0, false
		}
		if market.IsRiskWarning(n) && market.ChinaDay(day).Before(mainBoardSTTenPct) {
			return 5, true
		}
		return 10, true
	}
	return 0, false
}

// fundLimitPct is a listed fund's daily limit as far as its code tells
// it. The exchanges give funds the limit of what they hold: 10 % for
// most, 20 % for a fund whose index holds only 20 % stocks (the SSE's rule
// as public guides quote it: ETFs and index LOFs "跟踪指数成份股仅为科创板
// 股票或其他涨跌幅比例为20%的股票"), cross-border, bond and gold ETFs 10 %. Real
// quotes agree: sh512710 and sh513500 at ±10 % of their previous close,
// sz159915 (创业板ETF) at ±20 %. The STAR ETFs have their own range
// (588, 589), so their 20 % is known from the code; a Shenzhen ETF's code
// (159) does not say whether it tracks ChiNext, so limited is false and
// only the quote server's limit prices (Quote.Limits) mark its 涨停.
func fundLimitPct(code market.Code) (pct float64, limited bool) {
	switch {
	case code.Board() == market.BoardSZETF:
		return 0, false
	case code.Exchange == market.SH && (strings.HasPrefix(code.Number, "588") || strings.HasPrefix(code.Number, "589")):
		return 20, true
	}
	return 10, true
}

// LimitPrices are the limit-up and limit-down prices of day from the
// previous close, rounded as the exchanges do (half up) to the code's
// tick: the fen for a stock, 0.001 yuan for a fund; ok is false when no
// limit applies.
func LimitPrices(code market.Code, name string, prevClose float64, day time.Time) (up, down float64, ok bool) {
	p, limited := LimitPct(code, name, day)
	if !limited || !(prevClose > 0) {
		return 0, 0, false
	}
	scale := math.Pow10(code.PriceDecimals())
	up = roundTick(prevClose*(1+p/100), scale)
	down = roundTick(prevClose*(1-p/100), scale)
	return up, down, true
}

// roundTick rounds half up to 1/scale of a yuan (100: the fen).
func roundTick(v, scale float64) float64 { return math.Floor(v*scale+0.5+1e-9) / scale }

// SinceCall is how the ticker has done since its call, for since-call and
// drawdown alerts.
type SinceCall struct {
	Day       time.Time // the call's day
	ReturnPct float64
	ExcessPct float64
	High      float64 // the highest price since the call's reference, in today's price terms (HighSince)
}

// AlertMarket is what an alert is judged on.
type AlertMarket struct {
	Now   time.Time
	Quote *AlertQuote // nil: none
	Name  string      // for ST limits
	Since *SinceCall  // nil: not known (no call, no history)
	// Events are the ticker's distributions known (PriceHistory.Events):
	// a price level set before an ex-date is carried across it (Level);
	// Unread those whose terms were not read, across which it cannot be
	// (LevelBlocked).
	Events, Unread []ExRights
	// Ticker is for no-note alerts: its rating and notes.
	Ticker *Ticker
}

// Condition tells whether the alert's condition holds in m; known is
// false when m cannot tell (no trade, no history), and then nothing
// about the alert changes. price is the price it was judged at.
func (a Alert) Condition(m AlertMarket) (hit, known bool, price float64, detail string) {
	if a.Kind == AlertNoNote {
		t := m.Ticker
		if t == nil {
			return false, false, 0, ""
		}
		if m.Quote != nil {
			price = m.Quote.Last
		}
		if t.Rating != Buy || !t.OnList() {
			return false, true, price, ""
		}
		days := t.DaysWithoutNote(m.Now)
		return float64(days) >= a.Value, true, price, fmt.Sprintf("no note for %d days", days)
	}
	q := m.Quote
	if q == nil || IsTrade(*q, m.Now) != nil {
		return false, false, 0, ""
	}
	price = q.Last
	switch a.Kind {
	case AlertAbove, AlertTarget, AlertBelow:
		if _, blocked := a.LevelBlocked(m.Unread, m.Now); blocked {
			return false, false, 0, ""
		}
		level, applied := a.Level(m.Events, m.Now)
		detail = fmt.Sprintf("last %.2f", q.Last)
		if len(applied) > 0 {
			detail += fmt.Sprintf(" (level %.2f, set %.2f)", level, a.Value)
		}
		if a.Kind == AlertBelow {
			return q.Last <= level, true, price, detail
		}
		return q.Last >= level, true, price, detail
	case AlertChange:
		if q.ChangeUnknown || !(q.PrevClose > 0) {
			return false, false, 0, ""
		}
		return math.Abs(q.ChangePct) >= a.Value, true, price, fmt.Sprintf("change %+.2f %%", q.ChangePct)
	case AlertLimit:
		up, down, ok := LimitPrices(a.Code, m.Name, q.PrevClose, m.Now)
		if !ok {
			return false, true, price, "" // no limit today: nothing to hit
		}
		if q.ChangeUnknown {
			return false, false, 0, ""
		}
		switch {
		case q.Last >= up-1e-9:
			return true, true, price, fmt.Sprintf("limit up %.2f", up)
		case q.Last <= down+1e-9:
			return true, true, price, fmt.Sprintf("limit down %.2f", down)
		}
		return false, true, price, ""
	case AlertSinceCall:
		if m.Since == nil {
			return false, false, 0, ""
		}
		v, what := m.Since.ReturnPct, "since call"
		if a.Excess {
			v, what = m.Since.ExcessPct, "excess since call"
		}
		return math.Abs(v) >= a.Value, true, price, fmt.Sprintf("%s %+.2f %%", what, v)
	case AlertDrawdown:
		if m.Since == nil || !(m.Since.High > 0) {
			return false, false, 0, ""
		}
		high := math.Max(m.Since.High, q.High)
		dd := (high - q.Last) / high * 100
		return dd >= a.Value, true, price, fmt.Sprintf("drawdown %.2f %% from %.2f", dd, high)
	}
	return false, false, 0, ""
}

// Observe judges the alert on m and updates it: it fires when armed, not
// expired, primed and the condition holds, and m is not older than the
// alert's last change (Stale). It reports whether it fired
// and whether anything about it changed (to be stored).
func (a *Alert) Observe(m AlertMarket) (fired, changed bool, f AlertFiring) {
	if !a.Armed || a.Disabled || a.Expired(m.Now) || a.Stale(m) {
		return false, false, AlertFiring{}
	}
	hit, known, price, detail := a.Condition(m)
	if !known {
		return false, false, AlertFiring{}
	}
	if !hit {
		if !a.Primed {
			a.Primed = true
			a.changedBy(m)
			return false, true, AlertFiring{}
		}
		return false, false, AlertFiring{}
	}
	if !a.Primed {
		return false, false, AlertFiring{} // the same crossing as before
	}
	f = AlertFiring{At: m.Now, Price: price, Detail: detail}
	a.FiredAt, a.FiredPrice = f.At, f.Price
	a.Firings = append(a.Firings, f)
	a.Primed = false
	a.changedBy(m)
	if !a.Repeat {
		a.Armed = false
	}
	return true, true, f
}
