package ui_test

// Benchmarks of the TUI, driven only through the public API
// (ui.New, Update, View) on the benchmark universe (bench/universe): the
// real market's names in a real bbolt file, at 25, 550 and 5,538 tickers.
// Each keystroke benchmark reports its median (ms-p50) and worst (ms-max)
// besides the mean; bubbles' own list filter runs on the same names in the
// same process so zixuan's search reads as a ratio against it. Run them with
// bench/run.sh, or:
//
//	go test -run '^$' -bench . ./ui

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/bench/universe"
	"zixuan/store"
	"zixuan/ui"
)

const benchW, benchH = 120, 40

func sizeName(n int) string { return fmt.Sprintf("n=%d", n) }

func opts() ui.Options {
	return ui.Options{Lang: "zh", Location: time.UTC, PollInterval: -1, Dir: "/nonexistent"}
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

// started opens a copy of the universe of size n and draws the first frame.
func started(b *testing.B, n int) (tea.Model, string) {
	b.Helper()
	tm := startOn(b, universe.Copy(b, n))
	return tm, tm.View().Content
}

// startOn is a start on the file at path: open, ui.New, the window size.
func startOn(b *testing.B, path string) tea.Model {
	b.Helper()
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	m, err := ui.New(st, opts())
	if err != nil {
		b.Fatal(err)
	}
	tm, _ := tea.Model(m).Update(tea.WindowSizeMsg{Width: benchW, Height: benchH})
	return tm
}

func send(m tea.Model, msgs ...tea.Msg) tea.Model {
	for _, msg := range msgs {
		m, _ = m.Update(msg)
	}
	return m
}

func typed(m tea.Model, s string) tea.Model {
	for _, r := range s {
		m = send(m, key(string(r)))
	}
	return m
}

// lat collects per-operation latencies and reports their median and
// maximum: a keystroke must be fast every time, not on average.
type lat []time.Duration

func (l *lat) time(fn func()) {
	t := time.Now()
	fn()
	*l = append(*l, time.Since(t))
}

func (l lat) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	s := slices.Clone(l)
	slices.Sort(s)
	b.ReportMetric(ms(s[len(s)/2]), "ms-p50")
	b.ReportMetric(ms(s[len(s)-1]), "ms-max")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkColdStart is (1): open the database, load it, build the search
// index, size the screen and render the first frame at 120x40. The embedded
// securities master is parsed once per process (sectors.Master), before the
// timer: the process-level figure in bench/run.sh includes it.
func BenchmarkColdStart(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			started(b, n) // warms the master and the file cache
			timeStarts(b, universe.Copy(b, n))
		})
	}
}

// BenchmarkFirstScreen is (1) as a start with the store's list index at
// the file's generation: open, read the index, the selected
// ticker in full, size the screen and render the first frame at 120x40;
// the whole store then loads in the background (not timed here).
func BenchmarkFirstScreen(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			started(b, n) // warms the master and the file cache
			path := universe.Copy(b, n)
			st, err := store.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			snap, err := st.Load()
			if err != nil {
				b.Fatal(err)
			}
			if err := st.SaveListIndex(snap); err != nil {
				b.Fatal(err)
			}
			timeStarts(b, path)
		})
	}
}

// timeStarts times starts on the file at path: open, ui.New, the window
// size, the first frame, which must show a selected row.
func timeStarts(b *testing.B, path string) {
	var l lat
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l.time(func() {
			if v := startOn(b, path).View().Content; !strings.Contains(v, "> ") {
				b.Fatalf("first frame shows no selected row:\n%s", v)
			}
		})
	}
	l.report(b)
}

// BenchmarkHeap is (6) in process: the live heap the TUI keeps after its
// first frame (MB-live), and what starting allocated in all (MB-alloc).
// The process's RSS is measured by bench/run.sh.
func BenchmarkHeap(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			path := universe.Copy(b, n)
			started(b, n) // warm the master: it is measured with the process
			var live, alloc float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				tm := startOn(b, path)
				_ = tm.View().Content
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(tm)
				live = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
				alloc = float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
			}
			b.ReportMetric(live, "MB-live")
			b.ReportMetric(alloc, "MB-alloc")
		})
	}
}

