// Package chart draws charts in braille: the detail pane's chart of a
// ticker (Model: its total return since its first call, the benchmark
// rebased beside it, a marker at each call, rating change and note) and
// the list's sparklines (Sparkline). Every braille character is one cell
// wide in every terminal and locale, and a cell holds a 2×4 grid of dots.
//
// It imports ui/common and the domain packages (sectors, sectors/market,
// safetext); never the root ui package nor another view.
package chart
