package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"

	"zixuan/ui/dialogs/alertline"
	"zixuan/ui/views/reports"
)

// lowerNote lowers 中科曙光 (Buy in the seed) to 中性, agrees on 海光信息
// and rates 浪潮信息, unrated in the seed.
const lowerNote = `证券研究报告 | 行业点评
计算机行业点评：算力景气延续
报告发布日期：2025 年 05 月 10 日

核心观点
算力：需求旺盛，服务器订单饱满。

投资建议
1）算力领域，重点推荐：中科曙光(603019,中性)、海光信息(688041,买入)、浪潮信息(000977,买入)。
`

func noteFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func ratingIn(t *testing.T, st *store.Store, c string) sectors.Rating {
	t.Helper()
	tk, err := st.Get(market.MustParseCode(c))
	if err != nil {
		t.Fatal(err)
	}
	return tk.Rating
}

func TestReportAddAsksBeforeLowering(t *testing.T) {
	for _, tc := range []struct {
		answer string
		want   sectors.Rating
	}{{"y", sectors.Neutral}, {"n", sectors.Buy}} {
		st, _ := newTestStore(t)
		m := newTestModel(t, st, "en", 120, 40)
		m = press(m, "b", "a", noteFile(t, lowerNote))
		m = pressRun(m, "enter")
		view := m.plainView()
		for _, want := range []string{"↓ 603019", "lowers Buy → Neutral", "= 688041", "unchanged Buy", "~ 000977", "re-rated Unrated → Buy"} {
			if !strings.Contains(view, want) {
				t.Errorf("the preview lacks %q:\n%s", want, view)
			}
		}
		// y asks first; esc goes back to the preview
		m = pressRun(m, "y")
		if d, ok := m.stack.top().(reports.AddModel); !ok || !d.Asking() || !strings.Contains(m.plainView(), "It lowers 1 rating(s): 603019 Buy → Neutral") {
			t.Fatalf("y did not ask:\n%s", m.plainView())
		}
		checkFrame(t, m.plainView(), 120, 40)
		for _, sz := range [][2]int{{80, 24}, {50, 12}} {
			n := update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, n.plainView(), sz[0], sz[1])
			if !strings.Contains(n.plainView(), "It lowers") {
				t.Errorf("%dx%d: the question is not on screen:\n%s", sz[0], sz[1], n.plainView())
			}
		}
		m = press(m, "esc")
		if d, ok := m.stack.top().(reports.AddModel); !ok || d.Asking() || !d.Shown() {
			t.Fatalf("esc: %T", m.stack.top())
		}
		if list, _ := st.Reports(); len(list) != 1 {
			t.Fatal("asking wrote")
		}
		m = pressRun(m, "y")
		m = pressRun(m, tc.answer)
		if list, _ := st.Reports(); len(list) != 2 {
			t.Fatalf("%s: the report was not added", tc.answer)
		}
		if r := ratingIn(t, st, "603019"); r != tc.want {
			t.Errorf("%s: 603019 is %v, want %v", tc.answer, r, tc.want)
		}
		if r := ratingIn(t, st, "000977"); r != sectors.Buy {
			t.Errorf("%s: the raise was not applied: %v", tc.answer, r)
		}
	}
}

func TestReportPreviewSaysAnUndatedReportRatesNothing(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	undated := strings.Replace(lowerNote, "报告发布日期：2025 年 05 月 10 日\n", "", 1)
	m = press(m, "b", "a", noteFile(t, undated))
	m = pressRun(m, "enter")
	view := m.plainView()
	if !strings.Contains(view, "No date: the report changes no rating") || !strings.Contains(view, "kept Buy: no date") {
		t.Errorf("the preview of an undated report:\n%s", view)
	}
	m = pressRun(m, "y") // nothing lowers: no question
	if list, _ := st.Reports(); len(list) != 2 || ratingIn(t, st, "603019") != sectors.Buy || ratingIn(t, st, "000977") != sectors.Unrated {
		t.Errorf("an undated report rated: %d reports, %v, %v", len(list), ratingIn(t, st, "603019"), ratingIn(t, st, "000977"))
	}
}

