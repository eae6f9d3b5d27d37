package service

import (
	"errors"
	"os"
	"strings"
	"testing"

	"zixuan/store"
)

const sampleReport = "../../shared/reports/s01_morning_guosen.txt"

func readSample(t *testing.T, opts ReportOptions) (ReportDraft, error) {
	t.Helper()
	f, err := os.Open(sampleReport)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadReport(f, opts)
}

// The preview is the add as a dry run: it writes nothing, and the add
// then does what it showed.
func TestReportPreviewWritesNothingAndTheAddDoesWhatItShowed(t *testing.T) {
	st := newStore(t)
	svc := &Service{Store: st}
	d, err := readSample(t, ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := st.Reports()
	gen, _ := st.Generation()
	if d, err = svc.PreviewReport(d); err != nil {
		t.Fatal(err)
	}
	if !d.Preview.DryRun || len(d.Preview.Calls) == 0 {
		t.Fatalf("preview %+v", d.Preview)
	}
	if now, _ := st.Generation(); now != gen {
		t.Errorf("the preview wrote: generation %d → %d", gen, now)
	}
	out, err := svc.AddReport(d, true)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.Reports()
	if len(after) != len(before)+1 || out.Report.ID != d.Input.Report.ID {
		t.Errorf("%d reports before, %d after; added %q", len(before), len(after), out.Report.ID)
	}
	for _, what := range []string{store.CallAdded, store.CallRerated, store.CallKept, store.CallSkipped} {
		if out.Count(what) != d.Preview.Count(what) {
			t.Errorf("%s: the preview said %d, the add did %d", what, d.Preview.Count(what), out.Count(what))
		}
	}
	// the same report again: kept already, nothing changes
	if d, err = svc.PreviewReport(d); err != nil || !d.Preview.Existing {
		t.Errorf("the report again: existing %v (%v)", d.Preview.Existing, err)
	}
}

// What cannot be read, and a theme mapped that the report lacks, are
// told apart from the store's refusals, before the store is asked.
func TestReportReadErrorsAreTyped(t *testing.T) {
	var re *ReadError
	if _, err := ReadReport(strings.NewReader(""), ReportOptions{}); !errors.As(err, &re) {
		t.Errorf("an empty report: %v", err)
	}
	var te *UnknownThemeError
	_, err := readSample(t, ReportOptions{Map: map[string]string{"no such theme": "compute"}})
	if !errors.As(err, &te) || te.Theme != "no such theme" || len(te.Themes) == 0 {
		t.Errorf("an unknown theme: %v", err)
	}
}
