package keyhelp

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/ui/common"
)

// Model is the full help.
type Model struct {
	common.Common
	help   help.Model
	of     help.KeyMap // whose keys: the list's, or the detail pane's
	offset int         // the first line shown, when they do not all fit
}

// New is the full help of the list's keys, drawn by h (its separators and
// styles).
func New(c common.Common, h help.Model) Model { return For(c, h, c.Keys.ListHelp()) }

// For is the full help of the keys of, drawn by h.
func For(c common.Common, h help.Model, of help.KeyMap) Model {
	return Model{Common: c, help: h, of: of}
}

func (h Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	if key.Matches(k, h.Keys.Help, h.Keys.Back) && !key.Matches(k, h.Keys.Quit) {
		return nil, nil
	}
	// Taller than the screen, the help scrolls with the keys that move
	// the list; when it fits, they close it and move the list.
	if lines, room := len(h.lines()), h.room(); lines > h.Height && h.Height > 0 {
		last := max(lines-room, 0)
		switch {
		case key.Matches(k, h.Keys.Up):
			h.offset--
		case key.Matches(k, h.Keys.Down):
			h.offset++
		case key.Matches(k, h.Keys.PageUp):
			h.offset -= max(room-1, 1)
		case key.Matches(k, h.Keys.PageDown):
			h.offset += max(room-1, 1)
		case key.Matches(k, h.Keys.Top):
			h.offset = 0
		case key.Matches(k, h.Keys.Bottom):
			h.offset = last
		default:
			return common.CloseWith(common.PassKeyMsg{Key: k}), nil
		}
		h.offset = max(min(h.offset, last), 0)
		return h, nil
	}
	return common.CloseWith(common.PassKeyMsg{Key: k}), nil
}

func (h Model) Placement() common.Placement { return common.InBody }

// View puts the groups of keys side by side as far as they fit in the
// width, and the rest below, so that no key is cut off on a narrow screen.
// When they are taller than the room, it shows a window of them and, on
// the last line, where it is and the keys that scroll it.
func (h Model) View() string {
	lines := h.lines()
	if len(lines) <= h.Height || h.Height == 0 {
		return strings.Join(lines, "\n")
	}
	room := h.room()
	off := max(min(h.offset, len(lines)-room), 0)
	end := min(off+room, len(lines))
	where := strconv.Itoa(off+1) + "-" + strconv.Itoa(end) + "/" + strconv.Itoa(len(lines))
	wide := h.help
	wide.SetWidth(0)
	more := h.Styles.Dim.Render(where) + "  " + wide.ShortHelpView([]key.Binding{h.Keys.Down, h.Keys.Up, h.Keys.PageDown})
	return strings.Join(lines[off:end], "\n") + "\n" + safetext.Truncate(more, max(h.Width, 1))
}

// room is the lines of keys shown when they do not all fit: the last line
// says how to scroll.
func (h Model) room() int { return max(h.Height-1, 1) }

// lines are the groups' lines, side by side as far as they fit.
func (h Model) lines() []string {
	groups := h.of.FullHelp()
	wide := h.help
	wide.SetWidth(0) // measured uncut
	var blocks []string
	lines := 0
	for start := 0; start < len(groups); {
		n := len(groups) - start
		for n > 1 && lipgloss.Width(wide.FullHelpView(groups[start:start+n])) > h.help.Width() {
			n--
		}
		b := h.help.FullHelpView(groups[start : start+n])
		blocks = append(blocks, b)
		lines += lipgloss.Height(b)
		start += n
	}
	sep := "\n"
	if lines+len(blocks)-1 <= h.Height || h.Height == 0 {
		sep = "\n\n" // a blank line between the blocks while there is room
	}
	return strings.Split(strings.Join(blocks, sep), "\n")
}

func (h Model) ShortHelp() []key.Binding  { return h.of.ShortHelp() }
func (h Model) FullHelp() [][]key.Binding { return h.of.FullHelp() }
func (h Model) SetSize(width, height int) common.Dialog {
	h.help.SetWidth(width)
	h.Common.SetSize(width, height)
	if lines := len(h.lines()); lines > height {
		h.offset = max(min(h.offset, lines-h.room()), 0)
	} else {
		h.offset = 0
	}
	return h
}
