package sectors

import (
	"math"
	"math/rand"
	"os"
	"strconv"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// An independent recomputation of holdings and total returns: a holder
// simulated day by day (shares, cash, the price of the day), with none of
// BuildHoldings' lots or TotalReturn's factors, on random histories with
// 送/转/派/配, suspensions, implausible figures and trades. ZIXUAN_ORACLE_SEED
// picks another seed; ZIXUAN_ORACLE_RUNS more histories.

type oracleCase struct {
	h      PriceHistory
	trades []Trade
	days   []time.Time // the sessions of the span, bars or not
}

func oracleSessions(from time.Time, n int) []time.Time {
	var out []time.Time
	for d := from; len(out) < n; d = d.AddDate(0, 0, 1) {
		if market.IsTradingDay(d) {
			out = append(out, d)
		}
	}
	return out
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// randomCase makes a history of 600036 over about a year: a random walk
// of closes, suspensions of a few sessions, and ex-dates (some inside a
// suspension, several in one), each opening at its reference price.
func randomCase(r *rand.Rand) oracleCase {
	days := oracleSessions(time.Date(2024, 1, 2, 0, 0, 0, 0, market.China), 120+r.Intn(120))
	c := oracleCase{h: PriceHistory{Code: market.MustParseCode("600036")}, days: days}
	price := round(5+r.Float64()*60, 2)
	suspendedUntil := -1
	for i, d := range days {
		if i > 3 && i < len(days)-3 && suspendedUntil < i && r.Intn(60) == 0 {
			suspendedUntil = i + 1 + r.Intn(6)
		}
		if i > 0 && r.Intn(25) == 0 { // an ex-date
			e := ExRights{ExDate: d}
			switch r.Intn(6) {
			case 0:
				e.CashPerShare = round(price*(0.005+r.Float64()*0.07), 3)
			case 1:
				e.BonusPerShare = float64(1+r.Intn(10)) / 10
			case 2:
				e.CashPerShare, e.BonusPerShare = round(price*0.02, 3), 0.4
			case 3:
				e.RightsPerShare, e.RightsPrice = float64(1+r.Intn(3))/10, round(price*(0.4+r.Float64()*0.4), 2)
			case 4: // implausible: more than half the close, or 20 for 10
				if r.Intn(2) == 0 {
					e.CashPerShare = round(price*(0.6+r.Float64()), 3)
				} else {
					e.BonusPerShare = 2
				}
			case 5:
				text := "10配3股" // its price not known
				if r.Intn(2) == 0 {
					text = "10派2元,另派特别股息1元" // a clause not read
				}
				c.h.Unread = append(c.h.Unread, ExRights{ExDate: d, Text: text})
				e = ExRights{}
			}
			if !e.ExDate.IsZero() {
				if e.Plausible(price) {
					price = round(e.ReferencePrice(price), 2)
				}
				c.h.Events = append(c.h.Events, e)
			}
		}
		price = math.Max(0.5, round(price*(1+(r.Float64()-0.5)*0.08), 2))
		if i <= suspendedUntil {
			continue // no bar: suspended
		}
		c.h.Bars = append(c.h.Bars, DailyBar{Date: d, Close: price})
	}
	return c
}

// randomTrades trades the case's bar days by the rules a holder must keep:
// buys in lots, sells in lots or the whole odd remainder, never shares
// bought that day, and rights taken up now and then (a forced buy at the
// rights price, on the ex-date, of the shares offered).
func randomTrades(r *rand.Rand, c *oracleCase) {
	barOn := map[time.Time]float64{}
	for _, b := range c.h.Bars {
		barOn[b.Date] = b.Close
	}
	evOn := map[time.Time]ExRights{}
	for _, e := range c.h.Events {
		evOn[e.ExDate] = e
	}
	held, id := int64(0), uint64(0)
	boughtDay, boughtToday := time.Time{}, int64(0)
	for _, d := range c.days {
		if !d.Equal(boughtDay) {
			boughtDay, boughtToday = d, 0
		}
		if e, ok := evOn[d]; ok && held > 0 {
			if prev, ok := c.h.BarBefore(d); ok && e.Plausible(prev.Close) {
				if e.RightsPerShare > 0 && r.Intn(2) == 0 {
					if n := int64(math.Floor(float64(held)*e.RightsPerShare + 1e-6)); n > 0 {
						id++
						c.trades = append(c.trades, Trade{ID: id, Code: c.h.Code, Side: Bought, Date: d, Price: e.RightsPrice, Qty: n, Forced: true})
						held += n
						boughtToday += n // a buy: T+1 as any
					}
				}
				held += int64(math.Floor(float64(held)*e.BonusPerShare + 1e-6))
			}
		}
		close, ok := barOn[d]
		if !ok {
			continue
		}
		for k := r.Intn(3); k > 0; k-- {
			p := round(close*(0.98+r.Float64()*0.04), 2)
			if r.Intn(3) > 0 || held == 0 {
				q := int64(1+r.Intn(20)) * 100
				id++
				c.trades = append(c.trades, Trade{ID: id, Code: c.h.Code, Side: Bought, Date: d, Price: p, Qty: q, Fee: round(float64(q)*p*0.0003+5, 2)})
				held += q
				boughtToday += q
				continue
			}
			free := held - boughtToday
			var q int64
			switch {
			case free <= 0:
				continue
			case free == held && r.Intn(4) == 0:
				q = held // the whole holding
			case free >= 100:
				q = int64(1+r.Intn(int(free/100))) * 100
				if odd := held % 100; r.Intn(2) == 0 && q+odd <= free {
					q += odd // the whole odd remainder with lots
				}
			default:
				continue
			}
			id++
			c.trades = append(c.trades, Trade{ID: id, Code: c.h.Code, Side: Sold, Date: d, Price: p, Qty: q, Fee: round(float64(q)*p*0.0008+5, 2)})
			held -= q
			boughtToday = min(boughtToday, held)
		}
	}
}

// holderDayByDay is the oracle: one pass over the calendar, the events of
// a day before its trades, the rules of the README restated.
type holderResult struct {
	shares    int64
	flow      float64 // cash in minus cash out: sells, dividends, buys
	dividends float64
	flagged   bool
}

func holderDayByDay(c oracleCase) holderResult {
	var res holderResult
	last := 0.0 // the last close
	closeOn := map[time.Time]float64{}
	for _, b := range c.h.Bars {
		closeOn[b.Date] = b.Close
	}
	ti, ei, ui := 0, 0, 0
	for d := c.days[0]; !d.After(c.days[len(c.days)-1]); d = d.AddDate(0, 0, 1) {
		for ; ui < len(c.h.Unread) && !c.h.Unread[ui].ExDate.After(d); ui++ {
			// a rights issue of unknown price changes no holding that does
			// not take it up: listed, not flagged; anything else unread is
			if res.shares > 0 && c.h.Unread[ui].Text != "10配3股" {
				res.flagged = true
			}
		}
		for ; ei < len(c.h.Events) && !c.h.Events[ei].ExDate.After(d); ei++ {
			e := c.h.Events[ei]
			if res.shares == 0 {
				continue
			}
			ok := last > 0 && e.CashPerShare <= last/2 && e.BonusPerShare <= 1 && e.RightsPerShare <= 1 &&
				(e.RightsPerShare == 0 || e.RightsPrice > 0 && e.RightsPrice < last)
			if !ok {
				res.flagged = true
				continue
			}
			cash := math.Round(float64(res.shares)*e.CashPerShare*100) / 100
			res.dividends += cash
			res.flow += cash
			res.shares += int64(float64(res.shares)*e.BonusPerShare + 1e-6)
		}
		for ; ti < len(c.trades) && !c.trades[ti].Date.After(d); ti++ {
			t := c.trades[ti]
			amount := float64(t.Qty) * t.Price
			if t.Side == Bought {
				res.shares += t.Qty
				res.flow -= amount + t.Fee
			} else {
				res.shares -= t.Qty
				res.flow += amount - t.Fee
			}
		}
		if c, ok := closeOn[d]; ok {
			last = c
		}
	}
	return res
}

// holderReinvesting is the total-return oracle: one share bought at the
// first close, every dividend reinvested and every rights issue paid for at
// the ex-date's reference price, counted in shares day by day.
func holderReinvesting(c oracleCase) (float64, bool) {
	shares, price, flagged := 1.0, c.h.Bars[0].Close, false
	first := c.h.Bars[0].Date
	bi := 0
	for _, d := range c.days {
		if d.After(c.h.Bars[len(c.h.Bars)-1].Date) {
			break // measured to the last close
		}
		for _, e := range c.h.Events {
			if !e.ExDate.Equal(d) || !d.After(first) {
				continue
			}
			ok := e.CashPerShare <= price/2 && e.BonusPerShare <= 1 && e.RightsPerShare <= 1 &&
				(e.RightsPerShare == 0 || e.RightsPrice > 0 && e.RightsPrice < price)
			if !ok {
				flagged = true
				continue
			}
			ref := (price - e.CashPerShare + e.RightsPrice*e.RightsPerShare) / (1 + e.BonusPerShare + e.RightsPerShare)
			cash := shares*e.CashPerShare - shares*e.RightsPerShare*e.RightsPrice
			shares = shares*(1+e.BonusPerShare+e.RightsPerShare) + cash/ref
			price = ref
		}
		for _, u := range c.h.Unread {
			if u.ExDate.Equal(d) && d.After(first) {
				flagged = true
			}
		}
		if bi < len(c.h.Bars) && c.h.Bars[bi].Date.Equal(d) {
			price = c.h.Bars[bi].Close
			bi++
		}
	}
	return shares * price / c.h.Bars[0].Close, flagged
}

func TestHoldingsAndReturnsAgreeWithADayByDayHolder(t *testing.T) {
	seed := int64(20261206)
	if s, err := strconv.ParseInt(os.Getenv("ZIXUAN_ORACLE_SEED"), 10, 64); err == nil {
		seed = s
	}
	runs := 2000
	if n, err := strconv.Atoi(os.Getenv("ZIXUAN_ORACLE_RUNS")); err == nil && n > 0 {
		runs = n
	}
	t.Logf("seed %d, %d histories", seed, runs)
	r := rand.New(rand.NewSource(seed))
	agreed, withActions, withTrades := 0, 0, 0
	for run := 0; run < runs; run++ {
		c := randomCase(r)
		if len(c.h.Bars) < 2 {
			agreed++
			continue
		}
		randomTrades(r, &c)
		ok := true
		fail := func(format string, args ...any) {
			if ok {
				t.Errorf("run %d (seed %d): "+format, append([]any{run, seed}, args...)...)
			}
			ok = false
		}

		// the total return, first close to last
		first, lastBar := c.h.Bars[0], c.h.Bars[len(c.h.Bars)-1]
		g, err := TotalReturn(Reference{Day: first.Date, Price: first.Close}, c.h, nil, time.Time{})
		want, flagged := holderReinvesting(c)
		if err != nil || math.Abs(g.Multiple/want-1) > 1e-9 || g.Uncertain != flagged {
			fail("total return %v (uncertain %v) %v, the holder has %v (flagged %v)", g.Multiple, g.Uncertain, err, want, flagged)
		}

		// the holding
		if len(c.trades) > 0 {
			withTrades++
			ps, err := BuildHoldings(c.trades, map[string]PriceHistory{c.h.Code.Key(): c.h})
			if err != nil || len(ps) != 1 {
				fail("replay: %v", err)
				continue
			}
			p := ps[0]
			for _, tr := range p.Trades {
				if tr.Breaks != "" && !tr.Forced {
					fail("trade %+v breaks %q", tr, tr.Breaks)
				}
			}
			if len(p.Actions) > 0 {
				withActions++
			}
			o := holderDayByDay(c)
			total := p.Realised + float64(p.Qty)*lastBar.Close - p.Cost
			if p.Qty != o.shares || math.Abs(p.Dividends-o.dividends) > 0.005 ||
				math.Abs(total-(o.flow+float64(o.shares)*lastBar.Close)) > 0.005 || p.Uncertain() != o.flagged {
				fail("holding %d shares, dividends %.2f, P&L %.2f, uncertain %v; the holder: %d, %.2f, %.2f, %v",
					p.Qty, p.Dividends, total, p.Uncertain(), o.shares, o.dividends, o.flow+float64(o.shares)*lastBar.Close, o.flagged)
			}
			if p.Qty > 0 && (p.Cost < -1e-6 || math.IsNaN(p.Cost)) {
				fail("cost %v", p.Cost)
			}
		}
		if ok {
			agreed++
		}
	}
	t.Logf("agreed on %d of %d histories (%d with trades, %d holdings through a distribution)", agreed, runs, withTrades, withActions)
	if withActions < runs/4 {
		t.Errorf("only %d holdings went through a distribution: the cases test little", withActions)
	}
}
