package ui

import (
	"testing"

	"zixuan/quote"

	"zixuan/ui/views/reports"
)

// withHistory fetches the history from a Tencent-format k-line server,
// stores it, loads and scores it, then turns quotes off, so the golden
// frame does not wait on the network (there is none) or on timers.
func withHistory(t *testing.T, then func(m *Model)) func(m *Model) {
	return func(m *Model) {
		ks := newKlineServer(t)
		tc := quote.NewTencent(ks.URL, nil)
		m.opts.Quotes, m.opts.History, m.opts.Refresh = tc, tc, -1
		m.hs.asked = false
		*m = run(*m, m.hs.needHistory(histEnvOf(m)))
		m.opts.Quotes, m.opts.History = nil, nil
		m.qs.buildCells(partCtxOf(m))
		if then != nil {
			then(m)
		}
		cmd := m.hs.needChart(histEnvOf(m)) // the selected ticker's whole history, as a key's selection reads it
		*m = run(*m, cmd)
	}
}

// withPreview opens the report add dialog on the weekly, previewed.
func withPreview(t *testing.T) func(m *Model) {
	return func(m *Model) {
		*m = press(*m, "b")
		d, _ := reports.NewAdd(m.context(), m.data.sectors)
		m.push(d)
		*m = run(*m, d.Preview(weekly(t)))
	}
}

func TestGoldenReports(t *testing.T)         { golden(t, "en", 120, 40, nil, "b") }
func TestGoldenReportCallsZH(t *testing.T)   { golden(t, "zh", 80, 24, nil, "b", "enter") }
func TestGoldenReportFilter(t *testing.T)    { golden(t, "en", 60, 15, nil, "b", "enter", "esc", "esc") }
func TestGoldenReportPreview(t *testing.T)   { golden(t, "en", 120, 40, withPreview(t)) }
func TestGoldenReportPreviewZH(t *testing.T) { golden(t, "zh", 60, 15, withPreview(t)) }

func TestGoldenScorecard(t *testing.T) { golden(t, "en", 120, 40, withHistory(t, nil), "c") }
func TestGoldenScorecardCallsZH(t *testing.T) {
	golden(t, "zh", 80, 24, withHistory(t, nil), "c", "enter")
}
func TestGoldenScorecardNarrow(t *testing.T) {
	golden(t, "en", 60, 15, withHistory(t, nil), "c", "enter")
}
func TestGoldenScorecardBySector(t *testing.T) {
	golden(t, "en", 80, 24, withHistory(t, nil), "c", "b")
}

func TestGoldenHistoryList(t *testing.T) {
	golden(t, "en", 120, 40, withHistory(t, selectKinsoft))
}
func TestGoldenHistoryDetailZH(t *testing.T) {
	golden(t, "zh", 80, 24, withHistory(t, selectKinsoft), "enter")
}
func TestGoldenHistoryDetailNarrow(t *testing.T) {
	golden(t, "en", 60, 15, withHistory(t, selectKinsoft), "enter")
}
