package ui

import (
	"strings"
	"testing"
)

// The TUI names a sector as its tab does, never by its id, in what the
// store refused: here, taking a ticker out of the only sector it is in.
func TestRefusalsNameTheSector(t *testing.T) {
	for _, tc := range []struct{ lang, want, id string }{
		{"en", "in sector AI applications only", "sector ai "},
		{"zh", "只在板块 AI 应用", "板块 ai"},
	} {
		st, _ := newTestStore(t)
		m := newTestModel(t, st, tc.lang, 120, 40)
		m = press(m, "tab", "-") // the AI tab: its first ticker is in AI only
		if !m.statusErr || !strings.Contains(m.status, tc.want) || strings.Contains(m.status, tc.id) {
			t.Errorf("%s: status %q, want %q", tc.lang, m.status, tc.want)
		}
	}
}
