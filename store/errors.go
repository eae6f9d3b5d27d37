package store

import (
	"errors"
	"fmt"
	"strings"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"

	bolt "go.etcd.io/bbolt"
)

// Kinds of failure, for callers that branch with errors.Is. Every error the
// store returns for a reason of its own is an *Error whose Kind is one of
// these; the CLI and the TUI turn it into advice in their own words.
var (
	ErrNotFound   = errors.New("not found")           // the ticker, note or sector named does not exist
	ErrInvalid    = errors.New("invalid")             // the input breaks a rule: an empty note, a bad price
	ErrExists     = errors.New("already exists")      // the thing to create is there already
	ErrBusy       = errors.New("busy")                // another zixuan holds the file past LockTimeout
	ErrDamaged    = errors.New("damaged")             // the file fails bbolt's or zixuan's checks
	ErrNotZixuan  = errors.New("not a zixuan file")   // a file of something else
	ErrNewer      = errors.New("newer schema")        // written by a newer zixuan
	ErrPermission = errors.New("permission denied")   // the file or its folder cannot be written
	ErrGone       = errors.New("gone")                // the file vanished between calls
	ErrNotFile    = errors.New("not a database file") // a folder, or an empty file
	ErrDiskFull   = errors.New("disk full")           // no space left for the write
)

// Reason says precisely why the store refused, so that each front end can
// phrase the advice that fits it.
type Reason string

// The reasons the store gives.
const (
	NotOnList        Reason = "not-on-list"         // Code is not on the watchlist (never added)
	AlreadyRemoved   Reason = "already-removed"     // Code was removed before
	AlreadyOnList    Reason = "already-on-list"     // Code is on the list (in sector ID)
	NotInMaster      Reason = "not-in-master"       // Code is unknown to the securities master and no name was given
	NoSuchSector     Reason = "no-such-sector"      // ID names no sector
	NoSectorLeft     Reason = "no-sector-left"      // there is no sector to put Code in
	NoSectorNamed    Reason = "no-sector-named"     // an import file says not which sector Code goes into
	SectorExists     Reason = "sector-exists"       // Name is taken by sector ID
	SectorNotEmpty   Reason = "sector-not-empty"    // sector ID holds Count tickers
	SectorNameEmpty  Reason = "sector-name-empty"   // a sector needs a name with letters or digits
	SectorNameLong   Reason = "sector-name-long"    // sector names are at most Count characters
	NoNewName        Reason = "no-new-name"         // a rename without a name
	EmptyNote        Reason = "empty-note"          // a note without text
	EmptyEdit        Reason = "empty-edit"          // an edit that would leave a note empty
	NoSuchNote       Reason = "no-such-note"        // Code has no note Count
	NoteDeleted      Reason = "note-deleted"        // note Count of Code was deleted
	BadRating        Reason = "bad-rating"          // not a rating of the scale
	BadPrice         Reason = "bad-price"           // not a positive finite price (Detail)
	PriceWithoutDate Reason = "price-without-date"  // a reference price needs its day
	FileNotNamed     Reason = "file-sector-unnamed" // a sector the file defines has no usable name
	IsTheDatabase    Reason = "is-the-database"     // Path is the database itself (backup/restore)
	TargetExists     Reason = "target-exists"       // Path exists and force was not given
	Busy             Reason = "busy"
	Damaged          Reason = "damaged"       // Detail says what is wrong
	NotZixuan        Reason = "not-zixuan"    // Path is a file of something else
	Newer            Reason = "newer"         // Path has schema Count
	NoPermission     Reason = "permission"    // Path cannot be written
	FileGone         Reason = "gone"          // Path vanished
	CannotCreate     Reason = "cannot-create" // Path's folder takes no new file (a virtual file system such as /proc)
	NoSuchFile       Reason = "no-file"       // Path does not exist
	DiskFull         Reason = "disk-full"     // the disk holding Path is full
	NothingRemoved   Reason = "nothing-removed"
	NoSuchReport     Reason = "no-such-report"   // ID names no report (Detail lists those there are)
	ReportUnnamed    Reason = "report-unnamed"   // a report without an id
	UpgradeFailed    Reason = "upgrade-failed"   // Path of schema Count could not be upgraded (backup in Detail)
	IsDirectory      Reason = "directory"        // Path is a folder
	EmptyFile        Reason = "empty-file"       // Path has 0 bytes
	BackupFailed     Reason = "backup-fail"      // the backup at Path does not read back or check (Detail)
	NoSuchAlert      Reason = "no-such-alert"    // no alert Count
	BadAlert         Reason = "bad-alert"        // the alert's input breaks a rule (Detail)
	NoSuchTrade      Reason = "no-such-trade"    // no position entry Count
	BadTrade         Reason = "bad-trade"        // the trade's input breaks a rule (Detail)
	Oversold         Reason = "oversold"         // a sell of more than is held (Detail)
	OnlySector       Reason = "only-sector"      // Code is in sector ID only: it cannot leave it (remove it instead)
	NoteNotDeleted   Reason = "note-not-deleted" // note Count of Code is not deleted (undelete)
)

