package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// The shell does what the TUI's detail pane does with a note's past: show
// the earlier versions and the deleted notes, and bring one back.
func TestNoteHistoryAndUndeleteFromTheShell(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "note", "688111", "the first text")
	mustRun(t, db, "note", "688111", "--edit", "1", "the second text")
	mustRun(t, db, "note", "688111", "a note to delete")
	mustRun(t, db, "note", "688111", "--delete", "2")

	plain := mustRun(t, db, "show", "688111")
	if strings.Contains(plain, "the first text") || strings.Contains(plain, "a note to delete") {
		t.Errorf("show without --history shows the past:\n%s", plain)
	}
	if !strings.Contains(plain, "1 deleted: zixuan show 688111 --history") {
		t.Errorf("show does not say a note was deleted:\n%s", plain)
	}
	hist := mustRun(t, db, "show", "688111", "--history")
	for _, want := range []string{"the second text", "earlier version, replaced", "the first text", "deleted notes (1)", "a note to delete", "--undelete ID"} {
		if !strings.Contains(hist, want) {
			t.Errorf("show --history lacks %q:\n%s", want, hist)
		}
	}

	if out := mustRun(t, db, "note", "688111", "--undelete", "2"); !strings.Contains(out, "brought back note #2") {
		t.Errorf("undelete said %q", out)
	}
	if out := mustRun(t, db, "show", "688111"); !strings.Contains(out, "notes (2)") || !strings.Contains(out, "a note to delete") {
		t.Errorf("after undelete:\n%s", out)
	}
	if _, errs, code := run(t, db, "", "note", "688111", "--undelete", "2"); code == 0 || !strings.Contains(errs, "not deleted") {
		t.Errorf("undelete of a live note: exit %d %q", code, errs)
	}
	if _, errs, code := run(t, db, "", "note", "688111", "--delete", "1", "--undelete", "2"); code != 2 || !strings.Contains(errs, "one of") {
		t.Errorf("--delete with --undelete: exit %d %q", code, errs)
	}
}
