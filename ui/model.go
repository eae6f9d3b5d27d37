package ui

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/store"

	"zixuan/ui/common"
)

// Options configure the UI. The zero value is fine.
type Options struct {
	Lang string // "en" or "zh"; "" = from LC_ALL / LC_MESSAGES / LANG (zh* → zh)

	// NoColor draws without colours; NO_COLOR in the environment does too.
	NoColor bool
	// Location is the time zone dates are shown in; nil is China Standard
	// Time, the market's clock, whatever the machine's zone: the report is
	// dated 2024-05-12 in Beijing, and so are the CLI's dates.
	Location *time.Location
	// Now is the clock for export file names; nil is time.Now.
	Now func() time.Time
	// Dir is where exports go by default; "" is the working directory.
	Dir string
	// PollInterval is how often the store is checked for changes made by
	// other processes; 0 is one second, negative turns polling off.
	PollInterval time.Duration

	// Quotes is the quote source; nil turns quotes off (--offline), and
	// the app works the same without them. History, when not nil, looks
	// up the reference closes ratings' returns are measured from.
	Quotes  quote.Provider
	History quote.History
	// Offline says quotes were turned off on purpose (--offline): the
	// status line says so. With Quotes nil and Offline false, the UI
	// just has no price columns.
	Offline bool
	// Refresh is how often quotes refresh during trading hours; 0 is ten
	// seconds, negative is only at start and on R.
	Refresh time.Duration
	// FuzzyPinyin matches pinyin in the search and the add wizard with
	// fuzzy sounds (z=zh, c=ch, s=sh, n=l); off by default.
	FuzzyPinyin bool
	// Western colours rises green and falls red; the default is the
	// A-share convention, red up and green down.
	Western bool
	// Strip are the indexes the header shows with their last and change,
	// fetched with the quotes; nil is sectors.StripIndexes, an empty
	// slice none.
	Strip []market.Code
	// Bell rings the terminal bell when an alert fires; nil is no bell
	// (alert_bell = false in the config).
	Bell func()
	// Notify gives a desktop notification of a fired alert (ui/notify:
	// alert_notify in the config); nil is none. title and body are the
	// store's text, which it cleans.
	Notify func(title, body string) tea.Cmd
	// TodayStaleDays is how many days without a note make a buy call
	// quiet in the day's summary (T; today_stale_days in the config); 0
	// is the service's default.
	TodayStaleDays int

	// Benchmark is the index the scorecard, the list's excess and the
	// chart measure against, BenchmarkName its name; zero is 沪深300.
	// SectorBenchmarks measure a sector's calls (by sector id) against
	// their own index.
	Benchmark        market.Code
	BenchmarkName    string
	SectorBenchmarks map[string]market.Code

	// jobs runs the heavy background work one job at a time (jobs.go)
	jobs *jobQueue

	// Columns are the list's columns, in order, by id (columns.go); nil
	// or none known is the default set.
	Columns []string
	// SaveColumns keeps the columns chosen in the C dialog for the next
	// start (the config file); nil keeps them for this run only.
	SaveColumns func(ids []string) error
	// Sort ("sector", "code", "name", "name-reverse", "rating", "changed")
	// and RatingFilter are the view at start.
	Sort         string
	RatingFilter []sectors.Rating
	// SaveView, when not nil, is called with the sort and the rating
	// filter in force when the program ends (remember_view), after Run's
	// loop, never inside Update.
	SaveView func(sort string, ratings []sectors.Rating) error
}

