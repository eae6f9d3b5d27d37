package ui

import (
	"strings"
	"testing"

	"zixuan/ui/common"
)

// A column's name never reads as another column's id: the C dialog and
// the config file show both, and "since" must not be the Return column.
func TestColumnNamesDoNotNameOtherColumns(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		tx := common.TextFor(lang)
		for _, id := range columnOrder {
			name := columnRegistry[id].header(tx)
			for _, other := range columnOrder {
				if other != id && strings.EqualFold(strings.TrimSpace(name), other) {
					t.Errorf("%s: column %s is named %q, the id of column %s", lang, id, name, other)
				}
			}
		}
	}
}
