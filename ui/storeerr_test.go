package ui

import (
	"strings"
	"testing"

	"zixuan/sectors/market"
	"zixuan/store"

	"zixuan/ui/common"
)

// A store refusal reaches the TUI in its own language and with TUI advice,
// never the CLI's.
func TestStoreErrorsInTheUIsLanguage(t *testing.T) {
	st, err := store.Open(t.TempDir() + "/z.db")
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.AddNote(market.MustParseCode("002230"), "  ")
	for _, lang := range []string{"en", "zh"} {
		tx := common.TextFor(lang)
		msg := tx.StoreError(err)
		if strings.Contains(msg, "--") || strings.Contains(msg, "`") {
			t.Errorf("%s: CLI advice in the TUI: %q", lang, msg)
		}
		if lang == "zh" && !strings.Contains(msg, "笔记是空的") || lang == "en" && !strings.Contains(msg, "esc") {
			t.Errorf("%s: %q", lang, msg)
		}
	}
}
