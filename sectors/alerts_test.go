package sectors

import (
	"errors"
	"math"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// 2026-04-02 is a Thursday, a trading day; 2026-04-06 is 清明 (closed).
func at(day string, hm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+hm, market.China)
	if err != nil {
		panic(err)
	}
	return t
}

func trade(last, prev float64, when time.Time) *AlertQuote {
	return &AlertQuote{Last: last, PrevClose: prev, ChangePct: (last - prev) / prev * 100, High: last, Time: when}
}

func TestIsTrade(t *testing.T) {
	now := at("2026-04-02", "10:00")
	cases := []struct {
		name string
		q    AlertQuote
		now  time.Time
		ok   bool
	}{
		{"a trade", *trade(11, 10, now.Add(-time.Minute)), now, true},
		{"after the close, today's close", *trade(11, 10, at("2026-04-02", "15:00")), at("2026-04-02", "21:00"), true},
		{"lunch break", *trade(11, 10, at("2026-04-02", "11:30")), at("2026-04-02", "12:10"), true},
		{"0.00 before the open", AlertQuote{Last: 0, PrevClose: 10, Time: at("2026-04-02", "09:20")}, at("2026-04-02", "09:20"), false},
		{"pre-open flag", AlertQuote{Last: 10, PrevClose: 10, PreOpen: true, Time: at("2026-04-02", "09:20")}, at("2026-04-02", "09:21"), false},
		{"auction indication", *trade(11, 10, at("2026-04-02", "09:25")), at("2026-04-02", "09:26"), false},
		{"suspended", AlertQuote{Last: 10, PrevClose: 10, Suspended: true, Time: now}, now, false},
		{"halt word", AlertQuote{Last: 10, PrevClose: 10, Halt: "临停1H", Time: now}, now, false},
		{"stale during trading", *trade(11, 10, now.Add(-10*time.Minute)), now, false},
		{"yesterday's close before the open", *trade(11, 10, at("2026-04-01", "15:00")), at("2026-04-02", "08:00"), false},
		{"holiday", *trade(11, 10, at("2026-04-03", "15:00")), at("2026-04-06", "10:00"), false},
		{"weekend", *trade(11, 10, at("2026-04-03", "15:00")), at("2026-04-04", "10:00"), false},
		{"no time", AlertQuote{Last: 11, PrevClose: 10}, now, false},
	}
	for _, c := range cases {
		err := IsTrade(c.q, c.now)
		if (err == nil) != c.ok {
			t.Errorf("%s: %v, want trade %v", c.name, err, c.ok)
		}
		if err != nil && !errors.Is(err, ErrNotATrade) {
			t.Errorf("%s: %v is not ErrNotATrade", c.name, err)
		}
	}
}

func TestLimitPricesByBoard(t *testing.T) {
	cases := []struct {
		code     string
		name     string
		prev     float64
		up, down float64
	}{
		{"600519", "贵州茅台", 1500, 1650, 1350},
		{"SZ000001", "平安银行", 11.11, 12.22, 10.00},
		{"688111", "金山办公", 200, 240, 160},
		{"300624", "万兴科技", 50, 60, 40},
		{"920819", "颖泰生物", 10, 13, 7},
		{"600000", "*ST浦发", 10, 10.5, 9.5},
		{"300001", "ST特锐", 10, 12, 8}, // ST on ChiNext keeps ±20 %
	}
	for _, c := range cases {
		up, down, ok := LimitPrices(market.MustParseCode(c.code), c.name, c.prev, at("2026-04-02", "10:00"))
		if !ok || math.Abs(up-c.up) > 1e-9 || math.Abs(down-c.down) > 1e-9 {
			t.Errorf("%s %s from %.2f: %.2f/%.2f, want %.2f/%.2f", c.code, c.name, c.prev, up, down, c.up, c.down)
		}
	}
	if _, _, ok := LimitPrices(Benchmark, "沪深300", 3000, at("2026-04-02", "10:00")); ok {
		t.Error("an index has no limit")
	}
}

