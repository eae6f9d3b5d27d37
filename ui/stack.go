package ui

import (
	"slices"

	"zixuan/ui/common"
)

// dialogStack is the open dialogs, the last one on top with the keys;
// empty, the keys go to the list. It is a value like the models it holds:
// every change makes a new slice rather than appending into an array a
// copy of the root may share.
type dialogStack []common.Dialog

// top is the dialog that has the keys; nil on the list.
func (s dialogStack) top() common.Dialog {
	if len(s) == 0 {
		return nil
	}
	return s[len(s)-1]
}

// pushed is s with d on top.
func (s dialogStack) pushed(d common.Dialog) dialogStack {
	return append(slices.Clip(s), d)
}

// replacedTop is s with its top dialog replaced by d, or taken off when d
// is nil (the dialog closed itself).
func (s dialogStack) replacedTop(d common.Dialog) dialogStack {
	s = slices.Clip(s[:len(s)-1])
	if d != nil {
		s = append(s, d)
	}
	return s
}

// each is s with f applied to every dialog (a new size after a resize).
func (s dialogStack) each(f func(common.Dialog) common.Dialog) dialogStack {
	if len(s) == 0 {
		return s
	}
	out := make(dialogStack, len(s))
	for i, d := range s {
		out[i] = f(d)
	}
	return out
}

// underStatus is the topmost dialog not drawn in the status line.
func (s dialogStack) underStatus() common.Dialog {
	for i := len(s) - 1; i >= 0; i-- {
		if common.PlacementOf(s[i]) != common.InStatusLine {
			return s[i]
		}
	}
	return nil
}

// body is the dialog drawn over the body (a box or the full help), nil
// when the body shows the list and the detail pane.
func (s dialogStack) body() common.Dialog {
	d := s.underStatus()
	if d == nil {
		return nil
	}
	if p := common.PlacementOf(d); p == common.InBox || p == common.InBody {
		return d
	}
	return nil
}

// status is the dialog drawn in the status line, if it is on top.
func (s dialogStack) status() common.Dialog {
	if d := s.top(); d != nil && common.PlacementOf(d) == common.InStatusLine {
		return d
	}
	return nil
}

// detailFocused reports whether the detail pane has the focus: the
// topmost dialog drawn in the body is the focused detail pane (a question
// in the status line may be over it).
func (s dialogStack) detailFocused() bool {
	u := s.underStatus()
	return s.body() == nil && u != nil && common.PlacementOf(u) == common.AsDetail
}

// onList reports whether the keys go to the list or the focused detail
// pane, where no key takes text.
func (s dialogStack) onList() bool {
	d := s.top()
	return d == nil || common.PlacementOf(d) == common.AsDetail
}

// takesCommands reports whether the keys go to what reads every key as a
// command, never as text: the list, the focused detail pane, or a dialog
// over the whole body (a view, the full help) that does not say it takes
// text (common.TextEntry). There an alt+key is an esc then the key
// (Model.Update); where an input has the keys, alt+b is its own (a word
// back).
func (s dialogStack) takesCommands() bool {
	d := s.top()
	if d == nil {
		return true
	}
	if _, text := d.(common.TextEntry); text {
		return false
	}
	p := common.PlacementOf(d)
	return p == common.AsDetail || p == common.InBody
}

// hasDraft reports whether quitting now would lose typed text: then
// ctrl+c goes to the dialog (the editor, the picker), which asks first,
// as esc does.
func (s dialogStack) hasDraft() bool {
	d, ok := s.top().(common.Drafter)
	return ok && d.HasDraft()
}
