package today

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zixuan/service"
	"zixuan/ui/common"
)

func testCommon(t *testing.T, lang string, w, h int) common.Common {
	t.Helper()
	tx := common.TextFor(lang)
	keys := common.NewKeyMap(tx)
	styles := common.NewStyles(true, true)
	return common.Common{Width: w, Height: h, Keys: &keys, Styles: &styles, T: tx}
}

// Until the summary is in the view says it is being made; the store's
// refusal is said in the view, and esc closes it.
func TestTodayLoadingAndStoreError(t *testing.T) {
	v, cmd := New(testCommon(t, "en", 80, 24), Data{Tab: "All"})
	if cmd == nil || !strings.Contains(v.View(), "Working out") {
		t.Fatalf("before the summary: %q", v.View())
	}
	d, _ := v.Update(LoadedMsg{Err: "the database is locked", Seq: v.seq})
	if !strings.Contains(d.View(), "the database is locked") {
		t.Errorf("the refusal is not shown: %q", d.View())
	}
	if next, _ := d.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); next != nil {
		t.Errorf("esc left the view open: %T", next)
	}
}

// On a closed day the summary runs from the last session: what came in
// on an earlier calendar day shows its date, what came in today its time.
func TestTodayDatesWhatIsNotOfTheClocksDay(t *testing.T) {
	v, _ := New(testCommon(t, "en", 120, 40), Data{Tab: "All"})
	sum := service.TodaySummary{Day: "2026-03-06", Date: "2026-03-07", Closed: true, Reason: "weekend",
		Alerts: []service.FiredAlert{{ID: 1, Code: "SZ002230", Alert: "above 105.00", At: "2026-03-06 14:55:02", Price: 105.5},
			{ID: 2, Code: "SZ002230", Alert: "no note for 30 days", At: "2026-03-07 09:00:00"}},
		Reports: []service.NewReport{{ID: "r1", Title: "Friday's report", Calls: 3, Added: "2026-03-06 21:10:00"},
			{ID: "r2", Title: "Saturday's report", Calls: 2, Added: "2026-03-07 08:15:00"}},
		Positions: []service.DayPnL{{Code: "SZ000977", Name: "浪潮信息", Qty: 1000, PnL: ptr(450), Dividend: ptr(1000)}}, DayPnL: 450, PnLPriced: 1, PnLHeld: 1}
	d, _ := v.Update(LoadedMsg{Sum: sum, Seq: v.seq})
	view := d.View()
	for _, want := range []string{"2026-03-06 14:55  SZ002230", "09:00             SZ002230", "2026-03-06 21:10    Friday's report", "08:15               Saturday's report",
		"SZ000977  浪潮信息  1000  -  +450.00  incl. 派 1000.00"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in\n%s", want, view)
		}
	}
	if strings.Contains(view, "2026-03-07 08:15") || strings.Contains(view, "2026-03-07 09:00") {
		t.Errorf("today's moments are dated:\n%s", view)
	}
}

// Asked again while a summary is being made, the view makes it once more
// from the latest data when that one is in; a result of another making is
// not taken, and the place scrolled to is kept.
func TestTodayRequeryOneAtATime(t *testing.T) {
	v, _ := New(testCommon(t, "en", 80, 5), Data{Tab: "All"})
	first := v.seq
	v, cmd := v.Requery(Data{Tab: "Compute"})
	if cmd != nil || v.seq != first || !v.again {
		t.Fatalf("a second making started while one runs: seq %d→%d, again %v", first, v.seq, v.again)
	}
	sum := service.TodaySummary{Day: "2026-03-02", Date: "2026-03-02"}
	if d, _ := v.Update(LoadedMsg{Sum: sum, Seq: first + 100}); d.(Model).Loaded() {
		t.Fatal("another making's result was taken")
	}
	d, cmd := v.Update(LoadedMsg{Sum: sum, Seq: first})
	v = d.(Model)
	if cmd == nil || v.seq == first || v.Tab != "Compute" || !v.Loaded() {
		t.Fatalf("the summary asked meanwhile is not made: cmd %v, seq %d, tab %q", cmd != nil, v.seq, v.Tab)
	}
	d, _ = v.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	v = d.(Model)
	at := v.offset
	d, cmd = v.Update(LoadedMsg{Sum: sum, Seq: v.seq})
	if v = d.(Model); cmd != nil || v.offset != at || at == 0 {
		t.Errorf("made again: offset %d → %d, cmd %v", at, v.offset, cmd != nil)
	}
}

func ptr(v float64) *float64 { return &v }

// Before a trading day's open the view says the summary is the last
// session's, in both languages.
func TestTodaySaysBeforeTheOpen(t *testing.T) {
	sum := service.TodaySummary{Day: "2026-12-04", Date: "2026-12-07", BeforeOpen: true}
	for lang, want := range map[string]string{"en": "before the open; the last session", "zh": "未开盘；上一交易日"} {
		v, _ := New(testCommon(t, lang, 120, 40), Data{Tab: "All"})
		d, _ := v.Update(LoadedMsg{Sum: sum, Seq: v.seq})
		if view := d.View(); !strings.Contains(view, want) {
			t.Errorf("%s: no %q in\n%s", lang, want, view)
		}
	}
}
