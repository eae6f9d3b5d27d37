// Package notes is the notes' two dialogs: a ticker's notes as they were
// (the old versions of the selected note, and the deleted notes, one of
// which u brings back) and the search through the notes of every ticker.
package notes
