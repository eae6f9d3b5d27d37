package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

// json reads zixuan's own json export. It walks the document token by
// token so that each ticker's errors name the line it starts on.
func (p *parser) json(text string) error {
	data := []byte(text)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	// lineAt counts newlines from the previous offset asked for, not from
	// the start of the file: the decoder only moves forward, so a parse
	// counts each byte once rather than once per ticker.
	seenOff, seenLine := 0, 1
	lineAt := func(off int64) int {
		o := min(max(int(off), 0), len(data))
		for o < len(data) && (data[o] == ' ' || data[o] == '\n' || data[o] == '\r' || data[o] == '\t' || data[o] == ',') {
			o++
		}
		if o < seenOff {
			seenOff, seenLine = 0, 1
		}
		seenLine += bytes.Count(data[seenOff:o], []byte("\n"))
		seenOff = o
		return seenLine
	}
	fail := func(err error) error {
		return fmt.Errorf("line %d: not valid json (%v): is it a zixuan export?", lineAt(dec.InputOffset()), err)
	}
	if tok, err := dec.Token(); err != nil {
		return fail(err)
	} else if tok != json.Delim('{') {
		return fmt.Errorf("line 1: a zixuan json export is an object with a version: this is not one")
	}
	version := 0
	var tickers []sectors.ImportItem
	haveTickers := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		key, _ := tok.(string)
		switch key {
		case "version":
			var v json.Number
			if err := dec.Decode(&v); err != nil {
				return fail(err)
			}
			n, err := v.Int64()
			if err != nil || n < 1 {
				return fmt.Errorf("version %s is not a zixuan json version", v)
			}
			if n > JSONVersion {
				return fmt.Errorf("written by a newer zixuan (json version %d, this build reads %d): upgrade zixuan", n, JSONVersion)
			}
			version = int(n)
		case "exported":
			var at time.Time
			if err := dec.Decode(&at); err == nil {
				p.file.Exported = at // unreadable: treated as unknown
			}
		case "sectors":
			var secs []JSONSector
			if err := dec.Decode(&secs); err != nil {
				return fail(err)
			}
			for _, s := range secs {
				if strings.TrimSpace(s.ID) == "" && strings.TrimSpace(s.Name) == "" && strings.TrimSpace(s.NameZH) == "" {
					continue
				}
				p.file.Sectors = append(p.file.Sectors, sectors.Sector{ID: s.ID, Name: s.Name, NameZH: s.NameZH, Report: s.Report, Created: s.Created})
			}
		case "reports":
			var reps []JSONReportRecord
			if err := dec.Decode(&reps); err != nil {
				return fail(err)
			}
			for _, r := range reps {
				if e, ok := r.entry(); ok {
					p.file.Reports = append(p.file.Reports, e)
				}
			}
		case "tickers":
			haveTickers = true
			if tok, err := dec.Token(); err != nil {
				return fail(err)
			} else if tok != json.Delim('[') {
				return fmt.Errorf("line %d: \"tickers\" must be a list", lineAt(dec.InputOffset()))
			}
			for dec.More() {
				line := lineAt(dec.InputOffset())
				// The prices an export may carry are not imported: the
				// outer fields shadow JSONTicker's so that even a malformed
				// quote or ref cannot spoil the ticker.
				var jt struct {
					JSONTicker
					Quote json.RawMessage `json:"quote"`
					Ref   json.RawMessage `json:"ref"`
				}
				if err := dec.Decode(&jt); err != nil {
					var te *json.UnmarshalTypeError
					if errors.As(err, &te) {
						p.bad(line, "field %s: %v", te.Field, err)
						continue
					}
					return fail(err)
				}
				if it, err := jt.JSONTicker.item(line); err != nil {
					p.bad(line, "%v", err)
				} else {
					tickers = append(tickers, it)
				}
			}
			if _, err := dec.Token(); err != nil {
				return fail(err)
			}
		case "alerts", "trades":
			if err := p.alertsAndTrades(key, dec.Decode, lineAt(dec.InputOffset())); err != nil {
				return fail(err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fail(err)
			}
		}
	}
	if version == 0 {
		return fmt.Errorf("no \"version\": this json is not a zixuan export")
	}
	if !haveTickers {
		return fmt.Errorf("no \"tickers\" list: this json is not a zixuan export")
	}
	for _, it := range tickers {
		p.add(it)
	}
	return nil
}

