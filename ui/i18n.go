package ui

import (
	"fmt"
	"os"
	"strings"
	"zixuan/sectors/market"

	"zixuan/quote"
	"zixuan/sectors"
)

// text holds every string the UI shows, in one language.
type text struct {
	zh bool

	App, All, Tickers, Of                                 string
	ColCode, ColName, ColBoard, ColRating, ColNote, ColAt string
	NoRows, NoSelection                                   string
	// FocusGone: the focused detail pane's ticker left the list (removed
	// by another process); %s is its code and name.
	FocusGone string
	TooSmall  string

	// key help
	KUp, KDown, KTop, KBottom, KPage, KTabs, KPrevTab, KRatings, KClear, KSearch string
	KNote, KRate, KSort, KAdd, KMove, KRemove, KUndo, KExport, KDetail           string
	KHelp, KQuit, KBack, KSave, KCancel, KChoose, KConfirm, KEdit                string
	KDelete, KKeep, KFormat, KPageUp, KPageDown                                  string

	// status and dialogs
	Filter, Search, SortBy, Saved, NoteSaved, NoteDeleted, NoteEdited              string
	RatingSet, RatingSame, Added, Moved, MovedSame, Removed, Restored, NothingUndo string
	Saving                                                                         string
	ConfirmRemove, ConfirmDelete, ConfirmOverwrite, Exported, Exporting            string
	ConfirmDiscard                                                                 string
	Reloaded                                                                       string

	Thesis, History, Notes, NoNotes, Reason, ReasonHint              string
	NoHistory                                                        string
	NewNote, EditNote, RatePrompt, AddPrompt, AddHint, AddTo, OnList string
	MovePrompt, ExportPrompt, ExportPath, Format                     string
	SortNames                                                        [6]string
	Source, Report, User                                             string
	AddedReason                                                      string

	// punctuation: full-width in Chinese text (理由：可选, 买入、增持)
	Colon, ListSep string
	NoMatch        string // nothing fits what was typed in / or the add wizard
	CodeTyped      string // a code being typed into the list: "code 6005__"
	HistoryLine    string // date, from, to, source
}

// historyIncomplete says which history answers came back short; those
// days are asked again at the next fetch.
func (t *text) historyIncomplete(short []quote.Shortfall) string {
	if !t.zh {
		return quote.DailyFetch{Short: short}.Incomplete()
	}
	s := short[0]
	got := "未收到"
	if !s.GotTo.IsZero() {
		got = "只到 " + market.ChinaDate(s.GotTo)
	}
	more := ""
	if len(short) > 1 {
		more = fmt.Sprintf(" 等 %d 只", len(short))
	}
	return fmt.Sprintf("历史行情不全：%s%s 请求 %s..%s，%s（下次再取）", s.Code.Key(), more, market.ChinaDate(s.Asked.From), market.ChinaDate(s.Asked.To), got)
}

// calendarNote is the status line said once when the exchanges' holiday
// notices in this build end within a month or have ended: short, as it
// has to fit a small terminal (zixuan calendar and doctor say more).
func (t *text) calendarNote(o market.CalendarOutlook) string {
	if !t.zh {
		return o.Short()
	}
	basis := "按法定节假日"
	if o.Basis == market.SourceStateCouncil {
		basis = "按国务院放假安排"
	}
	if o.Past {
		return fmt.Sprintf("休市日历：尚无%d年交易所通知，暂%s", o.Next, basis)
	}
	return fmt.Sprintf("休市日历：交易所通知至%s，%d年暂%s", market.ChinaDate(o.Ends), o.Next, basis)
}

