package ui

import (
	"slices"

	"zixuan/sectors"
)

// The view at start (Options.Sort, Options.RatingFilter) and, with
// remember_view, the view at quit handed to Options.SaveView.

// sortIDs name the sort orders, as the config file and the saved view do.
var sortIDs = [sortCount]string{"sector", "code", "name", "name-reverse", "rating", "changed"}

// applyView sets the sort and the rating filter of opts.
func (m *Model) applyView() {
	if i := slices.Index(sortIDs[:], m.opts.Sort); i >= 0 {
		m.view.sortBy = i
	}
	for _, r := range m.opts.RatingFilter {
		if r.Valid() {
			m.view.filter.Ratings = m.view.filter.Ratings.With(r)
		}
	}
}

// viewNow is the sort and the rating filter in force.
func (m *Model) viewNow() (string, []sectors.Rating) {
	var rs []sectors.Rating
	for _, r := range sectors.Ratings {
		if m.view.filter.Ratings.Has(r) {
			rs = append(rs, r)
		}
	}
	return sortIDs[m.view.sortBy], rs
}

// saveView hands the view to Options.SaveView, when set.
func (m *Model) saveView() error {
	if m.opts.SaveView == nil {
		return nil
	}
	return m.opts.SaveView(m.viewNow())
}
