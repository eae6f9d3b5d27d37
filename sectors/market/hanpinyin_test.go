package market

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// The embedded table must give exactly go-pinyin's readings, for every
// character it knows and for those it does not; `go generate ./sectors/market`
// rewrites it.
func TestHanTableMatchesGoPinyin(t *testing.T) {
	args := pinyin.NewArgs()
	args.Heteronym = true
	for r := range pinyin.PinyinDict {
		want := pinyin.SinglePinyin(rune(r), args)
		if got := readings(rune(r)); !reflect.DeepEqual(got, want) {
			t.Fatalf("readings(%c) = %q, go-pinyin %q: run go generate ./sectors/market", rune(r), got, want)
		}
	}
	for _, r := range []rune{'A', '1', ' ', '\t', 'é', 0x10FFFF, 0xFFFD} {
		if got, want := readings(r), pinyin.SinglePinyin(r, args); len(got) != 0 || len(want) != 0 {
			t.Errorf("readings(%q) = %q, go-pinyin %q", r, got, want)
		}
	}
	if n := bytes.Count(hanPinyin, []byte("\n")); n != len(pinyin.PinyinDict) {
		t.Errorf("table has %d characters, go-pinyin %d: run go generate ./sectors/market", n, len(pinyin.PinyinDict))
	}
	if data, err := os.ReadFile("data/hanpinyin.txt"); err != nil || !bytes.Equal(data, hanPinyin) {
		t.Errorf("embedded table differs from data/hanpinyin.txt (%v)", err)
	}
}
