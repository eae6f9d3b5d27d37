package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Reports (schema 2). A report is a source with an id; each stock it
// names is a call, kept with the ticker:
//
//	reports/<id>                 reportRecord: the report, its themes and their sectors
//	calls/<SH688111>/<report id> callRecord: the call as the report made it
//
// A call's key sorts under its ticker's, as ratings and notes do, so Load
// joins them in one cursor pass.

var (
	bucketReports = []byte("reports")
	bucketCalls   = []byte("calls")
)

type reportRecord struct {
	ID             string        `json:"id"`
	Title          string        `json:"title,omitempty"`
	Date           time.Time     `json:"date,omitzero"`
	Broker         string        `json:"broker,omitempty"`
	Industry       string        `json:"industry,omitempty"`
	IndustryRating string        `json:"industry_rating,omitempty"` // the word as printed
	IndustryView   int           `json:"industry_view,omitempty"`
	IndustryChange string        `json:"industry_change,omitempty"`
	Themes         []themeRecord `json:"themes"`
	Added          time.Time     `json:"added"`
}

type themeRecord struct {
	Name   string `json:"name"`
	Thesis string `json:"thesis,omitempty"`
	Sector string `json:"sector"`
}

type callRecord struct {
	Name           string   `json:"name"`
	NameInReport   string   `json:"name_in_report,omitempty"`
	Rating         string   `json:"rating"`
	RatingInReport string   `json:"rating_in_report,omitempty"`
	Theme          string   `json:"theme,omitempty"`
	Target         float64  `json:"target,omitempty"` // yuan; absent when the report gives none
	Flags          []string `json:"flags,omitempty"`
}

func (r reportRecord) entry() sectors.ReportEntry {
	e := sectors.ReportEntry{
		BrokerReport: sectors.BrokerReport{ID: r.ID, Title: r.Title, Date: r.Date, Broker: r.Broker, Industry: r.Industry,
			IndustryRating: sectors.IndustryRating{Word: r.IndustryRating, View: sectors.IndustryView(r.IndustryView), Change: r.IndustryChange}},
		Added: r.Added,
	}
	if !e.Date.IsZero() {
		e.Date = market.ChinaDay(e.Date)
	}
	for _, t := range r.Themes {
		e.Themes = append(e.Themes, sectors.ReportTheme{Theme: sectors.Theme{Name: t.Name, Thesis: t.Thesis}, Sector: t.Sector})
	}
	return e
}

func callKey(ticker []byte, reportID string) []byte {
	k := make([]byte, 0, len(ticker)+1+len(reportID))
	k = append(k, ticker...)
	k = append(k, '/')
	return append(k, reportID...)
}

func decodeCall(k, v []byte) (sectors.Call, error) {
	i := bytes.IndexByte(k, '/')
	if i < 0 {
		return sectors.Call{}, fmt.Errorf("calls/%q: malformed key", k)
	}
	code, err := market.ParseCode(string(k[:i]))
	if err != nil {
		return sectors.Call{}, fmt.Errorf("calls/%q: %w", k, err)
	}
	var rec callRecord
	if err := json.Unmarshal(v, &rec); err != nil {
		return sectors.Call{}, fmt.Errorf("calls/%s: %w", k, err)
	}
	rating, err := sectors.ParseRating(rec.Rating)
	if err != nil {
		return sectors.Call{}, fmt.Errorf("calls/%s: %w", k, err)
	}
	c := sectors.Call{ReportID: string(k[i+1:]), Code: code, Name: rec.Name, NameInReport: rec.NameInReport,
		Rating: rating, RatingInReport: rec.RatingInReport, Theme: rec.Theme, Target: rec.Target}
	for _, f := range rec.Flags {
		c.Flags = append(c.Flags, sectors.CallFlag(f))
	}
	return c, nil
}

func putCall(tx *bolt.Tx, c sectors.Call) error {
	rec := callRecord{Name: c.Name, NameInReport: c.NameInReport, Rating: c.Rating.ID(), RatingInReport: c.RatingInReport, Theme: c.Theme, Target: validTarget(c.Target)}
	for _, f := range c.Flags {
		rec.Flags = append(rec.Flags, string(f))
	}
	return putJSON(tx.Bucket(bucketCalls), callKey([]byte(c.Code.Key()), c.ReportID), rec)
}

