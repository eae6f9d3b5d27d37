package notify

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// hostile is a name as a broken or malicious source could give it: an
// OSC that would set the window title, a BEL and an ST that would end
// the notification early, a C1 control, a separator of OSC 777's fields.
const hostile = "科大讯飞\x1b]0;pwned\x07;x\x1b\\\u009c"

func TestSequencesCarryNoControlCharacters(t *testing.T) {
	for _, c := range []struct {
		mode Mode
		want string
	}{
		{OSC9, "\x1b]9;zixuan alert: SZ002230 科大讯飞␛]0,pwned␇,x␛\\⟨U+009C⟩ above 105.00\x07"},
		{OSC777, "\x1b]777;notify;zixuan alert;SZ002230 科大讯飞␛]0,pwned␇,x␛\\⟨U+009C⟩ above 105.00\x07"},
	} {
		got := Sequence(c.mode, "zixuan alert", "SZ002230 "+hostile+" above 105.00")
		if c.mode == OSC9 {
			c.want = strings.ReplaceAll(c.want, "0,pwned␇,x", "0;pwned␇;x") // OSC 9 has one field: ';' may stay
		}
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.mode, got, c.want)
		}
		inner := got[1 : len(got)-1]
		if strings.ContainsAny(inner, "\x1b\x07\u009c") {
			t.Errorf("%s: a control character inside the sequence: %q", c.mode, got)
		}
	}
	long := Sequence(OSC9, "t", strings.Repeat("长", 500))
	if n := len([]rune(long)); n > 2*maxText+10 {
		t.Errorf("a long body is %d runes", n)
	}
	if Sequence(NotifySend, "t", "b") != "" || Sequence(Off, "t", "b") != "" {
		t.Error("a sequence for a mode that writes none")
	}
}

// syncBuffer is the program's output, read after it ends.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

type once struct{ cmd tea.Cmd }

func (o once) Init() tea.Cmd                       { return tea.Sequence(o.cmd, tea.Quit) }
func (o once) Update(tea.Msg) (tea.Model, tea.Cmd) { return o, nil }
func (o once) View() tea.View                      { return tea.NewView("") }

// The notification reaches the program's output as it is, whole.
func TestTheProgramWritesTheSequence(t *testing.T) {
	for _, mode := range []Mode{OSC9, OSC777} {
		out := &syncBuffer{}
		n := Notifier{Mode: mode}
		p := tea.NewProgram(once{cmd: n.Cmd("zixuan alert", "SZ002230 "+hostile)}, tea.WithOutput(out), tea.WithInput(nil),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithWindowSize(80, 24))
		if _, err := p.Run(); err != nil {
			t.Fatal(err)
		}
		want := Sequence(mode, "zixuan alert", "SZ002230 "+hostile)
		if got := out.b.String(); !strings.Contains(got, want) {
			t.Errorf("%s: %q not in the output %q", mode, want, got)
		}
		if strings.Contains(out.b.String(), "pwned\x07") {
			t.Errorf("%s: the name's sequence reached the terminal", mode)
		}
	}
}

func sensed(env map[string]string, onPath bool) Sensed {
	return Sensed{GOOS: "linux", Getenv: func(k string) string { return env[k] }, LookPath: func(string) (string, error) {
		if onPath {
			return "/usr/bin/notify-send", nil
		}
		return "", errors.New("not found")
	}}
}

func TestAutoPicksWhatTheTerminalOrSystemOffers(t *testing.T) {
	for _, c := range []struct {
		env    map[string]string
		onPath bool
		want   Mode
	}{
		{map[string]string{"TERM_PROGRAM": "iTerm.app"}, false, OSC9},
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, true, OSC9},
		{map[string]string{"WT_SESSION": "x"}, false, OSC9},
		{map[string]string{"TERM": "xterm-kitty"}, false, OSC9},
		{map[string]string{"TERM": "foot"}, false, OSC777},
		{map[string]string{"TERM": "rxvt-unicode-256color"}, false, OSC777},
		{map[string]string{"TERM": "xterm-256color"}, true, NotifySend},
		{map[string]string{"TERM": "xterm-256color"}, false, Off},
		// inside tmux a terminal's sequence does not get through
		{map[string]string{"TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/tmux"}, false, Off},
		{map[string]string{"TERM": "foot", "TMUX": "/tmp/tmux"}, true, NotifySend},
	} {
		if got, _ := Resolve(Auto, sensed(c.env, c.onPath)); got != c.want {
			t.Errorf("%v (notify-send %v): %s, want %s", c.env, c.onPath, got, c.want)
		}
	}
	// chosen, a way is used as it is; notify-send only when present
	if got, _ := Resolve(OSC777, sensed(map[string]string{"TERM_PROGRAM": "iTerm.app"}, false)); got != OSC777 {
		t.Errorf("osc777 chosen: %s", got)
	}
	if got, _ := Resolve(NotifySend, sensed(nil, false)); got != Off {
		t.Errorf("notify-send not on PATH: %s", got)
	}
	if got, _ := Resolve(Off, sensed(map[string]string{"TERM": "foot"}, true)); got != Off {
		t.Errorf("off: %s", got)
	}
}

func TestParseMode(t *testing.T) {
	for _, m := range Modes {
		if got, err := ParseMode(string(m)); err != nil || got != m {
			t.Errorf("%s: %s %v", m, got, err)
		}
	}
	if _, err := ParseMode("growl"); err == nil || !strings.Contains(err.Error(), "auto, osc9, osc777, notify-send, off") {
		t.Errorf("growl: %v", err)
	}
}

// notify-send is run with the notification as its arguments, cleaned; a
// fake one on PATH writes them down.
func TestNotifySendIsRunWithTheCleanedText(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a shell script stands in for notify-send")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + out + "\n"
	if err := os.WriteFile(filepath.Join(dir, "notify-send"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	n := New(Auto, Sensed{GOOS: "linux", Getenv: func(string) string { return "" }, LookPath: System().LookPath})
	if n.Mode != NotifySend || n.Path != filepath.Join(dir, "notify-send") {
		t.Fatalf("%+v", n)
	}
	cmd := n.Cmd("zixuan alert", "SZ002230 "+hostile)
	if cmd == nil {
		t.Fatal("no command")
	}
	cmd()
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "--app-name=zixuan\n--\nzixuan alert\nSZ002230 科大讯飞␛]0;pwned␇;x␛\\⟨U+009C⟩\n"
	if string(got) != want {
		t.Errorf("arguments:\n got %q\nwant %q", got, want)
	}
}
