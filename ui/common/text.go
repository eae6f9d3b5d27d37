package common

import (
	"fmt"
	"os"
	"strings"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
)

// Text is the one translation table: every string the UI shows, in one
// language, the strings of each part in a section of its own. Look it up
// once (TextFor) and read it from the shared context.
type Text struct {
	ZH bool

	// the sections: the watchlist's management, the reports and the
	// scorecard, the quotes, the alerts, the positions view, what reports
	// do to ratings, the holdings' totals
	Watch     *WatchText
	Reports   *ReportText
	Quotes    *QuoteText
	Alerts    *AlertText
	Positions *PosText
	Ratings   *RatingText
	Holds     *HoldText
	KLine     *KLineText
	Today     *TodayText  // text_today.go
	Wizard    *WizardText // text_wizard.go

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
	KSortNext, KSortPrev, KSortReverse                                           string
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
	// AddRated is the rating the add wizard gives the ticker; KAddRating
	// its key's help
	AddRated, KAddRating                         string
	MovePrompt, ExportPrompt, ExportPath, Format string
	SortNames                                    [6]string
	Source, Report, User                         string
	AddedReason                                  string

	// punctuation: full-width in Chinese text (理由：可选, 买入、增持)
	Colon, ListSep string
	NoMatch        string // nothing fits what was typed in / or the add wizard
	CodeTyped      string // a code being typed into the list: "code 6005__"
	HistoryLine    string // date, from, to, source
}

// historyIncomplete says which history answers came back short; those
// days are asked again at the next fetch.
func (t *Text) HistoryIncomplete(short []quote.Shortfall) string {
	if !t.ZH {
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

// CalendarNote is the status line said once when the exchanges' holiday
// notices in this build end within a month or have ended: short, as it
// has to fit a small terminal (zixuan calendar and doctor say more).
func (t *Text) CalendarNote(o market.CalendarOutlook) string {
	if !t.ZH {
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

// TextFor picks the language: Options.Lang, else the locale.
func TextFor(lang string) *Text {
	if lang == "" {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if s := os.Getenv(v); s != "" {
				lang = s
				break
			}
		}
	}
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return Chinese
	}
	return English
}

// The two tables, each with its sections.
var (
	English = withKLine(withSections(textEN, &watchEN, &reportEN, &quoteEN, &alertEN, &posEN, &ratingEN, &holdEN), &klineEN)
	Chinese = withKLine(withSections(textZH, &watchZH, &reportZH, &quoteZH, &alertZH, &posZH, &ratingZH, &holdZH), &klineZH)
)

func withSections(t Text, w *WatchText, r *ReportText, q *QuoteText, a *AlertText, p *PosText, rt *RatingText, h *HoldText) *Text {
	t.Watch, t.Reports, t.Quotes, t.Alerts, t.Positions, t.Ratings, t.Holds = w, r, q, a, p, rt, h
	return &t
}

// Rating is a rating's label in the UI language.
func (t *Text) Rating(r sectors.Rating) string {
	if t.ZH {
		return r.Chinese()
	}
	return r.English()
}

// Board is a board's name in the UI language.
func (t *Text) Board(b market.Board) string {
	if t.ZH {
		return b.Chinese()
	}
	return string(b)
}

// SectorLabel is a sector's label, made inert (user sectors are user text).
func (t *Text) SectorLabel(s sectors.Sector) string {
	return safetext.Line(s.Label(t.ZH))
}

// source names where a rating came from.
func (t *Text) SourceName(src string) string {
	switch {
	case src == sectors.SourceUser:
		return t.User
	case src == sectors.ReportSourceID:
		return t.Report
	}
	return safetext.Line(src)
}

// paren puts s in brackets after a space in English, in full-width
// brackets in Chinese: " (on list)", "（已在自选）".
func (t *Text) Paren(s string) string {
	if t.ZH {
		return "（" + s + "）"
	}
	return " (" + s + ")"
}

// ReasonText is a rating change's reason for display. The store writes two
// reasons itself, in English: "report rating" (the seed, whose source
// already says so) and "added"; they are shown in the UI language.
func (t *Text) ReasonText(r string) string {
	switch r {
	case sectors.ReasonReport:
		return ""
	case sectors.ReasonAdded:
		return t.AddedReason
	}
	return safetext.Line(r)
}

// displayName is the ticker's name made inert, with a "!" before names
// under risk warning (ST; *ST carries its own star), in the form terminals
// show (万科A, not 万  科Ａ).
func DisplayName(name string) string {
	return safetext.Line(market.MarkedName(name))
}
