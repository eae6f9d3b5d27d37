package store

import (
	"slices"
	"testing"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func codesIn(t *testing.T, s *Store, sector string) []string {
	t.Helper()
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tk := range (sectors.Filter{Sector: sector}).Apply(snap.Tickers) {
		out = append(out, tk.Code.Number)
	}
	return out
}

func TestPinAndReorderPersistInOneTransaction(t *testing.T) {
	s := newStore(t)
	if got := codesIn(t, s, "compute"); got[0] != "000977" {
		t.Fatalf("compute starts %v", got)
	}
	before := gen(t, s)
	changed, err := s.SetPinned(code("603300"), true)
	if err != nil || !changed || gen(t, s) != before+1 {
		t.Fatalf("pin: %v %v, %d transactions", changed, err, gen(t, s)-before)
	}
	if changed, _ := s.SetPinned(code("603300"), true); changed || gen(t, s) != before+1 {
		t.Errorf("pinning a pinned ticker wrote")
	}
	if got := codesIn(t, s, "compute"); got[0] != "603300" {
		t.Errorf("pinned ticker not first: %v", got)
	}
	before = gen(t, s)
	was, _ := s.Get(code("603019"))
	if err := s.Reorder([]market.Code{code("603019"), code("301085")}); err != nil || gen(t, s) != before+1 {
		t.Fatalf("reorder: %v, %d transactions", err, gen(t, s)-before)
	}
	got := codesIn(t, s, "compute")
	if !slices.Equal(got[:3], []string{"603300", "603019", "301085"}) {
		t.Errorf("after reorder %v, want pinned, then 603019, 301085, then by code", got)
	}
	// reopened, the order is still there
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if got2 := codesIn(t, s2, "compute"); !slices.Equal(got, got2) {
		t.Errorf("reopened %v, want %v", got2, got)
	}
	tk, _ := s2.Get(code("603019"))
	if tk.Position != 1 || tk.Pinned || !tk.Updated.Equal(was.Updated) {
		t.Errorf("record %+v", tk)
	}
	if err := s.Reorder([]market.Code{code("600000")}); !isReason(err, ErrNotFound, NotOnList) {
		t.Errorf("reorder of a ticker not on the list: %v", err)
	}
}

func TestGroups(t *testing.T) {
	s := newStore(t)
	c := code("002230") // in ai
	before := gen(t, s)
	sec, added, err := s.AddToGroup(c, "算力")
	if err != nil || !added || sec.ID != "compute" || gen(t, s) != before+1 {
		t.Fatalf("add to group: %v %v %v", sec, added, err)
	}
	if _, added, _ := s.AddToGroup(c, "ai"); added {
		t.Errorf("home sector added as a group")
	}
	if !slices.Contains(codesIn(t, s, "compute"), "002230") || !slices.Contains(codesIn(t, s, "ai"), "002230") {
		t.Errorf("not in both sectors")
	}
	if _, _, err := s.AddToGroup(c, "quantum"); err != nil {
		t.Fatal(err)
	}
	// out of its home sector: the first group becomes home, the rest stay
	before = gen(t, s)
	if _, removed, err := s.RemoveFromGroup(c, "ai"); err != nil || !removed || gen(t, s) != before+1 {
		t.Fatalf("remove from home: %v %v", removed, err)
	}
	tk, _ := s.Get(c)
	if tk.Sector != "compute" || !slices.Equal(tk.Groups, []string{"quantum"}) {
		t.Errorf("after leaving ai: home %s groups %v", tk.Sector, tk.Groups)
	}
	if _, _, err := s.RemoveFromGroup(c, "quantum"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.RemoveFromGroup(c, "compute"); !isReason(err, ErrInvalid, OnlySector) {
		t.Errorf("leaving its only sector: %v", err)
	}
	// moving home into a group drops the group; deleting a sector drops it from groups
	if _, _, err := s.AddToGroup(c, "ai"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Move(c, "ai"); err != nil {
		t.Fatal(err)
	}
	if tk, _ := s.Get(c); tk.Sector != "ai" || len(tk.Groups) != 0 {
		t.Errorf("after move: %s %v", tk.Sector, tk.Groups)
	}
	empty, err := s.AddSector("Liquor", "白酒")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddToGroup(c, empty.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteSector(empty.ID); err != nil {
		t.Fatalf("a sector holding only group members is deleted: %v", err)
	}
	if tk, _ := s.Get(c); len(tk.Groups) != 0 {
		t.Errorf("deleted sector kept as a group: %v", tk.Groups)
	}
}

func TestUndeleteNote(t *testing.T) {
	s := newStore(t)
	c := code("002230")
	n, err := s.AddNote(c, "first")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EditNote(c, n.ID, "second"); err != nil {
		t.Fatal(err)
	}
	if err := s.UndeleteNote(c, n.ID); !isReason(err, ErrInvalid, NoteNotDeleted) {
		t.Errorf("undelete of a live note: %v", err)
	}
	if err := s.DeleteNote(c, n.ID); err != nil {
		t.Fatal(err)
	}
	before := gen(t, s)
	if err := s.UndeleteNote(c, n.ID); err != nil || gen(t, s) != before+1 {
		t.Fatalf("undelete: %v, %d transactions", err, gen(t, s)-before)
	}
	tk, _ := s.Get(c)
	live := tk.LiveNotes()
	if len(live) != 1 || live[0].Text != "second" || len(live[0].Revisions) != 1 || live[0].Revisions[0].Text != "first" {
		t.Errorf("brought back %+v", live)
	}
	if err := s.UndeleteNote(c, 99); !isReason(err, ErrNotFound, NoSuchNote) {
		t.Errorf("undelete of no note: %v", err)
	}
}
