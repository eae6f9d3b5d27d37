package common

import (
	"reflect"
	"testing"
)

// Both languages say everything: no string of the table is left empty in
// one language while the other has it, in any section, and every map of
// words has the same keys in both.
func TestBothLanguagesSayEverything(t *testing.T) {
	compare(t, "Text", reflect.ValueOf(*English), reflect.ValueOf(*Chinese))
}

func compare(t *testing.T, path string, en, zh reflect.Value) {
	t.Helper()
	switch en.Kind() {
	case reflect.Pointer:
		if en.IsNil() != zh.IsNil() {
			t.Errorf("%s: set in one language only", path)
			return
		}
		if !en.IsNil() {
			compare(t, path, en.Elem(), zh.Elem())
		}
	case reflect.Struct:
		for i := range en.NumField() {
			if f := en.Type().Field(i); f.IsExported() {
				compare(t, path+"."+f.Name, en.Field(i), zh.Field(i))
			}
		}
	case reflect.String:
		if (en.String() == "") != (zh.String() == "") {
			t.Errorf("%s: %q in English, %q in Chinese", path, en.String(), zh.String())
		}
	case reflect.Slice, reflect.Array:
		if en.Len() != zh.Len() {
			t.Errorf("%s: %d in English, %d in Chinese", path, en.Len(), zh.Len())
			return
		}
		for i := range en.Len() {
			compare(t, path, en.Index(i), zh.Index(i))
		}
	case reflect.Map:
		if en.Len() != zh.Len() {
			t.Errorf("%s: %d words in English, %d in Chinese", path, en.Len(), zh.Len())
		}
		for _, k := range en.MapKeys() {
			if v := zh.MapIndex(k); !v.IsValid() {
				t.Errorf("%s[%v]: no Chinese", path, k)
			} else {
				compare(t, path, en.MapIndex(k), v)
			}
		}
	}
}

// A percentage that rounds to zero is shown without a sign: -0.0% reads
// as a loss that is not there.
func TestPctHasNoNegativeZero(t *testing.T) {
	for v, want := range map[float64]string{-0.02: "0.0%", 0.02: "0.0%", -0.06: "-0.1%", 0.06: "+0.1%"} {
		if got := Pct(v, 1); got != want {
			t.Errorf("Pct(%v, 1) = %q, want %q", v, got, want)
		}
	}
}