// validTarget keeps a target price only when it is one: a positive, finite
// number of yuan below the store's price ceiling.
func validTarget(p float64) float64 {
	if !(p > 0) || math.IsInf(p, 0) || p > maxPrice {
		return 0
	}
	return p
}

// readReports reads every report, oldest first, with its call count.
func readReports(tx *bolt.Tx) ([]sectors.ReportEntry, error) {
	b := tx.Bucket(bucketReports)
	if b == nil {
		return nil, nil
	}
	var out []sectors.ReportEntry
	err := b.ForEach(func(k, v []byte) error {
		var rec reportRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("reports/%s: %w", k, err)
		}
		out = append(out, rec.entry())
		return nil
	})
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	if cb := tx.Bucket(bucketCalls); cb != nil {
		_ = cb.ForEach(func(k, _ []byte) error {
			if i := bytes.IndexByte(k, '/'); i >= 0 {
				counts[string(k[i+1:])]++
			}
			return nil
		})
	}
	for i := range out {
		out[i].Calls = counts[out[i].ID]
	}
	sortReports(out)
	return out, nil
}

func sortReports(list []sectors.ReportEntry) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && reportBefore(list[j], list[j-1]); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func reportBefore(a, b sectors.ReportEntry) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.Before(b.Date)
	}
	return a.Added.Before(b.Added)
}

// tickerCalls reads one ticker's calls.
func (r tref) calls() ([]sectors.Call, error) {
	b := r.tx.Bucket(bucketCalls)
	if b == nil {
		return nil, nil
	}
	prefix := append(append([]byte(nil), r.key...), '/')
	var out []sectors.Call
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		call, err := decodeCall(k, v)
		if err != nil {
			return nil, err
		}
		out = append(out, call)
	}
	return out, nil
}

// Reports lists the reports the watchlist keeps, oldest first.
func (s *Store) Reports() ([]sectors.ReportEntry, error) {
	var out []sectors.ReportEntry
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readReports(tx)
		return err
	})
	return out, err
}

// ReportInput is a report as read from its text: the report, its themes
// with their theses, and its calls.
type ReportInput struct {
	Report sectors.BrokerReport
	Themes []sectors.Theme
	Calls  []sectors.Call
}

// AddReportOptions steer AddReport.
type AddReportOptions struct {
	// Map sends a theme to a sector (id or name), over the automatic
	// mapping: 储能 → compute.
	Map map[string]string
	// DryRun does all the work in a transaction that is rolled back: the
	// outcome is what a real add would do.
	DryRun bool
	// Lower lets a call lower the rating in force. Without it such a call
	// is recorded and the rating stays (WhyLowers): a report lowers a
	// rating only when the user has said yes to it.
	Lower bool
}

// CallOutcome is what adding a report did with one of its calls.
type CallOutcome struct {
	Call   sectors.Call
	Sector string // the sector id its theme went to
	// What happened: "added" (a new ticker), "rerated" (the call changed the
	// rating in force), "kept" (recorded; the rating in force stays, Why
	// says why), "skipped" (not recorded, Why says why).
	What string
	Why  string // in English; WhyCode names it for a front end's own words
	// WhyCode is one of the Why… constants.
	WhyCode string
	// Before is the rating in force before the report (Unrated for a
	// ticker new to the list), After the one the add leaves.
	Before, After sectors.Rating
	// Lowers is set for a call whose rating is below the rating in force:
	// applied when AddReportOptions.Lower says so, else kept (WhyLowers).
	Lowers bool
}

// Unchanged reports whether the call leaves the rating in force as it
// was because the report agrees with it.
func (o CallOutcome) Unchanged() bool { return o.What == CallKept && o.WhyCode == WhySame }