var textEN = text{
	App: "zixuan", All: "All", Tickers: "tickers", Of: "of",
	ColCode: "Code", ColName: "Name", ColBoard: "Board", ColRating: "Rating", ColNote: "Latest note", ColAt: "Changed",
	NoRows: "No tickers match. 0 clears the rating filter, / then esc clears the search.", NoSelection: "Nothing selected.",
	FocusGone: "%s is no longer on the list (removed by another process): esc returns to the list.",
	TooSmall:  "Terminal too small: %dx%d, zixuan needs at least %dx%d.",

	KUp: "up", KDown: "down", KTop: "top", KBottom: "bottom", KPage: "page", KTabs: "next sector", KPrevTab: "previous sector", KRatings: "rating filter",
	KClear: "all ratings", KSearch: "search", KNote: "note", KRate: "rate", KSort: "sort", KAdd: "add", KMove: "move",
	KRemove: "remove", KUndo: "undo remove", KExport: "export", KDetail: "details", KHelp: "help", KQuit: "quit",
	KBack: "back", KSave: "save", KCancel: "cancel", KChoose: "choose", KConfirm: "confirm", KEdit: "edit note",
	KDelete: "delete note", KKeep: "keep filter", KFormat: "format", KPageUp: "page up", KPageDown: "page down",

	Filter: "filter", Search: "search", SortBy: "sort", Saved: "saved", NoteSaved: "note saved", NoteDeleted: "note deleted",
	NoteEdited: "note saved", RatingSet: "rated %s %s", RatingSame: "rating unchanged", Added: "added %s to %s",
	Moved: "moved %s to %s", MovedSame: "%s is in %s already: nothing changed", Removed: "removed %s (u undoes)", Restored: "restored %s", NothingUndo: "nothing to undo", Saving: "saving…",
	ConfirmRemove: "Remove %s %s from the watchlist? y/n", ConfirmDelete: "Delete the note of %s, %q? y/n", ConfirmDiscard: "Discard what you typed? y/n",
	ConfirmOverwrite: "%s exists. Overwrite? y/n", Exported: "exported %d tickers to %s", Exporting: "exporting…",
	Reloaded: "reloaded: changed by another zixuan",

	Thesis: "Report thesis", History: "Rating history", Notes: "Notes", NoNotes: "No notes yet: press n to add one.", NoHistory: "Not rated yet: press r to rate.",
	Reason: "Reason", ReasonHint: "optional", NewNote: "New note for %s", EditNote: "Edit note on %s",
	RatePrompt: "Rating for %s", AddPrompt: "Add from the whole market", AddHint: "code, name or pinyin initials",
	AddTo: "into sector", OnList: "on list", MovePrompt: "Move %s to", ExportPrompt: "Export %d tickers",
	ExportPath: "File", Format: "Format",
	SortNames: [6]string{"sector", "code", "name", "name, reversed", "rating", "last change"},
	Source:    "Source", Report: "report", User: "user", AddedReason: "added to the watchlist",
	Colon: ": ", ListSep: ",", HistoryLine: "%s %s → %s (%s)",
	NoMatch: "no match", CodeTyped: "code %s (esc cancels)",
}

