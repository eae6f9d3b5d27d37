package common

// A line about the last key — a refusal, a notice — belongs to that key,
// as the list's status line does: it is cleared by the next key that
// changes what the dialog holds (the text typed, the choice made), and
// outlives only keys that change nothing (the cursor moved within the
// text, a key the dialog does not take). Dialogs that say such lines
// themselves keep them in a Notice; the root clears its own status line
// under an open dialog by the same rule, reading the dialog's Input.

// Inputter is a dialog that says what it holds: the text typed, the
// choice made, in one string that changes whenever either does.
type Inputter interface{ Input() string }

// InputOf is what d holds, and false for a dialog that does not say: any
// key to it counts as a change.
func InputOf(d Dialog) (string, bool) {
	if in, ok := d.(Inputter); ok {
		return in.Input(), true
	}
	return "", false
}

// Notice is a dialog's line about its last key, said for the input the
// dialog held then.
type Notice struct {
	text string
	at   string // the dialog's input when it was said
}

// Say sets the line, for the input at.
func (n *Notice) Say(text, at string) { n.text, n.at = text, at }

// Track clears the line once the input is no longer the one it was said
// for; a dialog calls it after each key with what it holds now.
func (n *Notice) Track(now string) {
	if n.text != "" && now != n.at {
		n.text, n.at = "", ""
	}
}

// Text is the line ("" when there is none).
func (n Notice) Text() string { return n.text }
