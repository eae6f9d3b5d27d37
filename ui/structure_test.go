package ui

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The UI stays in parts a reader can hold: no Go file in ui/ (its
// packages included) over maxFileLines lines, and no type with more than
// maxMethods methods.
const (
	maxFileLines = 400
	maxMethods   = 40
)

// Over the limits still, while the parts are being taken out of them:
// each may only shrink, and leaves this list once it is within the limits.
var (
	largeFiles = map[string]int{}
	largeTypes = map[string]int{}
)

func TestPartsStaySmall(t *testing.T) {
	methods := map[string]int{}
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		lines := strings.Count(string(data), "\n")
		if ceiling, listed := largeFiles[path]; listed {
			seen[path] = true
			switch {
			case lines > ceiling:
				t.Errorf("%s has %d lines, more than the %d it had: split it", path, lines, ceiling)
			case lines <= maxFileLines:
				t.Errorf("%s is within %d lines now: take it off largeFiles", path, maxFileLines)
			}
		} else if lines > maxFileLines {
			t.Errorf("%s has %d lines, more than %d: split it into parts", path, lines, maxFileLines)
		}
		if strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, data, 0)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(filepath.Join("ui", filepath.Dir(path)))
		pkg = strings.TrimSuffix(pkg, "/.")
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil {
				continue
			}
			recv := fd.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if ix, ok := recv.(*ast.IndexExpr); ok {
				recv = ix.X
			}
			methods[fmt.Sprintf("%s.%s", pkg, recv)]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for path := range largeFiles {
		if !seen[path] {
			t.Errorf("%s is gone: take it off largeFiles", path)
		}
	}
	for typ, n := range methods {
		if ceiling, listed := largeTypes[typ]; listed {
			switch {
			case n > ceiling:
				t.Errorf("%s has %d methods, more than the %d it had: give the new ones a part of their own", typ, n, ceiling)
			case n <= maxMethods:
				t.Errorf("%s has %d methods now: take it off largeTypes", typ, n)
			}
		} else if n > maxMethods {
			t.Errorf("%s has %d methods, more than %d: split it", typ, n, maxMethods)
		}
	}
	for typ := range largeTypes {
		if _, ok := methods[typ]; !ok {
			t.Errorf("%s is gone: take it off largeTypes", typ)
		}
	}
}