func TestAlertFiresOncePerCrossing(t *testing.T) {
	code := market.MustParseCode("600519")
	a, err := NewAlert(code, AlertAbove, 100, time.Time{}, at("2026-04-02", "09:00"))
	if err != nil {
		t.Fatal(err)
	}
	m := func(last float64, hm string) AlertMarket {
		now := at("2026-04-02", hm)
		return AlertMarket{Now: now, Quote: trade(last, 95, now)}
	}
	if fired, _, _ := a.Observe(m(99, "09:40")); fired {
		t.Fatal("fired below the level")
	}
	fired, changed, f := a.Observe(m(101, "09:45"))
	if !fired || !changed || f.Price != 101 || a.State(f.At) != AlertFired || a.FiredPrice != 101 {
		t.Fatalf("crossing: fired %v %+v state %s", fired, f, a.State(f.At))
	}
	if fired, _, _ := a.Observe(m(102, "09:50")); fired {
		t.Fatal("a one-shot alert fired twice")
	}
	// re-armed while still above: the same crossing, nothing
	a.Rearm(a.FiredAt.Add(time.Minute))
	if fired, _, _ := a.Observe(m(103, "09:55")); fired {
		t.Fatal("re-armed alert fired on the same crossing")
	}
	// back below, then above again: a new crossing
	if fired, changed, _ := a.Observe(m(98, "10:00")); fired || !changed || !a.Primed {
		t.Fatal("coming back below must prime it")
	}
	if fired, _, _ := a.Observe(m(100, "10:05")); !fired {
		t.Fatal("new crossing did not fire")
	}
	if len(a.Firings) != 2 {
		t.Errorf("%d firings kept", len(a.Firings))
	}
}

func TestRepeatingAlertWaitsForTheNextCrossing(t *testing.T) {
	a, _ := NewAlert(market.MustParseCode("600519"), AlertBelow, 50, time.Time{}, at("2026-04-02", "09:00"))
	a.Repeat = true
	seq := []struct {
		last float64
		fire bool
	}{{49, true}, {48, false}, {51, false}, {50, true}, {49, false}}
	for i, s := range seq {
		now := at("2026-04-02", "10:00").Add(time.Duration(i) * time.Minute)
		fired, _, _ := a.Observe(AlertMarket{Now: now, Quote: trade(s.last, 52, now)})
		if fired != s.fire {
			t.Errorf("step %d at %.2f: fired %v", i, s.last, fired)
		}
	}
	if !a.Armed {
		t.Error("a repeating alert stays armed")
	}
}

func TestNothingFiresOnAQuoteThatIsNotATrade(t *testing.T) {
	now := at("2026-04-02", "09:20")
	for _, q := range []AlertQuote{
		{Last: 0, PrevClose: 10, Time: now},                        // 0.00 before the open
		{Last: 10, PrevClose: 10, PreOpen: true, Time: now},        // pre-open flag
		{Last: 10, PrevClose: 10, Suspended: true, Time: now},      // halt
		{Last: 10, PrevClose: 10, Time: at("2026-04-03", "15:00")}, // seen on the holiday below
	} {
		for _, kind := range []AlertKind{AlertBelow, AlertChange, AlertLimit, AlertAbove} {
			v := 20.0
			if kind == AlertChange {
				v = 0.01
			}
			a, err := NewAlert(market.MustParseCode("600519"), kind, v, time.Time{}, now)
			if err != nil {
				t.Fatal(err)
			}
			when := now
			if q.Time.Day() == 3 {
				when = at("2026-04-06", "10:00")
			}
			q := q
			if fired, changed, _ := a.Observe(AlertMarket{Now: when, Quote: &q}); fired || changed {
				t.Errorf("%s on %+v: fired %v changed %v", kind, q, fired, changed)
			}
		}
	}
}