// item checks a json ticker and turns it into an import item.
func (jt JSONTicker) item(line int) (sectors.ImportItem, error) {
	key := jt.Key
	if key == "" {
		key = jt.Exchange + jt.Code
	}
	code, err := market.ParseCode(key)
	if err != nil {
		return sectors.ImportItem{}, err
	}
	if jt.Code != "" && jt.Code != code.Number || jt.Exchange != "" && jt.Exchange != string(code.Exchange) {
		return sectors.ImportItem{}, fmt.Errorf("key %s disagrees with code %q and exchange %q", code.Key(), safetext.Clip(jt.Code), safetext.Clip(jt.Exchange))
	}
	it := sectors.ImportItem{
		Line: line, Code: code, Name: jt.Name, Sector: jt.Sector,
		RatingAt: jt.RatingDate, RatingSource: jt.RatingSource,
		Lossless: true, ReportName: jt.ReportName, CustomName: jt.CustomName, QuoteName: jt.QuoteName, Added: jt.Added,
		Pinned: jt.Pinned, Position: jt.Position, Groups: jt.Groups,
	}
	if jt.Removed != nil {
		it.Removed = *jt.Removed
	}
	if jt.Rating != "" {
		r, err := sectors.ParseRating(jt.Rating)
		if err != nil {
			return it, err
		}
		it.HasRating, it.Rating = true, r
	}
	for i, h := range jt.History {
		from, err := sectors.ParseRating(h.From)
		if err != nil {
			return it, fmt.Errorf("rating_history[%d].from: %v", i, err)
		}
		to, err := sectors.ParseRating(h.To)
		if err != nil {
			return it, fmt.Errorf("rating_history[%d].to: %v", i, err)
		}
		it.History = append(it.History, sectors.RatingChange{From: from, To: to, At: h.At, Source: h.Source, Reason: h.Reason})
	}
	for _, n := range jt.Notes {
		if strings.TrimSpace(n.Text) == "" {
			continue
		}
		note := sectors.Note{ID: n.ID, Text: n.Text, Created: n.Created, Updated: n.Updated, Revisions: n.Revisions}
		if n.Deleted != nil {
			note.Deleted = *n.Deleted
		}
		it.Notes = append(it.Notes, note)
	}
	for i, c := range jt.Calls {
		r, err := sectors.ParseRating(c.Rating)
		if err != nil {
			return it, fmt.Errorf("calls[%d].rating: %v", i, err)
		}
		if strings.TrimSpace(c.Report) == "" {
			return it, fmt.Errorf("calls[%d]: no report", i)
		}
		if !(c.Target >= 0) || math.IsInf(c.Target, 0) {
			return it, fmt.Errorf("calls[%d].target: %v is not a price", i, c.Target)
		}
		call := sectors.Call{ReportID: c.Report, Code: it.Code, Name: c.Name, NameInReport: c.NameInReport, Rating: r, RatingInReport: c.RatingInReport, Theme: c.Theme, Target: c.Target}
		for _, f := range c.Flags {
			call.Flags = append(call.Flags, sectors.CallFlag(f))
		}
		it.Calls = append(it.Calls, call)
	}
	it.AddedBy = jt.AddedBy
	return it, nil
}

// entry reads a report record back; one without an id is skipped.
func (r JSONReportRecord) entry() (sectors.ReportEntry, bool) {
	if strings.TrimSpace(r.ID) == "" {
		return sectors.ReportEntry{}, false
	}
	e := sectors.ReportEntry{BrokerReport: sectors.BrokerReport{ID: r.ID, Title: r.Title, Broker: r.Broker, Industry: r.Industry,
		IndustryRating: sectors.IndustryRating{Word: r.IndustryRating, View: sectors.IndustryView(r.IndustryView), Change: r.IndustryChange}}, Added: r.Added}
	if d, err := time.ParseInLocation(time.DateOnly, r.Date, market.China); err == nil {
		e.Date = d
	}
	for _, t := range r.Themes {
		e.Themes = append(e.Themes, sectors.ReportTheme{Theme: sectors.Theme{Name: t.Name, Thesis: t.Thesis}, Sector: t.Sector})
	}
	return e, true
}
