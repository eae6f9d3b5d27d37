package store

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors"

	bolt "go.etcd.io/bbolt"
)

// Schema changes go through migrations, never through code that guesses
// at an older layout. A file of an older schema is upgraded when it is
// opened: first a checked backup is written beside it, named with the old
// schema (zixuan.db.schema-1.bak) and kept, then every migration from the
// file's schema to this build's runs in one write transaction, so a
// failure or a crash leaves the file exactly as it was. A file of a newer
// schema is refused and never written.

// migration upgrades a file from schema to-1 to schema to. run gets the
// write transaction and the time of the upgrade; it must keep everything
// the older schema held.
type migration struct {
	to   int
	what string
	run  func(tx *bolt.Tx, now time.Time) error
}

// migrations are in order: migrations[i] upgrades schema i+1 to i+2.
var migrations = []migration{
	{to: 2, what: "reports and their calls, daily price history, alerts and positions", run: migrateReports},
	{to: 3, what: "funds and indexes on the watchlist, with names from the quote server", run: migrateFunds},
}

// migrateFunds (schema 2 → 3) changes no record: schema 3 lets the
// tickers bucket hold funds (SH510300) and indexes (SH000300), which a
// build of schema 2 cannot parse, and a ticker record carry quote_name.
// Raising the number is what makes an older build refuse such a file
// with "written by a newer zixuan" instead of failing on its first fund.
func migrateFunds(*bolt.Tx, time.Time) error { return nil }

// migrateReports (schema 1 → 2) keeps reports as sources: it adds the
// reports and calls buckets (and the empty alerts and trades ones),
// records the seed report, and gives each of
// its tickers still in the file the seed's call on it. Everything else
// stays as it was, the rating histories included.
func migrateReports(tx *bolt.Tx, now time.Time) error {
	for _, b := range [][]byte{bucketReports, bucketCalls, bucketHistory, bucketAlerts, bucketTrades} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	in, err := seedReport()
	if err != nil {
		return err
	}
	mapping := sectors.MapThemes(in.Themes, sectors.ReportSectorRefs(), nil)
	sectorOf := map[string]string{}
	for _, m := range mapping {
		sectorOf[m.Theme] = m.SectorID
	}
	rec := reportRecord{ID: in.Report.ID, Title: in.Report.Title, Date: in.Report.Date, Broker: in.Report.Broker, Industry: in.Report.Industry,
		IndustryRating: in.Report.IndustryRating.Word, IndustryView: int(in.Report.IndustryRating.View), IndustryChange: in.Report.IndustryRating.Change, Added: now}
	for _, t := range in.Themes {
		rec.Themes = append(rec.Themes, themeRecord{Name: t.Name, Thesis: t.Thesis, Sector: sectorOf[t.Name]})
	}
	if err := putJSON(tx.Bucket(bucketReports), []byte(rec.ID), rec); err != nil {
		return err
	}
	for _, c := range in.Calls {
		r := refOf(tx, c.Code)
		if !r.exists() {
			continue // never seeded, or an older file without it: nothing to attach
		}
		history, err := r.storedRatings()
		if err != nil {
			return err
		}
		fromReport := false
		for _, h := range history {
			fromReport = fromReport || h.Source == rec.ID
		}
		if !fromReport {
			continue
		}
		c.ReportID = rec.ID
		if err := putCall(tx, c); err != nil {
			return err
		}
		var t tickerRecord
		if err := r.info(&t); err != nil {
			return err
		}
		if t.AddedBy == "" && len(history) > 0 && history[0].Source == rec.ID {
			t.AddedBy = rec.ID
			if err := r.putInfo(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// schemaVersion is the schema this build writes: SchemaVersion, which a
// test may raise together with migrations.
var schemaVersion = SchemaVersion

// fileSchema reads a file's schema number; 0 when it has none.
func fileSchema(tx *bolt.Tx) int {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0
	}
	v, _ := strconv.Atoi(string(meta.Get(keySchema)))
	return v
}

// upgrade brings an older file to this build's schema. It holds the
// file's write lock throughout, so that no other zixuan writes between
// the backup and the migration, and two that open the old file at once
// upgrade it once.
func (s *Store) upgrade() (err error) {
	db, err := s.open(false)
	if err != nil {
		return s.fail("upgrade", err)
	}
	defer func() {
		if cerr := db.Close(); err == nil && cerr != nil {
			err = s.fail("upgrade", cerr)
		}
	}()
	var from int
	if err := guard(func() error {
		return db.View(func(tx *bolt.Tx) error { from = fileSchema(tx); return nil })
	}); err != nil {
		return s.fail("upgrade", err)
	}
	if from >= schemaVersion {
		return nil // upgraded by another zixuan in the meantime
	}
	backup, err := s.backupBeforeUpgrade(db, from)
	if err != nil {
		return err
	}
	now := s.now()
	err = guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			for _, m := range migrations {
				if m.to <= from || m.to > schemaVersion {
					continue
				}
				if err := m.run(tx, now); err != nil {
					return fmt.Errorf("schema %d (%s): %w", m.to, m.what, err)
				}
			}
			if err := tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(schemaVersion))); err != nil {
				return err
			}
			return bumpGen(tx)
		})
	})
	if err != nil {
		return &Error{Kind: ErrDamaged, Reason: UpgradeFailed, Op: "upgrade", Path: s.path, Count: from, Detail: backup, Err: err}
	}
	return nil
}

// backupBeforeUpgrade writes the file's current content beside it, named
// with its schema, checks the copy, and returns its path. An earlier
// backup of the same schema is kept: when it holds the file as it is now
// (an upgrade interrupted after its backup, run again) it is the backup,
// and no other is written; otherwise the new one gets a time stamp.
func (s *Store) backupBeforeUpgrade(db *bolt.DB, from int) (string, error) {
	dst := fmt.Sprintf("%s.schema-%d.bak", s.path, from)
	if fileExists(dst) {
		var gen uint64
		_ = guard(func() error { return db.View(func(tx *bolt.Tx) error { gen = readGen(tx); return nil }) })
		if schema, bgen, ok := fileState(dst); ok && schema == from && bgen == gen {
			if problems, err := CheckFile(dst); err == nil && len(problems) == 0 {
				return dst, nil
			}
		}
		dst = fmt.Sprintf("%s.schema-%d-%s.bak", s.path, from, s.now().UTC().Format("20060102-150405"))
	}
	err := writeAtomic(dst, func(f *os.File) error {
		return guard(func() error {
			return db.View(func(tx *bolt.Tx) error {
				_, err := tx.WriteTo(f)
				return err
			})
		})
	})
	if err != nil {
		return "", &Error{Kind: ErrInvalid, Reason: UpgradeFailed, Op: "upgrade", Path: s.path, Count: from, Err: fmt.Errorf("back up to %s first: %w", dst, err)}
	}
	problems, err := CheckFile(dst)
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	if err != nil {
		return "", &Error{Kind: ErrDamaged, Reason: UpgradeFailed, Op: "upgrade", Path: s.path, Count: from, Err: fmt.Errorf("the backup %s fails its check: %w", dst, err)}
	}
	return dst, nil
}
