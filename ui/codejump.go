package ui

import (
	"strings"
	"time"

	"zixuan/sectors/market"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/wizard"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
)

// Typing a 6-digit code straight into the list lands on that stock, as in
// the trading terminals' keyboard wizard (键盘精灵): 600519 jumps to 贵州茅台
// when it is on the list, or opens the add wizard with it filled in.
//
// Digits also toggle the rating filters, one key each, and a lone digit
// must still do that at once. So the first digit toggles its filter
// straight away, as it always did; a second digit arriving within
// codeJumpWindow undoes that toggle and starts a code, shown in the status
// line; from then on digits build the code without any time limit until
// the sixth, which jumps. esc drops the code, backspace takes back a digit,
// and any other key ends it (and does what it does).

// codeJumpWindow is how soon a second digit must follow the first to start
// a code: quick typing, not two filter toggles.
const codeJumpWindow = 500 * time.Millisecond

// codeJump is the code being typed into the list.
type codeJump struct {
	now     func() time.Time  // the key clock; nil is time.Now (tests set their own)
	digits  string            // typed so far; a code once there are two
	at      time.Time         // when the first digit came
	ratings sectors.RatingSet // the rating filter before the first digit, to undo its toggle
	// keep is the ticker selected before the first digit: its toggle may
	// have moved the cursor, and a code that lands nowhere (esc, an
	// invalid or unlisted code) must leave it where it was
	keep string
}

// reset forgets the code typed, keeping the clock.
func (j *codeJump) reset() { *j = codeJump{now: j.now} }

func (j *codeJump) clock() time.Time {
	if j.now != nil {
		return j.now()
	}
	return time.Now()
}

// codeJumpKey is updateList's hook: it sees every key first, and done says
// it took the key. A first digit is remembered and left to updateList.
func (m Model) codeJumpKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	j := &m.jump
	d, isDigit := digitKey(msg)
	if !isDigit {
		if len(j.digits) >= 2 {
			switch msg.String() {
			case "backspace":
				j.digits = j.digits[:len(j.digits)-1]
				if len(j.digits) < 2 {
					j.reset()
					m.status = ""
				} else {
					m.say(m.t.CodeTyped, codeShown(j.digits))
				}
				return m, nil, true
			case "esc":
				j.reset()
				m.status = ""
				return m, nil, true
			}
			m.status = ""
		}
		j.reset()
		return m, nil, false
	}
	now := j.clock()
	switch {
	case len(j.digits) == 1 && now.Sub(j.at) <= codeJumpWindow:
		// a second digit in time: a code, not two toggles
		m.view.filter.Ratings = j.ratings
		m.refilter(j.keep)
	case len(j.digits) < 2:
		*j = codeJump{now: j.now, digits: string(d), at: now, ratings: m.view.filter.Ratings, keep: m.selectedKey()}
		return m, nil, false // a lone digit toggles its filter at once
	}
	j.digits += string(d)
	if len(j.digits) < 6 {
		m.say(m.t.CodeTyped, codeShown(j.digits))
		return m, nil, true
	}
	code := j.digits
	j.reset()
	return m.jumpTo(code)
}

// digitKey is the digit a plain key press typed.
func digitKey(msg tea.KeyPressMsg) (rune, bool) {
	if msg.Mod != 0 || len(msg.Text) != 1 {
		return 0, false
	}
	r := rune(msg.Text[0])
	return r, r >= '0' && r <= '9'
}

// pastedCode is the code in text pasted into the list: a 6-digit code
// lands on that stock as if typed; anything else is ignored (no key is
// pressed).
func pastedCode(msg tea.PasteMsg) (string, bool) {
	code := strings.TrimSpace(msg.Content)
	return code, isCode(code)
}

func isCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// codeShown is the code typed so far, with a place for each digit to come.
func codeShown(digits string) string { return digits + strings.Repeat("_", 6-len(digits)) }

// jumpTo selects the ticker with the 6-digit number, clearing filters that
// hide it, or opens the add wizard with the number typed in when it is not
// on the list (a fund or an index too: the wizard asks the quote server
// for its name). An old Beijing code says why it is not a stock.
func (m Model) jumpTo(number string) (Model, tea.Cmd, bool) {
	if jumpToSecurity(&m, number) {
		return m, nil, true
	}
	if code, err := market.ParseSecurity(number); err == nil && !code.IsStock() {
		return prefilledWizard(m, number)
	}
	code, err := market.ParseStock(number)
	if err == nil {
		err = market.CheckListed(code)
	}
	if err != nil {
		m.fail(err)
		return m, nil, true
	}
	for _, t := range m.data.tickers {
		if t.Code == code {
			m.selectKey(code.Key())
			m.det.reset()
			m.say("%s", code.Number+" "+common.DisplayName(t.Name))
			return m, nil, true
		}
	}
	return prefilledWizard(m, code.Number)
}

// prefilledWizard opens the add wizard with v typed in.
func prefilledWizard(m Model, v string) (Model, tea.Cmd, bool) {
	next, cmd := m.open(addWizard(&m))
	nm := next.(Model)
	if w, ok := nm.stack.top().(wizard.Model); ok {
		ask := w.Prefill(v)
		nm.stack[len(nm.stack)-1] = w
		cmd = tea.Batch(cmd, ask)
	}
	return nm, cmd, true
}

// jumpToSecurity selects the ticker a number typed names when it is on
// the list, a fund or an index as well as a stock (market.ParseSecurity:
// 510300, 000300, 399006), or the one ticker of that number the list holds
// (sh000001 when 上证指数 is on it and 平安银行 is not). It is false for
// a security not on the list (the add wizard opens for it).
func jumpToSecurity(m *Model, number string) bool {
	code, err := market.ParseSecurity(number)
	var only *sectors.Ticker
	n := 0
	for i := range m.data.tickers {
		t := &m.data.tickers[i]
		if err == nil && t.Code == code {
			only, n = t, 1
			break
		}
		if t.Code.Number == number {
			only, n = t, n+1
		}
	}
	if n == 1 {
		m.selectKey(only.Code.Key())
		m.det.reset()
		m.say("%s", only.Code.Number+" "+common.DisplayName(only.Name))
		return true
	}
	return false
}
