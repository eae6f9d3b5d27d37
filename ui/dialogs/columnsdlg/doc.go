// Package columnsdlg chooses the list's columns and their order (C):
// every column the list can show, those shown first in their order; space
// shows or hides the one under the cursor, K and J move it, enter keeps
// the choice (the root keeps it for the next start too, in the config
// file), esc drops it.
package columnsdlg
