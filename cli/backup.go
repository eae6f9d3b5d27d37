package cli

import (
	"fmt"

	"zixuan/store"
)

// BackupCmd copies the database, consistently, while it may be in use.
type BackupCmd struct {
	File  string `arg:"" placeholder:"FILE" predictor:"file" help:"Where to write the copy."`
	Force bool   `help:"Replace FILE if it exists."`
}

// Run writes and checks the backup.
func (c *BackupCmd) Run(a *App) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	n, err := st.Backup(c.File, c.Force)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "backed up %s to %s (%d KB), checked\n", oneLine(st.Path()), oneLine(c.File), (n+1023)/1024)
	return nil
}

// RestoreCmd replaces the database with a backup.
type RestoreCmd struct {
	File string `arg:"" placeholder:"FILE" predictor:"file" help:"A backup written by zixuan backup."`
}

// Run checks the backup and swaps it in, keeping the current file.
func (c *RestoreCmd) Run(a *App) error {
	kept, err := store.RestoreFile(a.DBPath(), c.File)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "restored %s from %s\n", oneLine(a.DBPath()), oneLine(c.File))
	if kept != "" {
		fmt.Fprintf(a.Out, "the previous database is kept as %s\n", oneLine(kept))
	}
	return nil
}
