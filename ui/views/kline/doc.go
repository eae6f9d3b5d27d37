// Package kline is the chart view of one ticker (F5 on the list, enter on
// the focused detail pane): daily, weekly or monthly candles (K线) with
// their volume and the 5-, 10-, 20- and 60-period moving averages, the
// ticker's calls, rating changes and notes marked under the candles of
// their days, a crosshair moved with ←/→ whose candle is read out below
// the chart; and today's minute line (分时): the price and the average
// price (均价) against the previous close, with each minute's volume.
//
// Everything is drawn in braille (U+2800–U+28FF), whose characters are one
// cell wide in every terminal and every locale: the block elements and
// box-drawing lines other terminal charts draw candles with (█ ┃ │ ▌) are
// East-Asian ambiguous and take two cells under a Chinese locale. A cell
// holds a 2×4 grid of dots; a candle takes one cell (zoomed, two or
// three), its body both dot columns and its wick one.
//
// The view holds no data of its own: the root hands it the ticker, its
// whole price history, the day's quote and the minute line (Data), and the
// view asks the root for more bars or a new minute line with typed
// messages (NeedBarsMsg, NeedMinutesMsg) that the root answers by fetching
// in a tea.Cmd and refreshing the view (Refresh). It imports ui/common and
// the domain packages; never the root ui package nor another view.
package kline
