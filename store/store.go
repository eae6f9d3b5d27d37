package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
	"zixuan/sectors/market"

	"github.com/adrg/xdg"
	bolt "go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"

	"zixuan/report"
	"zixuan/sectors"
)

// SchemaVersion is the layout this build reads and writes. A file with a
// higher version was written by a newer zixuan and is refused, not guessed at.
const SchemaVersion = 3

const appMarker = "zixuan"

var (
	bucketMeta    = []byte("meta")
	bucketSectors = []byte("sectors")
	bucketTickers = []byte("tickers")
	bucketRatings = []byte("ratings")
	bucketNotes   = []byte("notes")
	keyApp        = []byte("app")
	keySchema     = []byte("schema")
	keyGen        = []byte("gen")
	keySource     = []byte("source")
)

// LockTimeout is how long an operation waits for another process that is
// writing the same file. Writes take milliseconds, so a second is generous.
const LockTimeout = time.Second

// Store is a zixuan database file. It holds no open handle between calls;
// it is safe to use from several goroutines and several processes.
type Store struct {
	path   string
	now    func() time.Time
	notice string // said once when the file was opened (see MetaNotice)
	// checked is the file as this Store's last commit left it (checked
	// before that commit): a write that finds it unchanged since needs no
	// second check.
	checked atomic.Pointer[fileStamp]
	// seen is the generation read last and the file as it was then, for
	// Generation: an idle TUI's poll is then one stat, not an open.
	seen atomic.Pointer[seenGen]
	// aside are the generations this handle's writes of what no Load
	// holds committed (price history, alerts: AsideHere)
	aside asideGens
}

type seenGen struct {
	stamp fileStamp
	gen   uint64
}

// settled is how long a file must have been left alone before its stamp
// is trusted to change with its next write: a write within the same tick
// of a coarse file clock could otherwise leave the stamp as it was.
const settled = time.Second

// fileStamp identifies a file's state: any write to it, by zixuan or
// anything else, changes its modification or change time.
type fileStamp struct {
	dev, ino, size uint64
	mtime, ctime   int64
}

func stampOf(path string) *fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return statStamp(fi)
}

// DefaultPath is where the database lives unless --db or ZIXUAN_DB says
// otherwise: $XDG_DATA_HOME/zixuan/zixuan.db (~/.local/share/zixuan/zixuan.db).
func DefaultPath() string {
	if p := os.Getenv("ZIXUAN_DB"); p != "" {
		return p
	}
	return filepath.Join(xdg.DataHome, "zixuan", "zixuan.db")
}

// Open opens the zixuan database at path, creating it and seeding the
// report's watchlist the first time. An existing file is checked read-only
// before anything is written to it: a file that is not a zixuan database,
// is damaged or comes from a newer zixuan gives an error and is not touched.
func Open(path string) (*Store, error) {
	s := &Store{path: path, now: func() time.Time { return time.Now().UTC() }}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s, s.create()
	case err != nil:
		return nil, s.fail("open", err)
	case info.IsDir():
		return nil, &Error{Kind: ErrNotFile, Reason: IsDirectory, Op: "open", Path: path}
	case info.Size() == 0:
		return nil, &Error{Kind: ErrNotFile, Reason: EmptyFile, Op: "open", Path: path}
	}
	var schema int
	err = s.view(func(tx *bolt.Tx) error {
		schema = fileSchema(tx)
		if err := checkMeta(tx); err != nil {
			return err
		}
		learnClosures(tx)
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.cleanAside(time.Now())
	if schema < schemaVersion {
		if err := s.upgrade(); err != nil {
			return nil, err
		}
	}
	s.notice = MetaNotice(path)
	return s, nil
}

// Notice is what the user should be told once about the file as it was
// when opened (a damaged meta page), or "".
func (s *Store) Notice() string {
	if s.notice == "" {
		return ""
	}
	return s.path + ": " + s.notice
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// SetClock replaces the store's clock, for tests that need fixed times.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// create makes a new, seeded database. It is built in a temporary file
// beside the target and linked into place only when complete, so a crash
// (or a kill) during the first start never leaves a half-made file that
// later starts would refuse; and of two processes creating it at once, one
// wins and the other uses its file.
func (s *Store) create() error {
	target := resolveLink(s.path) // a link to a file not there yet: make that file
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return s.fail("create", err)
	}
	removeStaleTemps(dir)
	tmp, err := os.CreateTemp(dir, ".zixuan-new-*.db")
	if err != nil {
		return s.fail("create", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return s.fail("create", err)
	}
	err = db.Update(s.seed)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", s.path, err)
	}
	if err := os.Link(tmpPath, target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return s.view(func(tx *bolt.Tx) error { return checkMeta(tx) })
		}
		return s.fail("create", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the new name survives a power cut
		d.Close()
	}
	return nil
}

// resolveLink follows symbolic links from path to the file they name,
// there or not yet, so that what replaces or creates the file by rename or
// link writes that file and the link stays a link.
func resolveLink(path string) string {
	for i := 0; i < 40; i++ { // the kernel's own bound on a chain
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path
		}
		to, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return path
}

// removeStaleTemps deletes what first starts that were killed mid-way left
// behind. A minute-old temporary file belongs to no live process.
func removeStaleTemps(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, ".zixuan-new-*.db"))
	for _, p := range old {
		if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(p)
		}
	}
}

