package store

import (
	"slices"
	"time"
)

// tickerRecord is what the info key holds.
type tickerRecord struct {
	Exchange   string `json:"exchange"`
	Code       string `json:"code"`
	ReportName string `json:"report_name,omitempty"`
	CustomName string `json:"custom_name,omitempty"`
	// schema 3: the quote server's name of a code the securities master
	// does not list (a fund, an index), taken when it was added
	QuoteName    string    `json:"quote_name,omitempty"`
	Sector       string    `json:"sector"`
	Rating       string    `json:"rating"`
	RatingAt     time.Time `json:"rating_at"`
	RatingSource string    `json:"rating_source"`
	Added        time.Time `json:"added"`
	Removed      time.Time `json:"removed,omitzero"`
	Updated      time.Time `json:"updated"`
	AddedBy      string    `json:"added_by,omitempty"` // schema 2: the source that put it on the list
	// schema 2: the user's order. Pinned tickers come first in every
	// sector they are shown in, then by Position (1, 2, …; 0 is unordered,
	// after the ordered ones, by code).
	Pinned   bool   `json:"pinned,omitempty"`
	Position uint64 `json:"position,omitempty"`
	// schema 2: the sectors the ticker is also shown in besides its home
	// Sector (groups), by id.
	Groups []string `json:"groups,omitempty"`
}

// ratingRecord is what a ratings/<seq> key holds.
type ratingRecord struct {
	From   string    `json:"from"`
	To     string    `json:"to"`
	At     time.Time `json:"at"`
	Source string    `json:"source"`
	Reason string    `json:"reason,omitempty"`
}

// sameRecord reports whether two ticker records hold the same.
func sameRecord(a, b tickerRecord) bool {
	return slices.Equal(a.Groups, b.Groups) && a.flat() == b.flat()
}

// flatRecord is a tickerRecord without its lists, to compare.
type flatRecord struct {
	Exchange, Code, ReportName, CustomName, QuoteName, Sector, Rating, RatingSource, AddedBy string
	RatingAt, Added, Removed, Updated                                                        time.Time
	Pinned                                                                                   bool
	Position                                                                                 uint64
}

func (r tickerRecord) flat() flatRecord {
	return flatRecord{r.Exchange, r.Code, r.ReportName, r.CustomName, r.QuoteName, r.Sector, r.Rating, r.RatingSource, r.AddedBy,
		r.RatingAt, r.Added, r.Removed, r.Updated, r.Pinned, r.Position}
}
