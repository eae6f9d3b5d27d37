package common

// KLineText is the strings of the chart view (ui/views/kline).
type KLineText struct {
	Key, Intraday, Adjusted, AsOf, Loading string
	NoBars, NoBarsOffline                  string
	NoMinutes, MinutesOffline              string
	Open, High, Low, Close, Volume, Lots   string
	Price, Average                         string
	Call, RatingMark, NoteMark, Legend     string
	KCross, KPeriod, KIntraday, KZoom      string
	Periods                                [3]string // daily, weekly, monthly
	Weekdays                               [7]string // Sunday first
}

var (
	klineEN = KLineText{Key: "chart", Intraday: "intraday", Adjusted: "fwd-adjusted", AsOf: "as of %s", Loading: "reading the bars...",
		NoBars: "no bars for this ticker yet", NoBarsOffline: "no bars stored, and quotes are off (--offline)",
		NoMinutes: "no minute line yet", MinutesOffline: "the minute line needs quotes (--offline)",
		Open: "O", High: "H", Low: "L", Close: "C", Volume: "vol", Lots: " lots", Price: "price", Average: "avg",
		Call: "call", RatingMark: "rating", NoteMark: "note", Legend: "marks: c call  r rating change  n note",
		KCross: "crosshair", KPeriod: "day/week/month", KIntraday: "intraday", KZoom: "zoom",
		Periods:  [3]string{"daily", "weekly", "monthly"},
		Weekdays: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}}
	klineZH = KLineText{Key: "K线图", Intraday: "分时", Adjusted: "前复权", AsOf: "截至%s", Loading: "正在读取K线...",
		NoBars: "暂无K线", NoBarsOffline: "没有存储的K线，行情已关闭（--offline）",
		NoMinutes: "暂无分时", MinutesOffline: "分时需要行情（--offline）",
		Open: "开", High: "高", Low: "低", Close: "收", Volume: "量", Lots: "手", Price: "价格", Average: "均价",
		Call: "研报", RatingMark: "评级", NoteMark: "笔记", Legend: "标记：c 研报  r 评级变动  n 笔记",
		KCross: "十字光标", KPeriod: "日/周/月", KIntraday: "分时", KZoom: "缩放",
		Periods:  [3]string{"日线", "周线", "月线"},
		Weekdays: [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}}
)

func withKLine(t *Text, k *KLineText) *Text {
	t.KLine = k
	return t
}
