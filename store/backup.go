package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"

	"zixuan/sectors"
)

// maxProblems bounds what Check lists: a badly damaged file would
// otherwise list every page.
const maxProblems = 50

// Check inspects the database: bbolt's structural check (Tx.Check) and
// zixuan's own invariants (every ticker has a readable info record with a
// valid code and a known rating, tickers on the list are in an existing
// sector, rating history and notes decode). It returns the problems found,
// one line each; none means healthy. An error means the file could not be
// checked at all (missing, locked, not a zixuan database).
func (s *Store) Check() ([]string, error) {
	db, err := s.open(true)
	if err != nil {
		return nil, s.fail("check", err)
	}
	defer db.Close()
	problems, err := checkDB(db)
	if err != nil {
		return nil, s.fail("check", err)
	}
	return problems, nil
}

// Precheck makes the check a Store runs before its first write now, while
// nothing waits for it (the TUI, as a dialog that will write opens): the
// write, if the file is unchanged by then, need not check it again. A file
// with problems is left for the write to refuse, in its own words; one
// written less than a second ago is not trusted to show a later write in
// its stamp, and is checked again at the write.
func (s *Store) Precheck() {
	before := stampOf(s.path)
	if before == nil {
		return
	}
	if last := s.checked.Load(); last != nil && *last == *before {
		return // checked or written by this Store since its last change
	}
	if fi, err := os.Stat(s.path); err != nil || time.Since(fi.ModTime()) < settled {
		return
	}
	db, err := s.open(true)
	if err != nil {
		return
	}
	problems, err := checkDB(db)
	db.Close()
	if after := stampOf(s.path); err == nil && len(problems) == 0 && after != nil && *after == *before {
		s.checked.Store(before)
	}
}

// checksRun counts checkDB's runs in this process (tests ask it whether a
// write checked the file).
var checksRun atomic.Uint64

// checkDB runs every check in one read transaction. A file whose meta is
// not zixuan's is an error, not a list of problems.
func checkDB(db *bolt.DB) (problems []string, err error) {
	checksRun.Add(1)
	add := func(format string, args ...any) {
		if len(problems) < maxProblems {
			problems = append(problems, fmt.Sprintf(format, args...))
		} else if len(problems) == maxProblems {
			problems = append(problems, "… more problems not listed")
		}
	}
	err = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			if err := checkMeta(tx); err != nil {
				return err
			}
			f, err := os.Open(db.Path())
			if err != nil {
				return err
			}
			defer f.Close()
			info, err := f.Stat()
			if err != nil {
				return err
			}
			if err := validatePages(f, info.Size(), tx.DB().Info().PageSize); err != nil {
				add("the file is damaged: %v", err)
				return nil // too damaged for bbolt's own check to run safely
			}
			// every page is read: let them go as the check passes them
			defer releasePagesWhile(tx)()
			for cerr := range tx.Check() {
				add("bbolt: %v", cerr)
			}
			checkInvariants(tx, add)
			return nil
		})
	})
	return problems, err
}

func checkInvariants(tx *bolt.Tx, add func(string, ...any)) {
	defer checkReports(tx, add)
	// The notes, the most records, are checked on a second goroutine
	// through a read transaction of its own at the same commit, while the
	// sectors, tickers and ratings are checked here; what they find is said
	// in the same order as ever.
	notes := checkChildrenAside(tx, bucketNotes)
	known := map[string]bool{}
	_ = tx.Bucket(bucketSectors).ForEach(func(k, v []byte) error {
		var sec sectors.Sector
		switch {
		case v == nil:
			add("sectors/%s: a bucket where a sector record belongs", k)
		case json.Unmarshal(v, &sec) != nil:
			add("sectors/%s: the record does not decode", k)
		case sec.ID != string(k):
			add("sectors/%s: the record names itself %q", k, sec.ID)
		default:
			known[sec.ID] = true
		}
		return nil
	})
	tickers := tx.Bucket(bucketTickers)
	checkAlertsAndTrades(tx, add)
	_ = tickers.ForEach(func(k, v []byte) error {
		if v == nil {
			add("tickers/%s: a bucket where a ticker record belongs", k)
			return nil
		}
		checkTicker(string(k), v, known, add)
		return nil
	})
	// every rating change and note belongs to a ticker and decodes
	checkChildren(tx, bucketRatings, add)
	for _, p := range notes() {
		add("%s", p)
	}
}

