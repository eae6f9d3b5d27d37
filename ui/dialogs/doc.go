// Package dialogs holds the dialogs of the TUI, one package each: the
// yes/no question (confirm), the rating picker (picker), the note editor
// (editor), the add wizard (wizard), the export dialog (exportdlg), the
// sector picker (sectorpick), the sectors' management (sectorsdlg), the
// columns dialog (columnsdlg), the notes' history and search (notes), the
// search line (search), the full help (keyhelp) and the alert line
// (alertline).
// Each embeds the shared context (ui/common.Common), implements
// common.Dialog, and answers the root with the typed messages it declares;
// none imports the root or another dialog. A line a dialog says about the
// last key (a refusal) is a common.Notice, cleared by the next key that
// changes what the dialog holds (its Input), by the rule the root applies
// to its own status line under a dialog. A new dialog is a new folder
// here and the line in the root that opens it.
package dialogs
