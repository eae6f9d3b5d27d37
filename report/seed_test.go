package report

import (
	"bytes"
	"testing"
	"zixuan/sectors/market"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zixuan/sectors"
)

// The seed report, read by the parser, must give exactly what sectors holds
// by hand: the 25 tickers in order with their ratings and sectors, current
// names from the master with the report's names kept, the four theses, and
// the report's own record.
func TestSeedGivesTodaysWatchlist(t *testing.T) {
	r, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	want := sectors.Report
	got := r.Report.Source()
	if got.ID != want.ID || got.Title != want.Title || !got.Date.Equal(want.Date) || got.Industry != want.Industry || got.IndustryRating != want.IndustryRating {
		t.Errorf("report = %+v\nwant     %+v", got, want)
	}
	if r.Report.Broker != "" {
		t.Errorf("broker = %q; the seed's text names none", r.Report.Broker)
	}

	sectorOf := SectorsByTheme(sectors.MapThemes(r.Themes, sectors.ReportSectorRefs(), nil))
	if len(r.Calls) != len(sectors.ReportTickers) {
		t.Fatalf("%d calls, want %d", len(r.Calls), len(sectors.ReportTickers))
	}
	for i, st := range sectors.ReportTickers {
		c := r.Calls[i]
		sec, _ := market.LookupMaster(st.Code)
		switch {
		case c.Code != st.Code:
			t.Errorf("call %d: code %s, want %s", i, c.Code, st.Code)
		case c.Name != sec.Name:
			t.Errorf("%s: name %q, want the master's %q", st.Code, c.Name, sec.Name)
		case c.ReportName() != st.ReportName:
			t.Errorf("%s: report name %q, want %q", st.Code, c.ReportName(), st.ReportName)
		case c.Rating != st.Rating:
			t.Errorf("%s: rating %v, want %v", st.Code, c.Rating, st.Rating)
		case sectorOf[c.Theme] != st.Sector:
			t.Errorf("%s: theme %q maps to %q, want %q", st.Code, c.Theme, sectorOf[c.Theme], st.Sector)
		case c.ReportID != sectors.ReportSourceID:
			t.Errorf("%s: report id %q", st.Code, c.ReportID)
		}
	}

	if len(r.Themes) != len(sectors.ReportSectors) {
		t.Fatalf("%d themes, want %d", len(r.Themes), len(sectors.ReportSectors))
	}
	for i, def := range sectors.ReportSectors {
		th := r.Themes[i]
		if sectorOf[th.Name] != def.ID {
			t.Errorf("theme %d %q maps to %q, want %q", i, th.Name, sectorOf[th.Name], def.ID)
		}
		if th.Thesis != def.Thesis {
			t.Errorf("%s thesis:\n got %s\nwant %s", def.ID, th.Thesis, def.Thesis)
		}
	}
}

// The seed's OCR damage is recorded, not hidden: 干方科技 is kept as written
// and flagged; the three renames since the report are flagged as differing.
func TestSeedFlags(t *testing.T) {
	r, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]sectors.CallFlag{
		"SZ002373": sectors.FlagNameOCR, "SH688256": sectors.FlagNameDiffers,
		"SH603300": sectors.FlagNameDiffers, "SH688201": sectors.FlagNameDiffers,
	}
	for _, c := range r.Calls {
		f, flagged := want[c.Code.Key()]
		switch {
		case flagged && (len(c.Flags) != 1 || c.Flags[0] != f):
			t.Errorf("%s flags %v, want [%s]", c.Code, c.Flags, f)
		case !flagged && len(c.Flags) != 0:
			t.Errorf("%s flags %v, want none", c.Code, c.Flags)
		}
		if c.Code.Key() == "SZ002373" && (c.NameInReport != "干方科技" || c.Name != "千方科技") {
			t.Errorf("002373: name %q as written %q", c.Name, c.NameInReport)
		}
	}
	for _, c := range r.Calls {
		if c.Name == "工业富联" {
			t.Error("工业富联 is commentary in 核心观点, not a call")
		}
	}
}

// The id is the content's: the same report in GB18030 (GBK's superset), with CRLF line ends,
// is the same report.
func TestSeedIDSurvivesReencoding(t *testing.T) {
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(bytes.ReplaceAll(SeedText(), []byte("\n"), []byte("\r\n")))
	if err != nil {
		t.Skip("the seed has characters GBK lacks:", err)
	}
	r, err := Parse(gbk)
	if err != nil {
		t.Fatal(err)
	}
	if r.Report.ID != sectors.ReportSourceID || len(r.Calls) != 25 {
		t.Errorf("GBK seed: id %q, %d calls", r.Report.ID, len(r.Calls))
	}
}
