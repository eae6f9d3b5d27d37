package store

import (
	"encoding/json"
	"errors"
	"time"

	gojson "github.com/goccy/go-json"

	"zixuan/sectors"
)

// The records Load reads most (tickers, rating changes, notes) are decoded
// with goccy/go-json: loading the whole market (5,538 tickers, ~18,000
// notes) spent two thirds of its time in encoding/json's reflection;
// goccy decodes the same JSON to the same values in well under half the
// time, as fast as the scanner written here before it (bench/README.md,
// "Libraries"). The bytes on disk are what json.Marshal writes
// (fastencode.go); a test and a fuzz target hold the decoders to
// encoding/json's results on them, on existing databases and on anything
// else.

func decodeTickerRecord(data []byte, rec *tickerRecord) error { return unmarshal(data, rec) }

func decodeRatingRecord(data []byte, rec *ratingRecord) error { return unmarshal(data, rec) }

func decodeNote(data []byte, n *sectors.Note) error { return unmarshal(data, n) }

// unmarshal decodes with goccy; a record it refuses (a damaged one: rare)
// is decoded again by encoding/json, so that the error doctor and the
// commands report is encoding/json's own wording, and a record goccy
// might refuse wrongly is still read.
func unmarshal(data []byte, v any) error {
	if gojson.Unmarshal(data, v) == nil {
		return nil
	}
	return json.Unmarshal(data, v)
}

// noteDecodes says whether decodeNote would decode data, without making
// the note: the check before a write (and doctor) asks it of every note,
// and allocating their texts was a third of its time. noteShape is Note
// with each text only looked at.
func noteDecodes(data []byte) bool {
	var shape noteShape
	if gojson.Unmarshal(data, &shape) == nil {
		return true
	}
	var n sectors.Note
	return json.Unmarshal(data, &n) == nil
}

type noteShape struct {
	ID        uint64          `json:"id"`
	Text      textShape       `json:"text"`
	Created   time.Time       `json:"created"`
	Updated   time.Time       `json:"updated"`
	Deleted   time.Time       `json:"deleted"`
	Revisions []revisionShape `json:"revisions"`
}

type revisionShape struct {
	Text textShape `json:"text"`
	At   time.Time `json:"at"`
}

// textShape takes what a string field takes: a string (its syntax is
// checked by the decoder before it gets here) or null; anything else is
// the type error a string field would give.
type textShape struct{}

func (*textShape) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && (b[0] == '"' || string(b) == "null") {
		return nil
	}
	return errNotText
}

var errNotText = errors.New("not a string")
