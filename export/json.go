package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
	"unicode/utf8"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

func init() { register(JSON, writeJSON) }

// JSONVersion is the version of the json schema below. A change that a
// reader of version 1 would misread gets a new version.
const JSONVersion = 1

// Document is zixuan's own json format: everything zixuan knows, so that an
// export imports back without loss.
//
//	{"version":1, "exported":"…", "source":{report}, "sectors":[…], "reports":[…], "tickers":[…]}
//
// "reports" and each ticker's "calls" came with reports as sources; a file
// without them (an older export) reads as before.
type Document struct {
	Version  int                `json:"version"`
	Exported time.Time          `json:"exported"`
	Source   sectors.Source     `json:"source"`
	Sectors  []JSONSector       `json:"sectors"`
	Reports  []JSONReportRecord `json:"reports,omitempty"`
	Tickers  []JSONTicker       `json:"tickers"`
	Alerts   []JSONAlert        `json:"alerts,omitempty"` // see json_positions.go
	Trades   []JSONTrade        `json:"trades,omitempty"` // positions, as their buys and sells
}

// JSONReportRecord is a report the watchlist keeps, with its themes.
type JSONReportRecord struct {
	ID             string      `json:"id"`
	Title          string      `json:"title,omitempty"`
	Date           string      `json:"date,omitempty"` // YYYY-MM-DD
	Broker         string      `json:"broker,omitempty"`
	Industry       string      `json:"industry,omitempty"`
	IndustryRating string      `json:"industry_rating_word,omitempty"`
	IndustryView   int         `json:"industry_view,omitempty"`
	IndustryChange string      `json:"industry_rating_change,omitempty"`
	Themes         []JSONTheme `json:"themes,omitempty"`
	Added          time.Time   `json:"added,omitzero"`
}

// JSONTheme is a report's theme, its thesis and the sector it went to.
type JSONTheme struct {
	Name   string `json:"name"`
	Thesis string `json:"thesis,omitempty"`
	Sector string `json:"sector,omitempty"`
}

// JSONTickerCall is a report's call on a ticker.
type JSONTickerCall struct {
	Report         string   `json:"report"`
	Name           string   `json:"name,omitempty"`
	NameInReport   string   `json:"name_in_report,omitempty"`
	Rating         string   `json:"rating"`
	RatingInReport string   `json:"rating_in_report,omitempty"`
	Theme          string   `json:"theme,omitempty"`
	Target         float64  `json:"target,omitempty"` // the report's target price, yuan
	Flags          []string `json:"flags,omitempty"`
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
	Key          string           `json:"key"` // SH688111
	Code         string           `json:"code"`
	Exchange     string           `json:"exchange"`
	Board        string           `json:"board"`
	Name         string           `json:"name"`
	ReportName   string           `json:"report_name,omitempty"`
	CustomName   string           `json:"custom_name,omitempty"`
	QuoteName    string           `json:"quote_name,omitempty"` // a fund's or an index's name from the quote server
	Sector       string           `json:"sector"`
	Rating       string           `json:"rating"`
	RatingZH     string           `json:"rating_zh"`
	RatingDate   time.Time        `json:"rating_date"`
	RatingSource string           `json:"rating_source"`
	Added        time.Time        `json:"added"`
	Removed      *time.Time       `json:"removed,omitempty"`
	Pinned       bool             `json:"pinned,omitempty"`   // 置顶
	Position     uint64           `json:"position,omitempty"` // the user's order in its sectors
	Groups       []string         `json:"groups,omitempty"`   // other sectors it is in, by id
	History      []JSONRating     `json:"rating_history"`
	Notes        []JSONNote       `json:"notes"`
	Calls        []JSONTickerCall `json:"calls,omitempty"`
	AddedBy      string           `json:"added_by,omitempty"`
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
	for _, r := range opts.Reports {
		jr := JSONReportRecord{ID: r.ID, Title: r.Title, Broker: r.Broker, Industry: r.Industry,
			IndustryRating: r.IndustryRating.Word, IndustryView: int(r.IndustryRating.View), IndustryChange: r.IndustryRating.Change, Added: r.Added}
		if !r.Date.IsZero() {
			jr.Date = market.ChinaDate(r.Date)
		}
		for _, t := range r.Themes {
			jr.Themes = append(jr.Themes, JSONTheme{Name: t.Name, Thesis: t.Thesis, Sector: t.Sector})
		}
		doc.Reports = append(doc.Reports, jr)
	}
	for i := range tickers {
		doc.Tickers = append(doc.Tickers, jsonTicker(&tickers[i], opts))
	}
	doc.Alerts, doc.Trades = jsonAlerts(opts.Alerts), jsonTrades(opts.Trades)
	return doc
}