func TestAlertKinds(t *testing.T) {
	now := at("2026-04-02", "14:00")
	code := market.MustParseCode("300624") // ChiNext: ±20 %
	q := func(last, prev, high float64) *AlertQuote {
		return &AlertQuote{Last: last, PrevClose: prev, ChangePct: (last - prev) / prev * 100, High: high, Time: now}
	}
	buy := &Ticker{Code: code, Rating: Buy, RatingAt: at("2026-01-02", "10:00"), Notes: []Note{{ID: 1, Text: "x", Created: at("2026-03-01", "10:00")}}}
	cases := []struct {
		name  string
		kind  AlertKind
		value float64
		exc   bool
		m     AlertMarket
		hit   bool
		known bool
	}{
		{"change up", AlertChange, 5, false, AlertMarket{Quote: q(10.6, 10, 10.6)}, true, true},
		{"change down", AlertChange, 5, false, AlertMarket{Quote: q(9.4, 10, 10)}, true, true},
		{"change small", AlertChange, 5, false, AlertMarket{Quote: q(10.4, 10, 10.4)}, false, true},
		{"change unknown", AlertChange, 5, false, AlertMarket{Quote: &AlertQuote{Last: 30, PrevClose: 10, ChangeUnknown: true, Time: now}}, false, false},
		{"limit up ChiNext", AlertLimit, 0, false, AlertMarket{Quote: q(12, 10, 12)}, true, true},
		{"10 % is no limit on ChiNext", AlertLimit, 0, false, AlertMarket{Quote: q(11, 10, 11)}, false, true},
		{"limit down", AlertLimit, 0, false, AlertMarket{Quote: q(8, 10, 10)}, true, true},
		{"target", AlertTarget, 11, false, AlertMarket{Quote: q(11, 10, 11)}, true, true},
		{"since call return", AlertSinceCall, 20, false, AlertMarket{Quote: q(11, 10, 11), Since: &SinceCall{ReturnPct: 25, ExcessPct: 5}}, true, true},
		{"since call excess", AlertSinceCall, 20, true, AlertMarket{Quote: q(11, 10, 11), Since: &SinceCall{ReturnPct: 25, ExcessPct: 5}}, false, true},
		{"since call loss", AlertSinceCall, 20, false, AlertMarket{Quote: q(11, 10, 11), Since: &SinceCall{ReturnPct: -21}}, true, true},
		{"since call unknown", AlertSinceCall, 20, false, AlertMarket{Quote: q(11, 10, 11)}, false, false},
		{"drawdown", AlertDrawdown, 15, false, AlertMarket{Quote: q(8.4, 8.5, 8.6), Since: &SinceCall{High: 10}}, true, true},
		{"drawdown from today's high", AlertDrawdown, 15, false, AlertMarket{Quote: q(10.1, 10, 12), Since: &SinceCall{High: 10}}, true, true},
		{"small drawdown", AlertDrawdown, 15, false, AlertMarket{Quote: q(9, 9, 9), Since: &SinceCall{High: 10}}, false, true},
		{"no note 30 days", AlertNoNote, 30, false, AlertMarket{Ticker: buy}, true, true},
		{"no note 60 days", AlertNoNote, 60, false, AlertMarket{Ticker: buy}, false, true},
	}
	for _, c := range cases {
		a := Alert{Code: code, Kind: c.kind, Value: c.value, Excess: c.exc, Armed: true, Primed: true}
		c.m.Now = now
		hit, known, _, _ := a.Condition(c.m)
		if hit != c.hit || known != c.known {
			t.Errorf("%s: hit %v known %v, want %v %v", c.name, hit, known, c.hit, c.known)
		}
	}
	neutral := *buy
	neutral.Rating = Neutral
	a := Alert{Code: code, Kind: AlertNoNote, Value: 1}
	if hit, _, _, _ := a.Condition(AlertMarket{Now: now, Ticker: &neutral}); hit {
		t.Error("a no-note alert is for tickers rated buy")
	}
	// ST on the main board: ±5 %
	st := Alert{Code: market.MustParseCode("600000"), Kind: AlertLimit}
	if hit, _, _, _ := st.Condition(AlertMarket{Now: now, Name: "*ST浦发", Quote: q(10.5, 10, 10.5)}); !hit {
		t.Error("ST limit up at +5 %")
	}
	if hit, _, _, _ := st.Condition(AlertMarket{Now: now, Name: "浦发银行", Quote: q(10.5, 10, 10.5)}); hit {
		t.Error("+5 % is no limit for a main-board stock")
	}
}