// seed lays out an empty database and fills it with the report's sectors,
// then adds the seed report itself, read from its embedded text by the same
// reader as every other report, so its 25 calls are kept like any other's.
// It runs once, in the transaction that creates the file.
func (s *Store) seed(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	for _, name := range [][]byte{bucketSectors, bucketTickers, bucketRatings, bucketNotes, bucketReports, bucketCalls, bucketHistory, bucketAlerts, bucketTrades} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if err := meta.Put(keyApp, []byte(appMarker)); err != nil {
		return err
	}
	if err := meta.Put(keySchema, []byte(strconv.Itoa(schemaVersion))); err != nil {
		return err
	}
	if err := putJSON(meta, keySource, sectors.Report); err != nil {
		return err
	}
	now := s.now()
	for i, def := range sectors.ReportSectors {
		sec := sectors.Sector{ID: def.ID, Name: def.Name, NameZH: def.NameZH, Report: true, Order: i, Created: now}
		if err := putJSON(tx.Bucket(bucketSectors), []byte(sec.ID), sec); err != nil {
			return err
		}
	}
	in, err := seedReport()
	if err != nil {
		return err
	}
	var out AddReportOutcome
	if err := addReportIn(tx, in, AddReportOptions{}, now, &out); err != nil {
		return err
	}
	if len(out.SectorsCreated) > 0 {
		return fmt.Errorf("the seed report's theme %q fits none of its four sectors", out.SectorsCreated[0].Name)
	}
	return bumpGen(tx)
}

// seedReport reads the embedded seed report.
func seedReport() (ReportInput, error) {
	res, err := report.Seed()
	if err != nil {
		return ReportInput{}, fmt.Errorf("the embedded seed report: %w", err)
	}
	return ReportInput{Report: res.Report, Themes: res.Themes, Calls: res.Calls}, nil
}

// checkMeta refuses anything but a zixuan database of a schema this build
// knows.
func checkMeta(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyApp)) != appMarker {
		return errNotZixuan
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil {
		return errNotZixuan
	}
	if v > schemaVersion {
		return &schemaError{found: v}
	}
	for _, b := range [][]byte{bucketSectors, bucketTickers, bucketRatings, bucketNotes} {
		if tx.Bucket(b) == nil {
			return errNotZixuan
		}
	}
	return nil
}

var errNotZixuan = errors.New("not a zixuan database")

type schemaError struct{ found int }

func (e *schemaError) Error() string {
	return fmt.Sprintf("written by a newer zixuan (schema %d, this build reads %d)", e.found, schemaVersion)
}