// Model is the root of the TUI: it owns the store handle and the loaded
// data, routes keys to the dialog on top of its stack (or the list) and
// does what the dialogs ask for, the store writes included.
type Model struct {
	st     *store.Store
	opts   Options
	t      *common.Text
	keys   *common.KeyMap
	styles common.Styles
	plain  bool // no colours (NoColor, NO_COLOR)
	dark   bool // the styles are for a dark background (until the terminal says otherwise)

	width, height int

	data watchData // the loaded snapshot and its search index
	view viewState // filter, sort, the visible rows and counts
	tabs tabsModel
	list listModel
	det  detailModel
	help help.Model

	jump codeJump // a code typed into the list (codejump.go)
	// stack is the open dialogs (stack.go), the top one has the keys;
	// empty, the keys go to the list.
	stack dialogStack

	qs quoteState // quotes and reference closes (quotes.go)
	hs histPart   // price history and the scorecard, loaded lazily (history.go)
	al alertState // alerts checked on each refresh (alerts.go)
	ps posState   // the holdings, for the list's position columns (poscols.go)

	rc        *renderCache // rows drawn, shared by copies (render.go); nil draws everything
	dataEpoch uint64       // new with every setData

	writes          *writer // the store writes confirmed here (writes.go)
	quitWhenWritten bool    // q while a write was pending: quit when it is in
	// held are the keys typed on the list while a write was pending,
	// applied in order once it is in (writes.go)
	held []tea.Msg
	// loadAwaited is the load a write of the user's needed to show what it
	// changed (a sector numbered whole); the held keys wait for it too
	loadAwaited uint64

	// wantTab is the sector whose tab to show once it is loaded (one just
	// made in the sectors dialog)
	wantTab string

	sync storeSync // the watch for other processes' changes, and the loads (sync.go)

	// partial: the data is the store's list index, the whole store still
	// loading (firstscreen.go); early holds the messages that wait for it
	partial bool
	early   []tea.Msg
	loading bool                // not even that yet: Run's model, drawn once its first data is in
	first   <-chan firstLoadMsg // Run's first data, read while bubbletea sets up the terminal
	loadErr error               // the whole store could not be loaded after the first screen

	status    string
	statusErr bool
	quitting  bool
}

// New loads the store and builds the root model: from the store's list
// index when it has one at the file's generation (the whole store then
// loads when the program starts: firstscreen.go), else in full.
func New(st *store.Store, opts Options) (Model, error) {
	m := newShell(st, opts)
	msg := loadFirst(st)
	if msg.err != nil {
		return Model{}, msg.err
	}
	m.takeFirst(msg)
	return m, nil
}