// Why a call was kept without changing the rating, or skipped.
const (
	WhyUnknownCode = "unknown-code" // the securities master does not know the code
	WhyIndex       = "index"        // an index, not a stock
	WhyFund        = "fund"         // a listed fund (ETF, LOF), not a stock
	WhyRemoved     = "removed"      // removed from the list: it stays removed
	WhyMention     = "mention"      // named as a beneficiary, not rated
	WhySame        = "same"         // the same rating
	WhyNewer       = "newer"        // the rating in force is newer than the report
	WhyNoRating    = "no-rating"    // the report names the stock without rating it
	WhyUndated     = "undated"      // the report has no date: it rates nothing until given one
	WhyLowers      = "lowers"       // it would lower the rating, and lowering was not accepted
)

// AddReportOutcome says what AddReport did (or, in a dry run, would do).
type AddReportOutcome struct {
	Report         sectors.ReportEntry
	Mapping        []sectors.ThemeMapping // with the ids of sectors created for new themes
	SectorsCreated []sectors.Sector
	Calls          []CallOutcome
	Existing       bool // the report was there already; nothing changed
	// Dated is set when the report was kept without a date and is now
	// given one: its calls are read again and may rate.
	Dated  bool
	DryRun bool
}

// Lowering returns the calls that lower a rating in force (applied or,
// without AddReportOptions.Lower, held back).
func (o AddReportOutcome) Lowering() []CallOutcome {
	var out []CallOutcome
	for _, c := range o.Calls {
		if c.Lowers {
			out = append(out, c)
		}
	}
	return out
}

// Undated reports whether the report has no date, so it changes no rating.
func (o AddReportOutcome) Undated() bool { return o.Report.Date.IsZero() }

// Count returns how many calls had the outcome what.
func (o AddReportOutcome) Count(what string) int {
	n := 0
	for _, c := range o.Calls {
		if c.What == what {
			n++
		}
	}
	return n
}

// Call outcomes.
const (
	CallAdded   = "added"
	CallRerated = "rerated"
	CallKept    = "kept"
	CallSkipped = "skipped"
)

// AddReport keeps a report and its calls in one transaction. Each theme
// goes to a sector with the same or an alias name (or the one opts.Map
// names); a theme no sector fits gets a new sector. A stock not on the list
// is added with the call's rating, from the report; one on the list keeps
// the call, and the call's rating becomes the rating in force when the
// report is newer than that rating, or when no rating was ever decided for
// it (added unrated). A call without a rating (a name in a sentence, a
// mention under 受益标的) never rates, an undated report rates nothing, and
// a call that would lower a rating does so only with opts.Lower. The same
// report twice changes nothing, unless it was kept undated and now has a
// date: its calls are then read again and may rate.
func (s *Store) AddReport(in ReportInput, opts AddReportOptions) (AddReportOutcome, error) {
	if in.Report.ID == "" {
		return AddReportOutcome{}, &Error{Kind: ErrInvalid, Reason: ReportUnnamed}
	}
	var out AddReportOutcome
	err := s.update(func(tx *bolt.Tx) error {
		out = AddReportOutcome{DryRun: opts.DryRun}
		if err := addReportIn(tx, in, opts, s.now(), &out); err != nil {
			return err
		}
		if out.Existing || opts.DryRun {
			return errRollback
		}
		return nil
	})
	if errors.Is(err, errRollback) {
		err = nil
	}
	if err != nil {
		return AddReportOutcome{}, err
	}
	return out, nil
}

