package tradedlg

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"

	"zixuan/ui/common"
)

// Setup is what the dialog opens with.
type Setup struct {
	Side sectors.TradeSide
	Code market.Code // zero: the code is typed
	Now  func() time.Time
	Last float64 // the last price quoted, 0 when none
	// Held is the shares of Code held, for the sell's hint
	Held int64
	// Name is a ticker's name as the UI shows it ("" when it is not known
	// to the UI: the securities master's)
	Name func(market.Code) string
}

// SubmitMsg is a checked trade for the root to record.
type SubmitMsg struct{ Trade sectors.Trade }

// The fields, in the order tab goes through them.
const (
	fieldCode = iota
	fieldDate
	fieldPrice
	fieldQty
	fieldFee
	fieldCount
)

// Model is the dialog.
type Model struct {
	common.Common
	setup  Setup
	fields [fieldCount]textinput.Model
	focus  int
	err    common.Notice // why the trade was refused, until a field is changed
}

// New opens the dialog: the code typed in when setup has none, the date
// today, the price the last quote's.
func New(c common.Common, setup Setup) (Model, tea.Cmd) {
	d := Model{Common: c, setup: setup}
	pt := c.T.Positions
	labels := [fieldCount]string{pt.Code, pt.Date, pt.Price, pt.Qty, pt.Fee}
	width := 0
	for _, l := range labels {
		width = max(width, safetext.Width(l))
	}
	for i := range d.fields {
		in := common.NewInput(c.Styles)
		in.Prompt = safetext.Fit(labels[i], width) + c.T.Colon
		in.CharLimit = 24
		d.fields[i] = in
	}
	if setup.Code != (market.Code{}) {
		d.fields[fieldCode].SetValue(setup.Code.Number)
	}
	d.fields[fieldDate].SetValue(market.ChinaDate(market.ChinaDay(d.now())))
	if setup.Last > 0 {
		d.fields[fieldPrice].SetValue(strconv.FormatFloat(setup.Last, 'f', 2, 64))
	}
	d.fields[fieldFee].SetValue("0")
	switch {
	case setup.Code == (market.Code{}):
		d.focus = fieldCode
	case setup.Last > 0:
		d.focus = fieldQty
	default:
		d.focus = fieldPrice
	}
	return d, d.fields[d.focus].Focus()
}

// WithErr is the dialog showing err, a refusal of the store: it opens
// again with what was typed, its fields as they were.
func (d Model) WithErr(err string) Model { d.err.Say(err, d.Input()); return d }

// Err is the line the dialog shows ("" when all is well).
func (d Model) Err() string { return d.err.Text() }

// Input is every field's text (common.Inputter): moving between fields
// changes nothing typed.
func (d Model) Input() string {
	var b strings.Builder
	for _, f := range d.fields {
		b.WriteString(f.Value())
		b.WriteByte(0)
	}
	return b.String()
}

// WritesStore: a confirmed trade is a store write (the store's check is
// made while it is typed).
func (d Model) WritesStore() {}

func (d Model) now() time.Time {
	if d.setup.Now != nil {
		return d.setup.Now()
	}
	return time.Now()
}

func (d Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		keys := d.Keys
		switch {
		case key.Matches(k, keys.Cancel):
			return nil, nil
		case key.Matches(k, keys.Confirm):
			t, err := d.trade()
			if err != "" {
				d.err.Say(err, d.Input())
				return d, nil
			}
			return common.CloseWith(SubmitMsg{Trade: t}), nil
		case key.Matches(k, keys.ChooseNext):
			return d.move(1)
		case key.Matches(k, keys.ChoosePrev):
			return d.move(-1)
		}
	}
	var cmd tea.Cmd
	d.fields[d.focus], cmd = d.fields[d.focus].Update(msg)
	d.err.Track(d.Input())
	return d, cmd
}

// move puts the cursor in the next or previous field.
func (d Model) move(by int) (common.Dialog, tea.Cmd) {
	d.fields[d.focus].Blur()
	d.focus = (d.focus + by + fieldCount) % fieldCount
	return d, d.fields[d.focus].Focus()
}

// trade reads the fields into a checked trade, or says what is wrong in
// one line.
func (d Model) trade() (sectors.Trade, string) {
	pt := d.T.Positions
	code, err := d.code()
	if err != nil {
		return sectors.Trade{}, safetext.Line(err.Error())
	}
	val := func(i int) string { return strings.TrimSpace(d.fields[i].Value()) }
	day, err := time.ParseInLocation(time.DateOnly, val(fieldDate), market.China)
	if err != nil {
		return sectors.Trade{}, fmt.Sprintf(pt.NotDate, safetext.Clip(val(fieldDate)))
	}
	price, err := strconv.ParseFloat(val(fieldPrice), 64)
	if err != nil {
		return sectors.Trade{}, fmt.Sprintf(pt.NotPrice, safetext.Clip(val(fieldPrice)))
	}
	qty, err := strconv.ParseInt(val(fieldQty), 10, 64)
	if err != nil {
		return sectors.Trade{}, fmt.Sprintf(pt.NotQty, safetext.Clip(val(fieldQty)))
	}
	fee := 0.0
	if val(fieldFee) != "" {
		if fee, err = strconv.ParseFloat(val(fieldFee), 64); err != nil {
			return sectors.Trade{}, fmt.Sprintf(pt.NotFee, safetext.Clip(val(fieldFee)))
		}
	}
	svc := service.Service{Now: d.now}
	t, err := svc.NewTrade(code, d.setup.Side, qty, price, fee, day, false)
	var refused *service.TradeRefusal
	if errors.As(err, &refused) && refused.Rule {
		return t, safetext.Line(refused.Text) + pt.Force
	} else if err != nil {
		return t, safetext.Line(err.Error())
	}
	return t, ""
}

// code is the stock typed (or given): a listed A-share's code.
func (d Model) code() (market.Code, error) {
	code, err := market.ParseStock(strings.TrimSpace(d.fields[fieldCode].Value()))
	if err != nil {
		return code, err
	}
	return code, market.CheckListed(code)
}

// name is the stock's name as typed so far, "" when the code is not one.
func (d Model) name() string {
	code, err := d.code()
	if err != nil {
		return ""
	}
	if d.setup.Name != nil {
		if n := d.setup.Name(code); n != "" {
			return n
		}
	}
	if sec, ok := market.LookupMaster(code); ok {
		return common.DisplayName(sec.Name)
	}
	return ""
}
