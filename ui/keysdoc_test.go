package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zixuan/ui/common"
)

// keysDocPath is the manual's page of keys, from this package's folder.
var keysDocPath = filepath.Join("..", "docs", "keys.md")

func init() {
	// -update rewrites the page. The golden-file package the TUI's tests
	// use may define the flag already; share it rather than redefine it.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite generated files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestKeysDoc fails when docs/keys.md is not what the key map renders:
// a key added, changed or re-described without the page following.
func TestKeysDoc(t *testing.T) {
	want := KeysDoc()
	if updating() {
		if err := os.WriteFile(keysDocPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(keysDocPath)
	if err != nil {
		t.Fatalf("%v: run go test ./ui -run KeysDoc -update", err)
	}
	if string(got) != want {
		t.Errorf("%s is stale: run go test ./ui -run KeysDoc -update\n%s", keysDocPath, firstDifference(string(got), want))
	}
}

// firstDifference names the first line where the page and the code part.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n  page: %s\n  code: %s", i+1, gl, wl)
		}
	}
	return ""
}

// TestKeysDocCoversTheKeyMap checks the page against the key map itself:
// the list's, the detail pane's and the dialogs' keys with their
// English and Chinese help, and no placeholder taken for a key.
func TestKeysDocCoversTheKeyMap(t *testing.T) {
	doc := KeysDoc()
	k := common.NewKeyMap(common.English)
	for _, b := range []struct{ keys, desc string }{
		{"`/`", k.Search.Help().Desc},
		{"`ctrl+s`", k.Save.Help().Desc},
		{"`!`", k.SetAlert.Help().Desc},
		{"`P`", k.Positions.Help().Desc},
		{"`pgdown` `ctrl+f` `space`", k.PageDown.Help().Desc},
	} {
		if !strings.Contains(doc, "| "+b.keys+" | "+b.desc+" |") {
			t.Errorf("the page lacks %s %s", b.keys, b.desc)
		}
	}
	zh := common.NewKeyMap(common.Chinese)
	if !strings.Contains(doc, zh.Positions.Help().Desc) || !strings.Contains(doc, zh.Search.Help().Desc) {
		t.Error("the page lacks the Chinese help")
	}
	if strings.Contains(doc, "| `…` |") {
		t.Error("the footer's placeholder is not a key")
	}
}
