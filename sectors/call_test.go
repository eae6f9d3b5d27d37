package sectors

import "testing"

func TestParseBrokerRating(t *testing.T) {
	cases := map[string]Rating{
		"买入": Buy, "强烈推荐": Buy, "强推": Buy, "推荐": Buy,
		"增持": Overweight, "审慎增持": Overweight, "谨慎增持": Overweight, "谨慎推荐": Overweight,
		"优于大市": Overweight, "跑赢行业": Overweight, "强于大市": Overweight,
		"中性": Neutral, "持有": Neutral, "同步大市": Neutral,
		"减持": Underweight, "弱于大市": Underweight,
		"卖出": Sell, "回避": Sell,
		"未评级": Unrated, "无评级": Unrated, " 买 入 ": Buy, "outperform": Overweight,
	}
	for in, want := range cases {
		if got, ok := ParseBrokerRating(in); !ok || got != want {
			t.Errorf("ParseBrokerRating(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "买", "强力买进", "看好"} {
		if _, ok := ParseBrokerRating(in); ok {
			t.Errorf("ParseBrokerRating(%q) accepted", in)
		}
	}
	// ParseRating, which the CLI and TUI use, is unchanged by the broker words.
	if _, err := ParseRating("审慎增持"); err == nil {
		t.Error("ParseRating now accepts broker words; it should not change")
	}
}

func TestParseIndustryRating(t *testing.T) {
	cases := map[string]IndustryRating{
		"看好（维持）":   {"看好", IndustryPositive, "维持"},
		"强于大市(首次)": {"强于大市", IndustryPositive, "首次"},
		"增持":       {"增持", IndustryPositive, ""},
		"同步大市（下调）": {"同步大市", IndustryNeutral, "下调"},
		"看淡(上调)":   {"看淡", IndustryNegative, "上调"},
		"弱于大市（某某）": {"弱于大市", IndustryNegative, ""},
	}
	for in, want := range cases {
		if got, ok := ParseIndustryRating(in); !ok || got != want {
			t.Errorf("ParseIndustryRating(%q) = %+v, %v; want %+v", in, got, ok, want)
		}
	}
	if r, _ := ParseIndustryRating("看好(维持)"); r.String() != Report.IndustryRating {
		t.Errorf("String = %q, want the seed's %q", r.String(), Report.IndustryRating)
	}
	if _, ok := ParseIndustryRating("买进"); ok {
		t.Error("买进 accepted")
	}
}

func TestMapThemes(t *testing.T) {
	known := append(ReportSectorRefs(), SectorRef{ID: "user-1", Names: []string{"储能"}})
	themes := []Theme{{Name: "算力"}, {Name: "算力领域"}, {Name: "AI 应用"}, {Name: "人工智能应用"}, {Name: "储能板块"}, {Name: "光伏"}, {Name: "Compute"}, {Name: "工业软件"}}
	got := MapThemes(themes, known, map[string]string{"光伏": "user-1", "工业软件": "my-soft"})
	want := []ThemeMapping{
		{"算力", SectorCompute, MappedByName},
		{"算力领域", SectorCompute, MappedByName},
		{"AI 应用", SectorAI, MappedByName},
		{"人工智能应用", SectorAI, MappedByAlias},
		{"储能板块", "user-1", MappedByName},
		{"光伏", "user-1", MappedByOverride},
		{"Compute", SectorCompute, MappedByName},
		{"工业软件", "my-soft", MappedByOverride},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("theme %q: %+v, want %+v", themes[i].Name, got[i], want[i])
		}
	}
	if m := MapThemes([]Theme{{Name: "白酒"}}, known, nil); m[0].How != MappedToNew || m[0].SectorID != "" {
		t.Errorf("白酒 mapped to %+v", m[0])
	}
}

func TestCallReportName(t *testing.T) {
	ocr := Call{Name: "千方科技", NameInReport: "干方科技", Flags: []CallFlag{FlagNameOCR}}
	renamed := Call{Name: "寒武纪", NameInReport: "寒武纪-U", Flags: []CallFlag{FlagNameDiffers}}
	if ocr.ReportName() != "千方科技" || renamed.ReportName() != "寒武纪-U" {
		t.Errorf("ReportName: %q, %q", ocr.ReportName(), renamed.ReportName())
	}
}
