package ui

import (
	"strings"
	"testing"

	"zixuan/safetext"
)

func TestNamesAsTerminalsShowThem(t *testing.T) {
	if got := displayName("万  科Ａ"); got != "万科A" {
		t.Errorf("displayName(万  科Ａ) = %q", got)
	}
	if got := displayName("*ST皇庭"); got != "*ST皇庭" {
		t.Errorf("*ST name got a second marker: %q", got)
	}
	if got := displayName("ST中基"); got != "!ST中基" {
		t.Errorf("ST name lost its marker: %q", got)
	}
	// a STAR suffix is never cut while the column has room for it
	if got := fitName("九号公司-WD", 12); strings.TrimSpace(got) != "九号公司-WD" {
		t.Errorf("fitName(九号公司-WD, 12) = %q", got)
	}
	if got := fitName("九号公司-WD", 10); got != "九号公…-WD" || safetext.Width(got) != 10 {
		t.Errorf("fitName(九号公司-WD, 10) = %q, want the suffix kept", got)
	}
	if c := layoutColumns(80, &textEN, false); c.name < 12 {
		t.Errorf("at 80 columns the name column is %d wide: 九号公司-WD would be cut", c.name)
	}
}
