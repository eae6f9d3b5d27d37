// Package sectorsdlg manages the sectors (S): a list of them with their
// counts; a (or n) names a new one, r renames the selected one, d deletes
// it (after a yes), enter goes to its tab. The writes are the root's.
package sectorsdlg
