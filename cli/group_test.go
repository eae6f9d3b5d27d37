package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"zixuan/sectors/market"
	"zixuan/store"
)

func TestGroupAddRmOnTheBinary(t *testing.T) {
	bin := binary(t)
	db := filepath.Join(t.TempDir(), "z.db")
	zx := func(args ...string) (string, int) {
		out, err := exec.Command(bin, append([]string{"--db", db, "--lang", "en"}, args...)...).CombinedOutput()
		code := 0
		if e, ok := err.(*exec.ExitError); ok {
			code = e.ExitCode()
		}
		return string(out), code
	}
	out, code := zx("group", "add", "002230", "算力")
	if code != 0 || !strings.Contains(out, "SZ002230 is also in Compute now") {
		t.Fatalf("group add: %d %s", code, out)
	}
	if out, _ := zx("group", "add", "002230", "compute"); !strings.Contains(out, "already: nothing changed") {
		t.Errorf("twice: %s", out)
	}
	list, _ := zx("list", "--sector", "compute")
	if !strings.Contains(list, "SZ002230") || strings.Count(list, "\n") != 9 {
		t.Errorf("list --sector compute misses the group member (header + 8):\n%s", list)
	}
	if list, _ := zx("list", "--sector", "ai"); !strings.Contains(list, "SZ002230") {
		t.Errorf("left its home sector:\n%s", list)
	}
	// out of its home sector: it stays in the group, which is its home now
	if out, code := zx("group", "rm", "002230", "ai"); code != 0 || !strings.Contains(out, "took SZ002230 out of AI applications") {
		t.Fatalf("group rm: %d %s", code, out)
	}
	if list, _ := zx("list", "--sector", "compute"); !strings.Contains(list, "SZ002230") {
		t.Errorf("not kept in compute:\n%s", list)
	}
	out, code = zx("group", "rm", "002230", "compute")
	if code == 0 || !strings.Contains(out, "in sector compute only") || !strings.Contains(out, "zixuan rm") {
		t.Errorf("leaving the only sector: %d %s", code, out)
	}
	if out, code := zx("group", "add", "002230", "白酒"); code == 0 || !strings.Contains(out, "no sector") {
		t.Errorf("unknown sector: %d %s", code, out)
	}
}

func TestOrderAndGroupsExportAndImportBack(t *testing.T) {
	dir := t.TempDir()
	db1, db2, file := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "w.json")
	mustRun(t, db1, "add", "600519", "--sector", "compute")
	mustRun(t, db1, "group", "add", "600519", "ai")
	st, err := store.Open(db1)
	if err != nil {
		t.Fatal(err)
	}
	mt := market.MustParseCode("600519")
	if _, err := st.SetPinned(mt, true); err != nil {
		t.Fatal(err)
	}
	if err := st.Reorder([]market.Code{mt}); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db1, "export", "--format", "json", "--out", file)
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), `"pinned": true`) || !strings.Contains(string(data), `"groups": [`) {
		t.Fatalf("json lacks the order and groups:\n%s", data)
	}
	mustRun(t, db2, "import", file)
	st2, _ := store.Open(db2)
	tk, err := st2.Get(mt)
	if err != nil || !tk.Pinned || tk.Position != 1 || len(tk.Groups) != 1 || tk.Groups[0] != "ai" || tk.Sector != "compute" {
		t.Errorf("imported back: %+v %v", tk, err)
	}
	// pinned first in both of its sectors
	if out := mustRun(t, db2, "list", "--sector", "ai"); !strings.HasPrefix(strings.SplitN(out, "\n", 3)[1], "SH600519") {
		t.Errorf("list --sector ai:\n%s", out)
	}
}