func addReportIn(tx *bolt.Tx, in ReportInput, opts AddReportOptions, now time.Time, out *AddReportOutcome) error {
	if _, err := tx.CreateBucketIfNotExists(bucketReports); err != nil {
		return err
	}
	if _, err := tx.CreateBucketIfNotExists(bucketCalls); err != nil {
		return err
	}
	id := in.Report.ID
	if v := tx.Bucket(bucketReports).Get([]byte(id)); v != nil {
		var rec reportRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("reports/%s: %w", id, err)
		}
		if !rec.Date.IsZero() || in.Report.Date.IsZero() {
			out.Report, out.Existing = rec.entry(), true
			list, err := readReports(tx)
			if err != nil {
				return err
			}
			for _, r := range list {
				if r.ID == id {
					out.Report.Calls = r.Calls
				}
			}
			return nil
		}
		// Kept undated, now given a date: its calls are read again. They
		// rated nothing, and the tickers they brought are on the list
		// unrated, so the calls of the dated report rate them now.
		if err := deleteReportCalls(tx, id); err != nil {
			return err
		}
		out.Dated = true
	}
	secs, err := readSectors(tx)
	if err != nil {
		return err
	}
	overrides := map[string]string{}
	for theme, target := range opts.Map {
		sec, err := sectors.FindSector(secs, target)
		if err != nil {
			return noSector(target, secs)
		}
		overrides[theme] = sec.ID
	}
	refs := make([]sectors.SectorRef, len(secs))
	for i, sec := range secs {
		refs[i] = sectors.SectorRef{ID: sec.ID, Names: []string{sec.Name, sec.NameZH}}
	}
	out.Mapping = sectors.MapThemes(in.Themes, refs, overrides)
	// A theme no sector fits gets one, but only when a stock new to the
	// list goes into it: a forecast table's stocks already on the list do
	// not leave an empty sector behind.
	sectorFor := func(theme string) (string, error) {
		for i, m := range out.Mapping {
			if m.Theme != theme {
				continue
			}
			if m.SectorID == "" {
				sec, err := createThemeSector(tx, m.Theme, now)
				if err != nil {
					return "", err
				}
				out.Mapping[i].SectorID = sec.ID
				out.SectorsCreated = append(out.SectorsCreated, sec)
			}
			return out.Mapping[i].SectorID, nil
		}
		return "", nil // a call of no theme the report names: the parser gives each one
	}
	rec := reportRecord{ID: id, Title: in.Report.Title, Date: in.Report.Date, Broker: in.Report.Broker, Industry: in.Report.Industry,
		IndustryRating: in.Report.IndustryRating.Word, IndustryView: int(in.Report.IndustryRating.View), IndustryChange: in.Report.IndustryRating.Change, Added: now}
	callAt := in.Report.Date.UTC() // zero for an undated report: it rates nothing
	for _, c := range in.Calls {
		c.ReportID = id
		o := CallOutcome{Call: c}
		if !refOf(tx, c.Code).exists() {
			var err error
			if o.Sector, err = sectorFor(c.Theme); err != nil {
				return err
			}
		}
		if err := applyCall(tx, &o, callAt, now, opts.Lower); err != nil {
			return err
		}
		out.Calls = append(out.Calls, o)
	}
	sectorOf := map[string]string{}
	for _, m := range out.Mapping {
		sectorOf[m.Theme] = m.SectorID
	}
	for i := range out.Calls {
		if out.Calls[i].Sector == "" {
			out.Calls[i].Sector = sectorOf[out.Calls[i].Call.Theme]
		}
	}
	for _, t := range in.Themes {
		rec.Themes = append(rec.Themes, themeRecord{Name: t.Name, Thesis: t.Thesis, Sector: sectorOf[t.Name]})
	}
	if err := putJSON(tx.Bucket(bucketReports), []byte(id), rec); err != nil {
		return err
	}
	out.Report = rec.entry()
	out.Report.Calls = out.Count(CallAdded) + out.Count(CallRerated) + out.Count(CallKept)
	return nil
}

