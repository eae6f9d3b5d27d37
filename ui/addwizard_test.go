package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/quote/quotetest"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
	"zixuan/ui/dialogs/wizard"
)

// typeCmds types s one key at a time and gathers the commands the keys
// gave, without running them: what Update did by itself.
func typeCmds(m Model, s string) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = pressCmd(m, string(r))
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// answerName carries out cmd's commands (each on its own, as the
// program does) and takes in the quote server's answer to the wizard;
// the others (the cursor's blink) are left.
func answerName(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	got := make(chan tea.Msg, 64)
	var walk func(tea.Cmd)
	walk = func(c tea.Cmd) {
		if c == nil {
			return
		}
		go func() {
			msg := c()
			if b, ok := msg.(tea.BatchMsg); ok {
				for _, c := range b {
					walk(c)
				}
				return
			}
			got <- msg
		}()
	}
	walk(cmd)
	deadline := time.After(10 * time.Second) // a guard against a missing answer, not a measure
	for {
		select {
		case msg := <-got:
			if n, ok := msg.(wizard.NameMsg); ok {
				return update(m, n)
			}
		case <-deadline:
			t.Fatal("the wizard asked nothing of the quote server")
		}
	}
}

// sectorsOf is the sectors as the file holds them.
func sectorsOf(t *testing.T, st *store.Store) []sectors.Sector {
	t.Helper()
	list, err := st.Sectors()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// The wizard's sector step takes a new sector's name: the sector and the
// ticker are written together, the tab appears, and names the S dialog
// would refuse are refused in one line inside the step, nothing written.
func TestWizardAddsIntoANewSector(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 100, 30)
	m = press(m, "a", "600519", "enter")
	if showing(m) != "mover" || !strings.Contains(m.plainView(), "Add 600519 贵州茅台 to") {
		t.Fatalf("the sector step: %s\n%s", showing(m), m.plainView())
	}
	m = press(m, "a")
	if v := m.plainView(); !strings.Contains(v, "New sector for 600519 贵州茅台") {
		t.Fatalf("no name asked:\n%s", v)
	}
	gen, _ := st.Generation()
	for _, c := range []struct{ typed, want string }{
		{"", "a sector needs a name with letters or digits"},
		{"--", "a sector needs a name with letters or digits"},
		{"AI", "a sector named AI exists already"},
		{"算力", "a sector named 算力 exists already"},
		{strings.Repeat("x", 41), "sector names are at most 40 characters"},
	} {
		m = press(m, "ctrl+u") // the line cleared
		if c.typed != "" {
			m = press(m, c.typed)
		}
		m = press(m, "enter")
		v := m.plainView()
		if showing(m) != "mover" || !strings.Contains(v, c.want) {
			t.Errorf("%q: showing %s, want %q in\n%s", c.typed, showing(m), c.want, v)
		}
		if n := strings.Count(v, c.want); n != 1 {
			t.Errorf("%q: the refusal is said %d times", c.typed, n)
		}
	}
	if now, _ := st.Generation(); now != gen {
		t.Errorf("a refused name wrote to the file")
	}
	m = press(m, "ctrl+u", "白酒", "enter")
	if showing(m) != "list" || !strings.Contains(m.status, "added 600519 贵州茅台 to 白酒") {
		t.Fatalf("after the write: showing %s, status %q", showing(m), m.status)
	}
	tk, err := st.Get(market.MustParseCode("600519"))
	if err != nil || tk.Sector != "白酒" {
		t.Errorf("600519 in %q (%v)", tk.Sector, err)
	}
	if list := sectorsOf(t, st); list[len(list)-1].ID != "白酒" || list[len(list)-1].NameZH != "白酒" {
		t.Errorf("sectors: %+v", list)
	}
	m.reload() // the reload the write asked for
	if selectedNumber(m) != "600519" || !slices.Contains(m.tabs.ids, "白酒") {
		t.Errorf("the list after: selected %s, tabs %q", selectedNumber(m), m.tabs.ids)
	}
}

// A sector made by another process while the name was typed: the write
// is refused whole, the step comes back with the name, and the refusal in
// the status line lasts until a key changes the name (not a cursor move).
func TestWizardNewSectorTakenMeanwhile(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 100, 30)
	m = press(m, "a", "600519", "enter", "a", "Liquor")
	if _, err := st.AddSector("Liquor", "白酒"); err != nil {
		t.Fatal(err)
	}
	m = press(m, "enter")
	if showing(m) != "mover" || !m.statusErr || !strings.Contains(m.status, "a sector named Liquor exists already") {
		t.Fatalf("showing %s, status %q", showing(m), m.status)
	}
	if tk, err := st.Get(market.MustParseCode("600519")); err == nil && tk.OnList() {
		t.Errorf("the ticker was added without its sector")
	}
	m = press(m, "left")
	if m.status == "" {
		t.Errorf("a cursor move cleared the refusal")
	}
	m = press(m, "s")
	if m.status != "" {
		t.Errorf("the refusal outlived the key that changed the name: %q", m.status)
	}
	if !strings.Contains(m.plainView(), "> Liquos") {
		t.Errorf("the name typed is not back:\n%s", m.plainView())
	}
}

