package common

// WizardText is the strings of the add wizard (ui/dialogs/wizard) and of
// its sector step (ui/dialogs/sectorpick) that the rest of the UI does
// not share.
type WizardText struct {
	// NewSector is the sector step's prompt for a new sector's name (%s:
	// the ticker); KNewSector its key's help.
	NewSector, KNewSector string
	// Asking: a fund or an index is named by the quote server, asked now.
	Asking string
	// Offline: %s is the code the securities master does not list.
	Offline string
	// Unknown: %s is the code the quote server does not know.
	Unknown string
	// Failed: %s is why the quote server did not answer.
	Failed string
}

var (
	wizardEN = WizardText{NewSector: "New sector for %s", KNewSector: "new sector",
		Asking:  "asking the quote server for its name…",
		Offline: "%s: not in the securities master, needs the quote server for its name (quotes are off)",
		Unknown: "the quote server does not know %s: check the code",
		Failed:  "the quote server did not answer (%s): enter asks again"}
	wizardZH = WizardText{NewSector: "为 %s 新建板块", KNewSector: "新建板块",
		Asking:  "正在向行情服务器查询名称…",
		Offline: "%s：代码表中没有，需要行情服务器提供名称（行情已关闭）",
		Unknown: "行情服务器不认识 %s：请检查代码",
		Failed:  "行情服务器没有应答（%s）：回车重试"}
)

// The wizard's strings join the two tables here, in their own file.
func init() { English.Wizard, Chinese.Wizard = &wizardEN, &wizardZH }
