package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// `add --new-sector` creates the sector with the ticker in one
// transaction, as the TUI's add wizard does, refused as `sector add`
// refuses a name; without it an unknown sector says how to create one.
func TestAddIntoANewSector(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "list")
	sectorsNow := func() string { return mustRun(t, db, "sector", "list") }
	before := sectorsNow()

	_, errs, code := run(t, db, "", "--offline", "add", "600519", "--sector", "Liquor")
	if code != 2 || !strings.Contains(errs, `no sector "Liquor": use one of ai, compute, manufacturing, quantum, or add --new-sector to create it`) {
		t.Errorf("unknown sector: exit %d %q", code, errs)
	}

	out := mustRun(t, db, "--offline", "add", "600519", "--sector", "白酒", "--new-sector", "-r", "buy")
	if !strings.Contains(out, "added SH600519 贵州茅台 to 白酒") {
		t.Errorf("added: %q", out)
	}
	if got := sectorsNow(); !strings.Contains(got, "白酒             1  白酒") {
		t.Errorf("sectors after: %q", got)
	}

	for _, c := range []struct{ code, sector, want string }{
		{"000858", "白酒", `sector "白酒" already exists (白酒)`},
		{"000858", "  ", "a sector needs a name with letters or digits"},
		{"000858", strings.Repeat("长", 41), "sector names are at most 40 characters"},
		{"688041", "Robots", "SH688041 is already on the watchlist"},
	} {
		mid := sectorsNow()
		_, errs, code := run(t, db, "", "--offline", "add", c.code, "--sector", c.sector, "--new-sector")
		if code == 0 || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("add %s to new %q: exit %d %q, want %q", c.code, c.sector, code, errs, c.want)
		}
		if got := sectorsNow(); got != mid {
			t.Errorf("add %s to new %q changed the sectors: %q", c.code, c.sector, got)
		}
	}
	if out := mustRun(t, db, "list", "--format", "csv"); strings.Contains(out, "000858") {
		t.Errorf("a refused add put 000858 on the list")
	}
	if !strings.Contains(before, "quantum") || strings.Contains(before, "白酒") {
		t.Errorf("seeded sectors: %q", before)
	}
}
