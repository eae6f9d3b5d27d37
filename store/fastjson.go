package store

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
	"zixuan/sectors"
	"zixuan/sectors/market"
)

// Loading the whole market (5,538 tickers, ~18,000 notes) spent two thirds
// of its time in encoding/json's reflection. The records Load reads are
// flat objects this package itself wrote with json.Marshal, so they are
// decoded here by a small scanner; anything it does not expect (an unknown
// or differently-cased key, a null, an escape it does not handle, a note
// with revisions, bad syntax) falls back to json.Unmarshal on the whole
// record, so the result and the errors are always encoding/json's.

// flatObject calls fn for each member of a flat JSON object: the key (which
// must be plain ASCII without escapes) and the raw value (a string with its
// quotes, a number, true or false). It returns false when data is anything
// else, or when fn does.
func flatObject(data []byte, fn func(key, val []byte) bool) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return skipSpace(data, i+1) == len(data)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return false
		}
		end := i + 1
		for end < len(data) && data[end] != '"' {
			if c := data[end]; c == '\\' || c < 0x20 || c >= 0x80 {
				return false
			}
			end++
		}
		if end >= len(data) {
			return false
		}
		key := data[i+1 : end]
		i = skipSpace(data, end+1)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		i = skipSpace(data, i+1)
		vend, ok := scanValue(data, i)
		if !ok || !fn(key, data[i:vend]) {
			return false
		}
		i = skipSpace(data, vend)
		if i >= len(data) {
			return false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return skipSpace(data, i+1) == len(data)
		default:
			return false
		}
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// scanValue finds the end of a string, number, true or false at i.
func scanValue(data []byte, i int) (int, bool) {
	if i >= len(data) {
		return 0, false
	}
	switch c := data[i]; {
	case c == '"':
		for j := i + 1; j < len(data); j++ {
			switch data[j] {
			case '\\':
				j++
			case '"':
				return j + 1, true
			}
		}
		return 0, false
	case c >= '0' && c <= '9':
		j := i
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		return j, true
	case c == 't' && len(data) >= i+4 && string(data[i:i+4]) == "true":
		return i + 4, true
	case c == 'f' && len(data) >= i+5 && string(data[i:i+5]) == "false":
		return i + 5, true
	}
	return 0, false
}

// str decodes a raw JSON string as encoding/json does; ok is false for
// what it leaves to encoding/json (a surrogate escape, invalid UTF-8, a raw
// control character, a value that is not a string).
func str(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	s := raw[1 : len(raw)-1]
	plain := true
	for _, c := range s {
		if c == '\\' || c < 0x20 {
			plain = false
			break
		}
	}
	if plain {
		if !utf8.Valid(s) {
			return "", false
		}
		return string(s), true
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 {
			return "", false
		}
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(s) {
			return "", false
		}
		switch s[i] {
		case '"', '\\', '/':
			out = append(out, s[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if i+4 >= len(s) {
				return "", false
			}
			v, err := strconv.ParseUint(string(s[i+1:i+5]), 16, 32)
			if err != nil || (v >= 0xD800 && v < 0xE000) {
				return "", false
			}
			out = utf8.AppendRune(out, rune(v))
			i += 4
		default:
			return "", false
		}
	}
	if !utf8.Valid(out) {
		return "", false
	}
	return string(out), true
}

// timeOf decodes a time the way encoding/json does: by the time's own
// UnmarshalJSON on the raw value.
func timeOf(raw []byte, t *time.Time) bool {
	if len(raw) < 2 || raw[0] != '"' {
		return false
	}
	if utcTime(raw[1:len(raw)-1], t) {
		return true
	}
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' {
			return false
		}
	}
	return t.UnmarshalJSON(raw) == nil
}

