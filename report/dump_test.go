package report

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	r, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%+v\n", r.Report)
	for _, th := range r.Themes {
		fmt.Printf("THEME %s: %s\n", th.Name, th.Thesis)
	}
	for _, c := range r.Calls {
		fmt.Printf("%s %s/%s %s(%s) [%s] %v\n", c.Code, c.Name, c.NameInReport, c.Rating, c.RatingInReport, c.Theme, c.Flags)
	}
}