// fundServer answers like Tencent's quote server with the recorded lines
// of funds and indexes, each only when asked, and anything else as
// unknown; it keeps the requests.
type fundServer struct{ *quotetest.Server }

func newFundServer(t *testing.T) fundServer {
	return fundServer{quotetest.NewServer(t, quotetest.Lines(t, "tencent_funds.gbk"))}
}

func (f fundServer) provider() quote.Provider { return quote.NewTencent(f.URL, f.Client()) }

func (f fundServer) requests() []string { return f.Requests() }

// Funds and indexes in the wizard, as the CLI's add takes them: a fund is
// named by the quote server, asked by a command (Update never waits for
// it), a known index by zixuan; both are kept with that name and never
// rated by a report; a code the server does not know, or a server that
// does not answer, says so in one line and adds nothing.
func TestWizardAddsFundsAndIndexes(t *testing.T) {
	srv := newFundServer(t)
	st, _ := newTestStore(t)
	m := quoteModel(t, st, afterClose, srv.provider(), 100, 30)
	m = press(m, "a")
	m, cmd := typeCmds(m, "510300")
	if v := m.plainView(); !strings.Contains(v, "> sh510300 ETF  asking the quote server for its name") {
		t.Errorf("while asking:\n%s", v)
	}
	if got := srv.requests(); len(got) != 0 {
		t.Fatalf("Update asked the server itself: %q", got)
	}
	m = answerName(t, m, cmd)
	if v := m.plainView(); !strings.Contains(v, "> sh510300 沪深300ETF华泰柏瑞 ETF") {
		t.Fatalf("named:\n%s", v)
	}
	m = press(m, "ctrl+r", "enter") // rated Buy, then the sector step (All tab)
	if showing(m) != "mover" {
		t.Fatalf("showing %s", showing(m))
	}
	m = press(m, "enter") // the first sector
	etf := market.MustParseCode("sh510300")
	tk, err := st.Get(etf)
	if err != nil || tk.Name != "沪深300ETF华泰柏瑞" || tk.QuoteName != "沪深300ETF华泰柏瑞" || tk.CustomName != "" || tk.Rating != sectors.Buy || tk.Sector != "ai" {
		t.Fatalf("stored %+v (%v)", tk, err)
	}
	if selectedNumber(m) != "510300" || !strings.Contains(m.status, "added 510300 沪深300ETF华泰柏瑞 to AI applications") {
		t.Errorf("selected %s, status %q", selectedNumber(m), m.status)
	}

	// a known index is named without asking; on a sector tab it goes
	// straight into that sector
	before := len(srv.requests())
	m = press(m, "tab", "tab", "a")
	m, cmd = typeCmds(m, "000300")
	if v := m.plainView(); !strings.Contains(v, "> sh000300 沪深300") || !strings.Contains(v, "index") {
		t.Errorf("a known index:\n%s", v)
	}
	_ = cmd // nothing asked: the name is zixuan's
	if len(srv.requests()) != before {
		t.Errorf("asked the server for a known index: %q", srv.requests()[before:])
	}
	m = press(m, "enter")
	if tk, err := st.Get(market.MustParseCode("sh000300")); err != nil || tk.Name != "沪深300" || tk.Sector != "compute" {
		t.Errorf("the index stored as %+v (%v)", tk, err)
	}

	// a code the server does not know
	gen, _ := st.Generation()
	m = press(m, "a")
	m, cmd = typeCmds(m, "510999")
	m = answerName(t, m, cmd)
	if v := m.plainView(); !strings.Contains(v, "the quote server does not know sh510999: check the code") {
		t.Errorf("unknown code:\n%s", v)
	}
	m = press(m, "enter")
	if showing(m) != "wizard" {
		t.Errorf("enter on an unknown code: showing %s", showing(m))
	}
	// a server that does not answer: said in one line, enter asks again
	srv.Close()
	m = press(m, "esc", "a")
	m, cmd = typeCmds(m, "159915")
	m = answerName(t, m, cmd)
	v := m.plainView()
	if !strings.Contains(v, "sz159915 ETF  the quote server did not answer") {
		t.Errorf("no answer:\n%s", v)
	}
	if _, cmd := pressCmd(m, "enter"); cmd == nil {
		t.Errorf("enter after no answer does not ask again")
	}
	if now, _ := st.Generation(); now != gen {
		t.Errorf("a fund without a name was written")
	}
}

// The wizard in Chinese names a fund's kind and the offline refusal in
// Chinese.
func TestWizardFundOfflineInChinese(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "zh", 100, 30)
	m = press(m, "a", "588000")
	if v := m.plainView(); !strings.Contains(v, "sh588000 ETF：代码表中没有，需要行情服务器提供名称（行情已关闭）") {
		t.Errorf("offline, zh:\n%s", v)
	}
	m = press(m, "ctrl+u", "399006")
	if v := m.plainView(); !strings.Contains(v, "> sz399006 创业板指") || !strings.Contains(v, "指数") {
		t.Errorf("a known index, zh:\n%s", v)
	}
}
