package common

import (
	"zixuan/sectors"
	"zixuan/service"
)

// AlertText is the alert wording of each language.
type AlertText struct {
	Fired, More                 string
	Heading, Hint, None, Prompt string
	Set, Cancelled, AskCancel   string
	Armed, FiredState, Expired  string
	KSet, KCancel               string
	// the alerts view (ui/views/alerts)
	Title, NoneAll, Disabled                             string
	KView, KAdd, KEdit, KDelete, KRearm, KToggle         string
	AskDelete, Deleted, Rearmed, SwitchedOn, SwitchedOff string
	Edited, NoTicker                                     string
	// the focused detail pane's cursor on its alert lines
	KPaneEdit, KPaneDelete, KPaneRearm, KPaneToggle, HintFocused string
	Head                                                         []string
	NotJudged                                                    map[service.UnjudgedWhy]string // why the last check could not judge an armed alert
}

var (
	alertEN = AlertText{Fired: "alert", More: "and %d more",
		Heading: "Alerts", Hint: "! new alert  A each one  c cancel them", None: "No alerts on this ticker.", Prompt: "alert",
		Set: "Alert %d set: %s %s.", Cancelled: "%d alert(s) on %s cancelled.", AskCancel: "Cancel the %d alert(s) on %s? y/n",
		Armed: "armed", FiredState: "fired", Expired: "expired", KSet: "alert", KCancel: "cancel alerts",
		Title: "Alerts", NoneAll: "No alerts: a adds one for the ticker selected, or type a code first (600519 above 1700).", Disabled: "off",
		KView: "alerts", KAdd: "add", KEdit: "edit", KDelete: "delete", KRearm: "re-arm", KToggle: "on/off",
		AskDelete: "Delete alert %d (%s %s)? y/n", Deleted: "Alert %d deleted.", Rearmed: "Alert %d re-armed: it fires on the next crossing.",
		SwitchedOn: "Alert %d switched on.", SwitchedOff: "Alert %d switched off.", Edited: "Alert %d is now: %s %s.",
		NoTicker:  "No ticker selected: type its code first, such as 600519 above 1700.",
		KPaneEdit: "edit alert", KPaneDelete: "delete alert", KPaneRearm: "re-arm alert", KPaneToggle: "alert on/off",
		HintFocused: "k up from the notes selects one: e edit  d delete  R re-arm  space on/off",
		Head:        []string{"Id", "Code", "Name", "Rule", "State", "Last fired", "Price", "Note"},
		NotJudged: map[service.UnjudgedWhy]string{service.UnjudgedOffList: "not judged: off the list", service.UnjudgedQuotesOff: "not judged: quotes off",
			service.UnjudgedNoQuote: "not judged: no quote", service.UnjudgedNoHistory: "not judged: no call or price history", service.UnjudgedLevelBlocked: "not judged: set it again (a distribution unread)"}}
	alertZH = AlertText{Fired: "预警", More: "另有 %d 条",
		Heading: "预警", Hint: "! 新预警  A 逐条管理  c 取消", None: "该股没有预警。", Prompt: "预警",
		Set: "预警 %d 已设：%s %s。", Cancelled: "已取消 %[2]s 的 %[1]d 条预警。", AskCancel: "取消 %[2]s 的 %[1]d 条预警？y/n",
		Armed: "待触发", FiredState: "已触发", Expired: "已过期", KSet: "预警", KCancel: "取消预警",
		Title: "预警", NoneAll: "没有预警：a 为所选股票新增，或先输入代码（600519 above 1700）。", Disabled: "已停用",
		KView: "预警", KAdd: "新增", KEdit: "修改", KDelete: "删除", KRearm: "重新布防", KToggle: "启用/停用",
		AskDelete: "删除预警 %d（%s %s）？y/n", Deleted: "预警 %d 已删除。", Rearmed: "预警 %d 已重新布防：下次穿越时触发。",
		SwitchedOn: "预警 %d 已启用。", SwitchedOff: "预警 %d 已停用。", Edited: "预警 %d 已改为：%s %s。",
		NoTicker:  "未选股票：请先输入代码，如 600519 above 1700。",
		KPaneEdit: "修改预警", KPaneDelete: "删除预警", KPaneRearm: "重新布防预警", KPaneToggle: "启用/停用预警",
		HintFocused: "从笔记按 k 上移选中一条：e 修改  d 删除  R 重新布防  空格 启用/停用",
		Head:        []string{"编号", "代码", "名称", "条件", "状态", "上次触发", "价格", "备注"},
		NotJudged: map[service.UnjudgedWhy]string{service.UnjudgedOffList: "未判断：不在自选中", service.UnjudgedQuotesOff: "未判断：行情已关闭",
			service.UnjudgedNoQuote: "未判断：无行情", service.UnjudgedNoHistory: "未判断：无评级或历史价格", service.UnjudgedLevelBlocked: "未判断：除权未能读取，请重设"}}
)

// State is an alert's state in the UI language.
func (t *AlertText) State(s sectors.AlertState) string {
	switch s {
	case sectors.AlertArmed:
		return t.Armed
	case sectors.AlertFired:
		return t.FiredState
	case sectors.AlertDisabled:
		return t.Disabled
	}
	return t.Expired
}
