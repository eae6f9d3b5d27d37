package sectors

import (
	"testing"
	"time"
	"zixuan/sectors/market"
)

func TestCallsNewestFirstAndTheirRerating(t *testing.T) {
	d := func(m, day int) time.Time { return time.Date(2025, time.Month(m), day, 0, 0, 0, 0, market.China) }
	reports := []ReportEntry{
		{BrokerReport: BrokerReport{ID: "a", Date: d(1, 6)}, Themes: []ReportTheme{{Theme: Theme{Name: "算力", Thesis: "A 的观点"}}}},
		{BrokerReport: BrokerReport{ID: "undated"}, Added: d(3, 1)},
		{BrokerReport: BrokerReport{ID: "b", Date: d(2, 3)}},
	}
	tk := Ticker{AddedBy: "a", Calls: []Call{{ReportID: "a", Theme: "算力", Rating: Buy}, {ReportID: "undated"}, {ReportID: "b", Rating: Neutral, Target: 12.5}, {ReportID: "gone"}},
		Ratings: []RatingChange{{From: Unrated, To: Buy, Source: "a", Reason: ReasonReport}, {From: Buy, To: Neutral, Source: "b", Reason: ReasonReport}}}
	calls := tk.CallsNewestFirst(reports)
	var ids []string
	for _, c := range calls {
		ids = append(ids, c.ReportID)
	}
	if len(ids) != 4 || ids[0] != "b" || ids[1] != "a" {
		t.Fatalf("order %v", ids)
	}
	if c := calls[0]; !c.Rerated || c.From != Buy || c.To != Neutral {
		t.Errorf("b re-rated: %+v", c)
	}
	if c := calls[1]; c.Rerated || c.Thesis() != "A 的观点" {
		t.Errorf("a, the rating the ticker joined with, is no re-rating: %+v, thesis %q", c, c.Thesis())
	}
	if c, ok := tk.LatestTarget(reports); !ok || c.Target != 12.5 || c.ReportID != "b" {
		t.Errorf("latest target %+v %v", c, ok)
	}
}

func TestRestoredRatingsAreNobodysCall(t *testing.T) {
	tk := Ticker{Code: market.MustParseCode("603019"), Ratings: []RatingChange{
		{From: Unrated, To: Buy, At: time.Date(2025, 1, 2, 2, 0, 0, 0, time.UTC), Source: SourceUser},
		{From: Buy, To: Sell, At: time.Date(2025, 2, 2, 2, 0, 0, 0, time.UTC), Source: "r-removed", Reason: ReasonReport},
		{From: Sell, To: Buy, At: time.Date(2025, 3, 2, 2, 0, 0, 0, time.UTC), Source: SourceUser, Reason: ReasonReportRemoved + ": r-removed"},
	}}
	calls := ScorableCallsOf(nil, []*Ticker{&tk})
	if len(calls) != 1 || calls[0].Source != SourceUser || calls[0].Rating != Buy || calls[0].Day.Month() != 1 {
		t.Errorf("scorable: %+v", calls)
	}
}
