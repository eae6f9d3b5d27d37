package market

import (
	"reflect"
	"testing"
)

// MasterName's binary search over the embedded file finds every row
// loadMaster reads, with the same name, and nothing else.
func TestMasterNameMatchesTheLoadedMaster(t *testing.T) {
	var viaSearch []string
	for _, sec := range Master() {
		name, ok := masterLineName(sec.Code)
		if !ok || name != sec.Name {
			t.Fatalf("%s: binary search found %q, %v; the loaded master has %q", sec.Code.Key(), name, ok, sec.Name)
		}
		viaSearch = append(viaSearch, name)
	}
	if len(viaSearch) != 5538 {
		t.Fatalf("searched %d rows, want the master's 5,538", len(viaSearch))
	}
	for _, in := range []string{"SH000001", "SZ000003", "SZ000000", "SH603999", "BJ920000", "SZ300999", "SH600000", "SZ000001", "SH000002"} {
		c, err := ParseCode(in)
		if err != nil {
			t.Fatal(err)
		}
		_, loaded := LookupMaster(c)
		_, searched := masterLineName(c)
		if loaded != searched {
			t.Errorf("%s: the loaded master says listed=%v, the binary search %v", in, loaded, searched)
		}
	}
	// once the master is loaded, MasterName answers from its index
	if name, ok := MasterName(Master()[0].Code); !ok || name != Master()[0].Name {
		t.Errorf("MasterName after the load = %q, %v", name, ok)
	}
}

// masterLineName is MasterName's search alone, whether or not the master
// was loaded.
func masterLineName(c Code) (string, bool) {
	official, ok := masterLine(c)
	if !ok {
		return "", false
	}
	return DisplayName(official), true
}

// A lookup made from the one row (the first few hundred of a process) is
// the Security loadMaster makes of it, for every row.
func TestLookupOneIsTheLoadedMastersSecurity(t *testing.T) {
	for _, sec := range Master() {
		one, ok := lookupOne(sec.Code)
		if !ok || !reflect.DeepEqual(one, sec) {
			t.Fatalf("%s: from its row %+v, %v; the loaded master has %+v", sec.Code.Key(), one, ok, sec)
		}
	}
	for _, in := range []string{"SH603999", "SZ000003", "SH000001"} {
		c := MustParseCode(in)
		_, loaded := masterIndex[c.Key()]
		if _, ok := lookupOne(c); ok != loaded {
			t.Errorf("%s: from its row listed=%v, the loaded master %v", in, ok, loaded)
		}
	}
}
