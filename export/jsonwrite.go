package export

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"zixuan/safetext"
	"zixuan/sectors"
)

// The json export is written here by hand, a ticker at a time, to exactly
// the bytes of the Document through json.Encoder (SetIndent "", "  ")
// and EscapeJSON: a whole-market export spent most of its time in
// reflection, indenting and the escaping pass, and allocated eight bytes
// per byte written. The parts that are small or rare (the source, the
// reports, a ticker's quote and ref, the alerts and trades) still go
// through encoding/json, indented where they stand. Before anything is
// written, every time and every encoding/json part is checked or encoded:
// a document encoding/json would refuse (a time it cannot write, a NaN
// price) is left to it whole, so the error is its own and nothing is
// written.

// flushAt is the buffered output written out at a time.
const flushAt = 64 << 10

// jsonWriter writes indented json: one level is two spaces.
type jsonWriter struct {
	w     io.Writer
	b     []byte
	depth int
	first bool // nothing written yet at this level
	err   error
}

func (j *jsonWriter) flush() {
	if j.err == nil && len(j.b) > 0 {
		_, j.err = j.w.Write(j.b)
	}
	j.b = j.b[:0]
}

func (j *jsonWriter) maybeFlush() {
	if len(j.b) >= flushAt {
		j.flush()
	}
}

func (j *jsonWriter) newline() {
	j.b = append(j.b, '\n')
	for i := 0; i < j.depth; i++ {
		j.b = append(j.b, ' ', ' ')
	}
}

// elem starts a value in the current array or object.
func (j *jsonWriter) elem() {
	if !j.first {
		j.b = append(j.b, ',')
	}
	j.first = false
	j.newline()
}

func (j *jsonWriter) key(k string) {
	j.elem()
	j.b = append(j.b, '"')
	j.b = append(j.b, k...)
	j.b = append(j.b, '"', ':', ' ')
}

func (j *jsonWriter) open(c byte) {
	j.b = append(j.b, c)
	j.depth++
	j.first = true
}

// close ends an array or object; an empty one is [] or {}.
func (j *jsonWriter) close(c byte) {
	j.depth--
	if !j.first {
		j.newline()
	}
	j.first = false
	j.b = append(j.b, c)
}

func (j *jsonWriter) str(k, v string) {
	j.key(k)
	j.b = appendString(j.b, v)
}

func (j *jsonWriter) strOmit(k, v string) {
	if v != "" {
		j.str(k, v)
	}
}

func (j *jsonWriter) time(k string, t time.Time) {
	j.key(k)
	j.b = append(j.b, '"')
	j.b = t.AppendFormat(j.b, time.RFC3339Nano) // checked by validTime
	j.b = append(j.b, '"')
}

func (j *jsonWriter) uint(k string, v uint64) {
	j.key(k)
	j.b = strconv.AppendUint(j.b, v, 10)
}

// raw writes a value encoding/json wrote compact, indented where it stands.
func (j *jsonWriter) raw(k string, v any) {
	j.key(k)
	data, err := json.Marshal(v)
	if err != nil { // checked before: cannot happen
		j.err = err
		return
	}
	var buf []byte
	buf = appendIndented(buf, data, j.depth)
	j.b = append(j.b, EscapeJSON(buf)...)
}

// appendIndented indents compact json as json.Indent with the prefix of
// depth levels does.
func appendIndented(dst, data []byte, depth int) []byte {
	out := bytes.NewBuffer(dst)
	if err := json.Indent(out, data, strings.Repeat("  ", depth), "  "); err != nil {
		return append(dst, data...)
	}
	return out.Bytes()
}

// appendString appends s as encoding/json writes it, then every other
// character safetext.Unsafe names as EscapeJSON writes it.
func appendString(b []byte, s string) []byte { return safetext.AppendJSONString(b, s, true) }

// validTime says whether time.Time's MarshalJSON writes t: a year of four
// digits and a zone offset under 24 hours.
func validTime(t time.Time) bool {
	if y := t.Year(); y < 0 || y > 9999 {
		return false
	}
	_, off := t.Zone()
	return off > -24*3600 && off < 24*3600
}

// fastOK checks what the hand-written path writes and encoding/json could
// refuse.
func fastOK(tickers []sectors.Ticker, opts Options, exported time.Time) bool {
	if !validTime(exported) {
		return false
	}
	for _, s := range opts.Sectors {
		if !s.Created.IsZero() && !validTime(s.Created) {
			return false
		}
	}
	for i := range tickers {
		t := &tickers[i]
		if !validTime(t.RatingAt) || !validTime(t.Added) || !t.OnList() && !validTime(t.Removed) {
			return false
		}
		for _, r := range t.Ratings {
			if !validTime(r.At) {
				return false
			}
		}
		for _, n := range t.Notes {
			if !validTime(n.Created) || !validTime(n.Updated) || n.IsDeleted() && !validTime(n.Deleted) {
				return false
			}
			for _, r := range n.Revisions {
				if !validTime(r.At) {
					return false
				}
			}
		}
	}
	return true
}