func TestNewAlertRefusesBadInput(t *testing.T) {
	now := at("2026-04-02", "10:00")
	code := market.MustParseCode("600519")
	for _, c := range []struct {
		kind  AlertKind
		value float64
	}{{AlertAbove, -1}, {AlertBelow, 0}, {AlertChange, -5}, {AlertDrawdown, 100}, {AlertNoNote, 1.5}, {"", 1}, {AlertAbove, math.NaN()}} {
		if _, err := NewAlert(code, c.kind, c.value, time.Time{}, now); !errors.Is(err, ErrAlertValue) {
			t.Errorf("%s %v: %v", c.kind, c.value, err)
		}
	}
	if _, err := NewAlert(code, AlertAbove, 1, at("2026-04-01", "00:00"), now); !errors.Is(err, ErrAlertExpired) {
		t.Errorf("past expiry: %v", err)
	}
	a, err := NewAlert(code, AlertAbove, 1, at("2026-04-02", "00:00"), now)
	if err != nil || a.State(now) != AlertArmed {
		t.Fatalf("today's expiry: %v", err)
	}
	next := at("2026-04-03", "10:00")
	if a.State(next) != AlertExpired {
		t.Errorf("state the day after: %s", a.State(next))
	}
	if fired, _, _ := a.Observe(AlertMarket{Now: next, Quote: trade(5, 4, next)}); fired {
		t.Error("an expired alert fired")
	}
}

// The limit in force on the day: none in a new listing's first sessions
// (N the first day, C the next four) on STAR, ChiNext and the main board
// under registration, only the first day on the BSE; an XD/XR/DR mark
// before ST keeps it ST; the main board's ST limit 5 % until 2026-07-03
// and 10 % from 2026-07-06.
func TestLimitByTheRulesOfTheDay(t *testing.T) {
	cases := []struct {
		code, name, day string
		pct             float64 // 0: no limit
	}{
		{"688799", "N华纳", "2026-04-02", 0},
		{"688799", "C华纳", "2026-04-03", 0},
		{"301001", "C凯淳", "2026-04-03", 0},
		{"603000", "N人民", "2026-04-02", 0},
		{"603000", "C人民", "2026-04-03", 0},
		{"603000", "C人民", "2023-03-01", 10}, // before main-board registration: no C listing rule
		{"920819", "N颖泰", "2026-04-02", 0},
		{"920819", "C颖泰", "2026-04-03", 30}, // BSE: only the first day
		{"600000", "XD*ST浦发", "2026-07-03", 5},
		{"600000", "DRST浦发", "2026-07-03", 5},
		{"600000", "*ST浦发", "2026-07-03", 5},
		{"600000", "*ST浦发", "2026-07-06", 10},
		{"000001", "XDST平安", "2026-12-04", 10},
		{"300001", "XD*ST特锐", "2026-04-02", 20},
		{"600519", "XD贵州茅", "2026-04-02", 10},
	}
	for _, c := range cases {
		pct, limited := LimitPct(market.MustParseCode(c.code), c.name, at(c.day, "10:00"))
		if c.pct == 0 && limited || c.pct != 0 && (!limited || pct != c.pct) {
			t.Errorf("%s %s on %s: %v (limited %v), want %v", c.code, c.name, c.day, pct, limited, c.pct)
		}
	}
	// a new listing at +35 % fires no limit alert
	a, _ := NewAlert(market.MustParseCode("688799"), AlertLimit, 0, time.Time{}, at("2026-04-02", "09:00"))
	now := at("2026-04-02", "10:00")
	q := trade(27, 20, now)
	if fired, _, _ := a.Observe(AlertMarket{Now: now, Quote: q, Name: "N华纳"}); fired {
		t.Error("a limit alert fired on a listing's first day, which has no limit")
	}
	// XD*ST at +5 % before 2026-07-06 is limit up
	b, _ := NewAlert(market.MustParseCode("600000"), AlertLimit, 0, time.Time{}, at("2026-07-03", "09:00"))
	now = at("2026-07-03", "10:00")
	if fired, _, f := b.Observe(AlertMarket{Now: now, Quote: trade(10.5, 10, now), Name: "XD*ST浦发"}); !fired || f.Detail != "limit up 10.50" {
		t.Errorf("XD*ST at +5 %%: fired %v %q", fired, f.Detail)
	}
}

