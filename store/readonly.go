package store

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
)

// OpenReadOnly opens an existing database to read it and nothing else:
// it never creates the file, never upgrades it, never writes. A file of
// an older schema is an error (its records are read only after the
// upgrade a write command makes): shell completion, which must not change
// a file for a TAB, offers nothing then.
func OpenReadOnly(path string) (*Store, error) {
	s := &Store{path: path, now: func() time.Time { return time.Now().UTC() }}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, s.fail("open", err)
	case !info.Mode().IsRegular():
		return nil, &Error{Kind: ErrNotFile, Reason: IsDirectory, Op: "open", Path: path}
	case info.Size() == 0:
		return nil, &Error{Kind: ErrNotFile, Reason: EmptyFile, Op: "open", Path: path}
	}
	var schema int
	if err := s.view(func(tx *bolt.Tx) error { schema = fileSchema(tx); return checkMeta(tx) }); err != nil {
		return nil, err
	}
	if schema < schemaVersion {
		return nil, s.fail("open", errOlderSchema)
	}
	return s, nil
}

// cannotWrite tells a file the process may read but not write (its mode,
// its owner, a read-only mount) from other failures to open it for a
// write.
func cannotWrite(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// scratchRun runs fn, a write that may turn out to change nothing (a dry
// run, a check where nothing fires), on a scratch copy of a file this
// process cannot write: a read-only file serves every command that writes
// nothing. It returns fn's own end (errRollback, errUnchanged) when fn
// wrote nothing, and wrote true when fn would have committed a change,
// which the caller then refuses with the file's own error.
func (s *Store) scratchRun(fn func(tx *bolt.Tx) error) (wrote bool, err error) {
	tmp, err := os.CreateTemp("", "zixuan-dry-*.db")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	err = s.view(func(tx *bolt.Tx) error {
		if err := checkMeta(tx); err != nil {
			return err
		}
		if fileSchema(tx) < schemaVersion {
			return errOlderSchema
		}
		_, err := tx.WriteTo(tmp)
		return err
	})
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, err
	}
	db, err := bolt.Open(tmp.Name(), 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return false, err
	}
	defer db.Close()
	committed := false
	err = guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			if err := fn(tx); err != nil {
				return err
			}
			committed = true
			return errRollback // never kept: the copy goes
		})
	})
	if committed {
		return true, nil
	}
	return false, err
}
