package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"zixuan/safetext"
	"zixuan/store"
)

// DoctorCmd checks a database file.
type DoctorCmd struct {
	File string `arg:"" optional:"" placeholder:"FILE" predictor:"file" help:"A database or backup file to check (default: the database in use)."`
}

// Run runs bbolt's consistency check and zixuan's own invariants and says
// whether the file is healthy. It only reads: a damaged file is reported,
// never repaired in place.
func (c *DoctorCmd) Run(a *App) error {
	path := c.File
	if path == "" {
		path = a.DBPath()
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s does not exist: give the database or backup file to check", path)
	}
	problems, err := store.CheckFile(path)
	if err != nil {
		return fmt.Errorf("%s cannot be checked: %w: %s", path, err, restoreAdvice(path))
	}
	if n := store.MetaNotice(path); n != "" {
		for _, p := range problems {
			fmt.Fprintf(a.Out, "problem: %s\n", safetext.Line(p))
		}
		fmt.Fprintf(a.Out, "problem: %s\n", n)
		return fmt.Errorf("%s: %s", path, n)
	}
	if len(problems) == 0 {
		fmt.Fprintf(a.Out, "%s is healthy: bbolt's consistency check and zixuan's own checks found nothing wrong\n", path)
		printCalendarCheck(a.Out, path)
		return nil
	}
	for _, p := range problems {
		fmt.Fprintf(a.Out, "problem: %s\n", safetext.Line(p))
	}
	db := shellQuote(path, false)
	return fmt.Errorf("%s has %d problem(s) (listed above): %s, or export what you can with `zixuan --db %s export --format json --out %s`", path, len(problems), restoreAdvice(path), db, shellQuote(path+".json", false))
}

// restoreAdvice says how to put a backup in place of the file at path,
// which may not be the database in use: the command names it.
func restoreAdvice(path string) string {
	return fmt.Sprintf("restore a backup with `zixuan --db %s restore BACKUP`", shellQuote(path, false))
}
