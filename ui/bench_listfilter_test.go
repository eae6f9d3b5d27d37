package ui_test

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"zixuan/bench/universe"
)

type item struct{ code, name string }

func (i item) Title() string { return i.code + " " + i.name }

func (i item) Description() string { return "" }

func (i item) FilterValue() string { return i.code + " " + i.name }

func marketTargets(n int) ([]string, []list.Item) {
	var targets []string
	var items []list.Item
	for _, m := range universe.Securities(n) {
		it := item{m.Code.Number, m.Name}
		targets = append(targets, it.FilterValue())
		items = append(items, it)
	}
	return targets, items
}

// BenchmarkDefaultFilter is bubbles' list.DefaultFilter (sahilm/fuzzy) over
// the same names ("688111 金山办公"), for each query zixuan's search runs.
func BenchmarkDefaultFilter(b *testing.B) {
	for _, q := range searches {
		for _, n := range universe.Sizes() {
			b.Run(q.name+"/"+sizeName(n), func(b *testing.B) {
				targets, _ := marketTargets(n)
				term := q.prefix + q.next
				var l lat
				for b.Loop() {
					l.time(func() { _ = list.DefaultFilter(term, targets) })
				}
				l.report(b)
			})
		}
	}
}

// BenchmarkListKeystroke is a whole bubbles list filter keystroke on the
// same names: Update(key) → the filter command → Update(matches) → View at
// 120x40, against an anchor of 2.1–3.7 ms.
func BenchmarkListKeystroke(b *testing.B) {
	for _, q := range searches {
		b.Run(q.name+"/"+sizeName(universe.All()), func(b *testing.B) {
			_, items := marketTargets(universe.All())
			l := list.New(items, list.NewDefaultDelegate(), benchW, benchH)
			fs := l.FilterInput.Styles()
			fs.Cursor.Blink = false // no blink command to wait for
			l.FilterInput.SetStyles(fs)
			var m tea.Model = listModel{l}
			m = send(m, key("/"))
			for _, r := range q.prefix {
				m = listKey(b, m, key(string(r)))
			}
			var lt lat
			b.ResetTimer()
			for b.Loop() {
				lt.time(func() {
					m = listKey(b, m, key(q.next))
					_ = m.View().Content
				})
				b.StopTimer()
				m = listKey(b, m, key("backspace"))
				b.StartTimer()
			}
			lt.report(b)
		})
	}
}

// listModel makes list.Model a tea.Model.
type listModel struct{ list.Model }

func (m listModel) Init() tea.Cmd { return nil }

func (m listModel) View() tea.View { return tea.NewView(m.Model.View()) }

func (m listModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.Model, cmd = m.Model.Update(msg)
	return m, cmd
}

// listKey sends a key and runs the filter command it returns.
func listKey(b *testing.B, m tea.Model, k tea.KeyPressMsg) tea.Model {
	m, cmd := m.Update(k)
	if cmd == nil {
		return m
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if c != nil {
				m = send(m, c())
			}
		}
		return m
	}
	if _, ok := msg.(list.FilterMatchesMsg); !ok {
		b.Fatalf("list key %q gave %T, not the filter's matches", k, msg)
	}
	return send(m, msg)
}

// BenchmarkSearchVsDefaultFilter is the side-by-side figure at 5,538
// tickers: zixuan's whole search keystroke (Update, which filters, ranks and
// sorts, and View) against DefaultFilter alone on the same names, for the
// same query, alternating within one loop so both see the same machine.
// x-vs-DefaultFilter is zixuan's median over DefaultFilter's: the target is
// at most 0.5.
func BenchmarkSearchVsDefaultFilter(b *testing.B) {
	checkCodeRank(b)
	for _, q := range searches {
		b.Run(q.name, func(b *testing.B) {
			n := universe.All()
			targets, _ := marketTargets(n)
			m, _ := started(b, n)
			m = typed(send(m, key("/")), q.prefix)
			var zx, df lat
			term := q.prefix + q.next
			for b.Loop() {
				zx.time(func() {
					m = send(m, key(q.next))
					_ = m.View().Content
				})
				m = send(m, key("backspace"))
				df.time(func() { _ = list.DefaultFilter(term, targets) })
			}
			slices.Sort(zx)
			slices.Sort(df)
			zmed, dmed := zx[len(zx)/2], df[len(df)/2]
			b.ReportMetric(ms(zmed), "ms-zixuan")
			b.ReportMetric(ms(dmed), "ms-DefaultFilter")
			b.ReportMetric(float64(zmed)/float64(dmed), "x-vs-DefaultFilter")
		})
	}
}
