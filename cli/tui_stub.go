package cli

import (
	"fmt"

	"zixuan/store"
)

// runTUI is replaced when the ui package lands.
func runTUI(st *store.Store, lang string) error {
	return fmt.Errorf("the TUI is not built yet: use zixuan list / show (database %s)", st.Path())
}
