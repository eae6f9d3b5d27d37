package store

import (
	"os"
	"path/filepath"
	"testing"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// testdata/schema1.db was written by the release before reports (schema 1)
// through its CLI: notes added, edited and deleted, ratings changed with a
// reason, a user sector, an added ticker, a move, a removal, a hand-set
// and an imported reference price.
func TestSchema1FileUpgradesWithNothingLost(t *testing.T) {
	path := schema1Copy(t)
	old := &Store{path: path}
	before, err := old.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	after, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".schema-1.bak"); err != nil {
		t.Errorf("no backup of the schema-1 file: %v", err)
	}
	// everything schema 1 held is there, unchanged
	if len(after.Tickers) != len(before.Tickers) || len(after.Sectors) != len(before.Sectors) {
		t.Fatalf("%d tickers in %d sectors after, %d in %d before", len(after.Tickers), len(after.Sectors), len(before.Tickers), len(before.Sectors))
	}
	for i := range before.Tickers {
		b, a := before.Tickers[i], after.Tickers[i]
		if a.Code != b.Code || a.Sector != b.Sector || a.Rating != b.Rating || !a.RatingAt.Equal(b.RatingAt) || a.Removed.IsZero() != b.Removed.IsZero() ||
			len(a.Notes) != len(b.Notes) || len(a.Ratings) != len(b.Ratings) || a.Name != b.Name || a.ReportName != b.ReportName {
			t.Errorf("%s changed in the upgrade:\n before %+v\n after  %+v", b.Code.Key(), b, a)
		}
		for j := range b.Notes {
			if a.Notes[j].Text != b.Notes[j].Text || a.Notes[j].IsDeleted() != b.Notes[j].IsDeleted() || len(a.Notes[j].Revisions) != len(b.Notes[j].Revisions) {
				t.Errorf("%s note %d changed: %+v → %+v", b.Code.Key(), j, b.Notes[j], a.Notes[j])
			}
		}
	}
	for k, refs := range before.Refs {
		if len(after.Refs[k]) != len(refs) {
			t.Errorf("reference prices of %s: %d before, %d after", k, len(refs), len(after.Refs[k]))
		}
	}
	if len(before.Refs) == 0 {
		t.Error("the fixture lost its reference prices")
	}
	// the seed report's tickers carry its calls; the rest carry none
	if len(after.Reports) != 1 || after.Reports[0].ID != sectors.ReportSourceID || after.Reports[0].Calls != 25 {
		t.Fatalf("reports after the upgrade: %+v", after.Reports)
	}
	calls := 0
	for _, tk := range after.Tickers {
		c, ok := tk.CallFrom(sectors.ReportSourceID)
		switch {
		case tk.Code.Key() == "SH600519":
			if ok || tk.AddedBy != "" {
				t.Errorf("贵州茅台, added by the user, got a report call %+v (added by %q)", c, tk.AddedBy)
			}
		case !ok:
			t.Errorf("%s has no call from the seed report", tk.Code.Key())
		default:
			calls++
			if tk.AddedBy != sectors.ReportSourceID || c.Theme == "" {
				t.Errorf("%s: call %+v, added by %q", tk.Code.Key(), c, tk.AddedBy)
			}
		}
	}
	if calls != 25 {
		t.Errorf("%d seed calls, want 25", calls)
	}
	kept, _ := s.Get(market.MustParseCode("688590"))
	if kept.OnList() {
		t.Error("a removed seed ticker came back in the upgrade")
	}
}

// schema1Copy is a copy of testdata/schema1.db in a temporary folder.
func schema1Copy(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/schema1.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "zixuan.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