// Error is a refusal or a failure of the store, with the facts a front end
// needs to advise the user. Its Error text states the facts in plain
// English and never names a command or a flag.
type Error struct {
	Kind   error       // one of the Err… values
	Reason Reason      // why, precisely
	Op     string      // open, read, write, backup, restore…
	Path   string      // the file concerned, when a file is
	Code   market.Code // the ticker concerned, when one is
	ID     string      // a sector id
	Name   string      // a name concerned (a sector's, a ticker's)
	Count  int         // a number that matters (a note id, a count, a schema)
	Line   int         // the line of an import file the refusal is about
	Detail string      // a further fact in English
	Err    error       // the underlying error, if any
}

func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Kind}
}

// Error states the facts; it is what a front end shows when it has
// nothing better to say.
func (e *Error) Error() string {
	key := e.Code.Key()
	name := key
	if e.Name != "" && key != "" {
		name = key + " " + e.Name
	}
	switch e.Reason {
	case NotOnList:
		return name + " is not on the watchlist"
	case AlreadyRemoved:
		return key + " was already removed"
	case AlreadyOnList:
		return fmt.Sprintf("%s is already on the watchlist (sector %s)", key, e.ID)
	case NotInMaster:
		if e.Line > 0 {
			return fmt.Sprintf("line %d: %s is not in the securities master (July 2026) and the file gives no name", e.Line, key)
		}
		return key + " is not in the securities master (July 2026) and has no name"
	case NoSuchSector:
		if e.Detail != "" {
			return fmt.Sprintf("no sector %q: use one of %s", safetext.Clip(e.ID), e.Detail)
		}
		return fmt.Sprintf("no sector %q", safetext.Clip(e.ID))
	case NoSectorLeft:
		return "there is no sector to put " + key + " in"
	case NoSectorNamed:
		return "the file does not say which sector " + key + " goes into"
	case SectorExists:
		return fmt.Sprintf("sector %q already exists (%s)", e.Name, e.ID)
	case SectorNotEmpty:
		return fmt.Sprintf("sector %q still holds %d ticker(s)", e.ID, e.Count)
	case SectorNameEmpty:
		return "a sector needs a name with letters or digits"
	case SectorNameLong:
		return fmt.Sprintf("sector names are at most %d characters", e.Count)
	case NoNewName:
		return "the sector needs a new name"
	case EmptyNote:
		return "the note is empty"
	case EmptyEdit:
		return "the edited note is empty"
	case NoSuchNote:
		return fmt.Sprintf("%s has no note %d", key, e.Count)
	case NoteDeleted:
		return fmt.Sprintf("note %d of %s was deleted", e.Count, key)
	case BadRating:
		return fmt.Sprintf("rating %d is not on the scale", e.Count)
	case BadPrice:
		return e.Detail + " is not a price: give a positive price such as 1612.00"
	case PriceWithoutDate:
		return key + ": a reference price needs its date"
	case FileNotNamed:
		return fmt.Sprintf("the file's sector %q has no usable name", safetext.Clip(e.Name))
	case IsTheDatabase:
		return e.Path + " is the database itself"
	case TargetExists:
		return e.Path + " exists"
	case Busy:
		return withErr(fmt.Sprintf("%s %s: another zixuan is using it", e.Op, e.Path), e.Err)
	case Damaged:
		return fmt.Sprintf("%s %s: the file is damaged or not a database (%s)", e.Op, e.Path, e.Detail)
	case NotZixuan:
		return fmt.Sprintf("%s %s: this file is not a zixuan database", e.Op, e.Path)
	case Newer:
		return fmt.Sprintf("%s %s: written by a newer zixuan (schema %d, this build reads %d)", e.Op, e.Path, e.Count, schemaVersion)
	case NoPermission:
		return fmt.Sprintf("%s %s: permission denied", e.Op, e.Path)
	case FileGone:
		return fmt.Sprintf("%s %s: the file is gone", e.Op, e.Path)
	case CannotCreate:
		return fmt.Sprintf("create %s: its folder takes no new file", e.Path)
	case UpgradeFailed:
		msg := fmt.Sprintf("upgrade %s from schema %d to %d failed; the file is unchanged", e.Path, e.Count, schemaVersion)
		if e.Detail != "" {
			msg += " and a copy is at " + e.Detail
		}
		return withErr(msg, e.Err)
	case NoSuchReport:
		if e.Detail == "" {
			return fmt.Sprintf("no report %q: the watchlist holds none", safetext.Clip(e.ID))
		}
		return fmt.Sprintf("no report %q: use one of %s", safetext.Clip(e.ID), e.Detail)
	case ReportUnnamed:
		return "the report has no id"
	case NothingRemoved:
		return "nothing has been removed"
	case DiskFull:
		return fmt.Sprintf("%s %s: the disk is full, nothing was saved", e.Op, e.Path)
	case OnlySector:
		return fmt.Sprintf("%s is in sector %s only", key, e.ID)
	case NoteNotDeleted:
		return fmt.Sprintf("note %d of %s is not deleted", e.Count, key)
	case NoSuchFile:
		return e.Path + " does not exist"
	case IsDirectory:
		return e.Path + " is a directory, not a database file"
	case EmptyFile:
		return e.Path + " is empty (0 bytes), not a zixuan database"
	case BackupFailed:
		return fmt.Sprintf("the backup %s was written but %s", e.Path, e.Detail)
	case NoSuchAlert:
		return fmt.Sprintf("there is no alert %d", e.Count)
	case NoSuchTrade:
		return fmt.Sprintf("there is no position entry %d", e.Count)
	case BadAlert, BadTrade, Oversold:
		return e.Detail
	}
	parts := []string{}
	for _, s := range []string{e.Op, e.Path, key, e.Detail} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return withErr(strings.Join(parts, " ")+": "+e.Kind.Error(), e.Err)
}

func withErr(msg string, err error) string {
	if err == nil {
		return msg
	}
	return msg + " (" + err.Error() + ")"
}

// refusal builds the *Error of a refusal for a reason of the watchlist.
func refusal(kind error, reason Reason, code market.Code) *Error {
	return &Error{Kind: kind, Reason: reason, Code: code}
}

// notOnList is the refusal for a ticker that was never added, named with
// its master name so the user sees which stock a typed code meant.
func notOnList(code market.Code) error {
	e := refusal(ErrNotFound, NotOnList, code)
	if sec, ok := market.LookupMaster(code); ok {
		e.Name = sec.Name
	}
	return e
}

func noSector(id string, list []sectors.Sector) error {
	ids := make([]string, len(list))
	for i, s := range list {
		ids[i] = s.ID
	}
	return &Error{Kind: ErrNotFound, Reason: NoSuchSector, ID: id, Detail: strings.Join(ids, ", ")}
}

// noSectorIn is the refusal for a sector id that tx does not hold, listing
// the ids it does.
func noSectorIn(tx *bolt.Tx, id string) error {
	list, err := readSectors(tx)
	if err != nil {
		return err
	}
	return noSector(id, list)
}
