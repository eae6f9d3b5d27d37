package ui

import (
	"os"
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"zixuan/safetext"
	"zixuan/sectors"
)

// Styles are every style the UI draws with, built once. Views take colours
// only from here.
type Styles struct {
	App, Header, Dim, Tab, TabActive, ColHead  lipgloss.Style
	Row, Selected, Risk, Status, Error, Prompt lipgloss.Style
	Title, Box, Pane, PaneFocus, Cursor        lipgloss.Style
	Up, Down                                   lipgloss.Style // prices: red and green (quotes.go picks by convention)
	ChartLine, ChartBench, ChartMark           lipgloss.Style // charts (chart.go): the stock, 沪深300, the markers
	Rating                                     map[sectors.Rating]lipgloss.Style
}

// Adaptive colours: {Light, Dark} pairs, so the app reads on both.
var (
	colAccent = lipgloss.AdaptiveColor{Light: "#1F5FBF", Dark: "#7AB8FF"}
	colDim    = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#8A8A8A"}
	colSelBG  = lipgloss.AdaptiveColor{Light: "#DCE6F5", Dark: "#2A3550"}
	colError  = lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF6B6B"}
	colWarn   = lipgloss.AdaptiveColor{Light: "#A15C00", Dark: "#FFB347"}
	colOK     = lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#6FD08C"}
	// A-share convention: red is up/positive, green is down/negative.
	colBuy   = lipgloss.AdaptiveColor{Light: "#C0001A", Dark: "#FF5F5F"}
	colOver  = lipgloss.AdaptiveColor{Light: "#D04A02", Dark: "#FF9E64"}
	colNeut  = lipgloss.AdaptiveColor{Light: "#5A5A5A", Dark: "#C8C8C8"}
	colUnder = lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#8BD18B"}
	colSell  = lipgloss.AdaptiveColor{Light: "#00695C", Dark: "#4FD1A5"}
)

// asciiBorder draws boxes with ASCII only: box-drawing characters are
// East-Asian ambiguous width and may take two cells in a Chinese locale.
var asciiBorder = lipgloss.Border{
	Top: "-", Bottom: "-", Left: "|", Right: "|",
	TopLeft: "+", TopRight: "+", BottomLeft: "+", BottomRight: "+",
}

// noColor reports whether NO_COLOR asks for no colours (https://no-color.org).
func noColor() bool { return os.Getenv("NO_COLOR") != "" }

// NewStyles builds the styles; with plain set, no colours are used at all
// (bold and reverse still mark the selection and the active tab).
func NewStyles(plain bool) Styles {
	return newStyles(plain, func(c lipgloss.AdaptiveColor) lipgloss.TerminalColor { return c })
}

// newStyles builds the styles with each adaptive colour as col makes it.
func newStyles(plain bool, col func(lipgloss.AdaptiveColor) lipgloss.TerminalColor) Styles {
	c := func(s lipgloss.Style, fg lipgloss.AdaptiveColor) lipgloss.Style {
		if plain {
			return s
		}
		return s.Foreground(col(fg))
	}
	s := Styles{
		App:       c(lipgloss.NewStyle().Bold(true), colAccent),
		Header:    lipgloss.NewStyle(),
		Dim:       c(lipgloss.NewStyle(), colDim),
		Tab:       c(lipgloss.NewStyle(), colDim),
		TabActive: c(lipgloss.NewStyle().Bold(true).Underline(true), colAccent),
		ColHead:   c(lipgloss.NewStyle().Bold(true), colDim),
		Row:       lipgloss.NewStyle(),
		Selected:  lipgloss.NewStyle().Bold(true),
		Risk:      c(lipgloss.NewStyle().Bold(true), colWarn),
		Status:    c(lipgloss.NewStyle(), colOK),
		Error:     c(lipgloss.NewStyle().Bold(true), colError),
		Prompt:    c(lipgloss.NewStyle().Bold(true), colAccent),
		Title:     c(lipgloss.NewStyle().Bold(true), colAccent),
		Box:       lipgloss.NewStyle().Border(asciiBorder).Padding(0, 1),
		Pane:      lipgloss.NewStyle().Border(asciiBorder, false, false, false, true).PaddingLeft(1),
		Cursor:    c(lipgloss.NewStyle(), colAccent),
		Rating:    map[sectors.Rating]lipgloss.Style{},
		Up:        c(lipgloss.NewStyle(), colBuy),
		Down:      c(lipgloss.NewStyle(), colUnder),

		ChartLine:  c(lipgloss.NewStyle(), colAccent),
		ChartBench: c(lipgloss.NewStyle(), colDim),
		ChartMark:  c(lipgloss.NewStyle().Bold(true), colWarn),
	}
	if plain {
		s.Selected = s.Selected.Reverse(true)
	} else {
		s.Selected = s.Selected.Background(col(colSelBG))
		s.Box = s.Box.BorderForeground(col(colAccent))
		s.Pane = s.Pane.BorderForeground(col(colDim))
	}
	s.PaneFocus = s.Pane
	if !plain {
		s.PaneFocus = s.Pane.BorderForeground(col(colAccent))
	}
	for r, col := range map[sectors.Rating]lipgloss.AdaptiveColor{
		sectors.Buy: colBuy, sectors.Overweight: colOver, sectors.Neutral: colNeut,
		sectors.Underweight: colUnder, sectors.Sell: colSell, sectors.Unrated: colDim,
	} {
		st := c(lipgloss.NewStyle(), col)
		if r == sectors.Buy || r == sectors.Sell {
			st = st.Bold(true)
		}
		s.Rating[r] = st
	}
	return s
}

// resolvedStyles are the styles with every adaptive colour turned into
// the colour the terminal's profile and background make of it, so Render
// does not convert a hex colour to the nearest of 256 on every call (the
// conversion is what termenv does each time: the same sequences come
// out). Built once per profile and background; nil when there is nothing
// to resolve (no colours, or true colour, where hex is what is sent).
func resolvedStyles(plain bool) *Styles {
	p := lipgloss.ColorProfile()
	if plain || (p != termenv.ANSI256 && p != termenv.ANSI) {
		return nil
	}
	dark := lipgloss.HasDarkBackground()
	s := newStyles(plain, func(c lipgloss.AdaptiveColor) lipgloss.TerminalColor {
		hex := c.Light
		if dark {
			hex = c.Dark
		}
		switch v := p.Color(hex).(type) {
		case termenv.ANSIColor:
			return lipgloss.Color(strconv.Itoa(int(v)))
		case termenv.ANSI256Color:
			if v >= 16 { // below, the number would read as a 16-colour one
				return lipgloss.Color(strconv.Itoa(int(v)))
			}
		}
		return c
	})
	return &s
}

// safeLine makes store text inert for a one-line display.
func safeLine(s string) string { return safetext.Line(s) }

// safeBlock makes store text inert, keeping its line breaks.
func safeBlock(s string) string { return safetext.Block(s) }
