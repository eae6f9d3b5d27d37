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
