package common

var textEN = Text{
	App: "zixuan", All: "All", Tickers: "tickers", Of: "of",
	ColCode: "Code", ColName: "Name", ColBoard: "Board", ColRating: "Rating", ColNote: "Latest note", ColAt: "Changed",
	NoRows: "No tickers match. 0 clears the rating filter, / then esc clears the search.", NoSelection: "Nothing selected.",
	FocusGone: "%s is no longer on the list (removed by another process): esc returns to the list.",
	TooSmall:  "Terminal too small: %dx%d, zixuan needs at least %dx%d.",

	KUp: "up", KDown: "down", KTop: "top", KBottom: "bottom", KPage: "page", KTabs: "next sector", KPrevTab: "previous sector", KRatings: "rating filter",
	KClear: "all ratings", KSearch: "search", KNote: "note", KRate: "rate", KSort: "sort", KSortNext: "sort: next column", KSortPrev: "sort: column before", KSortReverse: "reverse the sort", KAdd: "add", KMove: "move",
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
	AddTo: "into sector", OnList: "on list", AddRated: "rated", KAddRating: "rating", MovePrompt: "Move %s to", ExportPrompt: "Export %d tickers",
	ExportPath: "File", Format: "Format",
	SortNames: [6]string{"sector", "code", "name", "name, reversed", "rating", "last change"},
	Source:    "Source", Report: "report", User: "user", AddedReason: "added to the watchlist",
	Colon: ": ", ListSep: ",", HistoryLine: "%s %s → %s (%s)",
	NoMatch: "no match", CodeTyped: "code %s (esc cancels)",
}

var textZH = Text{
	ZH:  true,
	App: "自选", All: "全部", Tickers: "只", Of: "/",
	ColCode: "代码", ColName: "名称", ColBoard: "上市板", ColRating: "评级", ColNote: "最新笔记", ColAt: "更新",
	NoRows: "没有符合条件的股票。按 0 清除评级筛选，按 / 再按 esc 清除搜索。", NoSelection: "未选中。",
	FocusGone: "%s 已不在列表中（被另一个进程移除）：按 esc 返回列表。",
	TooSmall:  "终端太小：%dx%d，自选至少需要 %dx%d。",

	KUp: "上", KDown: "下", KTop: "顶部", KBottom: "底部", KPage: "翻页", KTabs: "下一板块", KPrevTab: "上一板块", KRatings: "评级筛选",
	KClear: "全部评级", KSearch: "搜索", KNote: "笔记", KRate: "改评级", KSort: "排序", KSortNext: "按后一列排序", KSortPrev: "按前一列排序", KSortReverse: "反向排序", KAdd: "添加", KMove: "移动",
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
	AddTo: "加入板块", OnList: "已在自选", AddRated: "评级", KAddRating: "评级", MovePrompt: "将 %s 移到", ExportPrompt: "导出 %d 只",
	ExportPath: "文件", Format: "格式",
	SortNames: [6]string{"板块", "代码", "名称", "名称倒序", "评级", "更新时间"},
	Source:    "来源", Report: "研报", User: "我", AddedReason: "加入自选",
	Colon: "：", ListSep: "、", HistoryLine: "%s %s → %s（%s）",
	NoMatch: "无匹配", CodeTyped: "代码 %s（esc 取消）",
}