// applyCall records one call and puts its stock on the list or re-rates
// it, as AddReport says. at is the report's date, zero when it has none.
func applyCall(tx *bolt.Tx, o *CallOutcome, at, now time.Time, lower bool) error {
	c := o.Call
	if c.Has(sectors.FlagUnknownCode) {
		if _, ok := market.LookupMaster(c.Code); !ok {
			o.What, o.Why, o.WhyCode = CallSkipped, "the securities master does not know the code", WhyUnknownCode
			return nil
		}
	}
	// a broker rates stocks: a fund or an index in a report's calls (a
	// JSON file may hold one) is never rated, nor put on the list by it
	switch c.Code.Kind() {
	case market.KindIndex:
		o.What, o.Why, o.WhyCode = CallSkipped, "an index, not a stock", WhyIndex
		return nil
	case market.KindETF, market.KindLOF, market.KindFund:
		o.What, o.Why, o.WhyCode = CallSkipped, "a fund, not a stock", WhyFund
		return nil
	}
	r := refOf(tx, c.Code)
	rating := c.Rating
	if c.Has(sectors.FlagMention) {
		rating = sectors.Unrated
	}
	if !r.exists() {
		ratedAt := at
		if at.IsZero() {
			// an undated report puts the stock on the list unrated: no
			// rating was decided, so the first dated call rates it
			if rating != sectors.Unrated {
				o.Why, o.WhyCode = "the report has no date, so not rated until it is given one", WhyUndated
			}
			rating, ratedAt = sectors.Unrated, now
		}
		rec := tickerRecord{
			Exchange: string(c.Code.Exchange), Code: c.Code.Number, Sector: o.Sector,
			Rating: rating.ID(), RatingAt: ratedAt, RatingSource: c.ReportID, Added: now, Updated: ratedAt, AddedBy: c.ReportID,
		}
		rec.ReportName = c.ReportName() // the name on the report's record; the master's current one is shown
		var history []sectors.RatingChange
		if rating != sectors.Unrated { // a history starts at its first rating
			history = append(history, sectors.RatingChange{From: sectors.Unrated, To: rating, At: at, Source: c.ReportID, Reason: sectors.ReasonReport})
		}
		if _, err := newTicker(tx, rec, history); err != nil {
			return err
		}
		o.What, o.Before, o.After = CallAdded, sectors.Unrated, rating
		return putCall(tx, c)
	}
	var rec tickerRecord
	if err := r.info(&rec); err != nil {
		return err
	}
	before, _ := sectors.ParseRating(rec.Rating)
	o.What, o.Before, o.After = CallKept, before, before
	lowers := before != sectors.Unrated && rating != sectors.Unrated && rating.Rank() > before.Rank()
	switch {
	case !rec.Removed.IsZero():
		o.Why, o.WhyCode = "removed from the list: it stays removed", WhyRemoved
	case c.Has(sectors.FlagMention):
		o.Why, o.WhyCode = "named as a beneficiary, not rated", WhyMention
	case rating == sectors.Unrated:
		// a name in a sentence (重点推荐中科曙光和海光信息) or a 未评级
		// says nothing against the rating in force
		o.Why, o.WhyCode = "the report gives it no rating", WhyNoRating
	case rec.Rating == rating.ID():
		o.Why, o.WhyCode = "the same rating", WhySame
	case at.IsZero():
		o.Why, o.WhyCode = "the report has no date, so it rates nothing until given one", WhyUndated
	default:
		decided, err := ratingDecided(r, before)
		if err != nil {
			return err
		}
		if decided && !at.After(rec.RatingAt) {
			o.Why, o.WhyCode = "the rating in force is newer than the report", WhyNewer
			break
		}
		o.Lowers = lowers
		if lowers && !lower {
			o.Why, o.WhyCode = "it would lower the rating, and that was not accepted", WhyLowers
			break
		}
		if err := r.appendRatings(sectors.RatingChange{From: before, To: rating, At: at, Source: c.ReportID, Reason: sectors.ReasonReport}); err != nil {
			return err
		}
		rec.Rating, rec.RatingAt, rec.RatingSource, rec.Updated = rating.ID(), at, c.ReportID, now
		if err := r.putInfo(rec); err != nil {
			return err
		}
		o.What, o.Why, o.After = CallRerated, "", rating
	}
	return putCall(tx, c)
}

// ratingDecided reports whether someone decided the rating in force: a
// rating on the scale always was; Unrated only when the history shows it
// set (a ticker added unrated, or brought back to a state without a
// rating by removing a report, has no rating decision to protect).
func ratingDecided(r tref, current sectors.Rating) (bool, error) {
	if current != sectors.Unrated {
		return true, nil
	}
	history, err := r.ratings()
	if err != nil {
		return false, err
	}
	for _, h := range history {
		if h.To == sectors.Unrated && !strings.HasPrefix(h.Reason, sectors.ReasonReportRemoved) {
			return true, nil
		}
	}
	return false, nil
}