// keystroke measures Update + View of one key in state m, then undoes it
// untimed with undo, so every iteration starts from the same state.
func keystroke(b *testing.B, m tea.Model, do, undo []tea.Msg) {
	var l lat
	b.ResetTimer()
	for b.Loop() {
		l.time(func() {
			m = send(m, do...)
			_ = m.View().Content
		})
		b.StopTimer()
		m = send(m, undo...)
		_ = m.View().Content
		b.StartTimer()
	}
	l.report(b)
}

// Search queries: digits of a code prefix, and pinyin initials.
var searches = []struct{ name, prefix, next string }{
	{"code", "688", "1"},    // 688 → 6881: 688111 ranks first
	{"pinyin", "kd", "x"},   // kd → kdx: 科大讯飞
	{"hanzi", "科", "大"},     // 科 → 科大
	{"first", "", "z"},      // the first character typed
	{"initials", "gz", "m"}, // gz → gzm: 贵州茅台
}

// BenchmarkSearchType is (2): typing one more character in / search.
func BenchmarkSearchType(b *testing.B) {
	for _, q := range searches {
		for _, n := range universe.Sizes() {
			b.Run(q.name+"/"+sizeName(n), func(b *testing.B) {
				m, _ := started(b, n)
				m = typed(send(m, key("/")), q.prefix)
				keystroke(b, m, []tea.Msg{key(q.next)}, []tea.Msg{key("backspace")})
			})
		}
	}
}

// BenchmarkSearchDelete is (2): deleting one character in / search.
func BenchmarkSearchDelete(b *testing.B) {
	for _, q := range searches {
		for _, n := range universe.Sizes() {
			b.Run(q.name+"/"+sizeName(n), func(b *testing.B) {
				m, _ := started(b, n)
				m = typed(send(m, key("/")), q.prefix+q.next)
				keystroke(b, m, []tea.Msg{key("backspace")}, []tea.Msg{key(q.next)})
			})
		}
	}
}

// TestCodePrefixRanksFirst-style check, done here on the real universe:
// 6881 puts 688111 before 688184.
func checkCodeRank(b *testing.B) {
	m, _ := started(b, universe.All())
	v := typed(send(m, key("/")), "6881").View().Content
	i, j := strings.Index(v, "688111"), strings.Index(v, "688184")
	if i < 0 || (j >= 0 && j < i) {
		b.Fatalf("6881 must rank 688111 first, before 688184:\n%s", v)
	}
}

// BenchmarkCursor is (3): moving the cursor one row down (scrolling past
// the screen's end) and back up.
func BenchmarkCursor(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			m, _ := started(b, n)
			m = send(m, key("G")) // from the bottom, down is a no-op: start mid-list
			for range min(n/2, 60) {
				m = send(m, key("k"))
			}
			var l lat
			i := 0
			for b.Loop() {
				k := "j"
				if i/25%2 == 1 {
					k = "k"
				}
				i++
				l.time(func() {
					m = send(m, key(k))
					_ = m.View().Content
				})
			}
			l.report(b)
		})
	}
}

// BenchmarkTab is (3): switching to the next sector tab (All → each
// sector → All, cycling).
func BenchmarkTab(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			m, _ := started(b, n)
			var l lat
			for b.Loop() {
				l.time(func() {
					m = send(m, key("tab"))
					_ = m.View().Content
				})
			}
			l.report(b)
		})
	}
}

// BenchmarkRatingFilter is (3): toggling the Buy filter (key 1) on and off.
func BenchmarkRatingFilter(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			m, _ := started(b, n)
			var l lat
			for b.Loop() {
				l.time(func() {
					m = send(m, key("1"))
					_ = m.View().Content
				})
			}
			l.report(b)
		})
	}
}

// The bubbles list on the same names, for the side-by-side figure.

// Writes: a confirmed note save, rating change, move and
// remove at 5,538 tickers, keystroke to the next frame. The store write
// itself runs off the UI goroutine: ms-p50 and ms-max are the app's own
// work (Update and View of the confirming key, then Update and View of
// the write's result when it comes back), ms-wall-p50 adds the wait for
// the committed, fsynced transaction in between. Each case's setup (open
// the dialog, type, choose) and its undo are untimed.