// addCallReport keeps a report dated day that calls code with rating and
// target, its theme's thesis given.
func addCallReport(t testing.TB, st *store.Store, id string, day time.Time, code string, rating sectors.Rating, target float64, thesis string) {
	t.Helper()
	c := market.MustParseCode(code)
	name, _ := market.MasterName(c)
	in := store.ReportInput{
		Report: sectors.BrokerReport{ID: id, Title: "点评 " + id, Date: day, Broker: "测试证券"},
		Themes: []sectors.Theme{{Name: "算力", Thesis: thesis}},
		Calls:  []sectors.Call{{ReportID: id, Code: c, Name: name, NameInReport: name, Rating: rating, RatingInReport: rating.Chinese(), Theme: "算力", Target: target}},
	}
	if _, err := st.AddReport(in, store.AddReportOptions{Lower: true}); err != nil {
		t.Fatal(err)
	}
}

func TestDetailListsEveryCallNewestFirst(t *testing.T) {
	st, _ := newTestStore(t)
	addCallReport(t, st, "r-a", time.Date(2025, 1, 6, 0, 0, 0, 0, market.China), "603019", sectors.Neutral, 52.5, "服务器需求短期承压。")
	addCallReport(t, st, "r-b", time.Date(2025, 6, 2, 0, 0, 0, 0, market.China), "603019", sectors.Buy, 88, "算力：海光合并带来协同。")
	for _, lang := range []string{"en", "zh"} {
		m := newTestModel(t, st, lang, 120, 40)
		m.selectKey("SH603019")
		view := m.plainView()
		checkFrame(t, view, 120, 40)
		title, target, rerated := "Calls (3)", "target 88.00", "Neutral → Buy"
		if lang == "zh" {
			title, target, rerated = "研报推荐（3）", "目标价 88.00", "中性 → 买入"
		}
		for _, want := range []string{title, target, rerated, "海光合并带来协同", "服务器需求短期承压", "测试证券"} {
			if !strings.Contains(view, want) {
				t.Errorf("%s: the pane lacks %q:\n%s", lang, want, view)
			}
		}
		if strings.Contains(view, "算力：算力") || strings.Contains(view, "算力: 算力") {
			t.Errorf("%s: the theme's label is repeated:\n%s", lang, view)
		}
		newest, older, seed := strings.Index(view, "2025-06-02"), strings.Index(view, "2025-01-06"), strings.LastIndex(view, "2024-05-12")
		if newest < 0 || older < newest || seed < older {
			t.Errorf("%s: not newest first (%d, %d, %d):\n%s", lang, newest, older, seed, view)
		}
		for _, sz := range [][2]int{{80, 24}, {50, 12}} {
			n := update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, n.plainView(), sz[0], sz[1])
		}
	}
}

// manyCalls gives 603019 n calls from n reports, in the model only (a
// store of n reports takes n transactions to write).
func manyCalls(m *Model, n int) {
	i := m.data.indexOf(market.MustParseCode("603019"))
	tk := &m.data.tickers[i]
	for k := range n {
		id := fmt.Sprintf("r-%04d", k)
		m.hs.snap.Reports = append(m.hs.snap.Reports, sectors.ReportEntry{
			BrokerReport: sectors.BrokerReport{ID: id, Date: time.Date(2020, 1, 1, 0, 0, 0, 0, market.China).AddDate(0, 0, k), Broker: "测试证券"},
			Themes:       []sectors.ReportTheme{{Theme: sectors.Theme{Name: "算力", Thesis: strings.Repeat("算力需求持续提升，服务器订单饱满。", 1+k%4) + id}}},
		})
		tk.Calls = append(tk.Calls, sectors.Call{ReportID: id, Code: tk.Code, Name: tk.Name, Rating: sectors.Buy, Theme: "算力", Target: 50 + float64(k)})
	}
	m.dataEpoch = nextEpoch()
}

func TestDetailWithManyCallsFits(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	manyCalls(&m, 400)
	m.selectKey("SH603019")
	view := m.plainView()
	checkFrame(t, view, 120, 40)
	if !strings.Contains(view, "Calls (401)") && !strings.Contains(strings.Join(m.detailLinesOf(120), "\n"), "Calls (401)") {
		t.Errorf("the calls heading is missing")
	}
	lines := m.detailLinesOf(120)
	if first, last := indexOf(lines, "r-0399"), indexOf(lines, "r-0000"); first < 0 || last < first {
		t.Errorf("not newest first: r-0399 at %d, r-0000 at %d", first, last)
	}
}

