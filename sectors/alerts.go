package sectors

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
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

// NeedsQuote reports whether the kind is judged on a live trade.
func (k AlertKind) NeedsQuote() bool { return k != AlertNoNote }

// AlertState is what the list shows of an alert.
type AlertState string

// The states.
const (
	AlertArmed   AlertState = "armed"
	AlertFired   AlertState = "fired"
	AlertExpired AlertState = "expired"
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
	Code    Code
	Kind    AlertKind
	Value   float64 // a price (above, below, target), a percent (change, since-call, drawdown), days (no-note); 0 for limit
	Excess  bool    // since-call: the excess over 沪深300, not the return
	Repeat  bool    // stays armed after firing, for the next crossing
	Note    string
	Created time.Time
	Expires time.Time // the last China day it may fire; zero: never
	Armed   bool
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
)

// NewAlert checks an alert's input and returns it armed. now is for the
// expiry: a date before today's (China) is refused.
func NewAlert(code Code, kind AlertKind, value float64, expires time.Time, now time.Time) (Alert, error) {
	a := Alert{Code: code, Kind: kind, Value: value, Created: now, Armed: true, Primed: true}
	if err := a.Check(now); err != nil {
		return Alert{}, err
	}
	if !expires.IsZero() {
		a.Expires = ChinaDay(expires)
		if a.Expires.Before(ChinaDay(now)) {
			return Alert{}, fmt.Errorf("%w: %s is before today (%s)", ErrAlertExpired, ChinaDate(a.Expires), ChinaDate(now))
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

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Expired reports whether the alert's last day has passed at now.
func (a Alert) Expired(now time.Time) bool {
	return !a.Expires.IsZero() && ChinaDay(now).After(a.Expires)
}

// State is the alert's state at now.
func (a Alert) State(now time.Time) AlertState {
	switch {
	case a.Armed && a.Expired(now):
		return AlertExpired
	case a.Armed:
		return AlertArmed
	case !a.FiredAt.IsZero():
		return AlertFired
	}
	return AlertExpired
}

// Rearm arms the alert again at now. It fires on the next crossing: the
// condition must be seen false first, and by an observation made after
// now, so a price still beyond the level (or a check begun before the
// re-arm) does not fire it again.
func (a *Alert) Rearm(now time.Time) {
	a.Armed, a.Primed = true, false
	if now.After(a.Changed) {
		a.Changed = now
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
	t := q.Time.In(China)
	n := now.In(China)
	switch {
	case !(q.Last > 0):
		return fmt.Errorf("%w: no price", ErrNotATrade)
	case q.PreOpen:
		return fmt.Errorf("%w: before the open", ErrNotATrade)
	case q.Suspended || q.Halt != "":
		return fmt.Errorf("%w: halted", ErrNotATrade)
	case q.Time.IsZero():
		return fmt.Errorf("%w: no time", ErrNotATrade)
	case !IsTradingDay(n):
		return fmt.Errorf("%w: the market is shut today", ErrNotATrade)
	case ChinaDate(t) != ChinaDate(n):
		return fmt.Errorf("%w: a quote of %s", ErrNotATrade, ChinaDate(t))
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

// LimitPct is the daily price limit of a board, in percent: 10 on the
// main boards, 20 on STAR and ChiNext, 30 on the BSE, and 5 for a risk
// warning (ST) on the main boards (ST stocks of STAR and ChiNext keep 20).
// Indexes have none (0).
func LimitPct(code Code, name string) float64 {
	switch code.Board() {
	case BoardSTAR, BoardChiNext:
		return 20
	case BoardBSE:
		return 30
	case BoardSSEMain, BoardSZSEMain:
		if IsRiskWarning(name) {
			return 5
		}
		return 10
	}
	return 0
}

// LimitPrices are the day's limit-up and limit-down prices from the
// previous close, rounded to the fen as the exchanges do (half up).
func LimitPrices(code Code, name string, prevClose float64) (up, down float64, ok bool) {
	p := LimitPct(code, name)
	if p == 0 || !(prevClose > 0) {
		return 0, 0, false
	}
	up = roundFen(prevClose * (1 + p/100))
	down = roundFen(prevClose * (1 - p/100))
	return up, down, true
}

func roundFen(v float64) float64 { return math.Floor(v*100+0.5+1e-9) / 100 }

// SinceCall is how the ticker has done since its call, for since-call and
// drawdown alerts.
type SinceCall struct {
	Day       time.Time // the call's day
	ReturnPct float64
	ExcessPct float64
	High      float64 // the highest price since the call's reference day, today's included
}

// AlertMarket is what an alert is judged on.
type AlertMarket struct {
	Now   time.Time
	Quote *AlertQuote // nil: none
	Name  string      // for ST limits
	Since *SinceCall  // nil: not known (no call, no history)
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
		last := t.RatingAt
		if n, ok := t.LatestNote(); ok && n.Created.After(last) {
			last = n.Created
		}
		if last.IsZero() {
			last = t.Added
		}
		days := int(ChinaDay(m.Now).Sub(ChinaDay(last)).Hours() / 24)
		return float64(days) >= a.Value, true, price, fmt.Sprintf("no note for %d days", days)
	}
	q := m.Quote
	if q == nil || IsTrade(*q, m.Now) != nil {
		return false, false, 0, ""
	}
	price = q.Last
	switch a.Kind {
	case AlertAbove, AlertTarget:
		return q.Last >= a.Value, true, price, fmt.Sprintf("last %.2f", q.Last)
	case AlertBelow:
		return q.Last <= a.Value, true, price, fmt.Sprintf("last %.2f", q.Last)
	case AlertChange:
		if q.ChangeUnknown || !(q.PrevClose > 0) {
			return false, false, 0, ""
		}
		return math.Abs(q.ChangePct) >= a.Value, true, price, fmt.Sprintf("change %+.2f %%", q.ChangePct)
	case AlertLimit:
		up, down, ok := LimitPrices(a.Code, m.Name, q.PrevClose)
		if !ok || q.ChangeUnknown {
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
	if !a.Armed || a.Expired(m.Now) || a.Stale(m) {
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
