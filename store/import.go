package store

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// ImportOptions steer Import.
type ImportOptions struct {
	// Source is recorded as the source of rating changes the import makes:
	// "import:<basename>".
	Source string
	// Sector (id or name of an existing sector) takes the tickers whose
	// sector is absent from the file or unknown to the store.
	Sector string
	// Sectors are the sectors the file defines (zixuan json); one that a
	// ticker uses and the store lacks is created.
	Sectors []sectors.Sector
	// FileTime is when the file was written, when it says (zixuan json):
	// a ticker changed in the store since then keeps its sector and its
	// place on the list, whatever the older file says.
	FileTime time.Time
	// DryRun computes the report and writes nothing.
	DryRun bool
	// FileSector names the sector, created when missing, for new tickers
	// the file gives no sector for when Sector is empty: the file's name.
	// With neither, such a ticker is an error, never a guess.
	FileSector string
	// Reports are the reports the file keeps (zixuan json): one the store
	// lacks is added, and so are the file's calls the store lacks.
	Reports []sectors.ReportEntry
	// Alerts and Trades are the file's alerts and buys and sells (zixuan
	// json), added in the same transaction as its tickers: one the store
	// holds already is left as it is, an alert on a ticker the store
	// lacks is skipped, and trades that would sell more than is held
	// refuse the whole import (a dry run included).
	Alerts []sectors.Alert
	Trades []sectors.Trade
}

// ImportResult is what the import did (or would do) to one ticker.
type ImportResult struct {
	Line    int
	Code    market.Code
	Name    string
	Sector  string
	Changes []string // what changed, in words; empty when unchanged
	Kept    []string // what the file said that the store kept, and why
}

// ImportReport sums an import up.
type ImportReport struct {
	Added          []ImportResult
	Updated        []ImportResult
	Unchanged      []ImportResult
	SectorsCreated []sectors.Sector
	AlertsAdded    int
	TradesAdded    int
	DryRun         bool
}

// errRollback ends a dry run's transaction without committing it.
var errRollback = errors.New("dry run: rolled back")

// Import merges items into the store in one write transaction: all of them
// (with the file's reports, calls, alerts and trades) or, on any error, none. It never clobbers: a ticker that exists keeps its
// notes and rating history; the file's notes are added unless one with the
// same text exists (deleted ones included), and a rating the import changes
// is recorded in the history with opts.Source. Tickers in the file and
// removed from the store come back. With opts.DryRun the same work runs in
// a transaction that is rolled back, so the report is exactly what a real
// import would do.
func (s *Store) Import(items []sectors.ImportItem, opts ImportOptions) (ImportReport, error) {
	if opts.Source == "" {
		opts.Source = "import"
	}
	var rep ImportReport
	grow := 0
	if !opts.DryRun {
		grow = importGrowth(items)
	}
	err := s.updateSized(grow, func(tx *bolt.Tx) error {
		rep = ImportReport{DryRun: opts.DryRun}
		im, err := s.newImporter(tx, opts, &rep)
		if err != nil {
			return err
		}
		// Merged in key order: bbolt then appends to its pages instead of
		// shifting every node's contents for keys that arrive out of order.
		// The report keeps the file's order.
		order := make([]int, len(items))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return items[order[a]].Code.Key() < items[order[b]].Code.Key() })
		if err := im.addSectors(); err != nil {
			return err
		}
		if err := im.addReports(); err != nil {
			return err
		}
		for _, i := range order {
			if err := im.merge(&items[i]); err != nil {
				return err
			}
			if err := im.addCalls(&items[i]); err != nil {
				return err
			}
		}
		// Alerts and trades after the tickers they are on, in the same
		// transaction: a kill or a refusal leaves none of the file behind.
		if rep.AlertsAdded, err = importAlertsTx(tx, opts.Alerts); err != nil {
			return err
		}
		if rep.TradesAdded, err = importTradesTx(tx, opts.Trades, im.now); err != nil {
			return err
		}
		for _, list := range [][]ImportResult{rep.Added, rep.Updated, rep.Unchanged} {
			sort.SliceStable(list, func(a, b int) bool { return list[a].Line < list[b].Line })
		}
		if opts.DryRun {
			return errRollback
		}
		return nil
	})
	if opts.DryRun && errors.Is(err, errRollback) {
		err = nil
	}
	if err != nil {
		return ImportReport{}, err
	}
	return rep, nil
}