// fail turns a low-level error into an *Error that names the file and
// says what kind of trouble it is.
func (s *Store) fail(op string, err error) error {
	var se *schemaError
	e := &Error{Op: op, Path: s.path, Err: err}
	switch {
	case errors.Is(err, bberrors.ErrTimeout):
		e.Kind, e.Reason = ErrBusy, Busy
	case errors.As(err, &se):
		e.Kind, e.Reason, e.Count, e.Err = ErrNewer, Newer, se.found, nil
	case errors.Is(err, errNotZixuan):
		e.Kind, e.Reason, e.Err = ErrNotZixuan, NotZixuan, nil
	case errors.Is(err, bberrors.ErrInvalid), errors.Is(err, bberrors.ErrChecksum), errors.Is(err, bberrors.ErrVersionMismatch), errors.Is(err, bberrors.ErrInvalidMapping), (op == "open" || op == "check") && !isSystemError(err):
		e.Kind, e.Reason, e.Detail = ErrDamaged, Damaged, err.Error()
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		e.Kind, e.Reason = ErrDiskFull, DiskFull
	case errors.Is(err, fs.ErrPermission):
		e.Kind, e.Reason = ErrPermission, NoPermission
	case errors.Is(err, fs.ErrNotExist) && op == "create":
		// the folder exists (the caller checked) yet the file cannot be
		// made in it: /proc and other virtual file systems answer so
		e.Kind, e.Reason = ErrPermission, CannotCreate
	case errors.Is(err, fs.ErrNotExist):
		e.Kind, e.Reason = ErrGone, FileGone
	default:
		return fmt.Errorf("%s %s: %w", op, s.path, err)
	}
	return e
}

// isSystemError tells an error of the operating system (a full disk, a
// broken mount) from bbolt's verdict on the file's content.
func isSystemError(err error) bool {
	var pe *fs.PathError
	var errno syscall.Errno
	return errors.As(err, &pe) || errors.As(err, &errno)
}

// open opens the file for one operation. bbolt may panic on a file whose
// pages are corrupt in ways its meta check does not see; that is turned
// into an error so a damaged file never crashes zixuan.
func (s *Store) open(readOnly bool) (db *bolt.DB, err error) { return s.openSized(readOnly, 0) }

// openSized opens the file with its memory map sized for mmapHint bytes,
// for a write that will grow it that much (see mmapHint).
func (s *Store) openSized(readOnly bool, mmapHint int) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("%w: %v", bberrors.ErrInvalid, r)
		}
	}()
	for attempt := 0; ; attempt++ {
		before, err := os.Stat(s.path)
		if err != nil {
			return nil, err // bbolt would create a new empty file
		}
		// No InitialMmapSize by default: bbolt then grows the file in 16 MB
		// steps, even for 25 tickers. A large write gives a hint instead.
		db, err = bolt.Open(s.path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: readOnly, PreLoadFreelist: true, InitialMmapSize: mmapHint})
		if err != nil {
			return nil, err
		}
		// A restore renames a new file over the path while it holds the
		// old file's lock. Whoever was waiting for that lock now holds the
		// old file, which is only the kept copy: a write there would be
		// confirmed and lost. Same inode before and after the lock, or again.
		after, err := os.Stat(s.path)
		if err == nil && os.SameFile(before, after) {
			break
		}
		db.Close()
		if attempt == 5 {
			return nil, fmt.Errorf("%s keeps being replaced (a restore?): %w", s.path, bberrors.ErrTimeout)
		}
	}
	if err := fitsFile(db, s.path); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// fitsFile refuses a file cut short: its meta page says how many pages the
// database has, and a file shorter than that would make bbolt read past
// its end. Such a read is a memory fault, which SetPanicOnFault can turn
// into an error only in this goroutine, not in the one Tx.Check starts.
func fitsFile(db *bolt.DB, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	var need int64
	_ = db.View(func(tx *bolt.Tx) error { need = tx.Size(); return nil })
	if need > fi.Size() {
		return fmt.Errorf("%w: the file is %d bytes but its pages need %d: it was cut short", bberrors.ErrInvalid, fi.Size(), need)
	}
	return nil
}

func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	db, err := s.open(true)
	if err != nil {
		return s.fail("open", err)
	}
	defer db.Close()
	if err := guard(func() error { return db.View(fn) }); err != nil {
		var se *Error
		if errors.As(err, &se) {
			return err
		}
		return s.fail("read", err)
	}
	return nil
}

// update runs fn in one write transaction, committed and synced before it
// returns, and bumps the generation so open TUIs reload. A file that an
// older zixuan put back in the meantime (a restore of an old backup) is
// upgraded first.
func (s *Store) update(fn func(tx *bolt.Tx) error) error { return s.updateSized(0, fn) }

