package store

import (
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// The seed rates 603019 中科曙光 and 688041 海光信息 Buy and leaves 000977
// 浪潮信息 unrated, all from its report of 2024-05-12.

func cnDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, market.China)
}

func reportOn(id string, date time.Time, calls ...sectors.Call) ReportInput {
	for i := range calls {
		calls[i].ReportID = id
		if calls[i].Theme == "" {
			calls[i].Theme = "算力"
		}
	}
	return ReportInput{
		Report: sectors.BrokerReport{ID: id, Title: id, Date: date, Broker: "测试证券"},
		Themes: []sectors.Theme{{Name: "算力", Thesis: "算力需求持续提升。"}},
		Calls:  calls,
	}
}

func rated(c string, r sectors.Rating, word string) sectors.Call {
	code := market.MustParseCode(c)
	name, _ := market.MasterName(code)
	return sectors.Call{Code: code, Name: name, NameInReport: name, Rating: r, RatingInReport: word}
}

func outcomeOf(t *testing.T, out AddReportOutcome, c string) CallOutcome {
	t.Helper()
	for _, o := range out.Calls {
		if o.Call.Code.Number == c {
			return o
		}
	}
	t.Fatalf("no outcome for %s in %+v", c, out.Calls)
	return CallOutcome{}
}

