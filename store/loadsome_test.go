package store

import (
	"reflect"
	"testing"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// LoadSome gives the tickers asked for as Load gives them (a removed one
// too) but brief: of their notes the latest live one, none of their
// rating changes; it leaves out codes the store does not hold, and gives
// the same reports and reference prices, whether it looks each up (a
// few) or reads every ticker (most of the store).
func TestLoadSomeIsLoadOfTheCodesAsked(t *testing.T) {
	s := newStore(t)
	all, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Tickers) < 6 {
		t.Fatalf("the seed has %d tickers", len(all.Tickers))
	}
	if err := s.RemoveTicker(all.Tickers[1].Code); err != nil {
		t.Fatal(err)
	}
	// a ticker whose latest note is deleted: its latest live one is the one before
	noted := all.Tickers[2].Code
	for _, text := range []string{"kept", "deleted"} {
		if _, err := s.AddNote(noted, text); err != nil {
			t.Fatal(err)
		}
	}
	if all, err = s.Load(); err != nil {
		t.Fatal(err)
	}
	for _, tk := range all.Tickers {
		if tk.Code == noted {
			if err := s.DeleteNote(noted, tk.Notes[0].ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if all, err = s.Load(); err != nil {
		t.Fatal(err)
	}
	byKey := map[string]sectors.Ticker{}
	for _, tk := range all.Tickers {
		latest, ok := tk.LatestNote()
		tk.Ratings, tk.Notes = nil, nil
		if ok {
			tk.Notes = []sectors.Note{latest}
		}
		byKey[tk.Code.Key()] = tk
	}
	if n := byKey[noted.Key()].Notes; len(n) != 1 || n[0].Text != "kept" {
		t.Fatalf("%s's latest live note: %+v", noted.Key(), n)
	}
	unknown := market.MustParseCode("SH600000")
	if _, held := byKey[unknown.Key()]; held {
		t.Fatal("the seed holds SH600000")
	}
	few := []market.Code{all.Tickers[1].Code, unknown, all.Tickers[3].Code, all.Tickers[1].Code}
	var most []market.Code
	for _, tk := range all.Tickers[:len(all.Tickers)-1] {
		most = append(most, tk.Code)
	}
	for name, codes := range map[string][]market.Code{"a few": few, "most": most} {
		some, err := s.LoadSome(codes)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for _, c := range codes {
			if _, held := byKey[c.Key()]; held {
				want[c.Key()] = true
			}
		}
		if len(some.Tickers) != len(want) {
			t.Errorf("%s: %d tickers, want %d", name, len(some.Tickers), len(want))
		}
		for _, tk := range some.Tickers {
			if !want[tk.Code.Key()] || !reflect.DeepEqual(tk, byKey[tk.Code.Key()]) {
				t.Errorf("%s: %s is not Load's:\n%+v\n%+v", name, tk.Code.Key(), tk, byKey[tk.Code.Key()])
			}
		}
		if !reflect.DeepEqual(some.Reports, all.Reports) || !reflect.DeepEqual(some.Refs, all.Refs) {
			t.Errorf("%s: the reports or the reference prices differ from Load's", name)
		}
	}
}