// updateSized is update for a write expected to add about grow bytes to
// the file (an import): its memory map is sized for them when the file is
// opened, so that bbolt does not remap it again and again while it
// commits (each remap copies every key and value the transaction holds:
// a fifth of a whole-market import). The file grows exactly as it would
// without the hint as long as grow is no more than the write adds: the
// map stays within bbolt's 16 MB allocation step while the file is
// within it, and bbolt sizes a file by its map only below that step.
func (s *Store) updateSized(grow int, fn func(tx *bolt.Tx) error) error {
	hint := 0
	if grow >= minMmapHint {
		if fi, err := os.Stat(s.path); err == nil {
			hint = int(fi.Size()) + grow
			if fi.Size() <= boltAllocStep {
				hint = min(hint, boltAllocStep)
			}
		}
	}
	return s.updateMode(hint, writeList, nil, fn)
}

// writeMode says what a write does beside its own change.
type writeMode int

const (
	// writeList bumps the generation: open TUIs reload, the list index is
	// stale.
	writeList writeMode = iota
	// writeAside bumps the generation but keeps a current list index
	// current: for writes of what the index does not hold (alerts,
	// trades, price history, reference prices, a sector's names, a new
	// sector).
	writeAside
	// writeQuiet leaves the generation as it is: derived data (the list
	// index itself).
	writeQuiet
	// writeTicker is writeList for a write that changes one ticker's
	// record, ratings, notes or calls and nothing else the list index
	// holds: an index good before it stays good, with that ticker named
	// dirty (store/listpatch.go).
	writeTicker
	// writeUnloaded is writeAside for what no Load holds (updateUnloaded)
	writeUnloaded
)

func (s *Store) updateMode(hint int, mode writeMode, key []byte, fn func(tx *bolt.Tx) error) error {
	err := s.updateOnce(hint, mode, key, fn)
	if errors.Is(err, errOlderSchema) {
		if mode == writeQuiet {
			return nil // a cache is not worth an upgrade
		}
		if err = s.upgrade(); err == nil {
			err = s.updateOnce(hint, mode, key, fn)
		}
	}
	if err != nil && cannotWrite(err) && mode != writeQuiet {
		// A file this process cannot write still serves a write that
		// writes nothing: it runs on a scratch copy, and only one that
		// would change something is refused, with the file's error.
		wrote, serr := s.scratchRun(fn)
		switch {
		case wrote || errors.Is(serr, errOlderSchema):
			return err
		case serr == errUnchanged:
			return nil
		case serr != nil:
			var se *Error
			if errors.Is(serr, errRollback) || errors.As(serr, &se) {
				return serr
			}
			return err
		}
		return nil
	}
	if err != nil && cannotWrite(err) && mode == writeQuiet {
		return nil // a cache a read-only file cannot keep
	}
	return err
}

// updateAside is update for a write of what the list index does not hold
// (alerts, trades, price history, reference prices): a start after it can
// still draw its first screen from the index.
func (s *Store) updateAside(fn func(tx *bolt.Tx) error) error {
	return s.updateMode(0, writeAside, nil, fn)
}

// updateUnloaded is updateAside for a write of what no Load holds either
// (price history, alerts): its generation is remembered (AsideHere), so
// that this process's TUI need not reload for it.
func (s *Store) updateUnloaded(fn func(tx *bolt.Tx) error) error {
	return s.updateMode(0, writeUnloaded, nil, fn)
}

// updateQuiet is update for a write of derived data (the list index) that
// changes nothing a reader shows: the generation stays, so open TUIs do
// not reload for it. A file that needs an upgrade is left alone.
func (s *Store) updateQuiet(fn func(tx *bolt.Tx) error) error {
	return s.updateMode(0, writeQuiet, nil, fn)
}

// minMmapHint is the least growth worth sizing the map for: below it a
// write remaps a few times at most.
const minMmapHint = 1 << 20

// boltAllocStep is bbolt's DB.AllocSize, which zixuan leaves at its default.
const boltAllocStep = 16 << 20

