package positions

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
	return common.Common{Width: 120, Height: 20, Keys: &keys, Styles: &styles, T: tx}
}

// The view prices a holding with the quotes it is given, subtotals each
// sector that holds one and totals them all; a holding off the list is
// grouped apart.
func TestPositionsPricedBySector(t *testing.T) {
	bank, chip, gone := market.MustParseCode("600000"), market.MustParseCode("688111"), market.MustParseCode("000001")
	data := Data{
		Quotes:  map[string]sectors.Quote{bank.Key(): {Last: 12}},
		Sectors: map[string]string{bank.Key(): "Banks", chip.Key(): "Chips"},
		Names:   map[string]string{bank.Key(): "浦发银行", chip.Key(): "金山办公", gone.Key(): "平安银行"},
		Order:   []string{"Banks", "Chips"},
	}
	v, cmd := New(testCommon(t), data)
	if cmd == nil {
		t.Fatal("no command reads the positions")
	}
	if got := v.View(); !strings.Contains(got, "Loading") {
		t.Errorf("before the positions are read: %q", got)
	}
	list := []sectors.Position{
		{Code: bank, Qty: 100, Cost: 1000},
		{Code: chip, Qty: 10, Cost: 3000},
		{Code: gone, Qty: 0, Realised: 50}, // sold out: its realised P&L stays
	}
	d, _ := v.Update(LoadedMsg{List: list})
	view := ansi.Strip(d.View())
	for _, want := range []string{"Banks", "Chips", "not on the list", "+200.00", "+20.00%", "4000.00"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in\n%s", want, view)
		}
	}
	lines := strings.Split(view, "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "Total") || !strings.Contains(last, "50.00") {
		t.Errorf("the last line is not the total with the realised P&L: %q", last)
	}
}

// The store's refusal is said in the view, and esc closes it.
func TestPositionsStoreError(t *testing.T) {
	v, _ := New(testCommon(t), Data{})
	d, _ := v.Update(LoadedMsg{Err: "the database is locked"})
	if !strings.Contains(d.View(), "the database is locked") {
		t.Errorf("the refusal is not shown: %q", d.View())
	}
	if next, _ := d.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); next != nil {
		t.Errorf("esc left the view open: %T", next)
	}
}

// told is the message a key makes the view hand the root (nil: none).
func told(t *testing.T, d common.Dialog, k tea.KeyPressMsg) (common.Dialog, tea.Msg) {
	t.Helper()
	next, _ := d.Update(k)
	if r, ok := next.(common.Reply); ok {
		return r.Dialog, r.Msg
	}
	return next, nil
}

// The cursor selects a position: a buys it, s sells it (not one sold
// out), d asks to delete its latest trade, enter opens its page, where d
// asks to delete the trade selected; with no position a buys a code typed.
func TestPositionsKeysAskTheRoot(t *testing.T) {
	bank, chip := market.MustParseCode("600000"), market.MustParseCode("688111")
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, market.China)
	v, _ := New(testCommon(t), Data{})
	empty, _ := v.Update(LoadedMsg{})
	if _, msg := told(t, empty, tea.KeyPressMsg{Code: 'a', Text: "a"}); msg != (OpenTradeMsg{Side: sectors.Bought}) {
		t.Errorf("a with no position: %#v", msg)
	}
	list := []sectors.Position{
		{Code: bank, Qty: 0, Realised: 5, Trades: []sectors.Trade{{ID: 1, Code: bank, Side: sectors.Bought}, {ID: 2, Code: bank, Side: sectors.Sold}}},
		{Code: chip, Qty: 200, Cost: 3000, Trades: []sectors.Trade{{ID: 3, Code: chip, Side: sectors.Bought, Date: day}, {ID: 5, Code: chip, Side: sectors.Bought, Date: day}}},
	}
	d, _ := v.Update(LoadedMsg{List: list})
	if _, msg := told(t, d, tea.KeyPressMsg{Code: 's', Text: "s"}); msg != nil {
		t.Errorf("s on a position sold out: %#v", msg)
	}
	if _, msg := told(t, d, tea.KeyPressMsg{Code: 'd', Text: "d"}); msg.(AskRemoveMsg).Trade.ID != 2 {
		t.Errorf("d asks for %#v, want the latest trade, 2", msg)
	}
	d, _ = told(t, d, tea.KeyPressMsg{Code: 'j', Text: "j"})
	if _, msg := told(t, d, tea.KeyPressMsg{Code: 's', Text: "s"}); msg != (OpenTradeMsg{Side: sectors.Sold, Code: chip, Held: 200}) {
		t.Errorf("s on the second position: %#v", msg)
	}
	d, _ = told(t, d, tea.KeyPressMsg{Code: tea.KeyEnter})
	if d.(Model).Page() != chip.Key() {
		t.Fatalf("enter opened %q", d.(Model).Page())
	}
	d, _ = told(t, d, tea.KeyPressMsg{Code: 'k', Text: "k"})
	if _, msg := told(t, d, tea.KeyPressMsg{Code: 'd', Text: "d"}); msg.(AskRemoveMsg).Trade.ID != 3 {
		t.Errorf("d on the page's first trade asks for %#v", msg)
	}
}