// checkChildrenAside runs checkChildren of bucket b on a goroutine of its
// own and returns a func that waits for it and gives what it found (a
// fault or panic in it is raised again in the caller); when no second
// transaction is to be had at tx's commit, or there is one core, the
// check runs there and then.
func checkChildrenAside(tx *bolt.Tx, b []byte) func() []string {
	var found []string
	add := func(format string, args ...any) {
		if len(found) <= maxProblems {
			found = append(found, fmt.Sprintf(format, args...))
		}
	}
	tx2, err := tx.DB().Begin(false)
	if err != nil || tx2.ID() != tx.ID() || runtime.GOMAXPROCS(0) == 1 {
		if err == nil {
			_ = tx2.Rollback()
		}
		checkChildren(tx, b, add)
		return func() []string { return found }
	}
	done := make(chan any, 1)
	go func() {
		defer tx2.Rollback()
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() { done <- recover() }()
		checkChildren(tx2, b, add)
	}()
	return func() []string {
		if r := <-done; r != nil {
			panic(r) // where the check on one goroutine would have: checkDB's guard says it
		}
		return found
	}
}

// checkChildren checks that every record of b (ratings or notes) belongs
// to a ticker and decodes. Keys come in order, a ticker's together: its
// record is looked up once for all of them, not once a record.
func checkChildren(tx *bolt.Tx, b []byte, add func(string, ...any)) {
	tickers := tx.Bucket(bucketTickers)
	var lastOwner []byte
	_ = tx.Bucket(b).ForEach(func(k, v []byte) error {
		owner := k[:max(len(k)-8, 0)]
		switch {
		case v == nil || len(k) != 16:
			add("%s/%x: not a record of this layout", b, k)
		case !ownerKnown(tickers, owner, &lastOwner):
			add("%s/%s#%d: belongs to no ticker", b, owner, binary.BigEndian.Uint64(k[8:]))
		case bytes.Equal(b, bucketRatings):
			var r ratingRecord
			if err := decodeRatingRecord(v, &r); err != nil {
				add("ratings/%s#%d: does not decode", owner, binary.BigEndian.Uint64(k[8:]))
				return nil
			}
			for _, id := range []string{r.From, r.To} {
				if _, err := sectors.ParseRating(id); err != nil {
					add("ratings/%s#%d: %v", owner, binary.BigEndian.Uint64(k[8:]), err)
				}
			}
		default:
			if !noteDecodes(v) {
				add("notes/%s#%d: does not decode", owner, binary.BigEndian.Uint64(k[8:]))
			}
		}
		return nil
	})
}

// ownerKnown says whether tickers has a record for owner; *last is the
// last owner found, looked up no more.
func ownerKnown(tickers *bolt.Bucket, owner []byte, last *[]byte) bool {
	if *last != nil && bytes.Equal(owner, *last) {
		return true
	}
	if tickers.Get(owner) == nil {
		return false
	}
	*last = append((*last)[:0], owner...)
	return true
}

func checkTicker(key string, v []byte, sectorsKnown map[string]bool, add func(string, ...any)) {
	var rec tickerRecord
	if err := decodeTickerRecord(v, &rec); err != nil {
		add("tickers/%s: the record does not decode (%v)", key, err)
		return
	}
	code, err := market.ParseCode(rec.Exchange + rec.Code)
	switch {
	case err != nil:
		add("tickers/%s: %v", key, err)
	case code.Key() != key:
		add("tickers/%s: the record is for %s", key, code.Key())
	}
	if _, err := sectors.ParseRating(rec.Rating); err != nil {
		add("tickers/%s: %v", key, err)
	}
	if rec.Removed.IsZero() && !sectorsKnown[rec.Sector] {
		add("tickers/%s: on the watchlist in sector %q, which does not exist", key, rec.Sector)
	}
}

