package ui_test

import (
	"slices"
	"testing"

	"zixuan/cli"
	"zixuan/ui"
)

// Every column the C dialog can save must be one the config file takes
// back at the next start.
func TestConfigAcceptsEveryColumn(t *testing.T) {
	for _, id := range ui.ColumnOrder() {
		if !slices.Contains(cli.ConfigColumns, id) {
			t.Errorf("the config file refuses the column %q the C common.Dialog saves", id)
		}
	}
}
