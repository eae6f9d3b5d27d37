// Package exportdlg is the export dialog: it asks for a format and a
// path, and for confirmation before it overwrites a file. The root writes
// the file (SubmitMsg).
package exportdlg
