package report

import (
	"zixuan/sectors"
	"zixuan/sectors/market"
)

// JSON is the shape of `report add --dry-run --format json` and `report
// show`: the report and its calls, each with the sector its theme maps to.
type JSON struct {
	Report  JSONReport     `json:"report"`
	Calls   []JSONCall     `json:"calls"`
	Skipped map[string]int `json:"skipped,omitempty"` // securities named that are no A-share, by kind; calls over the limit
}

// JSONReport is the report's part of JSON.
type JSONReport struct {
	ID             string `json:"id"`
	Title          string `json:"title"`
	Date           string `json:"date"` // YYYY-MM-DD, "" when unknown
	Broker         string `json:"broker"`
	Industry       string `json:"industry"`
	IndustryRating string `json:"industry_rating"`
}

// JSONCall is one call in JSON.
type JSONCall struct {
	Code           string   `json:"code"`     // 688111
	Exchange       string   `json:"exchange"` // SH
	Name           string   `json:"name"`
	NameInReport   string   `json:"name_in_report"`
	Rating         string   `json:"rating"` // the scale's id: buy, overweight …
	RatingInReport string   `json:"rating_in_report"`
	Theme          string   `json:"theme"`
	Target         float64  `json:"target,omitempty"` // the report's target price in yuan; absent when it gives none
	Sector         string   `json:"sector"`           // "" when the theme maps to no sector yet
	Flags          []string `json:"flags"`
}

// NewJSON builds the JSON shape. sectorOf maps theme names to sector ids
// (SectorsByTheme of MapThemes' result); a theme missing from it gets "".
func NewJSON(rep sectors.BrokerReport, calls []sectors.Call, sectorOf map[string]string) JSON {
	out := JSON{
		Report: JSONReport{ID: rep.ID, Title: rep.Title, Broker: rep.Broker, Industry: rep.Industry, IndustryRating: rep.IndustryRating.String()},
		Calls:  make([]JSONCall, 0, len(calls)),
	}
	if !rep.Date.IsZero() {
		out.Report.Date = market.ChinaDate(rep.Date)
	}
	for _, c := range calls {
		flags := make([]string, len(c.Flags))
		for i, f := range c.Flags {
			flags[i] = string(f)
		}
		out.Calls = append(out.Calls, JSONCall{
			Code: c.Code.Number, Exchange: string(c.Code.Exchange), Name: c.Name, NameInReport: c.NameInReport,
			Rating: c.Rating.ID(), RatingInReport: c.RatingInReport, Theme: c.Theme, Target: c.Target, Sector: sectorOf[c.Theme], Flags: flags,
		})
	}
	return out
}

// JSON is NewJSON of the result.
func (r *Result) JSON(sectorOf map[string]string) JSON {
	out := NewJSON(r.Report, r.Calls, sectorOf)
	if len(r.Skipped) > 0 {
		out.Skipped = r.Skipped
	}
	return out
}

// SectorsByTheme turns MapThemes' answer into NewJSON's map.
func SectorsByTheme(ms []sectors.ThemeMapping) map[string]string {
	out := make(map[string]string, len(ms))
	for _, m := range ms {
		out[m.Theme] = m.SectorID
	}
	return out
}