// importGrowth is a low estimate of what importing items adds to the file
// when they are all new: the records' bytes alone, without the pages'
// own room (bbolt fills them about half), so that it stays under what the
// file really grows by.
func importGrowth(items []sectors.ImportItem) int {
	n := 0
	for i := range items {
		it := &items[i]
		n += 200 + 130*(len(it.History)+1)
		for _, note := range it.Notes {
			n += 110 + len(note.Text)
		}
	}
	return n
}

type importer struct {
	s        *Store
	tx       *bolt.Tx
	opts     ImportOptions
	rep      *ImportReport
	now      time.Time
	secs     []sectors.Sector
	fallback string // --sector's id
	// found caches FindSector on secs by the file's sector names (every
	// ticker names one; folding every sector's names for each was a
	// tenth of an import): cleared when a sector is created.
	found map[string]foundSector
}

type foundSector struct {
	sec sectors.Sector
	err error
}

// findSector is sectors.FindSector(im.secs, name), cached.
func (im *importer) findSector(name string) (sectors.Sector, error) {
	if f, ok := im.found[name]; ok {
		return f.sec, f.err
	}
	sec, err := sectors.FindSector(im.secs, name)
	if im.found == nil {
		im.found = map[string]foundSector{}
	}
	im.found[name] = foundSector{sec, err}
	return sec, err
}

// sameName is FoldSectorName(a) == FoldSectorName(b), without folding
// names that are equal as they are.
func sameName(a, b string) bool {
	return a == b || sectors.FoldSectorName(a) == sectors.FoldSectorName(b)
}

func (s *Store) newImporter(tx *bolt.Tx, opts ImportOptions, rep *ImportReport) (*importer, error) {
	secs, err := readSectors(tx)
	if err != nil {
		return nil, err
	}
	im := &importer{s: s, tx: tx, opts: opts, rep: rep, now: s.now(), secs: secs}
	if strings.TrimSpace(opts.Sector) != "" {
		sec, err := sectors.FindSector(secs, opts.Sector)
		if err != nil {
			return nil, err
		}
		im.fallback = sec.ID
	}
	return im, nil
}

// sectorFor decides a ticker's sector: the file's sector when the store has
// it; else, for a ticker new to the list, --sector; else the file's own
// definition of it (json), created; else the ticker's current sector; else
// the first. fromFile says whether the file asked for that sector (so an
// existing ticker moves there) rather than it being a default.
func (im *importer) sectorFor(it *sectors.ImportItem, rec *tickerRecord, exists bool) (id string, fromFile bool, err error) {
	if it.Sector != "" {
		if sec, err := im.findSector(it.Sector); err == nil {
			return sec.ID, true, nil
		}
	}
	onList := exists && rec.Removed.IsZero()
	if im.fallback != "" && !onList {
		return im.fallback, false, nil
	}
	if it.Sector != "" && im.fallback == "" {
		if def, ok := findDef(im.opts.Sectors, it.Sector); ok {
			sec, err := im.createSector(def)
			if err != nil {
				return "", false, err
			}
			return sec.ID, true, nil
		}
	}
	if exists && im.hasSector(rec.Sector) {
		return rec.Sector, false, nil
	}
	// A new ticker goes where the file says, else into the sector named
	// for the file: created when the store lacks it, never a guess.
	name, fromFile := it.Sector, it.Sector != ""
	if name == "" {
		name = strings.TrimSpace(im.opts.FileSector)
	}
	if name == "" {
		return "", false, refusal(ErrInvalid, NoSectorNamed, it.Code)
	}
	def := sectors.Sector{Name: name}
	if !isASCIIString(name) {
		def.NameZH = name
	}
	sec, err := im.createSector(def)
	if err != nil {
		return "", false, err
	}
	return sec.ID, fromFile, nil
}