// newShell is the root model before any data: options, texts, keys and
// styles.
func newShell(st *store.Store, opts Options) Model {
	if opts.Location == nil {
		opts.Location = market.China
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.PollInterval == 0 {
		opts.PollInterval = time.Second
	}
	if opts.Refresh == 0 {
		opts.Refresh = 10 * time.Second
	}
	if opts.jobs == nil {
		opts.jobs = newJobQueue()
	}
	t := common.TextFor(opts.Lang)
	m := Model{
		st: st, opts: opts, t: t,
		keys:   ptr(common.NewKeyMap(t)),
		styles: common.NewStyles(opts.NoColor || common.NoColorAsked(), true),
		plain:  opts.NoColor || common.NoColorAsked(),
		dark:   true,
		help:   help.New(),
		width:  80, height: 24,
		rc:     newRenderCache(),
		writes: newWriter(st),
		sync:   storeSync{st: st, every: opts.PollInterval, jobs: opts.jobs},
		ps:     posState{jobs: opts.jobs},
		hs:     newHistPart(opts),
	}
	m.help.Styles = m.styles.Help
	m.help.ShortSeparator = "  "
	m.help.FullSeparator = "   "
	m.help.Ellipsis = "…"
	m.view.fuzzy = opts.FuzzyPinyin
	m.view.set(opts.Sort, opts.RatingFilter)
	if n := st.Notice(); n != "" { // a damaged meta page: said once
		m.status, m.statusErr = safeLine(n), true
	} else if o, warn := market.CalendarWarning(opts.Now()); warn { // said once, at the start
		m.status = m.t.CalendarNote(o)
	}
	return m
}

func ptr[T any](v T) *T { return &v }

// setData installs a freshly loaded snapshot, keeping the selection;
// with take, the tickers move from snap to the data instead of being
// copied (see makeWatchData).
func (m *Model) setData(snap *sectors.Snapshot, take bool) {
	was, _ := m.selected()
	keep, noteID := m.selectedKey(), m.det.noteID(&was)
	m.data = makeWatchData(snap, take)
	m.dataEpoch = nextEpoch()
	m.hs.snap = snap
	m.qs.buildCells(partCtxOf(m))
	// what is made of the data follows it: the report filter (dropped
	// when its report is gone), the report just added (picked in the
	// reports view until it is in), the history cells, the open views
	if m.view.filter.Report != "" {
		if _, ok := snap.Report(m.view.filter.Report); !ok {
			m.view.filter.Report = ""
		}
	}
	m.hs.buildCells(m.data.tickers)
	m.stack = m.stack.each(m.refreshView)
	if m.hs.pick != "" {
		if _, ok := snap.Report(m.hs.pick); ok {
			m.hs.pick = "" // the view has picked it now
		}
	}
	m.tabs.setSectors(m.data.sectors, m.t)
	if m.wantTab != "" && slices.Contains(m.tabs.ids, m.wantTab) {
		m.tabs.active = slices.Index(m.tabs.ids, m.wantTab)
		m.wantTab = ""
	}
	m.refilter(keep)
	if tk, ok := m.selected(); ok && tk.Code.Key() == keep && noteID != 0 {
		m.det.keepNote(&tk, noteID)
	}
}

// refilter recomputes the visible rows and counts, keeping the selection
// on the ticker with key keep when it is still visible.
func (m *Model) refilter(keep string) {
	if m.view.liveSort() {
		m.view.facts = liveFactsOf(m, m.view.col.Column) // colsort.go
	}
	m.view.apply(&m.data, m.tabs.activeID())
	m.tabs.counts = m.view.counts
	m.list.setRows(len(m.view.rows))
	if i := m.view.rowOf(&m.data, keep); i >= 0 {
		m.list.cursor = i
	}
	m.list.clamp()
	if keep == "" || m.selectedKey() != keep {
		m.det.reset()
	}
}

// noteID is the id of the note of tk selected in the detail pane (0:
// none).
func (d *detailModel) noteID(tk *sectors.Ticker) uint64 {
	if notes := tk.LiveNotes(); d.note < len(notes) {
		return notes[d.note].ID
	}
	return 0
}

// keepNote re-finds the selected note of tk by its id after a reload:
// another process adding a note (to this ticker or another) must not move
// the selection, or d would delete a note the user did not choose.
func (d *detailModel) keepNote(tk *sectors.Ticker, id uint64) {
	for i, n := range tk.LiveNotes() {
		if n.ID == id {
			d.note = i
			return
		}
	}
	d.reset() // it was deleted
}

// selected returns the selected ticker.
func (m *Model) selected() (sectors.Ticker, bool) {
	if m.list.cursor < 0 || m.list.cursor >= len(m.view.rows) {
		return sectors.Ticker{}, false
	}
	return m.data.tickers[m.view.rows[m.list.cursor]], true
}

func (m *Model) selectedKey() string {
	if t, ok := m.selected(); ok {
		return t.Code.Key()
	}
	return ""
}

func (m *Model) say(format string, args ...any) {
	m.status, m.statusErr = fmt.Sprintf(format, args...), false
}

func (m *Model) fail(err error) {
	m.status, m.statusErr = safeLine(m.t.StoreError(sectorNamed(err, m.data.sectors, m.t))), true
}

// sectorNamed is err with the sector it is about, when it is one of list,
// named as the tabs name it rather than by its id: the user never sees
// ids ("ai") in the TUI.
func sectorNamed(err error, list []sectors.Sector, t *common.Text) error {
	var e *store.Error
	if !errors.As(err, &e) || e.ID == "" || e.Reason == store.NoSuchReport || e.Reason == store.ReportUnnamed {
		return err
	}
	for _, s := range list {
		if s.ID == e.ID {
			named := *e
			named.ID = t.SectorLabel(s)
			return &named
		}
	}
	return err
}

// Messages between the panes, the store and the root.
type (
	pollMsg     struct{ gen uint64 } // the poll's tick, with the generation it read (0: none)
	genMsg      struct{ gen uint64 }
	reloadedMsg struct {
		snap *sectors.Snapshot
		seq  uint64 // which load: only the latest one is applied
	}
	reloadErrMsg  struct{ err error }
	exportDoneMsg struct {
		path string
		n    int
		err  error
	}
)