var textZH = text{
	zh:  true,
	App: "自选", All: "全部", Tickers: "只", Of: "/",
	ColCode: "代码", ColName: "名称", ColBoard: "上市板", ColRating: "评级", ColNote: "最新笔记", ColAt: "更新",
	NoRows: "没有符合条件的股票。按 0 清除评级筛选，按 / 再按 esc 清除搜索。", NoSelection: "未选中。",
	FocusGone: "%s 已不在列表中（被另一个进程移除）：按 esc 返回列表。",
	TooSmall:  "终端太小：%dx%d，自选至少需要 %dx%d。",

	KUp: "上", KDown: "下", KTop: "顶部", KBottom: "底部", KPage: "翻页", KTabs: "下一板块", KPrevTab: "上一板块", KRatings: "评级筛选",
	KClear: "全部评级", KSearch: "搜索", KNote: "笔记", KRate: "改评级", KSort: "排序", KAdd: "添加", KMove: "移动",
	KRemove: "移出自选", KUndo: "撤销移出", KExport: "导出", KDetail: "详情", KHelp: "帮助", KQuit: "退出",
	KBack: "返回", KSave: "保存", KCancel: "取消", KChoose: "选择", KConfirm: "确认", KEdit: "编辑笔记",
	KDelete: "删除笔记", KKeep: "保留筛选", KFormat: "格式", KPageUp: "上翻页", KPageDown: "下翻页",

	Filter: "筛选", Search: "搜索", SortBy: "排序", Saved: "已保存", NoteSaved: "笔记已保存", NoteDeleted: "笔记已删除",
	NoteEdited: "笔记已保存", RatingSet: "已将 %s 评为%s", RatingSame: "评级未变", Added: "已添加 %s 到 %s",
	Moved: "已将 %s 移到 %s", MovedSame: "%s 已在 %s，未做改动", Removed: "已将 %s 移出自选（按 u 撤销）", Restored: "已恢复 %s", NothingUndo: "没有可撤销的移出", Saving: "正在保存…",
	ConfirmRemove: "将 %s %s 移出自选？笔记和历史会保留。y/n", ConfirmDelete: "删除 %s 的笔记「%s」？y/n", ConfirmDiscard: "放弃刚才输入的内容？y/n",
	ConfirmOverwrite: "%s 已存在，覆盖？y/n", Exported: "已导出 %d 只到 %s", Exporting: "正在导出…",
	Reloaded: "已重新载入：其他自选进程修改了数据",

	Thesis: "研报观点", History: "评级历史", Notes: "笔记", NoNotes: "还没有笔记：按 n 添加。", NoHistory: "尚未评级：按 r 评级。",
	Reason: "理由", ReasonHint: "可选", NewNote: "为 %s 写笔记", EditNote: "编辑 %s 的笔记",
	RatePrompt: "%s 的评级", AddPrompt: "从全市场添加", AddHint: "代码、名称或拼音首字母",
	AddTo: "加入板块", OnList: "已在自选", MovePrompt: "将 %s 移到", ExportPrompt: "导出 %d 只",
	ExportPath: "文件", Format: "格式",
	SortNames: [6]string{"板块", "代码", "名称", "名称倒序", "评级", "更新时间"},
	Source:    "来源", Report: "研报", User: "我", AddedReason: "加入自选",
	Colon: "：", ListSep: "、", HistoryLine: "%s %s → %s（%s）",
	NoMatch: "无匹配", CodeTyped: "代码 %s（esc 取消）",
}

// chooseText picks the language: Options.Lang, else the locale.
func chooseText(lang string) *text {
	if lang == "" {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if s := os.Getenv(v); s != "" {
				lang = s
				break
			}
		}
	}
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return &textZH
	}
	return &textEN
}

// rating is a rating's label in the UI language.
func (t *text) rating(r sectors.Rating) string {
	if t.zh {
		return r.Chinese()
	}
	return r.English()
}

// board is a board's name in the UI language.
func (t *text) board(b market.Board) string {
	if t.zh {
		return b.Chinese()
	}
	return string(b)
}

// sector is a sector's label, made inert (user sectors are user text).
func (t *text) sector(s sectors.Sector) string {
	return safeLine(s.Label(t.zh))
}

// source names where a rating came from.
func (t *text) source(src string) string {
	switch {
	case src == sectors.SourceUser:
		return t.User
	case src == sectors.ReportSourceID:
		return t.Report
	}
	return safeLine(src)
}

