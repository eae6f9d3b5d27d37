package ui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/bench/universe"
)

// confirm times the key that confirms a write, as the program runs it.
func confirm(l, wall *lat, m tea.Model, k tea.Msg) tea.Model {
	start := time.Now()
	var app time.Duration
	var cmd tea.Cmd
	t := time.Now()
	m, cmd = m.Update(k)
	_ = m.View().Content
	app += time.Since(t)
	for cmd != nil { // the write's result; nothing else follows a confirm
		msg := cmd()
		t = time.Now()
		m, cmd = m.Update(msg)
		_ = m.View().Content
		app += time.Since(t)
	}
	*l = append(*l, app)
	*wall = append(*wall, time.Since(start))
	return m
}

func reportWrites(b *testing.B, l, wall lat) {
	l.report(b)
	if len(wall) > 0 {
		s := slices.Clone(wall)
		slices.Sort(s)
		b.ReportMetric(ms(s[len(s)/2]), "ms-wall-p50")
	}
}

func ctrlS() tea.Msg { return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl} }

func enter() tea.Msg { return tea.KeyPressMsg{Code: tea.KeyEnter} }

func BenchmarkWrite(b *testing.B) {
	n := universe.All()
	b.Run("note/"+sizeName(n), func(b *testing.B) {
		m, _ := started(b, n)
		var l, wall lat
		i := 0
		for b.Loop() {
			b.StopTimer()
			m = typed(send(m, key("j"), key("n")), fmt.Sprintf("note %d", i))
			_ = m.View().Content
			i++
			b.StartTimer()
			m = confirm(&l, &wall, m, ctrlS())
		}
		checkSaved(b, m, fmt.Sprintf("note %d", i-1))
		reportWrites(b, l, wall)
	})
	b.Run("rate/"+sizeName(n), func(b *testing.B) {
		m, _ := started(b, n)
		var l, wall lat
		i := 0
		for b.Loop() {
			b.StopTimer()
			m = send(m, key("r"), key(string(rune('1'+i%6))))
			_ = m.View().Content
			i++
			b.StartTimer()
			m = confirm(&l, &wall, m, enter())
		}
		reportWrites(b, l, wall)
	})
	b.Run("move/"+sizeName(n), func(b *testing.B) {
		m, _ := started(b, n)
		var l, wall lat
		i := 0
		for b.Loop() {
			b.StopTimer()
			m = send(m, key("m"))
			if i%2 == 0 {
				m = send(m, key("j"))
			} else {
				m = send(m, key("k"))
			}
			_ = m.View().Content
			i++
			b.StartTimer()
			m = confirm(&l, &wall, m, enter())
		}
		reportWrites(b, l, wall)
	})
	b.Run("remove/"+sizeName(n), func(b *testing.B) {
		m, _ := started(b, n)
		var l, wall lat
		for b.Loop() {
			b.StopTimer()
			m = send(m, key("x"))
			_ = m.View().Content
			b.StartTimer()
			m = confirm(&l, &wall, m, key("y"))
			b.StopTimer()
			m = settle(m, key("u")) // back, for the next round
			b.StartTimer()
		}
		reportWrites(b, l, wall)
	})
}

// settle sends k and takes in the result of the write it starts.
func settle(m tea.Model, k tea.Msg) tea.Model {
	m, cmd := m.Update(k)
	for cmd != nil {
		m, cmd = m.Update(cmd())
	}
	return m
}

// checkSaved fails when the last note typed is not on the screen.
func checkSaved(b *testing.B, m tea.Model, text string) {
	if v := m.View().Content; !strings.Contains(v, text) {
		b.Fatalf("the saved note %q is not on the screen:\n%s", text, v)
	}
}