func (m *Model) detailLinesOf(width int) []string {
	f := m.newFrame()
	lines, _ := f.det.detailLines(&f.detIn, width, false)
	return lines
}

func indexOf(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

// The detail pane of a ticker with 400 calls, drawn as a frame is: the
// calls section is drawn once and kept.
func BenchmarkDetailManyCalls(b *testing.B) {
	st, _ := newTestStore(b)
	m := newTestModel(b, st, "en", 120, 40)
	manyCalls(&m, 400)
	m.selectKey("SH603019")
	_ = m.plainView()
	b.ResetTimer()
	for b.Loop() {
		_ = m.plainView()
	}
}

func TestAlertAtTheCallsTarget(t *testing.T) {
	code := market.MustParseCode("603019")
	a, err := alertline.Parse(code, "target", fixedNow, 88.5)
	if err != nil || a.Kind != sectors.AlertTarget || a.Value != 88.5 {
		t.Errorf("target alone: %+v %v", a, err)
	}
	if a, err := alertline.Parse(code, "target 90", fixedNow, 88.5); err != nil || a.Value != 90 {
		t.Errorf("target 90: %+v %v", a, err)
	}
	if _, err := alertline.Parse(code, "target", fixedNow, 0); err == nil || !strings.Contains(err.Error(), "no report gives it a target price") {
		t.Errorf("target without a call's target: %v", err)
	}
	// through the pane: the newest report's target
	st, _ := newTestStore(t)
	addCallReport(t, st, "r-b", time.Date(2025, 6, 2, 0, 0, 0, 0, market.China), "603019", sectors.Buy, 88, "算力需求提升。")
	m := newTestModel(t, st, "en", 120, 40)
	m.selectKey("SH603019")
	m = press(m, "enter", "!", "target", "enter")
	alerts, err := st.Alerts()
	if err != nil || len(alerts) != 1 || alerts[0].Value != 88 || alerts[0].Kind != sectors.AlertTarget {
		t.Errorf("alerts %+v %v", alerts, err)
	}
}

// withCalls gives 603019 two more reports' calls, one lowering its rating
// and one raising it back with a target price, and selects it.
func withCalls(t *testing.T) func(m *Model) {
	return func(m *Model) {
		addCallReport(t, m.st, "report-2025-01-06-0a0b0c0d", time.Date(2025, 1, 6, 0, 0, 0, 0, market.China), "603019", sectors.Neutral, 0, "算力：服务器需求短期承压，库存去化仍需时间。")
		addCallReport(t, m.st, "report-2025-06-02-1a1b1c1d", time.Date(2025, 6, 2, 0, 0, 0, 0, market.China), "603019", sectors.Buy, 88, "算力：海光合并带来协同，国产算力份额持续提升。")
		snap, err := m.st.Load()
		if err != nil {
			t.Fatal(err)
		}
		m.setData(snap, false)
		m.selectKey("SH603019")
	}
}

func TestGoldenDetailCalls(t *testing.T) { golden(t, "en", 120, 40, withCalls(t)) }
func TestGoldenDetailCallsZH(t *testing.T) {
	golden(t, "zh", 80, 24, withCalls(t), "enter", "pgdown", "pgdown")
}

func TestReportRemoveSaysWhatItRestored(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "b", "a", noteFile(t, lowerNote))
	m = pressRun(m, "enter")
	m = pressRun(m, "y")
	m = pressRun(m, "y") // lower 603019
	if _, err := st.SetRating(market.MustParseCode("000977"), sectors.Sell, "", ""); err != nil {
		t.Fatal(err)
	}
	m = press(m, "d")
	m = pressRun(m, "y")
	if !strings.Contains(m.status, "restored 1 rating(s) it set; left 1 changed since (000977)") {
		t.Errorf("status %q", m.status)
	}
	if r := ratingIn(t, st, "603019"); r != sectors.Buy {
		t.Errorf("603019 is %v after the removal", r)
	}
}
