package service

import (
	"fmt"
	"io"
	"strings"
	"time"

	"zixuan/report"
	"zixuan/store"
)

// Broker reports are read (report) and added (store) here, for `zixuan
// report add` and the TUI's reports view alike: the same reading, the
// same checks of what the user added, the same preview (the add as a dry
// run), then the add itself.

// ReportOptions are what the user adds to a report read.
type ReportOptions struct {
	// Map sends a theme (by its name in the report) to a sector (its id
	// or name) instead of the automatic choice.
	Map map[string]string
	// Date is the report's date, for a report that gives none or one
	// misread; zero keeps the date read. The report's id stays: a report
	// kept undated is the same report dated.
	Date time.Time
}

// ReportDraft is a report read and what adding it would do.
type ReportDraft struct {
	Result *report.Result
	Input  store.ReportInput
	Map    map[string]string
	// Preview is the add as a dry run with every rating it lowers
	// accepted: what it adds, re-rates, keeps and skips, and which
	// ratings it lowers (Preview.Lowering), to be asked about.
	Preview store.AddReportOutcome
}

// ReadError is a report that could not be read: nothing was added.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// UnknownThemeError is a theme mapped (ReportOptions.Map) that the
// report does not have.
type UnknownThemeError struct {
	Theme  string
	Themes []string // the report's
}

func (e *UnknownThemeError) Error() string {
	return fmt.Sprintf("the report has no theme %q: its themes are %s", e.Theme, strings.Join(e.Themes, ", "))
}

// ReadReport reads a report from r and applies opts; nothing is read
// from or written to the store. Errors: a *ReadError when the report
// cannot be read, an *UnknownThemeError for a theme mapped that it does
// not have.
func ReadReport(r io.Reader, opts ReportOptions) (ReportDraft, error) {
	res, err := report.Read(r)
	if err != nil {
		return ReportDraft{}, &ReadError{Err: err}
	}
	if !opts.Date.IsZero() {
		res.Report.Date = opts.Date
	}
	for theme := range opts.Map {
		if _, ok := res.Theme(theme); !ok {
			names := make([]string, len(res.Themes))
			for i, t := range res.Themes {
				names[i] = t.Name
			}
			return ReportDraft{}, &UnknownThemeError{Theme: theme, Themes: names}
		}
	}
	return ReportDraft{Result: res, Input: store.ReportInput{Report: res.Report, Themes: res.Themes, Calls: res.Calls}, Map: opts.Map}, nil
}

// PreviewReport runs the add of a report read as a dry run, every rating
// it lowers accepted, and keeps the outcome in d.Preview: nothing is
// written. Errors are the store's (*store.Error).
func (s *Service) PreviewReport(d ReportDraft) (ReportDraft, error) {
	var err error
	d.Preview, err = s.Store.AddReport(d.Input, store.AddReportOptions{Map: d.Map, DryRun: true, Lower: true})
	return d, err
}

// AddReport adds the report previewed, in one transaction: lower
// accepts the ratings it lowers (without it they are kept, and its calls
// recorded). What it does is decided afresh against the store as it is
// now, not as it was at the preview.
func (s *Service) AddReport(d ReportDraft, lower bool) (store.AddReportOutcome, error) {
	return s.Store.AddReport(d.Input, store.AddReportOptions{Map: d.Map, Lower: lower})
}
