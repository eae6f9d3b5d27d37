package service

import (
	"context"
	"errors"
	"maps"
	"runtime"
	"runtime/debug"
	"time"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// Price history: read from the store a batch of securities at a time,
// each history cut to the bars the caller's figures read (Keep), and the
// days missing fetched from the k-line server and stored a batch at a
// time as the answers come in. A whole market's two years are never in
// memory at once, nor in one transaction: each batch is stored in its own,
// every security's record whole in it, so a run killed midway leaves a
// database holding every batch stored before the kill, and the next run
// asks only for what is still missing.

// HistoryBatch is how many securities are read, or fetched and then
// stored, together: one read or one write transaction each. A batch's
// answers are about 240 days × HistoryBatch bars at most.
const HistoryBatch = 64

// LeadIn is how far before the first day a figure measures from the
// history is fetched: a reference close is the last session on or before
// a call's day, which a run of holidays puts up to a few weeks earlier.
const LeadIn = 21 * 24 * time.Hour

// FirstDay is the first day to fetch for figures measured from day on.
func FirstDay(day time.Time) time.Time {
	return market.ChinaDay(day).AddDate(0, 0, -int(LeadIn/(24*time.Hour)))
}

// Keep says which bars of a security's history a figure reads (nil: all
// of them); the others are never held. It is given the whole decoded
// history, distributions included, and returns bars of it in order.
type Keep func(h sectors.PriceHistory) []sectors.DailyBar

// HistoryRequest is the history a front end needs.
type HistoryRequest struct {
	Codes []market.Code
	// From is the first day the history should hold, for every code
	// without its own (FirstDay of the earliest day measured from).
	From time.Time
	// Own is, by Code.Key(), a security's own first day when it needs
	// fewer days than From (one rated last month is not fetched for
	// years). A security holding days already is asked from the day
	// after them at the latest, so that what it holds stays one span.
	Own map[string]time.Time
	// Keep cuts each history held (nil: whole).
	Keep Keep
	// Fetch asks the server for the days missing (when History is set).
	Fetch bool
	// Turn, when set, is waited for before the check the store makes
	// before its first write and before each batch's answers are stored
	// and read back, and the func it returns is called when that is done
	// (FetchHistory only). A front end that runs its background work one
	// job at a time (the TUI) then runs the rest between two batches
	// rather than beside them, or only after the whole fetch.
	Turn func() (done func())
	// Each, when set, is handed each batch's histories as stored and cut
	// by Keep, in the fetch's goroutine and outside its Turn, and the
	// result's History is left empty (FetchHistory only): a front end
	// that takes them in as they come holds one batch beside what it
	// holds already, not a second copy of the market's.
	Each func(batch map[string]store.StoredHistory)
}

// HistoryResult is what LoadHistory or FetchHistory found.
type HistoryResult struct {
	// History is by Code.Key(), cut by the request's Keep; a security
	// with no history stored or fetched is absent. For FetchHistory, only
	// the securities the fetch brought something for.
	History map[string]store.StoredHistory
	// Asked: a fetch was tried (quotes on and Fetch set).
	Asked bool
	// Online: the server answered at least once.
	Online bool
	// Got is how many securities the server brought bars or
	// distributions for.
	Got int
	// Short lists the answers that stopped before the last session asked.
	Short []quote.Shortfall
	// FetchErr is the server's first error (some answers may have come
	// back: see Online), SaveErr the store's.
	FetchErr, SaveErr error
}

// Incomplete is the one line saying which answers came back short ("":
// none did).
func (r HistoryResult) Incomplete() string { return quote.DailyFetch{Short: r.Short}.Incomplete() }

// ReadHistory reads the stored histories of codes, each cut by keep,
// HistoryBatch securities a read transaction: the file's pages a batch
// reads are let go when it ends.
func (s *Service) ReadHistory(codes []market.Code, keep Keep) (map[string]store.StoredHistory, error) {
	out := make(map[string]store.StoredHistory, len(codes))
	for start := 0; start < len(codes); start += HistoryBatch {
		part := codes[start:min(start+HistoryBatch, len(codes))]
		var got map[string]store.StoredHistory
		var err error
		if keep == nil {
			got, err = s.Store.Histories(part)
		} else {
			got, err = s.Store.HistoriesSelecting(part, keep)
		}
		if err != nil {
			return out, err
		}
		for k, h := range got {
			out[k] = h
		}
	}
	return out, nil
}

// LoadHistory reads the stored history of the request's codes and, when
// it asks for a fetch and the service has a History source, fetches the
// days missing (FetchHistory) and gives the histories as stored after it.
// Only a failure to read the store is an error: a server that does not
// answer, or a store that refuses the new days, is said in the result.
func (s *Service) LoadHistory(ctx context.Context, req HistoryRequest) (HistoryResult, error) {
	held, err := s.ReadHistory(req.Codes, req.Keep)
	res := HistoryResult{History: held}
	if err != nil || !req.Fetch || s.History == nil {
		return res, err
	}
	fetched := s.FetchHistory(ctx, req, held)
	for k, h := range fetched.History {
		held[k] = h
	}
	fetched.History = held
	return fetched, nil
}

// FetchHistory fetches the days of the request missing from held (the
// stored histories as ReadHistory read them, by Code.Key(): their held
// spans say what is missing) up to today, HistoryBatch securities at a
// time, and stores each batch's answers in one transaction before asking
// for the next. Only what the answers vouch for is held: a day asked for
// and not received is asked again next time. The result's History is each
// security the fetch brought something for, as stored after it, cut by
// the request's Keep. A server that is unreachable or refuses stops the
// batches not yet asked; a store that refuses stops the storing, and the
// rest is merged in memory only. held may give only each security's held
// span, without its bars (a front end holding its histories elsewhere,
// which would otherwise be kept for the whole fetch): what the store then
// refuses is merged onto the history read again from it.
func (s *Service) FetchHistory(ctx context.Context, req HistoryRequest, held map[string]store.StoredHistory) HistoryResult {
	res := HistoryResult{History: map[string]store.StoredHistory{}}
	if s.History == nil {
		return res
	}
	now := s.now()
	today := market.ChinaDay(now)
	want := sectors.DayRange{From: market.ChinaDay(req.From), To: today}
	needs := make([]quote.DailyNeed, len(req.Codes))
	for i, c := range req.Codes {
		h := held[c.Key()].Held
		needs[i] = quote.DailyNeed{Code: c, Held: h}
		own, ok := req.Own[c.Key()]
		if !ok {
			continue
		}
		own = market.ChinaDay(own)
		if !h.Empty() && own.After(h.To) {
			own = h.To.AddDate(0, 0, 1) // no gap after what is held: it stays one span
		}
		needs[i].From = own
		if want.From.IsZero() || own.Before(want.From) {
			want.From = own
		}
	}
	if want.From.IsZero() {
		return res
	}
	res.Asked = true
	turn := req.Turn
	if turn == nil {
		turn = func() func() { return func() {} }
	}
	done := turn()
	s.precheck()
	done()
	storing := true
	for start := 0; start < len(needs) && ctx.Err() == nil; start += HistoryBatch {
		part := needs[start:min(start+HistoryBatch, len(needs))]
		got, err := s.History.DailyHistory(ctx, part, want, now)
		into := res.History
		if req.Each != nil {
			into = map[string]store.StoredHistory{}
		}
		done := turn()
		if err != nil && res.FetchErr == nil {
			res.FetchErr = err
		}
		if err == nil || len(got.Got) > 0 {
			res.Online = true
		}
		res.Short = append(res.Short, got.Short...)
		updates := map[string]store.HistoryUpdate{}
		var codes []market.Code
		for _, n := range part {
			k := n.Code.Key()
			h, cov, answered := got.Got[k], got.Covered[k], got.Answered[k]
			if len(h.Bars)+len(h.Events)+len(h.Unread) == 0 && len(cov) == 0 && !answered {
				continue
			}
			updates[k] = store.HistoryUpdate{Fetched: h, Covered: cov, Unanswered: !answered}
			if len(h.Bars)+len(h.Events)+len(h.Unread) > 0 {
				res.Got++
			}
			codes = append(codes, n.Code)
		}
		if storing && len(updates) > 0 {
			// stamped on the service's clock: the last session answered is as of now
			if serr := s.Store.SaveHistoriesAt(updates, s.now().UTC()); serr != nil {
				res.SaveErr, storing = serr, false
			} else {
				// what is kept of each is read back as stored: the cut of
				// the whole history, which a new ex-date or a day stored
				// again may move
				stored, rerr := s.ReadHistory(codes, req.Keep)
				if rerr != nil {
					res.SaveErr, storing = rerr, false
				}
				for k, h := range stored {
					into[k] = h
				}
			}
		}
		if !storing {
			s.mergeUnsaved(into, held, got, updates, req.Keep)
		}
		done()
		if req.Each != nil && len(into) > 0 {
			req.Each(into)
		}
		if err != nil && serverGone(err) {
			break
		}
	}
	if res.FetchErr == nil && ctx.Err() != nil {
		res.FetchErr = ctx.Err()
	}
	return res
}

// precheck runs the check the store makes before its first write (every
// page of the file read: the whole file resident while it runs) now,
// with the heap given back first, rather than at the first batch's
// write, when that batch's answers and records are held too: a whole
// market's fetch then peaks at the file and what it holds, not both
// plus a batch.
func (s *Service) precheck() {
	runtime.GC()
	debug.FreeOSMemory()
	s.Store.Precheck()
}

// serverGone reports whether err says the batches not yet asked would
// fail the same way.
func serverGone(err error) bool {
	return errors.Is(err, quote.ErrOffline) || errors.Is(err, quote.ErrRefused) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// mergeUnsaved merges a batch the store did not take into what the caller
// holds, cut by keep: the histories as they would be stored. Where what
// keep keeps of the merge may be a bar it had no reason to keep before (a
// new ex-date, a day stored again), the stored history is read whole for
// it once.
func (s *Service) mergeUnsaved(into, held map[string]store.StoredHistory, got quote.DailyFetch, updates map[string]store.HistoryUpdate, keep Keep) {
	// a held span given without its bars: the history as stored, read
	// again (a store that refuses a write may still be read)
	var spansOnly []market.Code
	for k := range updates {
		h, ok := held[k]
		if _, merged := into[k]; ok && !merged && h.Code != (market.Code{}) && len(h.Bars)+len(h.Events)+len(h.Unread) == 0 && !h.Held.Empty() {
			spansOnly = append(spansOnly, h.Code)
		}
	}
	if len(spansOnly) > 0 {
		if stored, err := s.ReadHistory(spansOnly, keep); err == nil {
			held = maps.Clone(held)
			for k, h := range stored {
				held[k] = h
			}
		}
	}
	var recut []market.Code
	for k, u := range updates {
		old, ok := into[k]
		if !ok {
			old = held[k]
		}
		merged := old
		merged.PriceHistory = old.PriceHistory.Merge(u.Fetched)
		merged.Held = sectors.ExtendHeld(old.Held, u.Covered)
		if keep != nil {
			if needsWhole(old.PriceHistory, u.Fetched) {
				recut = append(recut, u.Fetched.Code)
			}
			merged.Bars = keep(merged.PriceHistory)
		}
		into[k] = merged
	}
	if len(recut) == 0 {
		return
	}
	whole, err := s.Store.Histories(recut)
	if err != nil {
		return
	}
	for _, code := range recut {
		k := code.Key()
		all := whole[k].PriceHistory.Merge(got.Got[k])
		h := into[k]
		all.Events, all.Unread = h.Events, h.Unread
		h.Bars = keep(all)
		into[k] = h
	}
}

// needsWhole reports whether what keep keeps of h merged with fetched may
// not be among what it kept of h and fetched's bars: fetched holds a
// distribution (read or not) whose ex-date h does not, or a bar within
// the days h's bars span (a day stored again, or one between them). Days
// before h's first bar or after its last are new: keep kept h's first and
// last.
func needsWhole(h, fetched sectors.PriceHistory) bool {
	if span := h.Range(); !span.Empty() {
		for _, b := range fetched.Bars {
			if span.Contains(b.Date) {
				return true
			}
		}
	}
	have := map[string]bool{}
	for _, list := range [][]sectors.ExRights{h.Events, h.Unread} {
		for _, e := range list {
			have[market.ChinaDate(e.ExDate)] = true
		}
	}
	for _, list := range [][]sectors.ExRights{fetched.Events, fetched.Unread} {
		for _, e := range list {
			if !have[market.ChinaDate(e.ExDate)] {
				return true
			}
		}
	}
	return false
}