func (im *importer) hasSector(id string) bool {
	for _, s := range im.secs {
		if s.ID == id {
			return true
		}
	}
	return false
}

func findDef(defs []sectors.Sector, name string) (sectors.Sector, bool) {
	for _, d := range defs {
		if d.ID == name {
			return d, true
		}
	}
	sec, err := sectors.FindSector(defs, name)
	return sec, err == nil
}

// createSector adds a sector the file defines, after the store's own.
func (im *importer) createSector(def sectors.Sector) (sectors.Sector, error) {
	id := def.ID
	if id == "" || slug(id) != id {
		id = slug(def.Label(false))
	}
	if id == "" {
		return sectors.Sector{}, &Error{Kind: ErrInvalid, Reason: FileNotNamed, Name: def.Label(true)}
	}
	for _, n := range []string{id, def.Name, def.NameZH} {
		if n == "" {
			continue
		}
		if old, err := sectors.FindSector(im.secs, n); err == nil {
			return old, nil
		}
	}
	order := 0
	for _, o := range im.secs {
		if o.Order >= order {
			order = o.Order + 1
		}
	}
	created := def.Created
	if created.IsZero() {
		created = im.now
	}
	_, isReport := sectors.ReportSector(id)
	sec := sectors.Sector{ID: id, Name: def.Name, NameZH: def.NameZH, Report: def.Report && isReport, Order: order, Created: created}
	if err := putJSON(im.tx.Bucket(bucketSectors), []byte(id), sec); err != nil {
		return sectors.Sector{}, err
	}
	im.secs = append(im.secs, sec)
	im.found = nil
	im.rep.SectorsCreated = append(im.rep.SectorsCreated, sec)
	return sec, nil
}

func (im *importer) merge(it *sectors.ImportItem) error {
	tb := refOf(im.tx, it.Code)
	var rec tickerRecord
	exists := tb.exists()
	if exists {
		if err := tb.info(&rec); err != nil {
			return err
		}
	}
	secID, fromFile, err := im.sectorFor(it, &rec, exists)
	if err != nil {
		return err
	}
	res := ImportResult{Line: it.Line, Code: it.Code, Sector: secID}
	if !exists {
		if err := im.add(it, secID); err != nil {
			return err
		}
		res.Name = im.nameOf(it.Code, it.CustomName, it.Name, it.ReportName)
		res.Changes = []string{"added to " + secID}
		im.rep.Added = append(im.rep.Added, res)
		return nil
	}
	res.Name = im.nameOf(it.Code, rec.CustomName, "", rec.ReportName)
	before := rec
	changes, kept, err := im.update(it, tb, &rec, secID, fromFile)
	if err != nil {
		return err
	}
	res.Changes, res.Kept = changes, kept
	if len(changes) == 0 {
		im.rep.Unchanged = append(im.rep.Unchanged, res)
		if sameRecord(rec, before) {
			return nil
		}
		// Only bookkeeping changed (an earlier date added): no news.
		return tb.putInfo(rec)
	}
	rec.Updated = im.now
	if err := tb.putInfo(rec); err != nil {
		return err
	}
	im.rep.Updated = append(im.rep.Updated, res)
	return nil
}

func (im *importer) nameOf(code market.Code, custom, given, report string) string {
	for _, n := range []string{custom, given} {
		if n != "" {
			return n
		}
	}
	if sec, ok := market.LookupMaster(code); ok {
		return sec.Name
	}
	return report
}

