package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Dialog is whatever takes the keys from the list for a while: the note
// editor, the rating picker, the add wizard, the sector picker, the export
// dialog, a yes/no question, the search line, the full help, the focused
// detail pane and the views over the body. The root keeps them on a stack
// (the top one gets the keys) and knows none of them by name: a new dialog
// is a new package or file.
//
// A dialog talks to the root by what its Update returns: itself to stay
// open, nil to close, or its answer wrapped by CloseWith or Tell (a typed
// message the dialog declares). The root takes the answer in within the
// same Update, before the next key is read: a note confirmed with ctrl+s is
// queued for writing before a q typed right after it is seen.
type Dialog interface {
	Update(tea.Msg) (Dialog, tea.Cmd)
	View() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// SetSize gives the dialog the room it is drawn in (Placement).
	SetSize(width, height int) Dialog
}

// Placement is where a dialog is drawn. A dialog says where by having a
// Placement method; without one it is a box over the body.
type Placement int

const (
	InBox        Placement = iota // a box over the body
	InStatusLine                  // the status line, over what is under it
	InBody                        // the whole body
	AsDetail                      // the detail pane, focused (the root draws it)
)

// PlacementOf is where d is drawn.
func PlacementOf(d Dialog) Placement {
	if p, ok := d.(interface{ Placement() Placement }); ok {
		return p.Placement()
	}
	return InBox
}

// Reply is a dialog's answer to the root: the dialog that stays (nil
// when it closed) and a message for the root.
type Reply struct {
	Dialog
	Msg tea.Msg
}

// CloseWith closes the dialog and hands msg to the root.
func CloseWith(msg tea.Msg) Dialog { return Reply{Msg: msg} }

// Tell keeps d open and hands msg to the root.
func Tell(d Dialog, msg tea.Msg) Dialog { return Reply{Dialog: d, Msg: msg} }

// Answer is a dialog's reply from the action its key handling asked for:
// nothing (stay), CancelMsg (close) or a message for the root (close with
// it).
func Answer(d Dialog, act tea.Msg) Dialog {
	switch act.(type) {
	case nil:
		return d
	case CancelMsg:
		return nil
	}
	return CloseWith(act)
}

// CancelMsg closes the dialog that answers it and does nothing else.
type CancelMsg struct{}

// Drafter is a dialog that holds typed text quitting would lose: ctrl+c
// goes to it, and it asks first.
type Drafter interface{ HasDraft() bool }

// TextEntry is a dialog drawn over the body whose keys are typed text (a
// path, a search): an alt+key there goes to its input as it is, where a
// view takes it as an esc then the key.
type TextEntry interface{ TakesText() }

// StoreWriter is a dialog that ends in a store write (a note, a rating, a
// move, a removal): opening one makes the store's check ahead of it.
type StoreWriter interface{ WritesStore() }

// ShowHelpMsg asks the root for the full help of Keys over the dialog
// that asked (? in a view): it scrolls where it does not fit, and closes
// on ? or esc.
type ShowHelpMsg struct{ Keys help.KeyMap }

// PassKeyMsg closes a dialog and gives its key to what is under it (any
// key closes the full help and does what it does on the list).
type PassKeyMsg struct{ Key tea.KeyPressMsg }