func ratingOf(t *testing.T, s *Store, c string) sectors.Ticker {
	t.Helper()
	tk, err := s.Get(code(c))
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func clockAt(s *Store, at time.Time) { s.SetClock(func() time.Time { return at }) }

func TestCallWithoutARatingWordKeepsTheRating(t *testing.T) {
	s := newStore(t)
	clockAt(s, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC))
	// 重点推荐中科曙光和海光信息: names, no rating; a 未评级 says no more
	in := reportOn("r-names", cnDay(2025, 3, 1), rated("603019", sectors.Unrated, ""), rated("688041", sectors.Unrated, "未评级"), rated("600519", sectors.Unrated, ""))
	out, err := s.AddReport(in, AddReportOptions{Lower: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"603019", "688041"} {
		o := outcomeOf(t, out, c)
		if o.What != CallKept || o.WhyCode != WhyNoRating || o.Before != sectors.Buy || o.After != sectors.Buy || o.Lowers {
			t.Errorf("%s: %+v", c, o)
		}
		tk := ratingOf(t, s, c)
		if tk.Rating != sectors.Buy || tk.RatingSource != sectors.ReportSourceID {
			t.Errorf("%s is %v from %s, want buy from the seed", c, tk.Rating, tk.RatingSource)
		}
		if _, ok := tk.CallFrom("r-names"); !ok {
			t.Errorf("%s: the call was not recorded: %+v", c, tk.Calls)
		}
	}
	// a stock new to the list still joins it, unrated
	if o := outcomeOf(t, out, "600519"); o.What != CallAdded || o.After != sectors.Unrated {
		t.Errorf("600519: %+v", o)
	}
}

func TestTickerAddedUnratedIsRatedByTheNextCall(t *testing.T) {
	s := newStore(t)
	clockAt(s, time.Date(2026, 1, 10, 8, 0, 0, 0, time.UTC))
	if _, err := s.AddOrRestore(code("600519"), AddOptions{Sector: "ai"}); err != nil {
		t.Fatal(err)
	}
	// a report older than the add still rates it: the add decided nothing
	out, err := s.AddReport(reportOn("r-older", cnDay(2025, 12, 1), rated("600519", sectors.Buy, "买入")), AddReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if o := outcomeOf(t, out, "600519"); o.What != CallRerated || o.Before != sectors.Unrated || o.After != sectors.Buy {
		t.Errorf("600519: %+v", o)
	}
	if tk := ratingOf(t, s, "600519"); tk.Rating != sectors.Buy || tk.RatingSource != "r-older" || !tk.RatingAt.Equal(cnDay(2025, 12, 1)) {
		t.Errorf("600519 is %v from %s at %v", tk.Rating, tk.RatingSource, tk.RatingAt)
	}

	// unrated set by hand is a decision: an older report leaves it
	if _, err := s.AddOrRestore(code("000858"), AddOptions{Sector: "ai"}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []sectors.Rating{sectors.Buy, sectors.Unrated} {
		if _, err := s.SetRating(code("000858"), r, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	out, err = s.AddReport(reportOn("r-older-2", cnDay(2025, 12, 2), rated("000858", sectors.Buy, "买入")), AddReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if o := outcomeOf(t, out, "000858"); o.What != CallKept || o.WhyCode != WhyNewer {
		t.Errorf("000858: %+v", o)
	}
}

func TestLoweringARatingNeedsConsent(t *testing.T) {
	s := newStore(t)
	clockAt(s, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC))
	in := reportOn("r-lower", cnDay(2025, 3, 1), rated("603019", sectors.Neutral, "中性"), rated("000977", sectors.Buy, "买入"))
	for _, dry := range []bool{true, false} {
		out, err := s.AddReport(in, AddReportOptions{DryRun: dry})
		if err != nil {
			t.Fatal(err)
		}
		o := outcomeOf(t, out, "603019")
		if o.What != CallKept || o.WhyCode != WhyLowers || !o.Lowers || o.Before != sectors.Buy || o.After != sectors.Buy {
			t.Errorf("dry %v: 603019 without consent: %+v", dry, o)
		}
		if low := out.Lowering(); len(low) != 1 || low[0].Call.Code.Number != "603019" {
			t.Errorf("lowering: %+v", low)
		}
		if o := outcomeOf(t, out, "000977"); o.What != CallRerated || o.Before != sectors.Unrated || o.After != sectors.Buy || o.Lowers {
			t.Errorf("000977 raised: %+v", o)
		}
	}
	if tk := ratingOf(t, s, "603019"); tk.Rating != sectors.Buy {
		t.Errorf("lowered without consent: %v", tk.Rating)
	}
	if err := removeReport(s, "r-lower"); err != nil {
		t.Fatal(err)
	}
	out, err := s.AddReport(in, AddReportOptions{Lower: true})
	if err != nil {
		t.Fatal(err)
	}
	if o := outcomeOf(t, out, "603019"); o.What != CallRerated || !o.Lowers || o.Before != sectors.Buy || o.After != sectors.Neutral {
		t.Errorf("603019 with consent: %+v", o)
	}
	if tk := ratingOf(t, s, "603019"); tk.Rating != sectors.Neutral || tk.RatingSource != "r-lower" {
		t.Errorf("603019 is %v from %s", tk.Rating, tk.RatingSource)
	}
}

// removeReport removes a report without touching its tickers.
func removeReport(s *Store, id string) error {
	_, err := s.RemoveReport(id, RemoveReportOptions{})
	return err
}

func TestUndatedReportRatesNothingUntilDated(t *testing.T) {
	s := newStore(t)
	clockAt(s, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC))
	in := reportOn("r-undated", time.Time{}, rated("603019", sectors.Overweight, "增持"), rated("600519", sectors.Buy, "买入"), rated("688041", sectors.Buy, "买入"))
	out, err := s.AddReport(in, AddReportOptions{Lower: true})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Undated() {
		t.Error("the outcome does not say the report is undated")
	}
	if o := outcomeOf(t, out, "603019"); o.What != CallKept || o.WhyCode != WhyUndated || o.After != sectors.Buy {
		t.Errorf("603019: %+v", o)
	}
	if o := outcomeOf(t, out, "688041"); !o.Unchanged() {
		t.Errorf("688041 agrees with the rating in force: %+v", o)
	}
	if o := outcomeOf(t, out, "600519"); o.What != CallAdded || o.WhyCode != WhyUndated || o.After != sectors.Unrated {
		t.Errorf("600519: %+v", o)
	}
	if tk := ratingOf(t, s, "600519"); tk.Rating != sectors.Unrated || len(tk.Ratings) != 0 || len(tk.Calls) != 1 || tk.Calls[0].Rating != sectors.Buy {
		t.Errorf("600519 after the undated report: %+v", tk)
	}
	// the same report with a date: read again, and it rates
	in.Report.Date = cnDay(2025, 3, 1)
	out, err = s.AddReport(in, AddReportOptions{Lower: true})
	if err != nil {
		t.Fatal(err)
	}
	if out.Existing || !out.Dated {
		t.Fatalf("dating the report: existing %v, dated %v", out.Existing, out.Dated)
	}
	if tk := ratingOf(t, s, "600519"); tk.Rating != sectors.Buy || tk.RatingSource != "r-undated" || len(tk.Calls) != 1 {
		t.Errorf("600519 after dating: %v from %s, %d calls", tk.Rating, tk.RatingSource, len(tk.Calls))
	}
	if tk := ratingOf(t, s, "603019"); tk.Rating != sectors.Overweight {
		t.Errorf("603019 after dating: %v", tk.Rating)
	}
	list, _ := s.Reports()
	if len(list) != 2 || !list[1].Date.Equal(cnDay(2025, 3, 1)) || list[1].Calls != 3 {
		t.Errorf("reports after dating: %+v", list)
	}
	// and once dated, the same report again changes nothing
	if out, err = s.AddReport(in, AddReportOptions{Lower: true}); err != nil || !out.Existing {
		t.Errorf("a third add: existing %v, %v", out.Existing, err)
	}
}

func TestRemovingAReportRestoresTheRatingsItSet(t *testing.T) {
	s := newStore(t)
	clockAt(s, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC))
	misread := reportOn("r-misread", cnDay(2025, 3, 1),
		rated("603019", sectors.Sell, "卖出"),    // lowered: Buy → Sell
		rated("688041", sectors.Neutral, "中性"), // lowered, then changed by the user
		rated("000977", sectors.Buy, "买入"),     // rated from nothing
		rated("300442", sectors.Buy, "买入"),     // rated, and a later report agrees
	)
	if _, err := s.AddReport(misread, AddReportOptions{Lower: true}); err != nil {
		t.Fatal(err)
	}
	clockAt(s, time.Date(2025, 3, 5, 8, 0, 0, 0, time.UTC))
	if _, err := s.SetRating(code("688041"), sectors.Overweight, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddReport(reportOn("r-later", cnDay(2025, 3, 4), rated("300442", sectors.Buy, "买入")), AddReportOptions{}); err != nil {
		t.Fatal(err)
	}
	clockAt(s, time.Date(2025, 3, 9, 8, 0, 0, 0, time.UTC))
	gen, _ := s.Generation()
	plan, err := s.RemoveReport("r-misread", RemoveReportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Generation(); g != gen || ratingOf(t, s, "603019").Rating != sectors.Sell {
		t.Fatal("a dry run changed the file")
	}
	out, err := s.RemoveReport("r-misread", RemoveReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Restored) != len(out.Restored) || len(plan.Left) != len(out.Left) {
		t.Errorf("the plan %+v / %+v differs from the removal %+v / %+v", plan.Restored, plan.Left, out.Restored, out.Left)
	}
	restored := map[string]RatingRestored{}
	for _, r := range out.Restored {
		restored[r.Code.Number] = r
	}
	if r := restored["603019"]; r.From != sectors.Sell || r.To != sectors.Buy || r.Source != sectors.ReportSourceID {
		t.Errorf("603019 restored %+v", r)
	}
	if r := restored["000977"]; r.From != sectors.Buy || r.To != sectors.Unrated {
		t.Errorf("000977 restored %+v", r)
	}
	if r := restored["300442"]; r.To != sectors.Buy || r.Source != "r-later" {
		t.Errorf("300442 restored %+v", r)
	}
	if len(out.Left) != 1 || out.Left[0].Code.Number != "688041" || out.Left[0].Now != sectors.Overweight || out.Left[0].Set != sectors.Neutral || out.Left[0].Source != sectors.SourceUser {
		t.Errorf("left %+v", out.Left)
	}

	tk := ratingOf(t, s, "603019")
	if tk.Rating != sectors.Buy || tk.RatingSource != sectors.ReportSourceID || !tk.RatingAt.Equal(cnDay(2024, 5, 12)) {
		t.Errorf("603019 is %v from %s at %v", tk.Rating, tk.RatingSource, tk.RatingAt)
	}
	// the full history stays, and records the restore
	last := tk.Ratings[len(tk.Ratings)-1]
	if len(tk.Ratings) != 3 || last.From != sectors.Sell || last.To != sectors.Buy || !strings.HasPrefix(last.Reason, sectors.ReasonReportRemoved) || !strings.Contains(last.Reason, "r-misread") {
		t.Errorf("603019 history %+v", tk.Ratings)
	}
	if tk := ratingOf(t, s, "688041"); tk.Rating != sectors.Overweight {
		t.Errorf("688041, changed by the user since, is %v", tk.Rating)
	}
	if tk := ratingOf(t, s, "300442"); tk.Rating != sectors.Buy || tk.RatingSource != "r-later" {
		t.Errorf("300442 is %v from %s", tk.Rating, tk.RatingSource)
	}
	// 000977 is back to no rating decision: the next call rates it, even
	// one older than the removal
	tk = ratingOf(t, s, "000977")
	if tk.Rating != sectors.Unrated {
		t.Fatalf("000977 is %v", tk.Rating)
	}
	out2, err := s.AddReport(reportOn("r-next", cnDay(2025, 3, 3), rated("000977", sectors.Overweight, "增持")), AddReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if o := outcomeOf(t, out2, "000977"); o.What != CallRerated || o.After != sectors.Overweight {
		t.Errorf("000977 after the restore: %+v", o)
	}
}

func TestCallTargetRoundTrips(t *testing.T) {
	s := newStore(t)
	c := rated("603019", sectors.Buy, "买入")
	c.Target = 58.5
	bad := rated("688041", sectors.Buy, "买入")
	bad.Target = -3
	if _, err := s.AddReport(reportOn("r-target", cnDay(2025, 3, 1), c, bad), AddReportOptions{}); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range snap.Tickers {
		call, ok := tk.CallFrom("r-target")
		switch {
		case !ok:
		case tk.Code.Number == "603019" && call.Target != 58.5:
			t.Errorf("603019's target %v", call.Target)
		case tk.Code.Number == "688041" && call.Target != 0:
			t.Errorf("a negative target was kept: %v", call.Target)
		}
	}
	if tk := ratingOf(t, s, "603019"); len(tk.Calls) != 2 || tk.Calls[0].Target != 58.5 {
		t.Errorf("Get: %+v", tk.Calls)
	}
}
