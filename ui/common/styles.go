package common

import (
	"image/color"
	"os"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"zixuan/sectors"
)

// Styles are every style the UI draws with, built once. Views take colours
// only from here.
type Styles struct {
	App, Header, Dim, Tab, TabActive, ColHead  lipgloss.Style
	Row, Selected, Risk, Status, Error, Prompt lipgloss.Style
	Title, Box, Pane, PaneFocus, Cursor        lipgloss.Style
	Up, Down                                   lipgloss.Style    // prices: red and green (quotes.go picks by convention)
	ChartLine, ChartBench, ChartMark           lipgloss.Style    // charts (ui/views/chart): the stock, 沪深300, the markers
	MA                                         [4]lipgloss.Style // the chart view's MA5, MA10, MA20, MA60 (ui/views/kline)
	Cross                                      lipgloss.Style    // the chart view's crosshair
	Rating                                     map[sectors.Rating]lipgloss.Style

	// the bubbles' own styles, for the same background
	Input textinput.Styles
	Area  textarea.Styles
	Help  help.Styles
}

// Colours come in {light, dark} pairs, so the app reads on both
// backgrounds; lipgloss.LightDark picks one of each once the terminal has
// said which it has (tea.BackgroundColorMsg, asked for when the TUI
// starts). Until then, and where a terminal never answers, the dark ones.
type colourPair struct{ light, dark string }

var (
	colAccent = colourPair{"#1F5FBF", "#7AB8FF"}
	colDim    = colourPair{"#6B6B6B", "#8A8A8A"}
	colSelBG  = colourPair{"#DCE6F5", "#2A3550"}
	colError  = colourPair{"#B00020", "#FF6B6B"}
	colWarn   = colourPair{"#A15C00", "#FFB347"}
	colOK     = colourPair{"#1B7F3B", "#6FD08C"}
	// A-share convention: red is up/positive, green is down/negative.
	colBuy   = colourPair{"#C0001A", "#FF5F5F"}
	colOver  = colourPair{"#D04A02", "#FF9E64"}
	colNeut  = colourPair{"#5A5A5A", "#C8C8C8"}
	colUnder = colourPair{"#2E7D32", "#8BD18B"}
	colSell  = colourPair{"#00695C", "#4FD1A5"}
	colMA20  = colourPair{"#9C27B0", "#E080F0"}
	colMA60  = colourPair{"#00838F", "#5FD7E0"}
)

// asciiBorder draws boxes with ASCII only: box-drawing characters are
// East-Asian ambiguous width and may take two cells in a Chinese locale.
var asciiBorder = lipgloss.Border{
	Top: "-", Bottom: "-", Left: "|", Right: "|",
	TopLeft: "+", TopRight: "+", BottomLeft: "+", BottomRight: "+",
}

// NoColorAsked reports whether NO_COLOR asks for no colours (https://no-color.org).
func NoColorAsked() bool { return os.Getenv("NO_COLOR") != "" }

// NewStyles builds the styles for a dark or a light background; with
// plain set, no colours are used at all (bold and reverse still mark the
// selection and the active tab). Bubble Tea turns each colour into what
// the terminal can show when it writes the frame.
func NewStyles(plain, dark bool) Styles {
	pick := lipgloss.LightDark(dark)
	col := func(p colourPair) color.Color { return pick(lipgloss.Color(p.light), lipgloss.Color(p.dark)) }
	c := func(s lipgloss.Style, fg colourPair) lipgloss.Style {
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
		// the terminals' colours for the averages: MA5 white (the text's),
		// MA10 yellow, MA20 magenta, MA60 green-blue
		MA:    [4]lipgloss.Style{lipgloss.NewStyle(), c(lipgloss.NewStyle(), colWarn), c(lipgloss.NewStyle(), colMA20), c(lipgloss.NewStyle(), colMA60)},
		Cross: lipgloss.NewStyle().Reverse(true),
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
	s.Input = textinput.DefaultStyles(dark)
	s.Area = textarea.DefaultStyles(dark)
	// prompts drawn as the text around them; the cursor in the accent colour
	s.Input.Focused.Prompt, s.Input.Blurred.Prompt = lipgloss.NewStyle(), lipgloss.NewStyle()
	s.Area.Focused.Prompt, s.Area.Blurred.Prompt = lipgloss.NewStyle(), lipgloss.NewStyle()
	if !plain {
		s.Input.Cursor.Color, s.Area.Cursor.Color = col(colAccent), col(colAccent)
	}
	s.Help = help.DefaultStyles(dark)
	for r, p := range map[sectors.Rating]colourPair{
		sectors.Buy: colBuy, sectors.Overweight: colOver, sectors.Neutral: colNeut,
		sectors.Underweight: colUnder, sectors.Sell: colSell, sectors.Unrated: colDim,
	} {
		st := c(lipgloss.NewStyle(), p)
		if r == sectors.Buy || r == sectors.Sell {
			st = st.Bold(true)
		}
		s.Rating[r] = st
	}
	return s
}

// NewInput is a one-line text input drawn in s.
func NewInput(s *Styles) textinput.Model {
	in := textinput.New()
	in.SetStyles(s.Input)
	return in
}