// Across an ex-date: a level set before it is carried by the exchange's
// formula and said so; a drawdown is the fall of the total-return value,
// so a 10转4 or a dividend with the price unchanged in value is none.
func TestAlertsAcrossAnExDate(t *testing.T) {
	code := market.MustParseCode("600036")
	set := at("2026-12-01", "10:00")
	tenFor4 := ExRights{ExDate: dirDay("2026-12-04"), BonusPerShare: 0.4, Text: "10转4"}
	below, _ := NewAlert(code, AlertBelow, 14, time.Time{}, set)
	now := at("2026-12-04", "10:00")
	q := trade(10.70, 10.71, now) // 15.00 ÷ 1.4 = 10.71 the reference
	m := AlertMarket{Now: now, Quote: q, Events: []ExRights{tenFor4}}
	if fired, _, _ := below.Observe(m); fired {
		t.Error("below 14.00 fired on the 10转4's price change")
	}
	if d := below.DescribeAt(m.Events, nil, now); d != "below 10.00 (set 14.00, 10转4 on 2026-12-04)" {
		t.Errorf("described %q", d)
	}
	if d := below.DescribeAt(m.Events, nil, at("2026-12-03", "10:00")); d != "below 14.00" {
		t.Errorf("before the ex-date: %q", d)
	}
	m.Quote = trade(9.99, 10.71, now)
	if fired, _, f := below.Observe(m); !fired || f.Detail != "last 9.99 (level 10.00, set 14.00)" {
		t.Errorf("below the carried level: fired %v %q", fired, f.Detail)
	}

	// drawdown: 14.00 on the call's day, 10.00 after the 10转4: none
	h := PriceHistory{Code: code, Events: []ExRights{tenFor4}, Bars: []DailyBar{
		{Date: dirDay("2026-12-02"), Close: 14, High: 14},
		{Date: dirDay("2026-12-03"), Close: 14, High: 14},
		{Date: dirDay("2026-12-04"), Close: 10, High: 10},
	}}
	now = at("2026-12-07", "10:00")
	high := HighSince(h, dirDay("2026-12-02"), 14, trade(10, 10, now), now)
	dd, _ := NewAlert(code, AlertDrawdown, 5, time.Time{}, set)
	fired, _, f := dd.Observe(AlertMarket{Now: now, Quote: trade(10, 10, now), Since: &SinceCall{High: high}})
	if math.Abs(high-10) > 1e-9 || fired {
		t.Errorf("high %v, drawdown fired %v %q", high, fired, f.Detail)
	}
	// the same on the ex-date itself, before the k-line lists it: the
	// quote's previous close is the reference price
	h.Events, h.Bars = nil, h.Bars[:2]
	now = at("2026-12-04", "10:00")
	if high := HighSince(h, dirDay("2026-12-02"), 14, trade(10, 10, now), now); math.Abs(high-10) > 1e-9 {
		t.Errorf("on the unlisted ex-date: high %v, want 10", high)
	}
	// a cash dividend: 10派276.24元 off 1500.00
	mt := market.MustParseCode("600519")
	div := ExRights{ExDate: dirDay("2026-12-04"), CashPerShare: 27.624, Text: "10派276.24元"}
	hm := PriceHistory{Code: mt, Events: []ExRights{div}, Bars: []DailyBar{
		{Date: dirDay("2026-12-03"), Close: 1500, High: 1500},
		{Date: dirDay("2026-12-04"), Close: 1470, High: 1470},
	}}
	now = at("2026-12-07", "10:00")
	if high := HighSince(hm, dirDay("2026-12-03"), 1500, nil, now); math.Abs(high-1472.376) > 1e-6 {
		t.Errorf("after the dividend: high %v, want 1472.376", high)
	}
}

// A level cannot be carried across a distribution whose terms were not
// read: the alert is not judged (neither fired nor re-primed) from its
// ex-date on, and says why.
func TestLevelAcrossAnUnreadDistributionWaits(t *testing.T) {
	code := market.MustParseCode("600036")
	below, _ := NewAlert(code, AlertBelow, 14, time.Time{}, at("2026-12-01", "10:00"))
	rights := []ExRights{{ExDate: dirDay("2026-12-04"), Text: "10配3"}}
	now := at("2026-12-04", "10:00")
	fired, changed, _ := below.Observe(AlertMarket{Now: now, Quote: trade(12, 12.5, now), Unread: rights})
	if fired || changed {
		t.Errorf("judged across an unread 10配3: fired %v changed %v", fired, changed)
	}
	if d := below.DescribeAt(nil, rights, now); d != "below 14.00 (not judged since 10配3 on 2026-12-04: its terms were not read; set it again)" {
		t.Errorf("described %q", d)
	}
	if fired, _, _ := below.Observe(AlertMarket{Now: at("2026-12-03", "10:00"), Quote: trade(12, 12.5, at("2026-12-03", "10:00")), Unread: rights}); !fired {
		t.Error("before the unread event's ex-date the level is judged as set")
	}
}
