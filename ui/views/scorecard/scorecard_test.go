package scorecard

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

func testCommon(t *testing.T) common.Common {
	t.Helper()
	tx := common.TextFor("en")
	keys := common.NewKeyMap(tx)
	styles := common.NewStyles(true, true)
	return common.Common{Width: 120, Height: 20, Keys: &keys, Styles: &styles, T: tx}
}

func scored(code, sector string, excess float64, err error) sectors.ScoredCall {
	c := market.MustParseCode(code)
	return sectors.ScoredCall{
		Scorable: sectors.Scorable{Key: c.Key() + "@r1@2024-05-12", Code: c, Name: code, Source: "r1", Report: true, Rating: sectors.Buy, Sector: sector,
			Day: time.Date(2024, 5, 12, 0, 0, 0, 0, market.China)},
		Result: sectors.CallReturn{ExcessPct: excess},
		Err:    err,
	}
}

// A group opens on its calls, the best excess first and those with no
// history last; b groups by the next grouping, showing only its groups;
// enter on a call goes to its ticker.
func TestScorecardGroupsAndCalls(t *testing.T) {
	sc := sectors.Scorecard{
		AsOf: time.Date(2024, 6, 3, 0, 0, 0, 0, market.China),
		Calls: []sectors.ScoredCall{
			scored("600000", "banks", 1.5, nil),
			scored("688111", "chips", 0, errors.New("no history")),
			scored("000001", "banks", 7.25, nil),
		},
		Groups: []sectors.ScoreGroup{
			{By: sectors.ByReport, Key: "r1", GroupStats: sectors.GroupStats{Count: 3}},
			{By: sectors.BySector, Key: "banks", GroupStats: sectors.GroupStats{Count: 2}},
			{By: sectors.BySector, Key: "chips", GroupStats: sectors.GroupStats{Count: 1}},
		},
	}
	v := New(testCommon(t), Data{Scorecard: sc, Loaded: true, Scored: true, Bench: "CSI 300",
		Sectors: []sectors.Sector{{ID: "banks", Name: "Banks"}, {ID: "chips", Name: "Chips"}}})
	if v.Grouping() != sectors.ByReport || len(v.Groups()) != 1 {
		t.Fatalf("by %s: %+v", v.Grouping(), v.Groups())
	}
	if view := ansi.Strip(v.View()); !strings.Contains(view, "2024-06-03") {
		t.Errorf("the scorecard does not say its date:\n%s", view)
	}
	d, _ := v.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	v = d.(Model)
	var order []string
	for _, c := range v.Rows() {
		order = append(order, c.Code.Number)
	}
	if got := strings.Join(order, " "); !v.Opened() || got != "000001 600000 688111" {
		t.Errorf("opened %v, calls %s: want the best first, the unscored last", v.Opened(), got)
	}
	d, _ = v.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if r, ok := d.(common.Reply); !ok || r.Msg != (common.GoToTickerMsg{Key: "SZ000001"}) {
		t.Errorf("enter on the best call answered %#v", d)
	}
	d, _ = v.Update(tea.KeyPressMsg{Code: tea.KeyEscape}) // back to the groups
	d, _ = d.Update(tea.KeyPressMsg{Code: 'b', Text: "b"})
	v = d.(Model)
	if v.Grouping() != sectors.BySector || len(v.Groups()) != 2 {
		t.Fatalf("b: by %s, %d groups", v.Grouping(), len(v.Groups()))
	}
	if view := ansi.Strip(v.View()); !strings.Contains(view, "Banks") || !strings.Contains(view, "Chips") {
		t.Errorf("the sectors' groups are not named by their labels:\n%s", view)
	}
}
