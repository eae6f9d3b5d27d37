package export

import (
	"encoding/json"
	"io"
	"time"

	"zixuan/sectors"
)

func init() { register(JSON, writeJSON) }

// JSONVersion is the version of the json schema below. A change that a
// reader of version 1 would misread gets a new version.
const JSONVersion = 1

// Document is zixuan's own json format: everything zixuan knows, so that an
// export imports back without loss.
//
//	{"version":1, "exported":"…", "source":{report}, "sectors":[…], "tickers":[…]}
type Document struct {
	Version  int            `json:"version"`
	Exported time.Time      `json:"exported"`
	Source   sectors.Source `json:"source"`
	Sectors  []JSONSector   `json:"sectors"`
	Tickers  []JSONTicker   `json:"tickers"`
}

// JSONSector is a sector in the json format.
type JSONSector struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameZH string `json:"name_zh,omitempty"`
	Report bool   `json:"report,omitempty"`
	// Created is when the sector was made; absent in files from before it
	// was written.
	Created time.Time `json:"created,omitzero"`
}

// JSONTicker is a ticker in the json format.
type JSONTicker struct {
	Key          string       `json:"key"` // SH688111
	Code         string       `json:"code"`
	Exchange     string       `json:"exchange"`
	Board        string       `json:"board"`
	Name         string       `json:"name"`
	ReportName   string       `json:"report_name,omitempty"`
	CustomName   string       `json:"custom_name,omitempty"`
	Sector       string       `json:"sector"`
	Rating       string       `json:"rating"`
	RatingZH     string       `json:"rating_zh"`
	RatingDate   time.Time    `json:"rating_date"`
	RatingSource string       `json:"rating_source"`
	Added        time.Time    `json:"added"`
	Removed      *time.Time   `json:"removed,omitempty"`
	Pinned       bool         `json:"pinned,omitempty"`   // 置顶
	Position     uint64       `json:"position,omitempty"` // the user's order in its sectors
	Groups       []string     `json:"groups,omitempty"`   // other sectors it is in, by id
	History      []JSONRating `json:"rating_history"`
	Notes        []JSONNote   `json:"notes"`
	// Quote and Ref are there only when the export was given prices and
	// knew them; import ignores both.
	Quote *JSONQuote `json:"quote,omitempty"`
	Ref   *JSONRef   `json:"ref,omitempty"`
}

// JSONRating is one rating change.
type JSONRating struct {
	From   string    `json:"from"`
	To     string    `json:"to"`
	At     time.Time `json:"at"`
	Source string    `json:"source"`
	Reason string    `json:"reason,omitempty"`
}

// JSONNote is a note with its revisions; deleted notes are included, marked.
type JSONNote struct {
	ID        uint64             `json:"id"`
	Text      string             `json:"text"`
	Created   time.Time          `json:"created"`
	Updated   time.Time          `json:"updated"`
	Deleted   *time.Time         `json:"deleted,omitempty"`
	Revisions []sectors.Revision `json:"revisions,omitempty"`
}

// NewDocument builds the json document for tickers.
func NewDocument(tickers []sectors.Ticker, opts Options) Document {
	doc := Document{Version: JSONVersion, Source: opts.Source, Sectors: []JSONSector{}, Tickers: []JSONTicker{}}
	if opts.Now != nil {
		doc.Exported = opts.Now().UTC()
	}
	for _, s := range opts.Sectors {
		doc.Sectors = append(doc.Sectors, JSONSector{ID: s.ID, Name: s.Name, NameZH: s.NameZH, Report: s.Report, Created: s.Created})
	}
	for _, t := range tickers {
		jt := JSONTicker{
			Key: t.Code.Key(), Code: t.Code.Number, Exchange: string(t.Code.Exchange), Board: string(t.Code.Board()),
			Name: sectors.DisplayName(t.Name), ReportName: sectors.DisplayName(t.ReportName), CustomName: t.CustomName, Sector: t.Sector,
			Rating: t.Rating.ID(), RatingZH: t.Rating.Chinese(), RatingDate: t.RatingAt, RatingSource: t.RatingSource,
			Added: t.Added, History: []JSONRating{}, Notes: []JSONNote{},
			Pinned: t.Pinned, Position: t.Position, Groups: t.Groups,
		}
		if !t.OnList() {
			r := t.Removed
			jt.Removed = &r
		}
		for _, r := range t.Ratings {
			jt.History = append(jt.History, JSONRating{From: r.From.ID(), To: r.To.ID(), At: r.At, Source: r.Source, Reason: r.Reason})
		}
		for _, n := range t.Notes {
			jn := JSONNote{ID: n.ID, Text: n.Text, Created: n.Created, Updated: n.Updated, Revisions: n.Revisions}
			if n.IsDeleted() {
				d := n.Deleted
				jn.Deleted = &d
			}
			jt.Notes = append(jt.Notes, jn)
		}
		if opts.Prices != nil {
			jt.Quote, jt.Ref = opts.Prices.of(t).json()
		}
		doc.Tickers = append(doc.Tickers, jt)
	}
	return doc
}

func writeJSON(w io.Writer, tickers []sectors.Ticker, opts Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(NewDocument(tickers, opts))
}