// jsonTicker is a ticker in the json format.
func jsonTicker(t *sectors.Ticker, opts Options) JSONTicker {
	jt := jsonTickerHead(t, opts)
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
	return jt
}

// jsonTickerHead is jsonTicker with its history and notes left empty.
func jsonTickerHead(t *sectors.Ticker, opts Options) JSONTicker {
	jt := JSONTicker{
		Key: t.Code.Key(), Code: t.Code.Number, Exchange: string(t.Code.Exchange), Board: string(t.Code.Board()),
		Name: market.DisplayName(t.Name), ReportName: market.DisplayName(t.ReportName), CustomName: t.CustomName, QuoteName: t.QuoteName, Sector: t.Sector,
		Rating: t.Rating.ID(), RatingZH: t.Rating.Chinese(), RatingDate: t.RatingAt, RatingSource: t.RatingSource,
		Added: t.Added, History: []JSONRating{}, Notes: []JSONNote{}, AddedBy: t.AddedBy,
		Pinned: t.Pinned, Position: t.Position, Groups: t.Groups,
	}
	for _, c := range t.Calls {
		jc := JSONTickerCall{Report: c.ReportID, Name: c.Name, NameInReport: c.NameInReport, Rating: c.Rating.ID(), RatingInReport: c.RatingInReport, Theme: c.Theme, Target: c.Target}
		for _, f := range c.Flags {
			jc.Flags = append(jc.Flags, string(f))
		}
		jt.Calls = append(jt.Calls, jc)
	}
	if !t.OnList() {
		r := t.Removed
		jt.Removed = &r
	}
	if opts.Prices != nil {
		jt.Quote, jt.Ref = opts.Prices.of(*t).json()
	}
	return jt
}

func writeJSON(w io.Writer, tickers []sectors.Ticker, opts Options) error {
	if ok, err := writeJSONFast(w, tickers, opts); ok {
		return err
	}
	return writeJSONDocument(w, tickers, opts)
}

// writeJSONDocument writes the Document through encoding/json: what
// writeJSONFast writes byte for byte, and the errors it leaves to it.
func writeJSONDocument(w io.Writer, tickers []sectors.Ticker, opts Options) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(NewDocument(tickers, opts)); err != nil {
		return err
	}
	_, err := w.Write(EscapeJSON(buf.Bytes()))
	return err
}

// EscapeJSON rewrites every character safetext.Unsafe names (C1, DEL,
// bidi and zero-width characters, which encoding/json leaves raw) as a
// \uXXXX escape: the document means the same and shows nothing on a
// terminal but what it says. Outside strings json has only ASCII
// structure and spaces, so every such character is inside a string.
func EscapeJSON(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == '\n' || !safetext.Unsafe(r) || r == utf8.RuneError && n == 1 {
			if out != nil {
				out = append(out, b[i:i+n]...)
			}
			i += n
			continue
		}
		if out == nil {
			out = append(make([]byte, 0, len(b)+64), b[:i]...)
		}
		out = fmt.Appendf(out, `\u%04x`, r)
		i += n
	}
	if out == nil {
		return b
	}
	return out
}
