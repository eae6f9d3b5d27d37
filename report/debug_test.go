package report

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugMentions(t *testing.T) {
	path := os.Getenv("DEBUG_REPORT")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	text, _ := decode(data)
	lines := prepareLines(text)
	if os.Getenv("DEBUG_LINES") != "" {
		for _, l := range lines {
			fmt.Printf("%d %v | %s\n", l.role, l.heading, l.text)
		}
	}
	ms, sk := readCalls(lines)
	for _, m := range ms {
		fmt.Printf("%s %s %s s=%d theme=%q t=%v b=%v\n", m.code.Key(), m.written, string(m.rating), m.strength, m.theme, m.target, m.benefit)
	}
	fmt.Println(sk)
}

func TestDebugTable(t *testing.T) {
	path := os.Getenv("DEBUG_TABLE")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	text, _ := decode(data)
	lines := prepareLines(text)
	for i := range lines {
		if tb, n := tableAt(lines, i); tb != nil {
			fmt.Printf("line %d n=%d header=%v\n", i, n, tb.header)
			for _, r := range tb.rows {
				fmt.Println("  ", r.cells)
			}
		}
	}
}
