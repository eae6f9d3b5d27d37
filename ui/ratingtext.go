package ui

// ratingText is the strings about what reports do to ratings: the detail
// pane's calls (detailcalls.go), the report preview's changes and its
// question before lowering a rating (reportadd.go), and what removing a
// report restored (reportsview.go), in one language.
type ratingText struct {
	Title, NoDate, Target, SameThesis, ColTarget string

	New, Rerated, Lowers, Lowered, Unchanged, Kept, Skipped string
	Why                                                     map[string]string // store.Why… codes the report text lacks
	Undated, LowerAsk, KLower, KKeep, Legend                string
	Restored, Left                                          string
}

var (
	ratingEN = ratingText{
		Title: "Calls", NoDate: "no date", Target: "target ", SameThesis: "thesis as above", ColTarget: "Target",
		New: "new", Rerated: "re-rated", Lowers: "lowers", Lowered: "lowered", Unchanged: "unchanged", Kept: "kept", Skipped: "skipped",
		Why: map[string]string{"no-rating": "the report gives it no rating", "undated": "no date, so it rates nothing",
			"lowers": "lowering not accepted"},
		Undated:  "No date: the report changes no rating (zixuan report add FILE --date YYYY-MM-DD gives it one).",
		LowerAsk: "It lowers %d rating(s): %s. y lowers them, n adds it and keeps them, esc goes back",
		KLower:   "lower them", KKeep: "keep them",
		Legend:   "+ new  ~ re-rated  ↓ lowers  = unchanged  · kept  ! skipped",
		Restored: "; restored %d rating(s) it set", Left: "; left %d changed since (%s)",
	}
	ratingZH = ratingText{
		Title: "研报推荐", NoDate: "无日期", Target: "目标价 ", SameThesis: "观点同上", ColTarget: "目标价",
		New: "新增", Rerated: "改评级", Lowers: "下调", Lowered: "已下调", Unchanged: "不变", Kept: "记录", Skipped: "跳过",
		Why: map[string]string{"no-rating": "研报未给评级", "undated": "无日期，不改评级",
			"lowers": "未同意下调"},
		Undated:  "研报没有日期：不改任何评级（用 zixuan report add 文件 --date YYYY-MM-DD 指定日期）。",
		LowerAsk: "将下调 %d 个评级：%s。y 下调，n 添加但保留原评级，esc 返回",
		KLower:   "下调", KKeep: "保留",
		Legend:   "+ 新增  ~ 改评级  ↓ 下调  = 不变  · 记录  ! 跳过",
		Restored: "；恢复 %d 个它设的评级", Left: "；%d 个之后已改，保留（%s）",
	}
)

func (t *text) ratings() *ratingText {
	if t.zh {
		return &ratingZH
	}
	return &ratingEN
}
