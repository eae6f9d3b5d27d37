package store

import (
	"errors"
	"strings"
	"testing"

	"zixuan/sectors"
)

// isReason reports whether err is a store *Error of that kind and reason.
func isReason(err error, kind error, reason Reason) bool {
	var se *Error
	return errors.Is(err, kind) && errors.As(err, &se) && se.Reason == reason
}

// The store states facts; advice (a command to type, a flag to add) is the
// front end's, in its own words and language.
func TestErrorsAreTypedAndSpeakNoCommandLine(t *testing.T) {
	s := newStore(t)
	kdxf := code("002230")
	cases := []struct {
		name   string
		err    error
		kind   error
		reason Reason
	}{
		{"empty note", second(s.AddNote(kdxf, "  \n")), ErrInvalid, EmptyNote},
		{"bad rating", second(s.SetRating(kdxf, sectors.Rating(99), "", "")), ErrInvalid, BadRating},
		{"not on list", second(s.AddNote(code("600519"), "x")), ErrNotFound, NotOnList},
		{"no note", s.EditNote(kdxf, 42, "x"), ErrNotFound, NoSuchNote},
		{"no sector", third(s.Move(kdxf, "nope")), ErrNotFound, NoSuchSector},
		{"sector not empty", second(s.DeleteSector(sectors.SectorAI)), ErrExists, SectorNotEmpty},
		{"already on list", second(s.AddTicker(kdxf, "", sectors.SectorAI, sectors.Buy, "")), ErrExists, AlreadyOnList},
		{"unnamed sector", second(s.AddSector("  ", "")), ErrInvalid, SectorNameEmpty},
	}
	for _, c := range cases {
		if !isReason(c.err, c.kind, c.reason) {
			t.Errorf("%s: got %v, want kind %v reason %s", c.name, c.err, c.kind, c.reason)
			continue
		}
		msg := c.err.Error()
		if strings.Contains(msg, "zixuan ") || strings.Contains(msg, "--") || strings.Contains(msg, "`") {
			t.Errorf("%s: the store's message names the CLI: %q", c.name, msg)
		}
	}
	var se *Error
	if errors.As(cases[3].err, &se); se.Count != 42 || se.Code != kdxf {
		t.Errorf("no-note error lost its facts: %+v", se)
	}
}

func second[T any](_ T, err error) error { return err }

func third[T, U any](_ T, _ U, err error) error { return err }