// Backup writes a consistent copy of the database to dst while other
// processes may be using it: bbolt's Tx.WriteTo inside a read transaction
// into a temporary file in dst's folder, fsync, rename, fsync the folder;
// then the copy is opened read-only and checked like Check. An existing
// dst is replaced only with force. It returns the size written.
func (s *Store) Backup(dst string, force bool) (int64, error) {
	dst = resolveLink(dst)
	if same, _ := sameFile(s.path, dst); same {
		return 0, &Error{Kind: ErrExists, Reason: IsTheDatabase, Op: "backup", Path: dst}
	}
	if !force {
		if _, err := os.Stat(dst); err == nil {
			return 0, &Error{Kind: ErrExists, Reason: TargetExists, Op: "backup", Path: dst}
		}
	}
	var n int64
	err := writeAtomic(dst, func(f *os.File) error {
		return s.view(func(tx *bolt.Tx) error {
			var err error
			n, err = tx.WriteTo(f)
			return err
		})
	})
	if err != nil {
		return 0, fmt.Errorf("back up to %s: %w (nothing was written)", dst, err)
	}
	problems, err := CheckFile(dst)
	if err != nil {
		return n, &Error{Kind: ErrDamaged, Reason: BackupFailed, Op: "backup", Path: dst, Detail: "does not read back", Err: err}
	}
	if len(problems) > 0 {
		return n, &Error{Kind: ErrDamaged, Reason: BackupFailed, Op: "backup", Path: dst, Detail: "fails its check: " + strings.Join(problems, "; ")}
	}
	return n, nil
}

// CheckFile checks a database file that is not in use, such as a backup:
// it must be a zixuan database this build reads, and pass Check.
func CheckFile(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Kind: ErrGone, Reason: NoSuchFile, Op: "check", Path: path}
	}
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, &Error{Kind: ErrNotFile, Reason: IsDirectory, Op: "check", Path: path}
	}
	if fi.Size() == 0 {
		return nil, &Error{Kind: ErrNotFile, Reason: EmptyFile, Op: "check", Path: path}
	}
	c := &Store{path: path}
	db, err := c.open(true)
	if err == nil {
		defer db.Close()
		var problems []string
		if problems, err = checkDB(db); err == nil {
			return problems, nil
		}
	}
	if isSystemError(err) && !errors.Is(err, bberrors.ErrTimeout) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return nil, c.fail("check", err)
}

// Restore replaces the database with the backup at src, after checking
// that src is a healthy zixuan database. The current file is kept beside
// it as <db>.before-restore-<timestamp>, whose path is returned; the new
// file has the old one's owner, group and mode. The
// replacement is a rename, so the database path always holds a whole file.
func (s *Store) Restore(src string) (string, error) {
	return restore(s.path, src, s.now())
}

// RestoreFile is Restore for a database that may not open: a damaged file
// is exactly what a restore is for. An absent dbPath is created from src.
func RestoreFile(dbPath, src string) (string, error) {
	return restore(dbPath, src, time.Now())
}

