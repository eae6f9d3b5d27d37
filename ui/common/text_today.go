package common

// TodayText is the strings of the day's summary (ui/views/today).
type TodayText struct {
	Title, Key, Loading string
	// Closed: %s the date, %s why (a holiday's name, or the weekend), %s
	// the last session's date.
	Closed, Weekend string
	BeforeOpen      string // %s the date, %s the last session
	// Scope: %s the tab, %d tickers, %d of them with a trade of the day.
	Scope                               string
	NoQuotes, QuotesOff, None, Total    string
	Gainers, Losers, LimitUp, LimitDown string
	Alerts, Reports, Positions          string
	Stale                               string // %d days
	Days, NeverNoted, Calls             string
	Priced                              string // %d of %d
	Dividend                            string // %s the cash of an ex-date, part of the day's P&L
	Weekdays                            [7]string
}

var (
	todayEN = TodayText{Title: "Today", Key: "today", Loading: "Working out the day…",
		Closed: "%s: exchanges closed (%s); the last session, %s", Weekend: "weekend",
		BeforeOpen: "%s: before the open; the last session, %s",
		Scope:      "%s: %d tickers, %d with a trade of the day", NoQuotes: "no quotes: movers, limits and the day's P&L need them",
		QuotesOff: "quotes are off", None: "none", Total: "Total",
		Gainers: "Gainers", Losers: "Losers", LimitUp: "Limit up 涨停", LimitDown: "Limit down 跌停",
		Alerts: "Alerts fired", Reports: "Reports added", Positions: "Positions' day P&L",
		Stale: "Buy calls without a note for %d+ days", Days: "%d days", NeverNoted: "never noted", Calls: "%d calls",
		Priced: "%d of %d priced", Dividend: "incl. 派 %s", Weekdays: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}}
	todayZH = TodayText{Title: "今日", Key: "今日", Loading: "正在汇总今日…",
		Closed: "%s：休市（%s）；上一交易日 %s", Weekend: "周末",
		BeforeOpen: "%s：未开盘；上一交易日 %s",
		Scope:      "%s：%d 只，%d 只当日有成交", NoQuotes: "无行情：涨跌、涨跌停与当日盈亏需要行情",
		QuotesOff: "行情已关闭", None: "无", Total: "合计",
		Gainers: "涨幅", Losers: "跌幅", LimitUp: "涨停", LimitDown: "跌停",
		Alerts: "今日触发的预警", Reports: "今日新增研报", Positions: "持仓当日盈亏",
		Stale: "买入评级 %d 天以上无笔记", Days: "%d 天", NeverNoted: "从无笔记", Calls: "%d 条评级",
		Priced: "%d/%d 有行情", Dividend: "含派息 %s", Weekdays: [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}}
)

// The summary's strings join the two tables here, in their own file.
func init() { English.Today, Chinese.Today = &todayEN, &todayZH }
