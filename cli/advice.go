package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// advise turns a store error into the CLI's message: the store states the
// facts, and this adds what to type next. Errors of other kinds pass
// through unchanged.
func advise(err error) error {
	var se *store.Error
	if !errors.As(err, &se) {
		return err
	}
	if se.Reason == store.BadTrade && errors.Is(se, sectors.ErrTradeRule) {
		return adviced{err: err, msg: se.Error() + " (a statement's line that breaks it is recorded with --force)"}
	}
	if tip := adviceFor(se); tip != "" {
		return adviced{err: err, msg: se.Error() + ": " + tip}
	}
	return err
}

// sectorUsage makes an unknown sector a usage error: the user typed it.
func sectorUsage(err error) error {
	var se *store.Error
	if errors.As(err, &se) && se.Reason == store.NoSuchSector {
		return usageError{err}
	}
	return err
}

// adviced keeps the original error for errors.Is and errors.As while
// saying it with the advice.
type adviced struct {
	err error
	msg string
}

func (a adviced) Error() string { return a.msg }
func (a adviced) Unwrap() error { return a.err }

func adviceFor(e *store.Error) string {
	num := e.Code.Number
	switch e.Reason {
	case store.NotOnList:
		return notOnListAdvice(e.Code)
	case store.AlreadyRemoved:
		return fmt.Sprintf("`zixuan add %s --sector SECTOR` brings it back", num)
	case store.AlreadyOnList:
		if e.Op == "" && e.ID != "" {
			return fmt.Sprintf("`zixuan move %s SECTOR` puts it in another sector", num)
		}
	case store.NotInMaster:
		if e.Line > 0 {
			return "add its name to the file"
		}
		if !e.Code.IsStock() {
			return "give its name with --name, or add it with quotes on so that the quote server names it"
		}
		return "give its name with --name if it listed since"
	case store.NoSuchSector:
		if e.Detail == "" {
			return "see `zixuan sector list`"
		}
	case store.NoSectorNamed:
		return "give --sector"
	case store.NoSectorLeft:
		return "add one with `zixuan sector add NAME`"
	case store.SectorNotEmpty:
		return "move them with `zixuan move CODE SECTOR` first"
	case store.OnlySector:
		return "remove it from the watchlist with `zixuan rm CODE`"
	case store.EmptyNote:
		return "write some text"
	case store.EmptyEdit:
		return "to remove it, delete it instead"
	case store.NoNewName:
		return "give the sector a new name"
	case store.NoSuchNote:
		return fmt.Sprintf("`zixuan show %s` lists its notes", num)
	case store.IsTheDatabase:
		if e.Op == "restore" {
			return "restore from a backup file"
		}
		return "back up to another file"
	case store.TargetExists:
		return "use --force to replace it, or pick another name"
	case store.Busy:
		return "it is busy; try again in a moment"
	case store.Damaged:
		return restoreAdvice(e.Path) + ", or use --db with another file; zixuan has not changed it"
	case store.NotZixuan:
		return "use --db with another file; zixuan has not changed it"
	case store.Newer:
		return "upgrade zixuan, or use --db with another file"
	case store.NoPermission:
		return "make the file and its folder writable, or use --db with another file"
	case store.DiskFull:
		return "free some space and try again, or use --db with a file on another disk"
	case store.FileGone:
		return "run zixuan again to create a new one, or restore a backup"
	case store.CannotCreate:
		return "give --db a path in a folder you can write, such as " + filepath.Join(os.TempDir(), "zixuan.db")
	case store.IsDirectory:
		if e.Op == "open" {
			return "give --db a file path such as " + filepath.Join(e.Path, "zixuan.db")
		}
	case store.EmptyFile:
		if e.Op == "open" {
			return restoreAdvice(e.Path) + ", remove the file to start afresh, or use --db with another file"
		}
	case store.NoSuchReport:
		return "`zixuan report list` lists them"
	case store.UpgradeFailed:
		return "zixuan has not changed it; run `zixuan doctor` on it"
	case store.BackupFailed:
		return "run `zixuan doctor` on the database"
	}
	return ""
}

// notOnListAdvice says how to add a code that is not on the watchlist, in
// a form add takes: the bare number unless it would name another
// security (sz000300 is not 沪深300, which a bare 000300 is), a name for a
// code neither the master nor the quote server names (add asks the quote
// server for a fund's or an index's).
func notOnListAdvice(c market.Code) string {
	spelled := c.Number
	if bare, err := market.ParseSecurity(c.Number); err != nil || bare != c {
		spelled = c.Key()
	}
	if !c.IsStock() {
		return fmt.Sprintf("add it with `zixuan add %s --sector SECTOR` (its name comes from the quote server, or give --name NAME)", spelled)
	}
	if _, known := market.LookupMaster(c); !known {
		return fmt.Sprintf("it is not in the securities master either: check the code, or add it with `zixuan add %s --name NAME --sector SECTOR` if it listed since", spelled)
	}
	return fmt.Sprintf("add it with `zixuan add %s --sector SECTOR`", spelled)
}
