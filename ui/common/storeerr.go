package common

import (
	"errors"
	"fmt"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
)

// storeError says a store error in the UI's language, with the advice
// that fits the TUI (a key to press, not a command to type). Errors that
// are not the store's, and reasons the TUI cannot meet, keep their text.
func (t *Text) StoreError(err error) string {
	var e *store.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	num := e.Code.Number
	en := func(format string, args ...any) string { return fmt.Sprintf(format, args...) }
	msg := ""
	switch e.Reason {
	case store.NotOnList:
		msg = pick(t.ZH, en("%s 不在自选中：按 a 添加", num), en("%s is not on the watchlist: a adds it", num))
	case store.AlreadyRemoved:
		msg = pick(t.ZH, en("%s 已移出自选：按 u 撤销", num), en("%s was already removed: u brings it back", num))
	case store.AlreadyOnList:
		msg = pick(t.ZH, en("%s 已在自选中", num), en("%s is already on the watchlist", num))
	case store.NoSuchSector:
		msg = pick(t.ZH, en("没有板块 %q", e.ID), en("no sector %q", e.ID))
	case store.NoSectorLeft:
		msg = pick(t.ZH, "没有可放入的板块：按 S 新建一个", "there is no sector to put it in: S adds one")
	case store.SectorNotEmpty:
		msg = pick(t.ZH, en("板块 %s 还有 %d 只股票：先移走或移出自选", e.ID, e.Count), en("sector %s still holds %d tickers: move or remove them first", e.ID, e.Count))
	case store.SectorExists:
		msg = pick(t.ZH, en("已有名为 %s 的板块", e.Name), en("a sector named %s exists already", e.Name))
	case store.SectorNameEmpty:
		msg = pick(t.ZH, "板块名称需要含有文字或数字", "a sector needs a name with letters or digits")
	case store.SectorNameLong:
		msg = pick(t.ZH, en("板块名称最多 %d 个字", e.Count), en("sector names are at most %d characters", e.Count))
	case store.OnlySector:
		msg = pick(t.ZH, en("%s 只在板块 %s：按 x 移出自选", num, e.ID), en("%s is in sector %s only: x removes it from the watchlist", num, e.ID))
	case store.EmptyNote, store.EmptyEdit:
		msg = pick(t.ZH, "笔记是空的：写点内容，或按 esc 取消", "the note is empty: write something, or esc cancels")
	case store.NoSuchNote, store.NoteDeleted:
		msg = pick(t.ZH, "这条笔记已被另一个 zixuan 删除", "that note was deleted by another zixuan")
	case store.Busy:
		msg = pick(t.ZH, "数据库正被另一个 zixuan 写入：稍后再试（你输入的内容仍在）", "another zixuan is writing the database: try again in a moment (what you typed is kept)")
	case store.Damaged:
		msg = pick(t.ZH, "数据库文件已损坏，未作更改：退出后运行 zixuan doctor", "the database file is damaged and was not changed: quit and run zixuan doctor")
	case store.NoPermission:
		msg = pick(t.ZH, "没有写入数据库的权限：检查文件和目录权限", "no permission to write the database: check the file's and folder's permissions")
	case store.DiskFull:
		msg = pick(t.ZH, "磁盘已满，未保存：腾出空间后再试（你输入的内容仍在）", "the disk is full and nothing was saved: free some space and try again (what you typed is kept)")
	case store.FileGone:
		msg = pick(t.ZH, "数据库文件不见了：退出后重新启动 zixuan", "the database file is gone: quit and start zixuan again")
	case store.Newer:
		msg = pick(t.ZH, "数据库由更新版本的 zixuan 写入：请升级 zixuan", "the database was written by a newer zixuan: upgrade zixuan")
	case store.BadTrade:
		// the domain's rule, in the command line's words; a statement's
		// line that breaks it is recorded forced from the command line
		msg = safetext.Line(e.Detail)
		if errors.Is(err, sectors.ErrTradeRule) {
			msg += t.Positions.Force
		}
	case store.NoSuchTrade:
		msg = pick(t.ZH, en("没有编号为 %d 的交易（可能已被另一个 zixuan 删除）", e.Count), en("there is no trade %d (another zixuan may have deleted it)", e.Count))
	default:
		return err.Error()
	}
	return msg
}

func pick(zh bool, chinese, english string) string {
	if zh {
		return chinese
	}
	return english
}
