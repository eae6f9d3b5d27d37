package common

import (
	"errors"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
)

// ReportText is the strings of the reports view, the report preview, the
// scorecard and the charts (ui/views/reports, ui/views/scorecard,
// ui/views/chart), in one language.
type ReportText struct {
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

var reportEN = ReportText{
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

var reportZH = ReportText{
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

// WatchText is the strings of managing the watchlist from the TUI (the
// sectors dialog, 置顶 and order, groups, columns, note history), in one
// language.
type WatchText struct {
	KSectors, KPin, KOrderUp, KOrderDown, KGroup, KUngroup, KColumns, KNoteSearch string
	KNew, KRename, KNoteHistory, KUndelete, KMoveCol, KToggle, KHelpShort         string
	KDelete, KGoTo, KRatingsBack, Current, ReasonTab, KPick                       string

	SectorsTitle, SectorNew, SectorRename, ConfirmSectorDelete string
	// SectorStillHolds refuses to delete a sector that holds tickers
	SectorStillHolds                                       string
	SectorAdded, SectorRenamed, SectorDeleted, SectorCount string
	AddPick                                                string

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

var watchEN = WatchText{
	KSectors: "sectors", KPin: "pin to top", KOrderUp: "move up", KOrderDown: "move down", KGroup: "also in sector",
	KUngroup: "leave this sector", KColumns: "columns", KNoteSearch: "search notes",
	KNew: "new", KRename: "rename", KNoteHistory: "versions, deleted", KUndelete: "undelete note", KMoveCol: "move column",
	KToggle: "show/hide", KHelpShort: "help", KDelete: "delete", KGoTo: "go to",
	KRatingsBack: "ratings", KPick: "pick", Current: "current", ReasonTab: "tab to type one (optional)",

	SectorsTitle: "Sectors", SectorNew: "Name of the new sector", SectorRename: "New name for %s",
	ConfirmSectorDelete: "Delete the sector %s? y/n", SectorStillHolds: "%s still holds %d tickers: move or remove them first", SectorAdded: "added sector %s", SectorRenamed: "renamed %s to %s",
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

var watchZH = WatchText{
	KSectors: "板块管理", KPin: "置顶", KOrderUp: "上移", KOrderDown: "下移", KGroup: "加入其他板块",
	KUngroup: "移出本板块", KColumns: "列", KNoteSearch: "搜索笔记",
	KNew: "新建", KRename: "改名", KNoteHistory: "旧版本、已删", KUndelete: "恢复笔记", KMoveCol: "移动列",
	KToggle: "显示/隐藏", KHelpShort: "帮助", KDelete: "删除", KGoTo: "前往",
	KRatingsBack: "评级", KPick: "选评级", Current: "当前", ReasonTab: "按 tab 输入（可选）",

	SectorsTitle: "板块", SectorNew: "新板块名称", SectorRename: "%s 的新名称",
	ConfirmSectorDelete: "删除板块 %s？y/n", SectorStillHolds: "%s 还有 %d 只股票：先移走或移出自选", SectorAdded: "已添加板块 %s", SectorRenamed: "已将 %s 改名为 %s",
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

// HoldText is the list's totals of the holdings shown (poscols.go);
// Priced has %n (priced) and %m (held).
type HoldText struct {
	Held, Cost, Value, PnL, Priced, ColumnsHint, PricedHint string
}

var (
	holdEN = HoldText{Held: "held", Cost: "cost", Value: "value", PnL: "P&L", Priced: "%n of %m priced",
		ColumnsHint: "only while a ticker shown is held", PricedHint: "only with quotes, while a ticker shown is held"}
	holdZH = HoldText{Held: "持仓", Cost: "成本", Value: "市值", PnL: "盈亏", Priced: "%m 只中 %n 只有行情",
		ColumnsHint: "仅在显示的股票有持仓时", PricedHint: "仅在有行情且显示的股票有持仓时"}
)

// RatingText is the strings about what reports do to ratings: the detail
// pane's calls (detailcalls.go), the report preview's changes and its
// question before lowering a rating, and what removing a report restored
// (ui/views/reports), in one language.
type RatingText struct {
	Title, NoDate, Target, SameThesis, ColTarget string

	New, Rerated, Lowers, Lowered, Unchanged, Kept, Skipped string
	Why                                                     map[string]string // store.Why… codes the report text lacks
	Undated, LowerAsk, KLower, KKeep, Legend                string
	Restored, Left                                          string
}

var (
	ratingEN = RatingText{
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
	ratingZH = RatingText{
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

// QuoteText is the quote strings, in the UI's language.
type QuoteText struct {
	ColLast, ColPct, ColRet                  string
	Off, Loading, Age, Closed, Stale, Halt   string
	NoRef, NoQuote, Quote, Since, Offline    string
	Refused, Malformed, KRefresh             string
	Open, High, Low, Prev, Vol, Amount, Turn string
	PE, Ref                                  string
	PreOpen, PreOpenShort, Loss, Unknown     string
	// the header's breadth of the rows shown: risen, flat, fallen, and
	// at their limits, each with its count (%d)
	Up, Flat, Down, AtLimitUp, AtLimitDown string
	// LimitMark follows the last price of a row at 涨停 or 跌停;
	// LimitUp and LimitDown name the day's limit prices in the detail pane
	LimitMark, LimitUp, LimitDown string
	// the order book in the detail pane: its title with 委比, and the
	// level's names (with its number, 1 the best)
	Book, Bid, Ask string
	// LastKnown names the last known quotes, kept from an earlier
	// session, with their time (%s), shown while no live answer replaces
	// them; LastKnownOff with quotes off (--offline)
	LastKnown, LastKnownOff string
}

// state is the word shown instead of the change when there is no change
// to show: the halt (the provider's own word when it gave one), the call
// auction before the open, or a change beyond any real move ("—"); short
// for the list's change column (seven cells).
func (q *QuoteText) State(qu sectors.Quote, short bool) string {
	switch {
	case qu.Suspended && qu.Halt != "" && q == &quoteZH:
		return safetext.Truncate(safetext.Line(qu.Halt), 7)
	case qu.Suspended:
		return q.Halt
	case qu.PreOpen && short:
		return q.PreOpenShort
	case qu.PreOpen:
		return q.PreOpen
	case qu.ChangeUnknown:
		return q.Unknown
	}
	return ""
}

var quoteEN = QuoteText{
	ColLast: "Last", ColPct: "Chg%", ColRet: "Return",
	Off: "quotes off", Loading: "quotes loading…", Age: "quotes %s old", Closed: "market closed, last %s",
	Stale: "(stale ~)", Halt: "halt", NoRef: "no ref", NoQuote: "No quote.", Quote: "Quote", Since: "since",
	Offline: "quotes: no connection", Refused: "quotes: refused by the server", Malformed: "quotes: unreadable answer",
	KRefresh: "refresh quotes",
	Open:     "open", High: "high", Low: "low", Prev: "prev close", Vol: "vol", Amount: "amount", Turn: "turnover",
	PE: "PE", Ref: "reference",
	PreOpen: "pre-open", PreOpenShort: "preopen", Loss: "loss", Unknown: "—",
	Up: "%d up", Flat: "%d flat", Down: "%d down", AtLimitUp: "%d limit up", AtLimitDown: "%d limit down",
	LimitMark: "L", LimitUp: "limit up", LimitDown: "limit down",
	Book: "Order book  bid/ask ratio %s", Bid: "bid%d", Ask: "ask%d",
	LastKnown: "last known quotes of %s", LastKnownOff: "offline: quotes of %s",
}

var quoteZH = QuoteText{
	ColLast: "现价", ColPct: "涨跌幅", ColRet: "评级以来",
	Off: "行情已关闭", Loading: "行情加载中…", Age: "行情 %s 前", Closed: "已收盘 %s",
	Stale: "（过时 ~）", Halt: "停牌", NoRef: "无基准", NoQuote: "无行情。", Quote: "行情", Since: "以来",
	Offline: "行情：无法连接", Refused: "行情：服务器拒绝", Malformed: "行情：无法解析",
	KRefresh: "刷新", // Short: the full help fits 60 columns with 上翻页/下翻页
	Open:     "开", High: "高", Low: "低", Prev: "昨收", Vol: "量", Amount: "额", Turn: "换手",
	PE: "市盈率", Ref: "基准价",
	PreOpen: "集合竞价", PreOpenShort: "竞价", Loss: "亏损", Unknown: "—",
	Up: "涨%d", Flat: "平%d", Down: "跌%d", AtLimitUp: "涨停%d", AtLimitDown: "跌停%d",
	LimitMark: "停", LimitUp: "涨停", LimitDown: "跌停",
	Book: "五档  委比 %s", Bid: "买%d", Ask: "卖%d",
	LastKnown: "上次行情 %s", LastKnownOff: "离线：%s 的行情",
}

func (q *QuoteText) Status(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, quote.ErrOffline):
		return q.Offline
	case errors.Is(err, quote.ErrRefused):
		return q.Refused + " (" + safetext.Line(quote.Status(err)) + ")"
	case errors.Is(err, quote.ErrMalformed):
		return q.Malformed
	}
	return safetext.Line(quote.Status(err))
}
