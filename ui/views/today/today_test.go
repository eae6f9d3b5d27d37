package today

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

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
	d, _ := v.Update(LoadedMsg{Err: "the database is locked"})
	if !strings.Contains(d.View(), "the database is locked") {
		t.Errorf("the refusal is not shown: %q", d.View())
	}
	if next, _ := d.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); next != nil {
		t.Errorf("esc left the view open: %T", next)
	}
}
