package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile holds what a note must never put raw on a terminal.
const hostile = "t\x1b]2;PWNED\x07 \x7f \u009b31m \u202eevil\u202c \u2066x\u2069 z\u200bw\ufeff \u2028"

// json output escapes every control (C0, DEL, C1), bidi and zero-width
// character as \uXXXX, and reads back as the same text.
func TestJSONEscapesControlsAndBidi(t *testing.T) {
	st, _, opts := fixture(t)
	if _, err := st.AddNote(mustCode("688111"), hostile); err != nil {
		t.Fatal(err)
	}
	snap, err := st.Load()
	check(t, err)
	var buf bytes.Buffer
	check(t, Write(&buf, JSON, snap.Tickers, opts))
	for _, r := range buf.String() {
		if r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200b || r == 0xfeff || r == 0x2028) {
			t.Fatalf("raw U+%04X in the json output", r)
		}
	}
	if !utf8.Valid(buf.Bytes()) {
		t.Fatal("invalid UTF-8")
	}
	var doc Document
	check(t, json.Unmarshal(buf.Bytes(), &doc))
	found := false
	for _, tk := range doc.Tickers {
		for _, n := range tk.Notes {
			found = found || n.Text == hostile
		}
	}
	if !found {
		t.Error("the note does not read back unchanged")
	}
	if !strings.Contains(buf.String(), `\u009b`) || !strings.Contains(buf.String(), `\u202e`) {
		t.Error("no \\u escapes in the output")
	}
}

// A formula behind a separator a spreadsheet may split on is neutralised,
// and the cell is quoted; an import reads the text back unchanged.
func TestCSVNeutralisesEverySeparatedPart(t *testing.T) {
	for in, want := range map[string]string{
		"x;=1+1":      "x;'=1+1",
		"a,@SUM(A1)":  "a,'@SUM(A1)",
		"a\t+1":       "'a\t'+1"[1:],
		"=1;-2|x":     "'=1;'-2|x",
		"-3.2% today": "'-3.2% today",
		"PE 20, fine": "PE 20, fine",
	} {
		got := Neutralise(in)
		if got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
		if back := Unneutralise(got); back != in {
			t.Errorf("Unneutralise(%q) = %q, want %q", got, back, in)
		}
	}
	st, _, opts := fixture(t)
	check(t, st.SetName(mustCode("688111"), "x;=1+1"))
	check(t, st.SetName(mustCode("002230"), "tab\t=2"))
	snap, err := st.Load()
	check(t, err)
	var buf bytes.Buffer
	check(t, Write(&buf, CSV, snap.Tickers, opts))
	for _, cell := range []string{`,"x;'=1+1",`, "\"tab\t'=2\""} {
		if !strings.Contains(buf.String(), cell) {
			t.Errorf("csv lacks the quoted, neutralised cell %q:\n%s", cell, buf.String())
		}
	}
	file, err := Parse(buf.Bytes(), "w.csv", CSV)
	check(t, err)
	names := map[string]string{}
	for _, it := range file.Items {
		names[it.Code.Number] = it.Name
	}
	if names["688111"] != "x;=1+1" || names["002230"] != "tab\t=2" {
		t.Errorf("names read back as %q, %q", names["688111"], names["002230"])
	}
}