// add creates a ticker the store does not have.
func (im *importer) add(it *sectors.ImportItem, secID string) error {
	master, inMaster := market.LookupMaster(it.Code)
	custom := strings.TrimSpace(it.CustomName)
	quoteName := ""
	if !inMaster {
		quoteName = strings.TrimSpace(it.QuoteName)
	}
	if custom == "" && it.Name != "" && (!inMaster || !sameName(it.Name, master.Name)) && it.Name != it.ReportName && !sameName(it.Name, quoteName) {
		custom = strings.TrimSpace(it.Name)
	}
	_, knownIndex := market.Indexes[it.Code.Key()] // named by zixuan
	if !inMaster && !knownIndex && custom == "" && it.ReportName == "" && quoteName == "" {
		e := refusal(ErrInvalid, NotInMaster, it.Code)
		e.Line = it.Line
		return e
	}
	rating := sectors.Unrated
	if it.HasRating {
		rating = it.Rating
	}
	rec := tickerRecord{
		Exchange: string(it.Code.Exchange), Code: it.Code.Number,
		ReportName: it.ReportName, CustomName: custom, QuoteName: quoteName, Sector: secID,
		Rating: rating.ID(), RatingAt: im.now, RatingSource: im.opts.Source,
		Added: im.now, Updated: im.now,
	}
	history := it.History
	if it.Lossless {
		rec.AddedBy = it.AddedBy
		if !it.RatingAt.IsZero() {
			rec.RatingAt, rec.RatingSource = it.RatingAt, it.RatingSource
		}
		if !it.Added.IsZero() {
			rec.Added = it.Added
		}
		rec.Removed = it.Removed
		rec.Pinned, rec.Position = it.Pinned, it.Position
		for _, g := range it.Groups {
			if g != secID && im.hasSector(g) && !slices.Contains(rec.Groups, g) {
				rec.Groups = append(rec.Groups, g)
			}
		}
	}
	// A rating change is recorded only for a change: an unrated ticker
	// with no history keeps the file's rating date and source. A change is
	// dated by the file (ratedAt), not by the import.
	last := sectors.Unrated
	if len(history) > 0 {
		last = history[len(history)-1].To
	}
	if last != rating {
		at := im.ratedAt(it)
		rec.RatingAt, rec.RatingSource = at, im.opts.Source
		history = append(append([]sectors.RatingChange(nil), history...), sectors.RatingChange{From: last, To: rating, At: at, Source: im.opts.Source, Reason: importReason(it)})
	}
	tb, err := newTicker(im.tx, rec, history)
	if err != nil {
		return err
	}
	_, err = im.addNotes(tb, nil, it.Notes)
	return err
}

// ratedAt is when an imported rating was given: the date the file gives
// it, else when the file was written, else now (a file that says neither).
// A call is measured from its own day, not from the day it was imported.
func (im *importer) ratedAt(it *sectors.ImportItem) time.Time {
	switch {
	case !it.RatingAt.IsZero() && !it.RatingAt.After(im.now):
		return it.RatingAt
	case !im.opts.FileTime.IsZero() && !im.opts.FileTime.After(im.now):
		return im.opts.FileTime
	}
	return im.now
}

// importReason says in a rating change what the file said about the rating.
func importReason(it *sectors.ImportItem) string {
	var parts []string
	if !it.RatingAt.IsZero() {
		parts = append(parts, "rated "+it.RatingAt.In(market.China).Format("2006-01-02"))
	}
	if it.RatingSource != "" {
		parts = append(parts, "by "+it.RatingSource)
	}
	if len(parts) == 0 {
		return "imported"
	}
	return "imported (file: " + strings.Join(parts, " ") + ")"
}