// deleteReportCalls deletes every call of the report with id.
func deleteReportCalls(tx *bolt.Tx, id string) error {
	b := tx.Bucket(bucketCalls)
	if b == nil {
		return nil
	}
	var keys [][]byte
	suffix := []byte("/" + id)
	_ = b.ForEach(func(k, _ []byte) error {
		if i := bytes.IndexByte(k, '/'); i >= 0 && bytes.Equal(k[i:], suffix) {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// createThemeSector adds a sector for a theme no sector fits, named as the
// report names it.
func createThemeSector(tx *bolt.Tx, theme string, now time.Time) (sectors.Sector, error) {
	list, err := readSectors(tx)
	if err != nil {
		return sectors.Sector{}, err
	}
	id := slug(theme)
	if id == "" {
		id = "theme"
	}
	base := id
	for i := 2; ; i++ {
		if _, err := sectors.FindSector(list, id); err != nil {
			break
		}
		id = fmt.Sprintf("%s-%d", base, i)
	}
	order := 0
	for _, o := range list {
		order = max(order, o.Order+1)
	}
	sec := sectors.Sector{ID: id, Name: theme, Order: order, Created: now}
	if !isASCIIString(theme) {
		sec.NameZH = theme
	}
	return sec, putJSON(tx.Bucket(bucketSectors), []byte(id), sec)
}

// RemoveReportOptions steer RemoveReport.
type RemoveReportOptions struct {
	// RemoveTickers takes the tickers only this report brought off the
	// list (their notes and history stay, and they can be brought back).
	RemoveTickers bool
	DryRun        bool
}

// RemoveReportOutcome says what RemoveReport did.
type RemoveReportOutcome struct {
	Report         sectors.ReportEntry
	CallsRemoved   int
	OnlyThis       []market.Code // on the list because of this report alone
	TickersRemoved []market.Code
	Restored       []RatingRestored // ratings it set, brought back to what they were
	Left           []RatingLeft     // ratings it set that were changed since: left as they are
}

// RatingRestored is a rating the removed report had set and nobody
// changed since, brought back: From (the report's) to To.
type RatingRestored struct {
	Code     market.Code
	From, To sectors.Rating
	Source   string // whose rating is back: a report id, "user", …
}

// RatingLeft is a rating the removed report had set that the user or a
// later report changed since: it stays Now, from Source.
type RatingLeft struct {
	Code   market.Code
	Set    sectors.Rating // what the report had set
	Now    sectors.Rating
	Source string // who changed it: "user", a report id, "import:<file>"
}

// RemoveReport takes a report and its calls off the record, in one
// transaction. A rating it set that nobody changed since goes back to the
// one before it (or to a rating the remaining reports give that is newer
// than that), with an entry in the history that says so; one changed since
// is left and listed. Tickers that only it brought are listed, and taken
// off the list with RemoveTickers.
func (s *Store) RemoveReport(id string, opts RemoveReportOptions) (RemoveReportOutcome, error) {
	var out RemoveReportOutcome
	err := s.update(func(tx *bolt.Tx) error {
		out = RemoveReportOutcome{}
		rb := tx.Bucket(bucketReports)
		var v []byte
		if rb != nil {
			v = rb.Get([]byte(id))
		}
		if v == nil {
			list, _ := readReports(tx)
			ids := make([]string, len(list))
			for i, r := range list {
				ids[i] = r.ID
			}
			return &Error{Kind: ErrNotFound, Reason: NoSuchReport, ID: id, Detail: strings.Join(ids, ", ")}
		}
		var rec reportRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("reports/%s: %w", id, err)
		}
		out.Report = rec.entry()
		// every call of this report; which tickers have calls of others
		var mine [][]byte
		others := map[string]bool{}
		suffix := []byte("/" + id)
		_ = tx.Bucket(bucketCalls).ForEach(func(k, _ []byte) error {
			i := bytes.IndexByte(k, '/')
			if i < 0 {
				return nil
			}
			if bytes.Equal(k[i:], suffix) {
				mine = append(mine, append([]byte(nil), k...))
			} else {
				others[string(k[:i])] = true
			}
			return nil
		})
		now := s.now()
		for _, k := range mine {
			if err := tx.Bucket(bucketCalls).Delete(k); err != nil {
				return err
			}
			key := k[:bytes.IndexByte(k, '/')]
			r := tref{tx: tx, key: key}
			if err := restoreRating(r, id, now, &out); err != nil {
				return err
			}
			var trec tickerRecord
			if err := r.info(&trec); err != nil {
				return err
			}
			if trec.AddedBy != id || others[string(key)] || !trec.Removed.IsZero() {
				continue
			}
			code, err := market.ParseCode(string(key))
			if err != nil {
				return err
			}
			out.OnlyThis = append(out.OnlyThis, code)
			if opts.RemoveTickers {
				trec.Removed, trec.Updated = now, now
				if err := r.putInfo(trec); err != nil {
					return err
				}
				out.TickersRemoved = append(out.TickersRemoved, code)
			}
		}
		out.CallsRemoved = len(mine)
		if err := rb.Delete([]byte(id)); err != nil {
			return err
		}
		if opts.DryRun {
			return errRollback
		}
		return nil
	})
	if errors.Is(err, errRollback) {
		err = nil
	}
	if err != nil {
		return RemoveReportOutcome{}, err
	}
	return out, nil
}

// restoreRating undoes the rating the report with id set on the ticker at
// r, if it set one: back to the rating before, unless the user or a later
// report changed it since (then it is left, and listed). The report's call
// is already deleted, so the remaining calls are the other reports'.
func restoreRating(r tref, id string, now time.Time, out *RemoveReportOutcome) error {
	history, err := r.ratings()
	if err != nil {
		return err
	}
	set := -1 // the report's last entry
	for i, h := range history {
		if h.Source == id {
			set = i
		}
	}
	if set < 0 {
		return nil // it set no rating here
	}
	var rec tickerRecord
	if err := r.info(&rec); err != nil {
		return err
	}
	code, err := market.ParseCode(string(r.key))
	if err != nil {
		return err
	}
	current, _ := sectors.ParseRating(rec.Rating)
	if set != len(history)-1 || rec.RatingSource != id {
		out.Left = append(out.Left, RatingLeft{Code: code, Set: history[set].To, Now: current, Source: rec.RatingSource})
		return nil
	}
	// the rating before the report's, from whoever gave it
	to, at, source := history[set].From, rec.Added, rec.AddedBy
	if set > 0 {
		at, source = history[set-1].At, history[set-1].Source
	}
	if source == id || source == "" {
		source = sectors.SourceUser
	}
	// a remaining report's rating newer than that one is the rating in
	// force without this report (one that agreed with it was kept as the
	// same rating, not recorded as a change)
	decided := to != sectors.Unrated || set > 0
	reports := r.tx.Bucket(bucketReports)
	calls, err := r.calls()
	if err != nil {
		return err
	}
	for _, c := range calls {
		if c.ReportID == id || c.Rating == sectors.Unrated || c.Has(sectors.FlagMention) {
			continue
		}
		var rep reportRecord
		if v := reports.Get([]byte(c.ReportID)); v == nil || json.Unmarshal(v, &rep) != nil || rep.Date.IsZero() {
			continue
		}
		if !decided || rep.Date.After(at) {
			to, at, source, decided = c.Rating, rep.Date.UTC(), c.ReportID, true
		}
	}
	if to != current {
		if err := r.appendRatings(sectors.RatingChange{From: current, To: to, At: now, Source: source, Reason: sectors.ReasonReportRemoved + ": " + id}); err != nil {
			return err
		}
	}
	rec.Rating, rec.RatingAt, rec.RatingSource, rec.Updated = to.ID(), at, source, now
	if err := r.putInfo(rec); err != nil {
		return err
	}
	out.Restored = append(out.Restored, RatingRestored{Code: code, From: current, To: to, Source: source})
	return nil
}
