// Package common is what every part of the TUI shares: the context a
// component embeds (Common: its size, the keys, the styles, the texts,
// the store), the key map (every key once, with its help, and the help
// groups of each view and dialog), the styles (light and dark colours
// picked by the background the terminal reports, the bubbles' own
// styles to match), and the one translation table (Text, English and
// Chinese, with a section for each part: the watchlist's management, the
// reports and scorecard, the quotes, the alerts, the positions, what
// reports do to ratings, the holdings).
//
// It imports the store and the domain packages for the words it gives
// their values (ratings, boards, sectors, store errors, quote errors) and
// nothing of the UI's own: the ui package and its parts import it.
package common
