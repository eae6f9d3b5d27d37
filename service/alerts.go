package service

import (
	"slices"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// Alerts are judged and recorded here, for `zixuan alert check` and for
// the TUI's quote refresh alike: every kind, on the quotes the front end
// has, against the alert's stored state in the transaction that records
// what changed (store.ObserveAlerts), so that one crossing fires once
// whichever front end saw it first.

// QuoteSource gives the quotes of codes, by Code.Key(): the CLI asks its
// quote server, the TUI answers with its last refresh. Codes it has no
// quote for are left out. An error with no quote at all ends the check
// (nothing is written); with some quotes, the caller has said what it
// needs to and returns them without the error.
type QuoteSource func(codes []market.Code) (map[string]sectors.Quote, error)

// HistoryNeed is a read of daily history: the securities, the earliest
// day a figure reads (a few weeks before it are asked for when fetched),
// and which bars of each history are kept (the rest are never held).
type HistoryNeed struct {
	Codes []market.Code
	From  time.Time
	Keep  func(h sectors.PriceHistory) []sectors.DailyBar
	// Fetch: the reader may complete the stored history from the k-line
	// server first. A reader that only reads the store ignores it.
	Fetch bool
}

// HistoryReader reads daily histories by Code.Key(); online says the
// k-line server answered (always false for a reader of the store only).
// Fetching missing history is the front end's, through the reader it
// gives; the service itself only reads what is stored.
type HistoryReader func(need HistoryNeed) (history map[string]sectors.PriceHistory, online bool, err error)

// StoredHistory is the HistoryReader of the store alone: what is stored,
// cut by need.Keep, nothing fetched. It reads HistoryBatch securities a
// transaction, as ReadHistory does: one transaction over a whole
// market's histories keeps every page of them resident until it ends
// (60 MB of a two-year file, on top of the heap of whoever asked).
func (s *Service) StoredHistory(need HistoryNeed) (map[string]sectors.PriceHistory, bool, error) {
	if len(need.Codes) == 0 {
		return map[string]sectors.PriceHistory{}, false, nil
	}
	stored, err := s.ReadHistory(need.Codes, need.Keep)
	if err != nil {
		return nil, false, err
	}
	out := make(map[string]sectors.PriceHistory, len(stored))
	for k, h := range stored {
		out[k] = h.PriceHistory
	}
	return out, false, nil
}

// AlertCheck is what a check of the alerts is given.
type AlertCheck struct {
	// Quotes gives the quotes the armed alerts need; nil means quotes are
	// off: only the alerts that need none (no-note) are judged, the
	// others are unjudged (UnjudgedQuotesOff).
	Quotes QuoteSource
	// History reads the daily history since-call and drawdown alerts
	// and price levels across ex-dates need; nil reads the store only.
	History HistoryReader
	// Owe records each firing as owed to a delivery command
	// (Alert.Undelivered) in the transaction that records the firing,
	// so that a kill before delivery loses nothing; the result lists
	// every alert with firings owed.
	Owe bool
	// OweIfDelivering owes each firing as Owe does once a check with Owe
	// has run on the database (a delivery command is in use, as from
	// cron), without delivering or listing what is owed: a front end
	// that checks with no command of its own (the TUI) then leaves its
	// firings to the next check with one, as that check's own would be.
	OweIfDelivering bool
	// Cache, when not nil, keeps the histories read for the next check
	// at the same store generation on the same China day.
	Cache *HistoryCache
	// SinceLater leaves the since-call and drawdown alerts to a later
	// check: they are neither judged nor listed as unjudged, nothing of
	// them changes, and no history, quote or ticker is read for them. A
	// front end whose fetch of the history is still storing it (the
	// TUI's first minute) judges the alerts that need no history at once
	// and those afterwards, on the days the fetch stored, rather than
	// reading a whole market's histories again at every refresh while
	// each batch stored moves the store on.
	SinceLater bool
}

// UnjudgedWhy says why an armed alert was not judged.
type UnjudgedWhy int

// The reasons an armed alert is not judged, each one its holder can act
// on. A market with no trade to judge on now (shut, halted, before the
// open) is no reason: the alert simply waits.
const (
	// UnjudgedOffList: its ticker is not on the watchlist.
	UnjudgedOffList UnjudgedWhy = iota + 1
	// UnjudgedQuotesOff: it needs a quote and quotes are off.
	UnjudgedQuotesOff
	// UnjudgedNoQuote: the quote source had no quote for it.
	UnjudgedNoQuote
	// UnjudgedNoHistory: a since-call or drawdown alert with no call to
	// measure from, or no price history since it.
	UnjudgedNoHistory
	// UnjudgedLevelBlocked: its price level cannot be carried across a
	// distribution whose terms were not read (Event).
	UnjudgedLevelBlocked
)

// Unjudged is an armed alert the check could not judge, and why.
type Unjudged struct {
	Alert sectors.Alert
	Why   UnjudgedWhy
	Event sectors.ExRights // UnjudgedLevelBlocked: the distribution
}

// Fired is one firing of this check.
type Fired struct {
	Alert  sectors.Alert // as recorded
	Firing sectors.AlertFiring
}

// AlertResult is what a check did.
type AlertResult struct {
	Fired    []Fired    // by id
	Unjudged []Unjudged // by id
	// Owed are the alerts with firings owed to a delivery command, as
	// recorded (AlertCheck.Owe only), by id.
	Owed []sectors.Alert
	// Alerts are every alert, by id: as the check left them when one
	// fired (a priming alone is not read back).
	Alerts []sectors.Alert
	// Names are the names of the alerts' tickers, by Code.Key().
	Names map[string]string
	// QuotesOff: alerts needed quotes and there was no quote source.
	QuotesOff bool
	// HistoryErr is a failed read of the price history (the alerts that
	// needed it are unjudged or judged without the ex-dates stored).
	HistoryErr error
}

// isLevel reports whether an alert watches a price level, which is
// carried across the ex-dates after it was set.
func isLevel(k sectors.AlertKind) bool {
	return k == sectors.AlertAbove || k == sectors.AlertBelow || k == sectors.AlertTarget
}

func needsSince(k sectors.AlertKind) bool {
	return k == sectors.AlertSinceCall || k == sectors.AlertDrawdown
}

// JudgedOnHistory reports whether alerts of kind k are judged on the
// daily history (since-call, drawdown): those AlertCheck.SinceLater
// leaves to a later check.
func JudgedOnHistory(k sectors.AlertKind) bool { return needsSince(k) }

// NeedsBenchmark reports whether an armed alert of list measures a
// return against 沪深300 (since-call, drawdown): a front end that gives
// its own quotes then quotes 沪深300 too.
func NeedsBenchmark(list []sectors.Alert, now time.Time) bool {
	for _, a := range list {
		if needsSince(a.Kind) && a.State(now) == sectors.AlertArmed {
			return true
		}
	}
	return false
}

// CheckAlerts judges every armed alert on the quotes in.Quotes gives,
// records what changed in one write transaction (none when nothing
// did), and says what fired, what could not be judged and what is owed.
// An alert fires at most once per crossing: the firing is decided
// against its stored state in the transaction that records it, and an
// observation older than its last change is ignored (sectors.Alert).
func (s *Service) CheckAlerts(in AlertCheck) (AlertResult, error) {
	var res AlertResult
	st := s.Store
	// the generation before anything is read: a write while the check
	// reads is read again by the next
	gen, genErr := uint64(0), error(nil)
	if in.Cache != nil {
		gen, genErr = st.Generation()
	}
	list, err := st.Alerts()
	if err != nil {
		return res, err
	}
	now := s.now()
	res.Alerts = list
	later := func(a sectors.Alert) bool { return in.SinceLater && needsSince(a.Kind) }
	armed := slices.ContainsFunc(list, func(a sectors.Alert) bool { return a.State(now) == sectors.AlertArmed && !later(a) })
	owes := in.Owe && slices.ContainsFunc(list, func(a sectors.Alert) bool { return len(a.Undelivered) > 0 })
	if !armed && !owes {
		return res, nil // nothing to judge, nothing owed: nothing read, nothing written
	}
	var codes []market.Code
	seen := map[string]bool{}
	for _, a := range list {
		if later(a) {
			continue
		}
		if !seen[a.Code.Key()] {
			seen[a.Code.Key()] = true
			codes = append(codes, a.Code)
		}
	}
	snap, err := st.LoadSome(codes)
	if err != nil {
		return res, err
	}
	tickers := map[string]*sectors.Ticker{}
	res.Names = map[string]string{}
	for i := range snap.Tickers {
		t := &snap.Tickers[i]
		res.Names[t.Code.Key()] = t.Name
		if t.OnList() {
			tickers[t.Code.Key()] = t
		}
	}

	// the quotes the armed alerts on the list need
	var quoteCodes []market.Code
	asked := map[string]bool{}
	sinceWanted := false
	for _, a := range list {
		if a.State(now) != sectors.AlertArmed || !a.Kind.NeedsQuote() || tickers[a.Code.Key()] == nil || later(a) {
			continue
		}
		if !asked[a.Code.Key()] {
			asked[a.Code.Key()] = true
			quoteCodes = append(quoteCodes, a.Code)
		}
		sinceWanted = sinceWanted || needsSince(a.Kind)
	}
	quotes := map[string]sectors.Quote{}
	if len(quoteCodes) > 0 {
		if in.Quotes == nil {
			res.QuotesOff = true
		} else {
			ask := quoteCodes
			if sinceWanted {
				ask = append(append([]market.Code(nil), quoteCodes...), sectors.Benchmark)
			}
			got, qerr := in.Quotes(ask)
			if qerr != nil && len(got) == 0 {
				return res, qerr
			}
			if got != nil {
				quotes = got
			}
		}
	}
	read := in.History
	if read == nil {
		read = s.StoredHistory
	}
	sinceRead, levelRead := read, read
	if in.Cache != nil && genErr == nil {
		sinceRead, levelRead = in.Cache.reader(read, "since", gen, now), in.Cache.reader(read, "levels", gen, now)
	}
	var since map[string]sectors.SinceCall
	if sinceWanted && len(quotes) > 0 {
		since, err = s.sinceCalls(sinceRead, snap, quoteCodes, quotes)
		if err != nil {
			res.HistoryErr = err
		}
	}
	events, unread, err := levelEvents(levelRead, list, now, len(quotes) > 0)
	if err != nil && res.HistoryErr == nil {
		res.HistoryErr = err
	}

	owe := in.Owe
	if !owe && in.OweIfDelivering {
		// read before the transaction: the mark is only ever set, and a
		// check that misses one set meanwhile owes nothing, as before it
		if owe, err = st.AlertsDelivering(); err != nil {
			return res, err
		}
	}
	observeAlerts := st.ObserveAlerts
	if in.Owe {
		observeAlerts = st.ObserveAlertsDelivering
	}

	// Judged in the store's transaction, on the alert as stored: the
	// function may run twice for an alert (a read pass, then the write),
	// and the last run decides what it says.
	unjudged := map[uint64]Unjudged{}
	details := map[uint64]sectors.AlertFiring{}
	owed := map[uint64]sectors.Alert{}
	fired, err := observeAlerts(func(al *sectors.Alert) (bool, bool) {
		delete(unjudged, al.ID)
		delete(details, al.ID)
		delete(owed, al.ID)
		f, changed := false, false
		if later(*al) {
			// left to the check after the fetch, as it is: only what it
			// owes is listed
			if in.Owe && len(al.Undelivered) > 0 {
				owed[al.ID] = *al
			}
			return false, false
		}
		if tk := tickers[al.Code.Key()]; tk == nil {
			// an alert on a ticker off the list is not judged
			if al.State(now) == sectors.AlertArmed {
				unjudged[al.ID] = Unjudged{Alert: *al, Why: UnjudgedOffList}
			}
		} else {
			m := sectors.AlertMarket{Now: now, Name: tk.Name, Ticker: tk}
			if q, ok := quotes[al.Code.Key()]; ok {
				aq := q.ForAlerts()
				m.Quote = &aq
				if q.Name != "" {
					m.Name = q.Name // the exchange's current name carries ST
				}
			}
			if sc, ok := since[al.Code.Key()]; ok {
				m.Since = &sc
			}
			m.Events, m.Unread = events[al.Code.Key()], unread[al.Code.Key()]
			if why, ev := unjudgedWhy(*al, m, res.QuotesOff); why != 0 && al.State(now) == sectors.AlertArmed {
				unjudged[al.ID] = Unjudged{Alert: *al, Why: why, Event: ev}
			}
			var firing sectors.AlertFiring
			f, changed, firing = al.Observe(m)
			if f {
				details[al.ID] = firing
				if owe {
					// owed until delivered, recorded with the firing
					al.Undelivered = append(al.Undelivered, firing)
				}
			}
		}
		if in.Owe && len(al.Undelivered) > 0 {
			owed[al.ID] = *al
		}
		return f, changed
	})
	if err != nil {
		return res, err
	}
	for _, a := range fired {
		res.Fired = append(res.Fired, Fired{Alert: a, Firing: details[a.ID]})
	}
	// the alerts as recorded when one fired (the list read before stands
	// when the read fails: what was recorded stands too)
	if len(fired) > 0 {
		if all, err := st.Alerts(); err == nil {
			res.Alerts = all
		}
	}
	for _, a := range res.Alerts {
		if u, ok := unjudged[a.ID]; ok {
			res.Unjudged = append(res.Unjudged, u)
		}
		if o, ok := owed[a.ID]; ok {
			res.Owed = append(res.Owed, o)
		}
	}
	return res, nil
}

// unjudgedWhy says why an armed alert cannot be judged on m, when the
// reason is one its holder can act on; 0 when it can be, or when the
// market simply has no trade to judge it on now.
func unjudgedWhy(al sectors.Alert, m sectors.AlertMarket, quotesOff bool) (UnjudgedWhy, sectors.ExRights) {
	if !al.Kind.NeedsQuote() {
		return 0, sectors.ExRights{}
	}
	if quotesOff {
		return UnjudgedQuotesOff, sectors.ExRights{}
	}
	if m.Quote == nil {
		return UnjudgedNoQuote, sectors.ExRights{}
	}
	if sectors.IsTrade(*m.Quote, m.Now) != nil {
		return 0, sectors.ExRights{}
	}
	if needsSince(al.Kind) && m.Since == nil {
		return UnjudgedNoHistory, sectors.ExRights{}
	}
	if e, blocked := al.LevelBlocked(m.Unread, m.Now); blocked {
		return UnjudgedLevelBlocked, e
	}
	return 0, sectors.ExRights{}
}

// levelEvents are the distributions known of each ticker with a
// price-level alert (armed ones only when fetch: those are the ones a
// check judges), read and unread, by Code.Key(): no bar is held. With
// fetch the reader may complete the history from the days since the
// earliest such alert was set.
func levelEvents(read HistoryReader, list []sectors.Alert, now time.Time, fetch bool) (events, unread map[string][]sectors.ExRights, err error) {
	var codes []market.Code
	seen := map[string]bool{}
	earliest := now
	for _, al := range list {
		if !isLevel(al.Kind) || (fetch && al.State(now) != sectors.AlertArmed) || seen[al.Code.Key()] {
			continue
		}
		seen[al.Code.Key()] = true
		codes = append(codes, al.Code)
		if al.Created.Before(earliest) {
			earliest = al.Created
		}
	}
	if len(codes) == 0 {
		return nil, nil, nil
	}
	noBars := func(sectors.PriceHistory) []sectors.DailyBar { return nil }
	history, _, err := read(HistoryNeed{Codes: codes, From: earliest, Keep: noBars, Fetch: fetch})
	if err != nil {
		return nil, nil, err
	}
	events, unread = map[string][]sectors.ExRights{}, map[string][]sectors.ExRights{}
	for k, h := range history {
		events[k], unread[k] = h.Events, h.Unread
	}
	return events, unread, nil
}

// LevelEvents are the distributions of the tickers with price-level
// alerts on list (stored, nothing fetched), read and unread, by
// Code.Key(): what `alert list` and the detail pane carry a level
// across.
func (s *Service) LevelEvents(list []sectors.Alert) (events, unread map[string][]sectors.ExRights, err error) {
	return levelEvents(s.StoredHistory, list, s.now(), false)
}

// sinceCalls measures each code's call (the newest on it: a report's or
// a rating) against 沪深300 from the daily history, and finds the high
// since, in today's price terms.
func (s *Service) sinceCalls(read HistoryReader, snap *sectors.Snapshot, codes []market.Code, quotes map[string]sectors.Quote) (map[string]sectors.SinceCall, error) {
	want := map[string]bool{}
	for _, c := range codes {
		want[c.Key()] = true
	}
	latest := map[string]sectors.Scorable{}
	for _, c := range sectors.ScorableCalls(snap) {
		if want[c.Code.Key()] {
			latest[c.Code.Key()] = c // sorted oldest first: the last is the newest
		}
	}
	if len(latest) == 0 {
		return nil, nil
	}
	all := []market.Code{sectors.Benchmark}
	var calls []sectors.Scorable
	earliest := time.Time{}
	for _, c := range codes {
		if call, ok := latest[c.Key()]; ok {
			all = append(all, c)
			calls = append(calls, call)
			if earliest.IsZero() || call.Day.Before(earliest) {
				earliest = call.Day
			}
		}
	}
	// of a stock, the bars its call's return and the high since read;
	// the benchmark whole
	callDays, refDays := map[string][]time.Time{}, map[string][]time.Time{}
	for _, c := range calls {
		callDays[c.Code.Key()] = append(callDays[c.Code.Key()], c.Day)
		for _, p := range snap.Refs[c.Code.Key()] {
			refDays[c.Code.Key()] = append(refDays[c.Code.Key()], p.Day)
		}
	}
	now := s.now()
	keep := func(h sectors.PriceHistory) []sectors.DailyBar {
		if h.Code == sectors.Benchmark {
			return h.Bars
		}
		return sectors.KeepForHighs(h, callDays[h.Code.Key()], refDays[h.Code.Key()], now)
	}
	history, _, err := read(HistoryNeed{Codes: all, From: earliest, Keep: keep, Fetch: true})
	if err != nil {
		return nil, err
	}
	out := map[string]sectors.SinceCall{}
	scored := Score(ScoreRequest{Calls: calls, History: history, Refs: snap.Refs, Quotes: quotes, By: []string{sectors.ByReport}})
	for _, sc := range scored.Calls {
		if sc.Err != nil {
			continue
		}
		var q *sectors.AlertQuote
		if qq, ok := quotes[sc.Code.Key()]; ok {
			aq := qq.ForAlerts()
			q = &aq
		}
		// the high in today's price terms: a drawdown is the holding's
		// fall in total-return value, not an ex-date's price change
		high := sectors.HighSince(history[sc.Code.Key()], sc.Result.Ref.Day, sc.Result.Ref.Price, q, now)
		out[sc.Code.Key()] = sectors.SinceCall{Day: sc.Day, ReturnPct: sc.Result.ReturnPct, ExcessPct: sc.Result.ExcessPct, High: high}
	}
	return out, nil
}
