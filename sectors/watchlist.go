package sectors

import (
	"strings"
	"time"
	"zixuan/sectors/market"
)

// Sector is a group of tickers the user owns: the report's four from the
// start, and any the user adds.
type Sector struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	NameZH  string    `json:"name_zh,omitempty"`
	Report  bool      `json:"report,omitempty"` // one of the report's sectors
	Order   int       `json:"order"`
	Created time.Time `json:"created"`
}

// Label is the sector's name in the language asked for, falling back to
// the other when it has only one.
func (s Sector) Label(chinese bool) string {
	if chinese && s.NameZH != "" {
		return s.NameZH
	}
	if s.Name == "" {
		return s.NameZH
	}
	return s.Name
}

// RatingChange is one entry of a ticker's rating history.
type RatingChange struct {
	Seq    uint64    `json:"seq"`
	From   Rating    `json:"-"`
	To     Rating    `json:"-"`
	At     time.Time `json:"at"`
	Source string    `json:"source"` // report id, "user", or "import:<file>"
	Reason string    `json:"reason,omitempty"`
}

// Reasons the store writes into the rating history itself. They are
// stored in English; a UI shows them in its own language.
const (
	ReasonReport = "report rating" // the seed: the report's rating
	ReasonAdded  = "added"         // the rating a ticker was added with
	// ReasonReportRemoved starts the reason of a rating brought back by
	// removing the report that set it: "report removed: <id>".
	ReasonReportRemoved = "report removed"
)

// Revision is an earlier text of a note, kept when the note is edited.
type Revision struct {
	Text string    `json:"text"`
	At   time.Time `json:"at"` // when this text was replaced
}

// Note is a timestamped annotation. Editing keeps the old text as a
// revision; deleting marks the note, so the full history survives.
type Note struct {
	ID        uint64     `json:"id"`
	Text      string     `json:"text"`
	Created   time.Time  `json:"created"`
	Updated   time.Time  `json:"updated"`
	Deleted   time.Time  `json:"deleted,omitzero"`
	Revisions []Revision `json:"revisions,omitempty"`
}

// IsDeleted reports whether the note was deleted.
func (n Note) IsDeleted() bool { return !n.Deleted.IsZero() }

// Ticker is one watchlist entry with everything zixuan knows about it.
type Ticker struct {
	Code         market.Code
	Name         string // the name to show: the user's, else the master's current name, else the report's
	ReportName   string // the name on the report's record, when it came from the report
	CustomName   string // a name the user gave with --name
	QuoteName    string // the quote server's name, for a code the master does not list (a fund, an index)
	Sector       string
	Rating       Rating
	RatingAt     time.Time
	RatingSource string
	Added        time.Time
	Removed      time.Time // zero while on the watchlist
	Updated      time.Time // last change of any kind
	Ratings      []RatingChange
	Notes        []Note   // newest first, deleted ones included (see LiveNotes)
	Calls        []Call   // every report's call on it, by report id
	AddedBy      string   // the source that put it on the list: a report id, "user", "import:<file>"
	Pinned       bool     // 置顶: first in every sector it is shown in
	Position     uint64   // the user's order within its sectors, 1 first; 0 unordered (after, by code)
	Groups       []string // other sectors it is also in (ids), besides its home Sector
}

// InSector reports whether the ticker is in the sector with id: its home
// sector or one of its groups.
func (t *Ticker) InSector(id string) bool {
	if t.Sector == id {
		return true
	}
	for _, g := range t.Groups {
		if g == id {
			return true
		}
	}
	return false
}

// OnList reports whether the ticker is on the watchlist (not removed).
func (t Ticker) OnList() bool { return t.Removed.IsZero() }

// LiveNotes returns the notes that were not deleted, newest first.
func (t Ticker) LiveNotes() []Note {
	out := make([]Note, 0, len(t.Notes))
	for _, n := range t.Notes {
		if !n.IsDeleted() {
			out = append(out, n)
		}
	}
	return out
}

// LatestNote returns the newest live note.
func (t Ticker) LatestNote() (Note, bool) {
	for _, n := range t.Notes {
		if !n.IsDeleted() {
			return n, true
		}
	}
	return Note{}, false
}

// Snapshot is everything in the store at one moment.
type Snapshot struct {
	Gen     uint64
	Source  Source
	Sectors []Sector // in display order
	Tickers []Ticker // every ticker, removed ones included, sorted by sector order then code
	// Refs are the stored reference closes by Code.Key(), oldest first.
	Refs map[string][]RefPrice
	// Reports are the reports the watchlist keeps, oldest first.
	Reports []ReportEntry
}

// CompareOrder compares two tickers by the user's order within a sector:
// pinned first, then by position (an unordered ticker, position 0, after
// the ordered ones); 0 when the user's order says nothing.
func CompareOrder(a, b *Ticker) int {
	if a.Pinned != b.Pinned {
		if a.Pinned {
			return -1
		}
		return 1
	}
	pa, pb := a.Position, b.Position
	if pa == pb {
		return 0
	}
	if pa == 0 {
		return 1
	}
	if pb == 0 {
		return -1
	}
	if pa < pb {
		return -1
	}
	return 1
}

// CompareInSector is the order of a sector's tickers: the user's
// (CompareOrder), then by code. A sector's group members take their
// place in it by the same rule.
func CompareInSector(a, b *Ticker) int {
	if c := CompareOrder(a, b); c != 0 {
		return c
	}
	if c := strings.Compare(a.Code.Number, b.Code.Number); c != 0 {
		return c
	}
	return strings.Compare(string(a.Code.Exchange), string(b.Code.Exchange))
}
