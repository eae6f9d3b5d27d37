package store

import (
	"encoding/json"
	"strconv"
	"time"

	"zixuan/safetext"
	"zixuan/sectors"
)

// The records every write puts (tickers, rating changes, notes) are
// encoded here without reflection, to exactly the bytes json.Marshal
// writes for them (a test and a fuzz target compare the two): a
// whole-market import spent a fifth of its transaction in encoding/json.
// The format on disk is unchanged. A time json.Marshal refuses (a year
// outside 0–9999) is left to json.Marshal, so the error is its own.

// appendJSONString appends s as encoding/json writes a string.
func appendJSONString(b []byte, s string) []byte { return safetext.AppendJSONString(b, s, false) }

// appendJSONTime appends t as time.Time's MarshalJSON does; ok is false
// when that would fail.
func appendJSONTime(b []byte, t time.Time) ([]byte, bool) {
	b = append(b, '"')
	b, err := t.AppendText(b)
	if err != nil {
		return b, false
	}
	return append(b, '"'), true
}

// recordEncoder builds one record; a time it cannot write marks it bad.
type recordEncoder struct {
	b   []byte
	bad bool
}

func (e *recordEncoder) key(k string) {
	if len(e.b) == 0 {
		e.b = append(e.b, '{')
	} else {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, '"', ':')
}

func (e *recordEncoder) str(k, v string) {
	e.key(k)
	e.b = appendJSONString(e.b, v)
}

func (e *recordEncoder) time(k string, t time.Time) {
	e.key(k)
	var ok bool
	if e.b, ok = appendJSONTime(e.b, t); !ok {
		e.bad = true
	}
}

func (e *recordEncoder) uint(k string, v uint64) {
	e.key(k)
	e.b = strconv.AppendUint(e.b, v, 10)
}

func (e *recordEncoder) done() []byte {
	if len(e.b) == 0 {
		return append(e.b, '{', '}')
	}
	return append(e.b, '}')
}

func encodeTickerRecord(r *tickerRecord) ([]byte, error) {
	e := recordEncoder{b: make([]byte, 0, 320)}
	e.str("exchange", r.Exchange)
	e.str("code", r.Code)
	if r.ReportName != "" {
		e.str("report_name", r.ReportName)
	}
	if r.CustomName != "" {
		e.str("custom_name", r.CustomName)
	}
	if r.QuoteName != "" {
		e.str("quote_name", r.QuoteName)
	}
	e.str("sector", r.Sector)
	e.str("rating", r.Rating)
	e.time("rating_at", r.RatingAt)
	e.str("rating_source", r.RatingSource)
	e.time("added", r.Added)
	if !r.Removed.IsZero() {
		e.time("removed", r.Removed)
	}
	e.time("updated", r.Updated)
	if r.AddedBy != "" {
		e.str("added_by", r.AddedBy)
	}
	if r.Pinned {
		e.key("pinned")
		e.b = append(e.b, "true"...)
	}
	if r.Position != 0 {
		e.uint("position", r.Position)
	}
	if len(r.Groups) > 0 {
		e.key("groups")
		e.b = append(e.b, '[')
		for i, g := range r.Groups {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = appendJSONString(e.b, g)
		}
		e.b = append(e.b, ']')
	}
	if e.bad {
		return json.Marshal(r)
	}
	return e.done(), nil
}

func encodeRatingRecord(r *ratingRecord) ([]byte, error) {
	e := recordEncoder{b: make([]byte, 0, 160)}
	e.str("from", r.From)
	e.str("to", r.To)
	e.time("at", r.At)
	e.str("source", r.Source)
	if r.Reason != "" {
		e.str("reason", r.Reason)
	}
	if e.bad {
		return json.Marshal(r)
	}
	return e.done(), nil
}

func encodeNote(n *sectors.Note) ([]byte, error) {
	e := recordEncoder{b: make([]byte, 0, 128+len(n.Text))}
	e.uint("id", n.ID)
	e.str("text", n.Text)
	e.time("created", n.Created)
	e.time("updated", n.Updated)
	if !n.Deleted.IsZero() {
		e.time("deleted", n.Deleted)
	}
	if len(n.Revisions) > 0 {
		e.key("revisions")
		e.b = append(e.b, '[')
		for i, r := range n.Revisions {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, `{"text":`...)
			e.b = appendJSONString(e.b, r.Text)
			e.b = append(e.b, `,"at":`...)
			var ok bool
			if e.b, ok = appendJSONTime(e.b, r.At); !ok {
				e.bad = true
			}
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	if e.bad {
		return json.Marshal(n)
	}
	return e.done(), nil
}