// utcTime reads the form zixuan writes, "2006-01-02T15:04:05Z" with an
// optional fraction of 1 to 9 digits, as time's own parser does (the same
// range checks, time.Date in UTC); false for anything else, which is left
// to that parser.
func utcTime(b []byte, t *time.Time) bool {
	if len(b) < 20 || b[len(b)-1] != 'Z' || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return false
	}
	num := func(b []byte) (int, bool) {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	year, ok1 := num(b[0:4])
	month, ok2 := num(b[5:7])
	day, ok3 := num(b[8:10])
	hour, ok4 := num(b[11:13])
	minute, ok5 := num(b[14:16])
	sec, ok6 := num(b[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
		return false
	}
	nsec := 0
	if frac := b[19 : len(b)-1]; len(frac) > 0 {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 {
			return false
		}
		n, ok := num(frac[1:])
		if !ok {
			return false
		}
		for i := len(frac) - 1; i < 9; i++ {
			n *= 10
		}
		nsec = n
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(time.Month(month), year) || hour > 23 || minute > 59 || sec > 59 {
		return false
	}
	*t = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	return true
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func uintOf(raw []byte, v *uint64) bool {
	if len(raw) == 0 || raw[0] < '0' || raw[0] > '9' || (raw[0] == '0' && len(raw) > 1) {
		return false
	}
	n, err := strconv.ParseUint(string(raw), 10, 64)
	*v = n
	return err == nil
}

// common are strings most records repeat (exchanges, rating ids, the
// report's sectors and source, "user"): setCommon takes them from here
// instead of allocating each again. Read only after init.
var common = map[string]string{}

func init() {
	add := func(s string) { common[s] = s }
	for _, e := range []market.Exchange{market.SH, market.SZ, market.BJ} {
		add(string(e))
	}
	for _, r := range sectors.Ratings {
		add(r.ID())
	}
	for _, d := range sectors.ReportSectors {
		add(d.ID)
	}
	add(sectors.Report.ID)
	add(sectors.SourceUser)
}

// setCommon is setStr for a field that mostly holds one of common.
func setCommon(raw []byte, dst *string) bool {
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		if s, ok := common[string(raw[1:len(raw)-1])]; ok {
			*dst = s
			return true
		}
	}
	return setStr(raw, dst)
}

func setStr(raw []byte, dst *string) bool {
	s, ok := str(raw)
	*dst = s
	return ok
}

func decodeTickerRecord(data []byte, rec *tickerRecord) error {
	var r tickerRecord
	ok := flatObject(data, func(k, v []byte) bool {
		switch string(k) {
		case "exchange":
			return setCommon(v, &r.Exchange)
		case "code":
			return setStr(v, &r.Code)
		case "report_name":
			return setStr(v, &r.ReportName)
		case "custom_name":
			return setStr(v, &r.CustomName)
		case "sector":
			return setCommon(v, &r.Sector)
		case "rating":
			return setCommon(v, &r.Rating)
		case "rating_source":
			return setCommon(v, &r.RatingSource)
		case "rating_at":
			return timeOf(v, &r.RatingAt)
		case "added":
			return timeOf(v, &r.Added)
		case "removed":
			return timeOf(v, &r.Removed)
		case "updated":
			return timeOf(v, &r.Updated)
		case "added_by":
			return setCommon(v, &r.AddedBy)
		case "pinned":
			r.Pinned = string(v) == "true"
			return r.Pinned || string(v) == "false"
		case "position":
			return uintOf(v, &r.Position)
		}
		return false
	})
	if ok {
		*rec = r
		return nil
	}
	return json.Unmarshal(data, rec)
}

func decodeRatingRecord(data []byte, rec *ratingRecord) error {
	var r ratingRecord
	ok := flatObject(data, func(k, v []byte) bool {
		switch string(k) {
		case "from":
			return setCommon(v, &r.From)
		case "to":
			return setCommon(v, &r.To)
		case "source":
			return setCommon(v, &r.Source)
		case "reason":
			return setStr(v, &r.Reason)
		case "at":
			return timeOf(v, &r.At)
		}
		return false
	})
	if ok {
		*rec = r
		return nil
	}
	return json.Unmarshal(data, rec)
}

// decodeNote decodes a note; one with revisions goes to encoding/json.
// noteDecodes says whether decodeNote would decode data, without making
// the note: the check before a write (and doctor) asks it of every note,
// and allocating their texts was a third of its time.
func noteDecodes(data []byte) bool {
	if flatObject(data, func(k, v []byte) bool {
		switch string(k) {
		case "id":
			var id uint64
			return uintOf(v, &id)
		case "text":
			return strDecodes(v)
		case "created", "updated", "deleted":
			var t time.Time
			return timeOf(v, &t)
		}
		return false
	}) {
		return true
	}
	var n sectors.Note
	return json.Unmarshal(data, &n) == nil
}

// strDecodes says whether str takes raw, allocating only for a string
// with escapes (str's slow path).
func strDecodes(raw []byte) bool {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return false
	}
	s := raw[1 : len(raw)-1]
	for _, c := range s {
		if c == '\\' || c < 0x20 {
			_, ok := str(raw)
			return ok
		}
	}
	return utf8.Valid(s)
}

func decodeNote(data []byte, n *sectors.Note) error {
	var r sectors.Note
	ok := flatObject(data, func(k, v []byte) bool {
		switch string(k) {
		case "id":
			return uintOf(v, &r.ID)
		case "text":
			return setStr(v, &r.Text)
		case "created":
			return timeOf(v, &r.Created)
		case "updated":
			return timeOf(v, &r.Updated)
		case "deleted":
			return timeOf(v, &r.Deleted)
		}
		return false
	})
	if ok {
		*n = r
		return nil
	}
	return json.Unmarshal(data, n)
}
