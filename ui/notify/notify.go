// Package notify tells the desktop an alert fired while the TUI runs:
// through the terminal, by OSC 9 (iTerm2, WezTerm, Windows Terminal,
// kitty, Ghostty) or OSC 777 (foot, rxvt with its notify extension), or
// through notify-send where the system has it. The config's alert_notify
// chooses one, "auto" the one the terminal or system offers (none it can
// tell: nothing), "off" none.
//
// What is shown comes from the store and the market (a ticker's name, a
// note): it is cleaned of every control character before it reaches the
// terminal, so it can never end the sequence early or start another, and
// kept short.
package notify

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zixuan/safetext"
)

// Mode is how a notification is given.
type Mode string

// The modes, as the config's alert_notify names them.
const (
	Auto       Mode = "auto"
	OSC9       Mode = "osc9"
	OSC777     Mode = "osc777"
	NotifySend Mode = "notify-send"
	Off        Mode = "off"
)

// Modes are the values alert_notify accepts.
var Modes = []Mode{Auto, OSC9, OSC777, NotifySend, Off}

// ParseMode reads an alert_notify value.
func ParseMode(s string) (Mode, error) {
	for _, m := range Modes {
		if string(m) == s {
			return m, nil
		}
	}
	names := make([]string, len(Modes))
	for i, m := range Modes {
		names[i] = string(m)
	}
	return "", fmt.Errorf("%q is not a way to notify: use %s", safetext.Clip(s), strings.Join(names, ", "))
}

// Sensed is how Resolve learns of the terminal and the system.
type Sensed struct {
	Getenv   func(string) string
	LookPath func(string) (string, error)
	GOOS     string
}

// System is the running process's environment, PATH and system.
func System() Sensed {
	return Sensed{Getenv: getenv, LookPath: exec.LookPath, GOOS: runtime.GOOS}
}

// Resolve turns auto into the way the terminal or the system offers (Off
// when it cannot tell), and finds notify-send on PATH for that mode.
// path is notify-send's path for NotifySend.
func Resolve(m Mode, s Sensed) (mode Mode, path string) {
	if m == Auto {
		m = sense(s)
	}
	if m == NotifySend {
		p, err := s.LookPath("notify-send")
		if err != nil {
			return Off, ""
		}
		return NotifySend, p
	}
	return m, ""
}

// sense is the way the terminal or the system offers. Inside tmux or
// screen a terminal's sequence does not reach the terminal, so only
// notify-send is used there.
func sense(s Sensed) Mode {
	env := s.Getenv
	term, prog := env("TERM"), env("TERM_PROGRAM")
	muxed := env("TMUX") != "" || env("STY") != "" || strings.HasPrefix(term, "screen") || strings.HasPrefix(term, "tmux")
	if !muxed {
		switch {
		case prog == "iTerm.app" || prog == "WezTerm" || prog == "ghostty" || env("WT_SESSION") != "" ||
			env("KITTY_WINDOW_ID") != "" || term == "xterm-kitty" || term == "xterm-ghostty":
			return OSC9
		case strings.HasPrefix(term, "foot") || strings.HasPrefix(term, "rxvt"):
			return OSC777
		}
	}
	if s.GOOS == "linux" {
		if _, err := s.LookPath("notify-send"); err == nil {
			return NotifySend
		}
	}
	return Off
}

// maxText bounds the title and the body: terminals cut or drop long
// notifications, and a notification is a line, not a report.
const maxText = 120

// clean is s as one short line of printable text: every control
// character shown, never sent (safetext.Line), cut to maxText runes.
func clean(s string) string {
	s = strings.TrimSpace(safetext.Line(s))
	if utf8.RuneCountInString(s) > maxText {
		r := []rune(s)
		s = string(r[:maxText-1]) + "…"
	}
	return s
}

// Sequence is the terminal's sequence for title and body in mode (OSC 9
// or OSC 777), "" for another mode. OSC 777's fields are separated by
// ';', so none is left in them.
func Sequence(m Mode, title, body string) string {
	title, body = clean(title), clean(body)
	switch m {
	case OSC9:
		// one text; led by the title, never by a digit OSC 9;4 (progress)
		// would read
		return ansi.Notify(title + ": " + body)
	case OSC777:
		noSemi := strings.NewReplacer(";", ",")
		return "\x1b]777;notify;" + noSemi.Replace(title) + ";" + noSemi.Replace(body) + "\x07"
	}
	return ""
}

// Notifier gives notifications one way.
type Notifier struct {
	Mode Mode
	Path string // notify-send's, for NotifySend
}

// New is the notifier for the config's mode on s.
func New(m Mode, s Sensed) Notifier {
	mode, path := Resolve(m, s)
	return Notifier{Mode: mode, Path: path}
}

// Cmd is the command that gives the notification: the sequence written
// to the program's output (tea.Raw) for a terminal's way, notify-send
// run (and waited for, for at most a few seconds) for the system's; nil
// when off.
func (n Notifier) Cmd(title, body string) tea.Cmd {
	switch n.Mode {
	case OSC9, OSC777:
		return tea.Raw(Sequence(n.Mode, title, body))
	case NotifySend:
		if n.Path == "" {
			return nil
		}
		title, body, path := clean(title), clean(body), n.Path
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			// arguments, not a shell: nothing in them is read as a command
			_ = exec.CommandContext(ctx, path, "--app-name=zixuan", "--", title, body).Run()
			return nil
		}
	}
	return nil
}

func getenv(k string) string { return os.Getenv(k) }
