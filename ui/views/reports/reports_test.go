package reports

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

func testCommon(t *testing.T) common.Common {
	t.Helper()
	tx := common.TextFor("en")
	keys := common.NewKeyMap(tx)
	styles := common.NewStyles(true, true)
	return common.Common{Width: 100, Height: 20, Keys: &keys, Styles: &styles, T: tx}
}

func report(id, title string, day int, themes ...string) sectors.ReportEntry {
	r := sectors.ReportEntry{BrokerReport: sectors.BrokerReport{ID: id, Title: title, Broker: "Broker", Date: time.Date(2024, 5, day, 0, 0, 0, 0, market.China)}}
	for _, th := range themes {
		r.Themes = append(r.Themes, sectors.ReportTheme{Theme: sectors.Theme{Name: th}})
	}
	return r
}

func enter() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyEnter} }

// The view lists the reports newest first; enter on one asks the root to
// filter the list by it and shows its calls in its themes' order, each
// ticker's rating as it is now; enter on a call goes to its ticker, and
// a ticker no longer on the list is marked so and cannot be gone to.
func TestReportsViewCallsAndFilter(t *testing.T) {
	bank, chip := market.MustParseCode("600000"), market.MustParseCode("688111")
	old, recent := report("r1", "Old weekly", 5, "Banks"), report("r2", "New weekly", 12, "Compute", "Banks")
	call := func(r sectors.ReportEntry, c market.Code, theme string) sectors.Call {
		return sectors.Call{ReportID: r.ID, Code: c, Name: c.Number, Rating: sectors.Buy, Theme: theme}
	}
	snap := &sectors.Snapshot{
		Reports: []sectors.ReportEntry{old, recent}, // oldest first, as stored
		Tickers: []sectors.Ticker{
			{Code: bank, Rating: sectors.Buy, Calls: []sectors.Call{call(old, bank, "Banks"), call(recent, bank, "Banks")}},
			{Code: chip, Rating: sectors.Buy, Calls: []sectors.Call{call(recent, chip, "Compute")}, Removed: time.Date(2024, 5, 20, 0, 0, 0, 0, market.China)},
		},
	}
	// the bank is re-rated since the load; the chip left the list before it
	nowBank := snap.Tickers[0]
	nowBank.Rating = sectors.Sell
	current := func(c market.Code) *sectors.Ticker {
		if c == bank {
			return &nowBank
		}
		return nil
	}
	v := New(testCommon(t), Data{Snap: snap, Current: current})
	if got := v.Reports(); len(got) != 2 || got[0].ID != "r2" {
		t.Fatalf("reports %+v, want the newest first", got)
	}
	d, _ := v.Update(enter())
	r, ok := d.(common.Reply)
	if !ok || r.Msg != (FilterMsg{ID: "r2"}) {
		t.Fatalf("enter answered %#v, want the filter on r2", d)
	}
	v = r.Dialog.(Model)
	if v.Opened() != 0 || v.CallCount(0) != 2 {
		t.Fatalf("opened %d with %d calls", v.Opened(), v.CallCount(0))
	}
	lines := strings.Split(ansi.Strip(v.View()), "\n")
	// the title, the heading, then Compute's call before Banks'
	if !strings.Contains(lines[2], "688111") || !strings.Contains(lines[2], v.T.Reports.RemovedNow) {
		t.Errorf("first call %q: want 688111, off the list", lines[2])
	}
	if !strings.Contains(lines[3], "600000") || !strings.Contains(lines[3], v.T.Rating(sectors.Sell)) {
		t.Errorf("second call %q: want 600000 at its rating now", lines[3])
	}
	if d, _ := v.Update(enter()); func() bool { _, stays := d.(Model); return !stays }() {
		t.Errorf("enter on a ticker off the list answered %#v", d)
	}
	v2, _ := v.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	d, _ = v2.Update(enter())
	if r, ok := d.(common.Reply); !ok || r.Dialog != nil || r.Msg != (common.GoToTickerMsg{Key: bank.Key()}) {
		t.Errorf("enter on the bank's call answered %#v", d)
	}
}

// Made again from newer data, the view keeps the report selected, and
// selects a report just added.
func TestReportsViewRefreshKeepsSelection(t *testing.T) {
	none := func(market.Code) *sectors.Ticker { return nil }
	a, b, c := report("a", "A", 1), report("b", "B", 2), report("c", "C", 3)
	v := New(testCommon(t), Data{Snap: &sectors.Snapshot{Reports: []sectors.ReportEntry{a, b}}, Current: none})
	d, _ := v.Update(tea.KeyPressMsg{Code: tea.KeyDown}) // b, a: a selected
	v = d.(Model).Refresh(Data{Snap: &sectors.Snapshot{Reports: []sectors.ReportEntry{a, b, c}}, Current: none})
	if v.id(v.sel) != "a" {
		t.Errorf("selected %q after the refresh, want a", v.id(v.sel))
	}
	v = v.Refresh(Data{Snap: &sectors.Snapshot{Reports: []sectors.ReportEntry{a, b, c}}, Current: none, Pick: "b"})
	if v.id(v.sel) != "b" {
		t.Errorf("selected %q, want the report just added", v.id(v.sel))
	}
}
