package export

import (
	"fmt"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Alerts and positions in the json export. Positions are exported as the
// trades that make them (each buy a lot, each sell taken FIFO), so that an
// import replays them to the same positions; alerts keep their state and
// every firing. Import gives both new ids and skips what the database
// holds already (same ticker, kind or side, values and creation time).
//
//	"alerts": [{"id":1,"code":"SZ002230","kind":"above","value":50,…}],
//	"trades": [{"id":1,"code":"SZ002230","side":"buy","date":"2024-05-10","price":10,"qty":100,…}]

// JSONAlert is an alert in the json format.
type JSONAlert struct {
	ID         uint64                `json:"id"`
	Code       string                `json:"code"`
	Kind       string                `json:"kind"`
	Value      float64               `json:"value"`
	Excess     bool                  `json:"excess,omitempty"`
	Repeat     bool                  `json:"repeat,omitempty"`
	Note       string                `json:"note,omitempty"`
	Created    time.Time             `json:"created"`
	Expires    string                `json:"expires,omitempty"`
	Armed      bool                  `json:"armed"`
	Primed     bool                  `json:"primed"`
	FiredAt    *time.Time            `json:"fired_at,omitempty"`
	FiredPrice float64               `json:"fired_price,omitempty"`
	Firings    []sectors.AlertFiring `json:"firings,omitempty"`
	// The alert's bookkeeping, kept so that an export imported back
	// neither fires it again for the same crossing nor forgets a
	// delivery still owed.
	Changed      time.Time             `json:"changed,omitzero"`
	ChangedQuote time.Time             `json:"changed_quote,omitzero"`
	Undelivered  []sectors.AlertFiring `json:"undelivered,omitempty"`
}

// JSONTrade is a buy or a sell in the json format.
type JSONTrade struct {
	ID      uint64    `json:"id"`
	Code    string    `json:"code"`
	Side    string    `json:"side"`
	Date    string    `json:"date"`
	Price   float64   `json:"price"`
	Qty     int64     `json:"qty"`
	Fee     float64   `json:"fee,omitempty"`
	Created time.Time `json:"created"`
	Forced  bool      `json:"forced,omitempty"` // recorded although it breaks an exchange rule
}

func jsonAlerts(list []sectors.Alert) []JSONAlert {
	var out []JSONAlert
	for _, a := range list {
		j := JSONAlert{ID: a.ID, Code: a.Code.Key(), Kind: string(a.Kind), Value: a.Value, Excess: a.Excess, Repeat: a.Repeat, Note: a.Note,
			Created: a.Created, Armed: a.Armed, Primed: a.Primed, FiredPrice: a.FiredPrice, Firings: a.Firings,
			Changed: a.Changed, ChangedQuote: a.ChangedQuote, Undelivered: a.Undelivered}
		if !a.Expires.IsZero() {
			j.Expires = market.ChinaDate(a.Expires)
		}
		if !a.FiredAt.IsZero() {
			at := a.FiredAt
			j.FiredAt = &at
		}
		out = append(out, j)
	}
	return out
}

func jsonTrades(list []sectors.Trade) []JSONTrade {
	var out []JSONTrade
	for _, t := range list {
		out = append(out, JSONTrade{ID: t.ID, Code: t.Code.Key(), Side: string(t.Side), Date: market.ChinaDate(t.Date), Price: t.Price, Qty: t.Qty, Fee: t.Fee, Created: t.Created, Forced: t.Forced})
	}
	return out
}

// Alert checks a json alert and turns it back into an alert.
func (j JSONAlert) Alert() (sectors.Alert, error) {
	code, err := market.ParseCode(j.Code)
	if err != nil {
		return sectors.Alert{}, err
	}
	kind, err := sectors.ParseAlertKind(j.Kind)
	if err != nil {
		return sectors.Alert{}, err
	}
	a := sectors.Alert{ID: j.ID, Code: code, Kind: kind, Value: j.Value, Excess: j.Excess, Repeat: j.Repeat, Note: j.Note, Created: j.Created,
		Armed: j.Armed, Primed: j.Primed, FiredPrice: j.FiredPrice, Firings: j.Firings,
		Changed: j.Changed, ChangedQuote: j.ChangedQuote, Undelivered: j.Undelivered}
	if j.FiredAt != nil {
		a.FiredAt = *j.FiredAt
	}
	if j.Expires != "" {
		if a.Expires, err = time.ParseInLocation(time.DateOnly, j.Expires, market.China); err != nil {
			return sectors.Alert{}, fmt.Errorf("expires %q is not a date", j.Expires)
		}
	}
	if err := a.Check(a.Created); err != nil {
		return sectors.Alert{}, err
	}
	return a, nil
}

// Trade checks a json trade and turns it back into a trade.
func (j JSONTrade) Trade() (sectors.Trade, error) {
	code, err := market.ParseCode(j.Code)
	if err != nil {
		return sectors.Trade{}, err
	}
	day, err := time.ParseInLocation(time.DateOnly, j.Date, market.China)
	if err != nil {
		return sectors.Trade{}, fmt.Errorf("date %q is not a date", j.Date)
	}
	t := sectors.Trade{ID: j.ID, Code: code, Side: sectors.TradeSide(j.Side), Date: day, Price: j.Price, Qty: j.Qty, Fee: j.Fee, Created: j.Created, Forced: j.Forced}
	// the figures are checked; a rule a line of the user's own record breaks
	// is shown when it is replayed, not refused here
	if err := sectors.CheckTradeBounds(t, time.Now()); err != nil {
		return sectors.Trade{}, err
	}
	return t, nil
}

// alertsAndTrades reads the "alerts" or "trades" list of a json
// export into the file; a bad entry is a bad row at line.
func (p *parser) alertsAndTrades(key string, decode func(any) error, line int) error {
	switch key {
	case "alerts":
		var list []JSONAlert
		if err := decode(&list); err != nil {
			return err
		}
		for i, j := range list {
			if a, err := j.Alert(); err != nil {
				p.bad(line, "alert %d: %v", i+1, err)
			} else {
				p.file.Alerts = append(p.file.Alerts, a)
			}
		}
	case "trades":
		var list []JSONTrade
		if err := decode(&list); err != nil {
			return err
		}
		for i, j := range list {
			if t, err := j.Trade(); err != nil {
				p.bad(line, "trade %d: %v", i+1, err)
			} else {
				p.file.Trades = append(p.file.Trades, t)
			}
		}
	}
	return nil
}