func restore(dbPath, src string, now time.Time) (string, error) {
	dbPath = resolveLink(dbPath) // restore the file a link points to; the link stays
	cur := &Store{path: dbPath}
	if same, _ := sameFile(dbPath, src); same {
		return "", &Error{Kind: ErrExists, Reason: IsTheDatabase, Op: "restore", Path: src}
	}
	problems, err := CheckFile(src)
	if err != nil {
		return "", fmt.Errorf("restore from %s: %w: the database was not changed", src, err)
	}
	if len(problems) > 0 {
		return "", fmt.Errorf("restore from %s: the backup fails its check (%s): the database was not changed", src, strings.Join(problems, "; "))
	}
	curInfo, statErr := os.Stat(dbPath)
	exists := statErr == nil
	var curGen uint64
	if exists {
		// Hold the current file's write lock while swapping, so that no
		// zixuan writes to it in between. A file too damaged to open
		// cannot be in use: it is replaced without the lock.
		lock, err := cur.open(false)
		switch {
		case errors.Is(err, bberrors.ErrTimeout):
			return "", cur.fail("restore", err)
		case err == nil:
			defer lock.Close()
			_ = guard(func() error {
				return lock.View(func(tx *bolt.Tx) error {
					if tx.Bucket(bucketMeta) != nil {
						curGen = readGen(tx)
					}
					return nil
				})
			})
		}
	}
	srcStore := &Store{path: src}
	kept := ""
	err = writeAtomic(dbPath, func(f *os.File) error {
		return srcStore.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	}, func(tmp string) error {
		return raiseGen(tmp, curGen)
	}, func(tmp string) error {
		if !exists {
			return nil
		}
		return keepOwner(tmp, curInfo)
	}, func(tmp string) error {
		if !exists {
			return nil
		}
		old := dbPath + ".before-restore-" + now.UTC().Format("20060102-150405")
		for i := 2; fileExists(old); i++ { // two restores in one second
			old = fmt.Sprintf("%s.before-restore-%s-%d", dbPath, now.UTC().Format("20060102-150405"), i)
		}
		if err := os.Link(dbPath, old); err != nil {
			if err := copyFile(dbPath, old); err != nil {
				return fmt.Errorf("keep the current database as %s: %w", old, err)
			}
		}
		kept = old
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("restore %s: %w: the database was not changed", dbPath, err)
	}
	return kept, nil
}

// raiseGen sets the restored copy's generation above the file it replaces,
// so that an open TUI, which reloads when the counter changes, cannot miss
// the restore by landing on the number it already has.
func raiseGen(path string, above uint64) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		gen := max(readGen(tx), above) + 1
		return tx.Bucket(bucketMeta).Put(keyGen, itob(gen))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// writeAtomic writes path through fill into a temporary file in the same
// folder, syncs it, runs the before hooks, renames it over path and syncs
// the folder. On any failure the temporary file is removed.
func writeAtomic(path string, fill func(f *os.File) error, before ...func(tmp string) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	for _, fn := range before {
		if err = fn(tmp); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(to)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(to)
		return err
	}
	return out.Close()
}

// sameFile reports whether a and b are the same file.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// checkReports checks what schema 2 added, as Load reads it: every report
// decodes, every call belongs to a ticker and a report and decodes, every
// history record decodes. What a read refuses, doctor must call damaged,
// and then no write goes near the file.
func checkReports(tx *bolt.Tx, add func(string, ...any)) {
	reports := map[string]bool{}
	if b := tx.Bucket(bucketReports); b != nil {
		_ = b.ForEach(func(k, v []byte) error {
			var rec reportRecord
			switch {
			case v == nil || json.Unmarshal(v, &rec) != nil:
				add("reports/%s: the record does not decode", k)
			case rec.ID != string(k):
				add("reports/%s: the record names itself %q", k, rec.ID)
			default:
				reports[rec.ID] = true
			}
			return nil
		})
	}
	tickers := tx.Bucket(bucketTickers)
	if b := tx.Bucket(bucketCalls); b != nil {
		_ = b.ForEach(func(k, v []byte) error {
			if v == nil {
				add("calls/%q: a bucket where a call belongs", k)
				return nil
			}
			c, err := decodeCall(k, v)
			switch {
			case err != nil:
				add("%v", err)
			case tickers.Get([]byte(c.Code.Key())) == nil:
				add("calls/%s: belongs to no ticker", k)
			case !reports[c.ReportID]:
				add("calls/%s: belongs to no report", k)
			}
			return nil
		})
	}
	if b := tx.Bucket(bucketHistory); b != nil {
		var scratch []sectors.DailyBar // one buffer for every history: the whole market's is ~170 MB
		pages := countPages(tx)        // at the loop's pace, whatever the clock's releases manage
		defer pages.done()
		_ = b.ForEach(func(k, v []byte) error {
			pages.read()
			code, err := market.ParseCode(string(k))
			if err != nil || v == nil {
				add("history/%q: not a security's history", k)
				return nil
			}
			h, err := decodeHistoryInto(code, v, scratch)
			if err != nil {
				add("history/%s: %v", k, err)
			}
			if cap(h.Bars) > cap(scratch) {
				scratch = h.Bars
			}
			return nil
		})
	}
}
