package ui

import (
	"slices"

	"zixuan/sectors"
)

// The view at start (Options.Sort, Options.RatingFilter) and, with
// remember_view, the view at quit handed to Options.SaveView.

// sortIDs name the sort orders, as the config file and the saved view do.
var sortIDs = [sortCount]string{"sector", "code", "name", "name-reverse", "rating", "changed"}

// set sets the sort (by its id) and the rating filter; unknown ones are
// left as they are.
func (v *viewState) set(sort string, ratings []sectors.Rating) {
	if i := slices.Index(sortIDs[:], sort); i >= 0 {
		v.sortBy, v.col = i, sectors.SortOrder{}
	} else if o, err := sectors.ParseSortOrder(sort); err == nil && sort != "" {
		v.col = o // a column sort, change_pct:desc (colsort.go)
	}
	for _, r := range ratings {
		if r.Valid() {
			v.filter.Ratings = v.filter.Ratings.With(r)
		}
	}
}

// saved is the sort and the rating filter in force, as set takes them.
func (v *viewState) saved() (sort string, ratings []sectors.Rating) {
	for _, r := range sectors.Ratings {
		if v.filter.Ratings.Has(r) {
			ratings = append(ratings, r)
		}
	}
	if v.col.Column != "" {
		return v.col.String(), ratings
	}
	return sortIDs[v.sortBy], ratings
}

// saveView hands the view to opts.SaveView, when set.
func saveView(opts Options, v *viewState) error {
	if opts.SaveView == nil {
		return nil
	}
	return opts.SaveView(v.saved())
}