// paren puts s in brackets after a space in English, in full-width
// brackets in Chinese: " (on list)", "（已在自选）".
func (t *text) paren(s string) string {
	if t.zh {
		return "（" + s + "）"
	}
	return " (" + s + ")"
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// reason is a rating change's reason for display. The store writes two
// reasons itself, in English: "report rating" (the seed, whose source
// already says so) and "added"; they are shown in the UI language.
func (t *text) reason(r string) string {
	switch r {
	case sectors.ReasonReport:
		return ""
	case sectors.ReasonAdded:
		return t.AddedReason
	}
	return safeLine(r)
}

// reportText is the strings of the reports view, the report preview, the
// scorecard and the charts (reportsview.go, reportadd.go, scoreview.go,
// chart.go), in one language.
type reportText struct {
	KReports, KScorecard, KAddReport, KRmReport, KBrowse, KGroupBy, KGoTo, KKeepTickers, KAddIt string

	Reports, NoReports, Calls, CallsOf, NoCalls                        string
	ColDate, ColBroker, ColTitle, ColCalls, ColTheme, ColCall, ColNow  string
	RemovedNow, FilterReport, FilterOn                                 string
	AddTitle, AddPath, AddHint, Reading, PreviewTitle, Themes, Already string
	MapHow                                                             map[string]string
	NoSectorNeeded                                                     string
	Why                                                                map[string]string // store.Why… codes
	What                                                               map[string]string
	Summary, NothingYet, ReportAdded, ReportSame                       string
	ConfirmRm, ConfirmRmTickers, RmDone, RmTickers, RmKept             string

	Scorecard, AsOf, NoPrices, Stored, Refreshing, Unscored, NoScorable string
	ByNames                                                             map[string]string
	ColGroup, ColBeat, ColHit, ColMean, ColMedian, ColBest, ColWorst    string
	ColRef, ColLast, ColReturn, ColBench, ColExcess, ColSpark           string

	Chart, ChartSince, ChartLegend string
}

var reportEN = reportText{
	KReports: "reports", KScorecard: "scorecard", KAddReport: "add report", KRmReport: "remove report", KBrowse: "calls",
	KGroupBy: "group by", KGoTo: "go to ticker", KKeepTickers: "keep them", KAddIt: "add it",

	Reports: "Reports", NoReports: "No reports yet: press a to add one from a text file.", Calls: "calls",
	CallsOf: "Calls of %s", NoCalls: "No calls from this report on the record.",
	ColDate: "Date", ColBroker: "Broker", ColTitle: "Title", ColCalls: "Calls", ColTheme: "Theme", ColCall: "Call", ColNow: "Now",
	RemovedNow: "removed", FilterReport: "report", FilterOn: "report",
	AddTitle: "Add a report", AddPath: "File", AddHint: "a report: PDF, saved web page or text (.txt, .md; UTF-8 or GBK); enter shows what it would add",
	Reading: "reading...", PreviewTitle: "Would add", Themes: "Themes", Already: "already kept: the watchlist has this report (%d calls); nothing changes",
	MapHow:         map[string]string{"name": "same name", "alias": "alias", "override": "map", "new": "new sector"},
	NoSectorNeeded: "no sector needed: its stocks are on the list already",
	Why: map[string]string{"unknown-code": "the securities master does not know the code", "index": "an index, not a stock",
		"removed": "removed from the list: it stays removed", "mention": "named as a beneficiary, not rated",
		"same": "the same rating", "newer": "the rating in force is newer than the report"},
	What:    map[string]string{"added": "added", "rerated": "re-rated", "kept": "kept", "skipped": "skipped"},
	Summary: "would add %d tickers, re-rate %d, keep %d, skip %d", NothingYet: "nothing is written until you confirm",
	ReportAdded: "added report %s: %d tickers new, %d re-rated", ReportSame: "the watchlist has this report already: nothing changed",
	ConfirmRm:        "Remove report %s and its %d calls (notes and history stay)? y/n",
	ConfirmRmTickers: "%d tickers are on the list only because of it (%s): take them off too? y/n, esc cancels",
	RmDone:           "removed report %s and its %d calls", RmTickers: "; took %d tickers off the list (u brings one back)", RmKept: "; kept the %d tickers it brought",

	Scorecard: "Scorecard against %s price index", AsOf: "as of %s", NoPrices: "no price history yet: with quotes on it is fetched",
	Stored: "from the stored history", Refreshing: "fetching the missing days...", Unscored: "%d of %d calls have no price history yet",
	NoScorable: "No calls to score: a call is a report's rating or one you gave (r).",
	ByNames:    map[string]string{"report": "report", "sector": "sector", "rating": "rating", "source": "source"},
	ColGroup:   "Group", ColBeat: "Right", ColHit: "Hit", ColMean: "Mean xs", ColMedian: "Median", ColBest: "Best", ColWorst: "Worst",
	ColRef: "Ref", ColLast: "Last", ColReturn: "Return", ColBench: "沪深300", ColExcess: "Excess", ColSpark: "20 days",

	Chart: "Since the first call", ChartSince: "from %s:", ChartLegend: "c call  r rating change  n note  · %s",
}

var reportZH = reportText{
	KReports: "研报", KScorecard: "成绩单", KAddReport: "添加研报", KRmReport: "删除研报", KBrowse: "推荐",
	KGroupBy: "分组", KGoTo: "跳到股票", KKeepTickers: "保留", KAddIt: "添加",

	Reports: "研报", NoReports: "还没有研报：按 a 从文本文件添加。", Calls: "推荐",
	CallsOf: "%s 的推荐", NoCalls: "这份研报的推荐已不在记录中。",
	ColDate: "日期", ColBroker: "券商", ColTitle: "标题", ColCalls: "推荐", ColTheme: "主题", ColCall: "评级", ColNow: "现评级",
	RemovedNow: "已移出", FilterReport: "研报", FilterOn: "研报",
	AddTitle: "添加研报", AddPath: "文件", AddHint: "研报：PDF、网页或文本（.txt、.md；UTF-8 或 GBK）；回车预览将添加的内容",
	Reading: "正在读取...", PreviewTitle: "将添加", Themes: "主题", Already: "已有这份研报（%d 条推荐），不做改动",
	MapHow:         map[string]string{"name": "同名", "alias": "别名", "override": "指定", "new": "新板块"},
	NoSectorNeeded: "无需新板块：其股票已在自选中",
	Why: map[string]string{"unknown-code": "证券代码表中没有这个代码", "index": "是指数，不是股票",
		"removed": "已移出自选，保持移出", "mention": "列为受益标的，未评级",
		"same": "评级相同", "newer": "现有评级晚于研报"},
	What:    map[string]string{"added": "新增", "rerated": "改评级", "kept": "记录", "skipped": "跳过"},
	Summary: "将新增 %d 只，改评级 %d 只，记录 %d 条，跳过 %d 条", NothingYet: "确认前不写入任何内容",
	ReportAdded: "已添加研报 %s：新增 %d 只，改评级 %d 只", ReportSame: "已有这份研报，未做改动",
	ConfirmRm:        "删除研报 %s 及其 %d 条推荐（笔记和历史会保留）？y/n",
	ConfirmRmTickers: "有 %d 只股票只因这份研报在自选中（%s）：一并移出？y/n，esc 取消",
	RmDone:           "已删除研报 %s 及其 %d 条推荐", RmTickers: "；移出 %d 只（按 u 恢复）", RmKept: "；保留它带来的 %d 只",

	Scorecard: "成绩单（对比%s价格指数）", AsOf: "截至 %s", NoPrices: "还没有历史行情：开启行情后会获取",
	Stored: "来自已存的历史行情", Refreshing: "正在获取缺少的日期...", Unscored: "%d/%d 条推荐还没有历史行情",
	NoScorable: "没有可评分的推荐：推荐是研报的评级或你给的评级（r）。",
	ByNames:    map[string]string{"report": "研报", "sector": "板块", "rating": "评级", "source": "来源"},
	ColGroup:   "分组", ColBeat: "看对", ColHit: "胜率", ColMean: "平均超额", ColMedian: "中位超额", ColBest: "最佳", ColWorst: "最差",
	ColRef: "基准价", ColLast: "现价", ColReturn: "收益", ColBench: "沪深300", ColExcess: "超额", ColSpark: "近20日",

	Chart: "首次推荐以来", ChartSince: "自 %s：", ChartLegend: "c 研报  r 评级变动  n 笔记  · %s",
}

func reportTextFor(t *text) *reportText {
	if t.zh {
		return &reportZH
	}
	return &reportEN
}

func (m *Model) rt() *reportText { return reportTextFor(m.t) }

// watchText is the strings of managing the watchlist from the TUI (the
// sectors dialog, 置顶 and order, groups, columns, note history), in one
// language.
type watchText struct {
	KSectors, KPin, KOrderUp, KOrderDown, KGroup, KUngroup, KColumns, KNoteSearch string
	KNew, KRename, KNoteHistory, KUndelete, KMoveCol, KToggle, KHelpShort         string
	KDelete, KGoTo, KRatingsBack, Current, ReasonTab, KPick                       string

	SectorsTitle, SectorNew, SectorRename, ConfirmSectorDelete string
	SectorAdded, SectorRenamed, SectorDeleted, SectorCount     string
	AddPick                                                    string

	Pinned, Unpinned, OrderAt, OrderSortFirst, OrderEdge string
	GroupPrompt, GroupAdded, GroupSame, Ungrouped        string
	UngroupAll, NotInTab                                 string
	Position, More                                       string

	ColSector, ColVolume, ColAmount, ColTurnover, ColPE string
	ColumnsTitle, ColumnsSaved, ColumnsHint             string

	NoteHistoryTitle, Versions, DeletedNotes, NoVersions, NoDeleted string
	NoteUndeleted, NothingDeleted, NoteDeletedUndo                  string
	NoteSearchTitle, NoteSearchHint, NoteHits, DeletedAt            string

	EmptySector, EmptySearch, EmptyFilter, EmptyAll string
	Refreshing, RefreshOffline, RefreshNoQuotes     string
	RefreshRetry, RefreshBusy                       string
	ExportOverwrite                                 string
}

var watchEN = watchText{
	KSectors: "sectors", KPin: "pin to top", KOrderUp: "move up", KOrderDown: "move down", KGroup: "also in sector",
	KUngroup: "leave this sector", KColumns: "columns", KNoteSearch: "search notes",
	KNew: "new", KRename: "rename", KNoteHistory: "versions, deleted", KUndelete: "undelete note", KMoveCol: "move column",
	KToggle: "show/hide", KHelpShort: "help", KDelete: "delete", KGoTo: "go to",
	KRatingsBack: "ratings", KPick: "pick", Current: "current", ReasonTab: "tab to type one (optional)",

	SectorsTitle: "Sectors", SectorNew: "Name of the new sector", SectorRename: "New name for %s",
	ConfirmSectorDelete: "Delete the sector %s? y/n", SectorAdded: "added sector %s", SectorRenamed: "renamed %s to %s",
	SectorDeleted: "deleted sector %s", SectorCount: "%d", AddPick: "Add %s to",

	Pinned: "pinned %s to the top", Unpinned: "unpinned %s", OrderAt: "%s is now %d of %d in %s",
	OrderSortFirst: "the order is kept in the sector sort: press s until sort: sector", OrderEdge: "%s cannot move further",
	GroupPrompt: "Also show %s in", GroupAdded: "%s is also in %s now", GroupSame: "%s is in %s already: nothing changed",
	Ungrouped: "took %s out of %s", UngroupAll: "on a sector tab, - takes the ticker out of that sector",
	NotInTab: "%s is in %s only: x removes it from the watchlist",
	Position: "%d/%d", More: "more below",

	ColSector: "Sector", ColVolume: "Volume", ColAmount: "Amount", ColTurnover: "Turn%", ColPE: "PE",
	ColumnsTitle: "Columns (space shows or hides, K/J move)", ColumnsSaved: "columns saved", ColumnsHint: "only while quotes are on",

	NoteHistoryTitle: "Notes of %s: old versions and deleted notes", Versions: "Versions of the selected note",
	DeletedNotes: "Deleted notes", NoVersions: "The selected note was never edited.", NoDeleted: "No deleted notes.",
	NoteUndeleted: "note brought back", NothingDeleted: "no deleted note to bring back", NoteDeletedUndo: "note deleted (u brings it back)",
	NoteSearchTitle: "Search the notes", NoteSearchHint: "words in a note", NoteHits: "%d notes", DeletedAt: "deleted %s",

	EmptySector: "This sector is empty: press a to add a ticker.", EmptySearch: "No ticker matches the search: esc clears it.",
	EmptyFilter: "No ticker has these ratings: 0 clears the rating filter.", EmptyAll: "The watchlist is empty: press a to add a ticker.",
	Refreshing: "refreshing quotes…", RefreshOffline: "quotes off: started with --offline", RefreshNoQuotes: "quotes off: no quote source",
	RefreshRetry: "no connection, retrying in %s", RefreshBusy: "quotes are being fetched already",
	ExportOverwrite: "overwrite",
}

var watchZH = watchText{
	KSectors: "板块管理", KPin: "置顶", KOrderUp: "上移", KOrderDown: "下移", KGroup: "加入其他板块",
	KUngroup: "移出本板块", KColumns: "列", KNoteSearch: "搜索笔记",
	KNew: "新建", KRename: "改名", KNoteHistory: "旧版本、已删", KUndelete: "恢复笔记", KMoveCol: "移动列",
	KToggle: "显示/隐藏", KHelpShort: "帮助", KDelete: "删除", KGoTo: "前往",
	KRatingsBack: "评级", KPick: "选评级", Current: "当前", ReasonTab: "按 tab 输入（可选）",

	SectorsTitle: "板块", SectorNew: "新板块名称", SectorRename: "%s 的新名称",
	ConfirmSectorDelete: "删除板块 %s？y/n", SectorAdded: "已添加板块 %s", SectorRenamed: "已将 %s 改名为 %s",
	SectorDeleted: "已删除板块 %s", SectorCount: "%d 只", AddPick: "将 %s 加入",

	Pinned: "已置顶 %s", Unpinned: "已取消置顶 %s", OrderAt: "%s 现在是 %[4]s 的第 %[2]d 只（共 %[3]d 只）",
	OrderSortFirst: "自定义顺序只在按板块排序时有效：按 s 切换到“排序：板块”", OrderEdge: "%s 已无法再移动",
	GroupPrompt: "将 %s 也加入", GroupAdded: "%s 已同时在 %s", GroupSame: "%s 已在 %s，未做改动",
	Ungrouped: "已将 %s 移出 %s", UngroupAll: "在板块标签页上按 - 可将股票移出该板块",
	NotInTab: "%s 只在 %s：按 x 移出自选",
	Position: "%d/%d", More: "下面还有",

	ColSector: "板块", ColVolume: "成交量", ColAmount: "成交额", ColTurnover: "换手率", ColPE: "市盈率",
	ColumnsTitle: "列（空格显示或隐藏，K/J 移动）", ColumnsSaved: "列设置已保存", ColumnsHint: "仅在有行情时显示",

	NoteHistoryTitle: "%s 的笔记：旧版本和已删除的笔记", Versions: "所选笔记的旧版本",
	DeletedNotes: "已删除的笔记", NoVersions: "所选笔记未编辑过。", NoDeleted: "没有已删除的笔记。",
	NoteUndeleted: "笔记已恢复", NothingDeleted: "没有可恢复的已删除笔记", NoteDeletedUndo: "笔记已删除（按 u 恢复）",
	NoteSearchTitle: "搜索笔记", NoteSearchHint: "笔记中的词", NoteHits: "%d 条笔记", DeletedAt: "删除于 %s",

	EmptySector: "这个板块还没有股票：按 a 添加。", EmptySearch: "没有股票符合搜索：按 esc 清除。",
	EmptyFilter: "没有这些评级的股票：按 0 清除评级筛选。", EmptyAll: "自选为空：按 a 添加股票。",
	Refreshing: "正在刷新行情…", RefreshOffline: "行情已关闭：以 --offline 启动", RefreshNoQuotes: "行情已关闭：没有行情来源",
	RefreshRetry: "无法连接，%s 后重试", RefreshBusy: "行情正在获取中",
	ExportOverwrite: "覆盖",
}

// wt is the watchlist-management strings in t's language.
func wt(t *text) *watchText {
	if t.zh {
		return &watchZH
	}
	return &watchEN
}

// holdText is the list's totals of the holdings shown (poscols.go);
// Priced has %n (priced) and %m (held).
type holdText struct {
	Held, Cost, Value, PnL, Priced, ColumnsHint, PricedHint string
}

var (
	holdEN = holdText{Held: "held", Cost: "cost", Value: "value", PnL: "P&L", Priced: "%n of %m priced",
		ColumnsHint: "only while a ticker shown is held", PricedHint: "only with quotes, while a ticker shown is held"}
	holdZH = holdText{Held: "持仓", Cost: "成本", Value: "市值", PnL: "盈亏", Priced: "%m 只中 %n 只有行情",
		ColumnsHint: "仅在显示的股票有持仓时", PricedHint: "仅在有行情且显示的股票有持仓时"}
)

// hold is the holdings' strings in t's language.
func hold(t *text) *holdText {
	if t.zh {
		return &holdZH
	}
	return &holdEN
}