// update merges the file's item into an existing ticker.
func (im *importer) update(it *sectors.ImportItem, tb tref, rec *tickerRecord, secID string, fromFile bool) (changes, kept []string, err error) {
	// The stored history is read only when the merge looks at it: a
	// lossless file's history, or a rating that differs. The records are
	// checked before the transaction (see updateOnce), so one that would
	// not decode is refused there either way.
	var stored []sectors.RatingChange
	if it.Lossless || it.HasRating && it.Rating.ID() != rec.Rating {
		if stored, err = tb.ratings(); err != nil {
			return nil, nil, err
		}
	}
	notes, err := tb.noteTexts()
	if err != nil {
		return nil, nil, err
	}
	// The file dominates the store's record when it holds everything the
	// store holds (zixuan json only): its state can then be adopted whole.
	dominated := it.Lossless && historySubset(stored, it.History) && notesSubset(notes, it.Notes)
	// newerHere: the store changed this ticker after the file was written
	// (an older export imported back): the store's state wins.
	newerHere := !im.opts.FileTime.IsZero() && rec.Updated.After(im.opts.FileTime)

	// Rating history (json).
	history := stored
	if it.Lossless {
		var added int
		history, added = mergeHistory(stored, it.History)
		if added > 0 {
			changes = append(changes, plural(added, "rating history entry", "rating history entries")+" added")
		}
	}

	// Rating.
	if it.HasRating {
		switch {
		case it.Rating.ID() == rec.Rating:
			if dominated && !it.RatingAt.IsZero() && (!it.RatingAt.Equal(rec.RatingAt) || it.RatingSource != rec.RatingSource) {
				rec.RatingAt, rec.RatingSource = it.RatingAt, it.RatingSource
				changes = append(changes, "rating date "+it.RatingAt.In(market.China).Format("2006-01-02"))
			}
		case (!dominated || newerHere) && !it.RatingAt.IsZero() && !it.RatingAt.After(rec.RatingAt):
			// Merge, never clobber: a rating the file dates no later than
			// the store's does not replace it (csv dates to the day).
			kept = append(kept, fmt.Sprintf("rating %s (the store's, newer than the file's %s)", rec.Rating, it.Rating.ID()))
		default:
			from := rec.Rating
			last := sectors.Unrated
			if len(history) > 0 {
				last = history[len(history)-1].To
			}
			if it.Lossless && last == it.Rating && !it.RatingAt.IsZero() {
				rec.RatingAt, rec.RatingSource = it.RatingAt, it.RatingSource
			} else {
				f, _ := sectors.ParseRating(from)
				at := im.ratedAt(it)
				if n := len(history); n > 0 && at.Before(history[n-1].At) {
					at = im.now // never before the change it follows
				}
				history = append(history, sectors.RatingChange{From: f, To: it.Rating, At: at, Source: im.opts.Source, Reason: importReason(it)})
				rec.RatingAt, rec.RatingSource = at, im.opts.Source
			}
			rec.Rating = it.Rating.ID()
			changes = append(changes, "rating "+from+" → "+it.Rating.ID())
		}
	}
	if len(history) != len(stored) {
		if err := rewriteHistory(tb, stored, history); err != nil {
			return nil, nil, err
		}
	}

	// Sector and list membership.
	revived := !rec.Removed.IsZero() && it.Removed.IsZero()
	if revived && newerHere && it.Lossless {
		revived = false // removed here after the file was written
		kept = append(kept, "removed (after the file was written)")
	}
	if revived {
		rec.Removed = time.Time{}
		changes = append(changes, "back on the watchlist")
	}
	if rec.Removed.IsZero() && !it.Removed.IsZero() {
		if dominated && !newerHere {
			rec.Removed = it.Removed
			changes = append(changes, "removed, as in the file")
		} else {
			kept = append(kept, "on the watchlist (removed in the file, but the store has changes the file lacks)")
		}
	}
	switch {
	case secID != rec.Sector && newerHere && fromFile && im.hasSector(rec.Sector):
		kept = append(kept, "sector "+rec.Sector+" (moved after the file was written)")
	case secID != rec.Sector && !it.Lossless && !revived && fromFile && im.hasSector(rec.Sector):
		// A csv or list carries no date for its sectors: it could be an
		// old export, so a ticker on the list stays where the user put it.
		kept = append(kept, "sector "+rec.Sector+" (the file says "+secID+")")
	case secID != rec.Sector && (fromFile || revived || !im.hasSector(rec.Sector)):
		changes = append(changes, "sector "+rec.Sector+" → "+secID)
		rec.Sector = secID
	}

	// Names. A name that is neither the master's nor the report's is one
	// the user gave; it is taken when the store has none.
	if !it.Lossless && rec.CustomName == "" && it.Name != "" && !sameName(it.Name, rec.ReportName) {
		if m, ok := market.LookupMaster(it.Code); !ok || !sameName(m.Name, it.Name) {
			rec.CustomName = strings.TrimSpace(it.Name)
			changes = append(changes, "name "+rec.CustomName)
		}
	}
	if it.Lossless {
		if it.CustomName != "" && rec.CustomName == "" {
			rec.CustomName = it.CustomName
			changes = append(changes, "name "+it.CustomName)
		}
		if it.ReportName != "" && rec.ReportName == "" {
			rec.ReportName = it.ReportName
		}
		if !it.Added.IsZero() && it.Added.Before(rec.Added) {
			rec.Added = it.Added
		}
		// The other sectors it is shown in: the file's are added.
		for _, g := range it.Groups {
			if g != rec.Sector && im.hasSector(g) && !slices.Contains(rec.Groups, g) {
				rec.Groups = append(rec.Groups, g)
				changes = append(changes, "also in "+g)
			}
		}
	}

	// Notes.
	n, err := im.addNotes(tb, notes, it.Notes)
	if err != nil {
		return nil, nil, err
	}
	if n > 0 {
		changes = append(changes, plural(n, "note", "notes")+" added")
	}
	return changes, kept, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// addNotes adds the file's notes whose text no existing note has, oldest
// first so that ids follow time.
func (im *importer) addNotes(tb tref, existing []string, incoming []sectors.Note) (int, error) {
	seen := map[string]bool{}
	for _, text := range existing {
		seen[noteKey(text)] = true
	}
	in := append([]sectors.Note(nil), incoming...)
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].ID != in[j].ID && in[i].ID != 0 && in[j].ID != 0 {
			return in[i].ID < in[j].ID
		}
		return in[i].Created.Before(in[j].Created)
	})
	added := 0
	var next uint64 // the ticker's next note id, read once
	for _, n := range in {
		k := noteKey(n.Text)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if next == 0 {
			next = tb.nextNoteID()
		}
		n.ID = next
		next++
		n.Text = strings.TrimRight(n.Text, " \t\r\n")
		if n.Created.IsZero() {
			n.Created = im.now
		}
		if n.Updated.IsZero() {
			n.Updated = n.Created
		}
		if err := tb.putNote(n); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}

