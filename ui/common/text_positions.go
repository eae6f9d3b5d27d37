package common

// PosText is the strings of the positions view (ui/views/positions), its
// page of one position and its trade dialog.
type PosText struct {
	Title, Key, Loading, None, Total, OffList, NoQuotes string
	Head                                                []string

	// keys: buy, sell, delete a trade, open a position; KBuyList is the
	// list's key that buys the selected ticker
	KBuy, KSell, KDelete, KOpen, KBuyList, KField string

	// the trade dialog: its titles, fields and hints; the lot rules of a
	// buy and of a sell on the main boards, STAR and the BSE
	BuyTitle, SellTitle, Code, Date, Price, Qty, Fee, HeldHint string
	BuyLots, BuySTAR, BuyBSE, SellLots, SellSTAR, SellBSE      string
	// what was typed that is no figure (%q is the text)
	NotDate, NotPrice, NotQty, NotFee string
	// Force is said after an exchange rule a trade breaks: a statement's
	// line is recorded forced from the command line
	Force string

	// the writes: recorded (id, side, code, qty, price, date, held),
	// removed, and the question before one is removed
	Recorded, Removed, ConfirmRm string
	Buy, Sell                    string

	// the page of one position (enter)
	Held, Value, Realised, Since, Lots, Trades, Events, Gone string
	Uncertain, Forced, Breaks                                string
	LotHead, TradeHead, EventHead                            []string
	Unread, Offered, OfferedAt, SharesAdded, CashAdded       string
}

var (
	posEN = PosText{Title: "Positions", Key: "positions", Loading: "Loading positions…", None: "No positions: a records a buy",
		Total: "Total", OffList: "not on the list", NoQuotes: "no quotes: quantities and cost only",
		Head: []string{"CODE", "NAME", "QTY", "COST", "AVG", "LAST", "VALUE", "P&L", "P&L%", "REALISED"},

		KBuy: "buy", KSell: "sell", KDelete: "delete trade", KOpen: "lots, trades", KBuyList: "buy", KField: "next field",

		BuyTitle: "Buy", SellTitle: "Sell", Code: "Code", Date: "Date", Price: "Price", Qty: "Shares", Fee: "Fee", HeldHint: "%d shares held",
		BuyLots: "whole lots of 100", BuySTAR: "at least 200, in steps of 1", BuyBSE: "at least 100, in steps of 1",
		SellLots: "whole lots of 100; an odd remainder whole", SellSTAR: "at least 200, or the whole holding", SellBSE: "at least 100, or the whole holding",
		NotDate: "%q is not a date: give YYYY-MM-DD, such as 2026-06-30", NotPrice: "%q is not a price: give a number such as 12.50",
		NotQty: "%q is not a quantity: give a whole number of shares", NotFee: "%q is not a fee: give yuan, such as 5 (0 for none)",
		Force: " (a statement's line that breaks it is recorded with zixuan position add --force)",

		Recorded: "%d: %s %s %d at %s on %s; %d shares held", Removed: "removed %d: %s %s %d at %s on %s",
		ConfirmRm: "Delete trade %d: %s %s %d at %s on %s? y/n", Buy: "buy", Sell: "sell",

		Held: "held %d shares, cost %s (avg %s)", Value: "value %s at %s: P&L %s (%s)", Realised: "realised %s (dividends %s, before tax)",
		Since: "since %s", Lots: "Lots", Trades: "Trades", Events: "Distributions", Gone: "No trades of %s any more.",
		Uncertain: "a distribution could not be applied: the holding may be wrong from it", Forced: "forced", Breaks: "breaks: ",
		LotHead:   []string{"LOT", "BOUGHT", "QTY", "COST", "PER SHARE"},
		TradeHead: []string{"ID", "DATE", "SIDE", "QTY", "PRICE", "FEE", "NOTE"},
		EventHead: []string{"EX-DATE", "DISTRIBUTION", "HELD", "TO THE HOLDING"},
		Unread:    "not applied: could not be read (check the notice)",
		Offered:   "%d rights offered (price not known): not taken up unless recorded as a buy",
		OfferedAt: "%d rights at %s offered: not taken up unless recorded as a buy", SharesAdded: "+%d shares", CashAdded: "+%s yuan"}
	posZH = PosText{Title: "持仓", Key: "持仓", Loading: "正在读取持仓…", None: "没有持仓：按 a 记录买入",
		Total: "合计", OffList: "不在自选", NoQuotes: "无行情：只显示数量与成本",
		Head: []string{"代码", "名称", "数量", "成本", "均价", "现价", "市值", "盈亏", "盈亏%", "已实现"},

		KBuy: "买入", KSell: "卖出", KDelete: "删除交易", KOpen: "批次、交易", KBuyList: "买入", KField: "下一项",

		BuyTitle: "买入", SellTitle: "卖出", Code: "代码", Date: "日期", Price: "价格", Qty: "数量", Fee: "费用", HeldHint: "持有 %d 股",
		BuyLots: "100 股的整数倍", BuySTAR: "至少 200 股，以 1 股递增", BuyBSE: "至少 100 股，以 1 股递增",
		SellLots: "100 股的整数倍；零股一次卖出", SellSTAR: "至少 200 股，或全部卖出", SellBSE: "至少 100 股，或全部卖出",
		NotDate: "%q 不是日期：请按 YYYY-MM-DD 填写，如 2026-06-30", NotPrice: "%q 不是价格：请填数字，如 12.50",
		NotQty: "%q 不是数量：请填整数股数", NotFee: "%q 不是费用：请填金额（元），如 5（无费用填 0）",
		Force: "（不符合规则的对账单记录请用 zixuan position add --force 录入）",

		Recorded: "%d：%s %s %d 股，价 %s，%s；持有 %d 股", Removed: "已删除 %d：%s %s %d 股，价 %s，%s",
		ConfirmRm: "删除交易 %d：%s %s %d 股，价 %s，%s？y/n", Buy: "买入", Sell: "卖出",

		Held: "持有 %d 股，成本 %s（均价 %s）", Value: "市值 %s，现价 %s：盈亏 %s（%s）", Realised: "已实现 %s（其中分红 %s，税前）",
		Since: "自 %s", Lots: "持仓批次", Trades: "交易", Events: "分红送转", Gone: "%s 已没有交易。",
		Uncertain: "有一次分红送转未能计入：此后的持仓可能有误", Forced: "强制录入", Breaks: "违反：",
		LotHead:   []string{"批次", "买入日", "数量", "成本", "每股成本"},
		TradeHead: []string{"编号", "日期", "方向", "数量", "价格", "费用", "备注"},
		EventHead: []string{"除权日", "方案", "登记持股", "计入持仓"},
		Unread:    "未计入：方案无法读取（请查看公告）",
		Offered:   "可配 %d 股（配股价未知）：未认购，认购请记为买入",
		OfferedAt: "可按 %[2]s 配 %[1]d 股：未认购，认购请记为买入", SharesAdded: "+%d 股", CashAdded: "+%s 元"}
)