// writeJSONFast writes the document; ok is false when it is left to
// encoding/json (see above), before anything is written.
func writeJSONFast(w io.Writer, tickers []sectors.Ticker, opts Options) (ok bool, err error) {
	doc := NewDocument(nil, opts) // everything but the tickers: small
	if !fastOK(tickers, opts, doc.Exported) {
		return false, nil
	}
	// The parts encoding/json writes, checked before anything is written.
	for _, v := range []any{doc.Source, doc.Reports, doc.Alerts, doc.Trades} {
		if _, err := json.Marshal(v); err != nil {
			return false, nil
		}
	}
	if opts.Prices != nil {
		for i := range tickers {
			q, r := opts.Prices.of(tickers[i]).json()
			if _, err := json.Marshal(q); err != nil {
				return false, nil
			}
			if _, err := json.Marshal(r); err != nil {
				return false, nil
			}
		}
	}
	j := &jsonWriter{w: w, b: make([]byte, 0, flushAt+16<<10)}
	j.open('{')
	j.key("version")
	j.b = strconv.AppendInt(j.b, int64(doc.Version), 10)
	j.time("exported", doc.Exported)
	j.raw("source", doc.Source)
	j.key("sectors")
	j.open('[')
	for _, s := range doc.Sectors {
		j.elem()
		j.open('{')
		j.str("id", s.ID)
		j.str("name", s.Name)
		j.strOmit("name_zh", s.NameZH)
		if s.Report {
			j.key("report")
			j.b = append(j.b, "true"...)
		}
		if !s.Created.IsZero() {
			j.time("created", s.Created)
		}
		j.close('}')
	}
	j.close(']')
	if len(doc.Reports) > 0 {
		j.raw("reports", doc.Reports)
	}
	j.key("tickers")
	j.open('[')
	for i := range tickers {
		jt := jsonTickerHead(&tickers[i], opts)
		j.ticker(&jt, &tickers[i])
		j.maybeFlush()
	}
	j.close(']')
	if len(doc.Alerts) > 0 {
		j.raw("alerts", doc.Alerts)
	}
	if len(doc.Trades) > 0 {
		j.raw("trades", doc.Trades)
	}
	j.close('}')
	j.b = append(j.b, '\n')
	j.flush()
	return true, j.err
}

// ticker writes jt (jsonTickerHead of tk) with tk's history and notes as
// jsonTicker converts them.
func (j *jsonWriter) ticker(t *JSONTicker, tk *sectors.Ticker) {
	j.elem()
	j.open('{')
	j.str("key", t.Key)
	j.str("code", t.Code)
	j.str("exchange", t.Exchange)
	j.str("board", t.Board)
	j.str("name", t.Name)
	j.strOmit("report_name", t.ReportName)
	j.strOmit("custom_name", t.CustomName)
	j.strOmit("quote_name", t.QuoteName)
	j.str("sector", t.Sector)
	j.str("rating", t.Rating)
	j.str("rating_zh", t.RatingZH)
	j.time("rating_date", t.RatingDate)
	j.str("rating_source", t.RatingSource)
	j.time("added", t.Added)
	if t.Removed != nil {
		j.time("removed", *t.Removed)
	}
	if t.Pinned {
		j.key("pinned")
		j.b = append(j.b, "true"...)
	}
	if t.Position != 0 {
		j.uint("position", t.Position)
	}
	if len(t.Groups) > 0 {
		j.key("groups")
		j.open('[')
		for _, g := range t.Groups {
			j.elem()
			j.b = appendString(j.b, g)
		}
		j.close(']')
	}
	j.key("rating_history")
	j.open('[')
	for i := range tk.Ratings {
		r := &tk.Ratings[i]
		j.elem()
		j.open('{')
		j.str("from", r.From.ID())
		j.str("to", r.To.ID())
		j.time("at", r.At)
		j.str("source", r.Source)
		j.strOmit("reason", r.Reason)
		j.close('}')
	}
	j.close(']')
	j.key("notes")
	j.open('[')
	for i := range tk.Notes {
		n := &tk.Notes[i]
		j.elem()
		j.open('{')
		j.uint("id", n.ID)
		j.str("text", n.Text)
		j.time("created", n.Created)
		j.time("updated", n.Updated)
		if n.IsDeleted() {
			j.time("deleted", n.Deleted)
		}
		if len(n.Revisions) > 0 {
			j.key("revisions")
			j.open('[')
			for _, r := range n.Revisions {
				j.elem()
				j.open('{')
				j.str("text", r.Text)
				j.time("at", r.At)
				j.close('}')
			}
			j.close(']')
		}
		j.close('}')
	}
	j.close(']')
	if len(t.Calls) > 0 {
		j.raw("calls", t.Calls)
	}
	j.strOmit("added_by", t.AddedBy)
	if t.Quote != nil {
		j.raw("quote", t.Quote)
	}
	if t.Ref != nil {
		j.raw("ref", t.Ref)
	}
	j.close('}')
}
