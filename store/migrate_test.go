package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// withSchema makes this build one schema newer, with ms as the
// migrations, for the length of the test.
func withSchema(t *testing.T, ms ...migration) {
	t.Helper()
	oldM, oldV := migrations, schemaVersion
	migrations = append(append([]migration(nil), oldM...), ms...)
	schemaVersion = oldV + len(ms)
	t.Cleanup(func() { migrations, schemaVersion = oldM, oldV })
}

// addMarks is a migration that keeps everything and adds a bucket holding
// one key per ticker, as a real one would add what the new schema needs.
func addMarks(runs *int) migration {
	return migration{to: SchemaVersion + 1, what: "marks", run: func(tx *bolt.Tx, _ time.Time) error {
		*runs++
		b, err := tx.CreateBucket([]byte("marks"))
		if err != nil {
			return err
		}
		return tx.Bucket(bucketTickers).ForEach(func(k, _ []byte) error { return b.Put(k, []byte("1")) })
	}}
}

func oldFile(t *testing.T) (path string, s *Store) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "zixuan.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(code("688111"), "kept across the upgrade"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTicker(code("688590")); err != nil {
		t.Fatal(err)
	}
	return path, s
}

func TestUpgradeBacksUpThenMigratesInOneTransaction(t *testing.T) {
	path, old := oldFile(t)
	before, err := old.Load()
	if err != nil {
		t.Fatal(err)
	}
	runs := 0
	withSchema(t, addMarks(&runs))

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if runs != 1 {
		t.Errorf("migration ran %d times", runs)
	}
	bak := &Store{path: bakName(path)}
	kept, err := bak.Load()
	if err != nil {
		t.Fatal(err)
	}
	var bakSchema int
	_ = bak.view(func(tx *bolt.Tx) error { bakSchema = fileSchema(tx); return nil })
	if bakSchema != SchemaVersion || kept.Gen != before.Gen || len(kept.Tickers) != len(before.Tickers) {
		t.Errorf("the backup is schema %d gen %d with %d tickers, not the file before the upgrade", bakSchema, kept.Gen, len(kept.Tickers))
	}
	if problems, err := CheckFile(bak.path); err != nil || len(problems) > 0 {
		t.Errorf("the backup fails its check: %v %v", problems, err)
	}
	after, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Tickers) != len(before.Tickers) || after.Gen != before.Gen+1 {
		t.Errorf("after the upgrade %d tickers gen %d, before %d gen %d", len(after.Tickers), after.Gen, len(before.Tickers), before.Gen)
	}
	tk, _ := s.Get(code("688111"))
	rm, _ := s.Get(code("688590"))
	if n, ok := tk.LatestNote(); !ok || n.Text != "kept across the upgrade" || rm.OnList() {
		t.Errorf("lost in the upgrade: note %v, removed %v", n, rm.Removed)
	}
	var schema, marks int
	_ = s.view(func(tx *bolt.Tx) error {
		schema = fileSchema(tx)
		marks = tx.Bucket([]byte("marks")).Stats().KeyN
		return nil
	})
	if schema != SchemaVersion+1 || marks != len(before.Tickers) {
		t.Errorf("schema %d, %d marks", schema, marks)
	}
	// a second open finds nothing to do
	if _, err := Open(path); err != nil || runs != 1 {
		t.Errorf("reopen: %v, %d runs", err, runs)
	}
	// the older build refuses the upgraded file and leaves it alone
	migrations, schemaVersion = nil, SchemaVersion
	upgraded := checksum(t, path)
	if _, err := Open(path); !isReason(err, ErrNewer, Newer) {
		t.Errorf("older build opened the upgraded file: %v", err)
	}
	if checksum(t, path) != upgraded {
		t.Error("the older build changed the upgraded file")
	}
}

func TestFailedMigrationLeavesTheFileAsItWas(t *testing.T) {
	path, _ := oldFile(t)
	sum := checksum(t, path)
	withSchema(t, migration{to: SchemaVersion + 1, what: "breaks", run: func(tx *bolt.Tx, _ time.Time) error {
		if err := tx.Bucket(bucketTickers).Delete([]byte("SH688111")); err != nil {
			return err
		}
		return errors.New("half way")
	}})
	_, err := Open(path)
	if !isReason(err, ErrDamaged, UpgradeFailed) {
		t.Fatalf("failed migration: %v", err)
	}
	if checksum(t, path) != sum {
		t.Error("a failed migration changed the file")
	}
	if _, err := os.Stat(bakName(path)); err != nil {
		t.Errorf("the backup taken before it is gone: %v", err)
	}
}

func TestTwoOpensUpgradeOnce(t *testing.T) {
	path, _ := oldFile(t)
	var mu sync.Mutex
	runs := 0
	m := addMarks(&runs)
	inner := m.run
	m.run = func(tx *bolt.Tx, now time.Time) error { mu.Lock(); defer mu.Unlock(); return inner(tx, now) }
	withSchema(t, m)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() { defer wg.Done(); _, errs[i] = Open(path) }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if runs != 1 {
		t.Errorf("the migration ran %d times", runs)
	}
	if matches, _ := filepath.Glob(strings.TrimSuffix(bakName(path), ".bak") + "*.bak"); len(matches) != 1 {
		t.Errorf("backups: %v", matches)
	}
}

// A backup of an older schema restored over an upgraded file is upgraded
// again before the next write lands in it.
func TestWriteToRestoredOlderFileUpgradesFirst(t *testing.T) {
	path, _ := oldFile(t)
	runs := 0
	withSchema(t, addMarks(&runs))
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RestoreFile(path, bakName(path)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(code("002230"), "after restore"); err != nil {
		t.Fatal(err)
	}
	var schema int
	_ = s.view(func(tx *bolt.Tx) error { schema = fileSchema(tx); return nil })
	if runs != 2 || schema != SchemaVersion+1 {
		t.Errorf("runs %d schema %d", runs, schema)
	}
	tk, _ := s.Get(code("002230"))
	if n, _ := tk.LatestNote(); n.Text != "after restore" {
		t.Errorf("note %q", n.Text)
	}
}

// bakName is where an upgrade from this build's schema backs path up.
func bakName(path string) string { return fmt.Sprintf("%s.schema-%d.bak", path, SchemaVersion) }

// An upgrade that fails after its backup, run again and again, leaves one
// backup of the schema, not one more each time.
func TestRepeatedUpgradeKeepsOneBackup(t *testing.T) {
	path, _ := oldFile(t)
	withSchema(t, migration{to: SchemaVersion + 1, what: "breaks", run: func(tx *bolt.Tx, _ time.Time) error {
		return errors.New("half way")
	}})
	for i := 0; i < 3; i++ {
		if _, err := Open(path); !isReason(err, ErrDamaged, UpgradeFailed) {
			t.Fatalf("failed migration %d: %v", i, err)
		}
	}
	if matches, _ := filepath.Glob(strings.TrimSuffix(bakName(path), ".bak") + "*.bak"); len(matches) != 1 {
		t.Errorf("backups: %v", matches)
	}
}