func noteKey(text string) string { return strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")) }

func notesSubset(store []string, file []sectors.Note) bool {
	have := map[string]bool{}
	for _, n := range file {
		have[noteKey(n.Text)] = true
	}
	for _, text := range store {
		if !have[noteKey(text)] {
			return false
		}
	}
	return true
}

type historyKey struct {
	at       int64
	from, to sectors.Rating
	source   string
}

func hkey(r sectors.RatingChange) historyKey {
	return historyKey{r.At.UnixNano(), r.From, r.To, r.Source}
}

func historySubset(store, file []sectors.RatingChange) bool {
	have := map[historyKey]bool{}
	for _, r := range file {
		have[hkey(r)] = true
	}
	for _, r := range store {
		if !have[hkey(r)] {
			return false
		}
	}
	return true
}

// mergeHistory adds the file's entries the store lacks, keeping time order.
func mergeHistory(store, file []sectors.RatingChange) ([]sectors.RatingChange, int) {
	have := map[historyKey]bool{}
	for _, r := range store {
		have[hkey(r)] = true
	}
	out := append([]sectors.RatingChange(nil), store...)
	added := 0
	for _, r := range file {
		if !have[hkey(r)] {
			have[hkey(r)] = true
			out = append(out, r)
			added++
		}
	}
	if added > 0 {
		sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	}
	return out, added
}

// rewriteHistory stores history: appended when the stored entries are its
// prefix, else rewritten whole in time order (a merge of the store's and a
// file's history, which loses no entry).
func rewriteHistory(tb tref, stored, history []sectors.RatingChange) error {
	prefix := len(history) >= len(stored)
	for i := 0; prefix && i < len(stored); i++ {
		prefix = hkey(stored[i]) == hkey(history[i])
	}
	if prefix {
		return tb.appendRatings(history[len(stored):]...)
	}
	if err := tb.deleteRatings(); err != nil {
		return err
	}
	return tb.appendRatings(history...)
}

// addSectors creates the sectors the file defines (zixuan json) that the
// store lacks, in the file's order, used by a ticker or not; a sector the
// store has takes the file's creation date when that is earlier (the
// earliest date anything was created wins, as for a ticker's Added), so
// that an export imported into a new database exports the same again.
func (im *importer) addSectors() error {
	for _, def := range im.opts.Sectors {
		i := slices.IndexFunc(im.secs, func(s sectors.Sector) bool { return s.ID == def.ID })
		if i < 0 {
			if _, err := im.createSector(def); err != nil {
				return err
			}
			continue
		}
		if sec := im.secs[i]; !def.Created.IsZero() && def.Created.Before(sec.Created) {
			sec.Created = def.Created
			if err := putJSON(im.tx.Bucket(bucketSectors), []byte(sec.ID), sec); err != nil {
				return err
			}
			im.secs[i] = sec
		}
	}
	return nil
}

// addReports keeps the file's reports the store lacks; one it has is
// left as it is, but for a date it was added that the file has earlier.
func (im *importer) addReports() error {
	if len(im.opts.Reports) == 0 {
		return nil
	}
	for _, b := range [][]byte{bucketReports, bucketCalls} {
		if _, err := im.tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	b := im.tx.Bucket(bucketReports)
	for _, r := range im.opts.Reports {
		if b.Get([]byte(r.ID)) != nil {
			var old reportRecord
			if err := getJSON(b, []byte(r.ID), &old); err != nil {
				return err
			}
			if !r.Added.IsZero() && r.Added.Before(old.Added) {
				old.Added = r.Added
				if err := putJSON(b, []byte(r.ID), old); err != nil {
					return err
				}
			}
			continue
		}
		rec := reportRecord{ID: r.ID, Title: r.Title, Date: r.Date, Broker: r.Broker, Industry: r.Industry,
			IndustryRating: r.IndustryRating.Word, IndustryView: int(r.IndustryRating.View), IndustryChange: r.IndustryRating.Change, Added: r.Added}
		if rec.Added.IsZero() {
			rec.Added = im.now
		}
		for _, t := range r.Themes {
			rec.Themes = append(rec.Themes, themeRecord{Name: t.Name, Thesis: t.Thesis, Sector: t.Sector})
		}
		if err := putJSON(b, []byte(r.ID), rec); err != nil {
			return err
		}
	}
	return nil
}

// addCalls keeps the file's calls on a ticker the store lacks, for the
// reports the store keeps; a call already there stays as it is.
func (im *importer) addCalls(it *sectors.ImportItem) error {
	if len(it.Calls) == 0 || !refOf(im.tx, it.Code).exists() {
		return nil
	}
	reports, calls := im.tx.Bucket(bucketReports), im.tx.Bucket(bucketCalls)
	if reports == nil || calls == nil {
		return nil
	}
	for _, c := range it.Calls {
		c.Code = it.Code
		if reports.Get([]byte(c.ReportID)) == nil || calls.Get(callKey([]byte(c.Code.Key()), c.ReportID)) != nil {
			continue
		}
		if err := putCall(im.tx, c); err != nil {
			return err
		}
	}
	return nil
}