// errOlderSchema stops a write to a file that needs an upgrade first.
var errOlderSchema = errors.New("older schema")

// updateTicker is update for a write of one ticker's own data (writeTicker).
func (s *Store) updateTicker(code market.Code, fn func(tx *bolt.Tx) error) error {
	return s.updateMode(0, writeTicker, []byte(code.Key()), fn)
}

func (s *Store) updateOnce(mmapHint int, mode writeMode, key []byte, fn func(tx *bolt.Tx) error) error {
	db, err := s.openSized(false, mmapHint)
	if err != nil {
		return s.fail("open", err)
	}
	// The same checks as doctor, before the transaction: a file that reads
	// or doctor refuse is not written to, since a write on damaged pages
	// can spread the damage. The lock is held, so nothing changes between.
	// A file this Store checked or wrote last, unchanged since, is not
	// checked again (a TUI saving note after note).
	if now, last := stampOf(s.path), s.checked.Load(); now == nil || last == nil || *now != *last {
		problems, err := checkDB(db)
		if err == nil && len(problems) > 0 {
			err = fmt.Errorf("%w: %s", bberrors.ErrInvalid, problems[0])
		}
		if err != nil {
			db.Close()
			return s.fail("write", err)
		}
	}
	err = guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			if err := checkMeta(tx); err != nil {
				return err
			}
			if fileSchema(tx) < schemaVersion {
				return errOlderSchema
			}
			before := readGen(tx)
			if err := fn(tx); err != nil || mode == writeQuiet {
				return err
			}
			if err := bumpGen(tx); err != nil {
				return err
			}
			switch {
			case mode == writeAside:
				return carryListIndex(tx, before)
			case mode == writeUnloaded:
				tx.OnCommit(func() { s.aside.add(before + 1) })
				return carryListIndex(tx, before)
			case mode == writeTicker:
				return markListIndex(tx, before, key)
			}
			return nil
		})
	})
	if err == nil || err == errUnchanged {
		// still locked: only this commit changed it, or nothing did (a
		// write that finds nothing to do rolls back; forgetting the check
		// for it made the next write check the whole file again)
		s.checked.Store(stampOf(s.path))
	} else {
		s.checked.Store(nil)
	}
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err == errUnchanged {
		return nil
	}
	if err != nil {
		var se *Error
		if errors.As(err, &se) || errors.Is(err, errOlderSchema) {
			return err
		}
		return s.fail("write", err)
	}
	return nil
}

// guard turns a panic inside bbolt (a corrupt page) into an error. A file
// that was truncated leaves bbolt's memory map pointing past its end, and
// reading there faults: SetPanicOnFault turns that fault, which would
// otherwise kill the process, into a panic recovered here.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", bberrors.ErrInvalid, r)
		}
	}()
	return fn()
}

// Generation is a counter bumped by every write. A TUI polls it to notice
// changes made by other processes.
//
// A file whose stamp (device, inode, size, modification and change times)
// is the one seen at the last read, settled then, has not been written
// since: its generation is the one read then, without opening the file.
func (s *Store) Generation() (uint64, error) {
	before := stampOf(s.path)
	if last := s.seen.Load(); before != nil && last != nil && last.stamp == *before {
		return last.gen, nil
	}
	var gen uint64
	err := s.view(func(tx *bolt.Tx) error {
		gen = readGen(tx)
		return nil
	})
	if err != nil {
		s.seen.Store(nil)
		return gen, err
	}
	after := stampOf(s.path)
	if before != nil && after != nil && *after == *before && time.Since(time.Unix(0, before.mtime)) > settled && time.Since(time.Unix(0, before.ctime)) > settled {
		s.seen.Store(&seenGen{stamp: *before, gen: gen})
	} else {
		s.seen.Store(nil)
	}
	return gen, err
}

func readGen(tx *bolt.Tx) uint64 {
	if v := tx.Bucket(bucketMeta).Get(keyGen); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

func bumpGen(tx *bolt.Tx) error {
	return tx.Bucket(bucketMeta).Put(keyGen, itob(readGen(tx)+1))
}

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

func getJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return fmt.Errorf("%s: missing record", key)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode %s: %w", key, err)
	}
	return nil
}
