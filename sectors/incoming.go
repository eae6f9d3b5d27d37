package sectors

import (
	"time"
	"zixuan/sectors/market"
)

// ImportItem is one validated row of an import file. Parsers of
// import files produce items; the store merges them.
type ImportItem struct {
	Line int         // line in the file, for messages
	Code market.Code // valid by construction: parsers only emit parsed codes
	Name string      // the name the file gives, if any (a code list has none)

	Sector string // sector id or name the file gives; "" when the file has none

	HasRating    bool
	Rating       Rating
	RatingAt     time.Time // when the file says the rating was given (json exactly, csv to the day)
	RatingSource string    // who gave it, per the file

	Notes []Note // the file's notes; a zero Created means "now"

	// Lossless is set for zixuan's own json: the fields below are then
	// authoritative, so an export imports back without loss.
	Lossless   bool
	ReportName string
	CustomName string
	QuoteName  string // the quote server's name of a fund or an index
	Added      time.Time
	Removed    time.Time
	History    []RatingChange // oldest first
	Calls      []Call         // the reports' calls on it (zixuan json)
	AddedBy    string         // the source that put it on the list (zixuan json)
	// the user's order and groups (zixuan's json); taken by a ticker the
	// import adds
	Pinned   bool
	Position uint64
	Groups   []string
}
