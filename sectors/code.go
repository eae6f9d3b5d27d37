package sectors

import (
	"fmt"
	"strings"
	"zixuan/safetext"

	"golang.org/x/text/unicode/norm"
)

// Exchange is where a security is listed.
type Exchange string

// The three A-share exchanges.
const (
	SH Exchange = "SH" // Shanghai Stock Exchange
	SZ Exchange = "SZ" // Shenzhen Stock Exchange
	BJ Exchange = "BJ" // Beijing Stock Exchange
)

// MarketDigit is the digit 通达信 (TDX) block files put before a code:
// 1 Shanghai, 0 Shenzhen, 2 Beijing.
func (e Exchange) MarketDigit() string {
	switch e {
	case SH:
		return "1"
	case SZ:
		return "0"
	default:
		return "2"
	}
}

// YahooSuffix is the suffix Yahoo Finance gives the exchange's symbols.
// Beijing has no confirmed Yahoo suffix; .BJ is the Wind/Tushare form.
func (e Exchange) YahooSuffix() string {
	switch e {
	case SH:
		return ".SS"
	case SZ:
		return ".SZ"
	default:
		return ".BJ"
	}
}

// Board is the market segment a code belongs to.
type Board string

// Boards, named as investors say them.
const (
	BoardSSEMain  Board = "SSE Main"
	BoardSTAR     Board = "STAR"
	BoardSZSEMain Board = "SZSE Main"
	BoardChiNext  Board = "ChiNext"
	BoardBSE      Board = "BSE"
	BoardSSEIndex Board = "SSE Index"
	BoardSZIndex  Board = "SZSE Index"
)

// Chinese returns the board's Chinese name.
func (b Board) Chinese() string {
	switch b {
	case BoardSSEMain:
		return "沪主板"
	case BoardSTAR:
		return "科创板"
	case BoardSZSEMain:
		return "深主板"
	case BoardChiNext:
		return "创业板"
	case BoardBSE:
		return "北交所"
	case BoardSSEIndex:
		return "上证指数"
	case BoardSZIndex:
		return "深证指数"
	}
	return string(b)
}

// Code identifies a security: exchange and 6-digit number together
// (SZ000001 Ping An Bank and SH000001 the SSE Composite are different).
type Code struct {
	Exchange Exchange
	Number   string
}

// Key is the canonical form, exchange then number: "SH688111". It is how
// the store keys tickers and how exports name them.
func (c Code) Key() string { return string(c.Exchange) + c.Number }

// String is the same as Key.
func (c Code) String() string { return c.Key() }

// Yahoo is the Yahoo Finance symbol: "688111.SS".
func (c Code) Yahoo() string { return c.Number + c.Exchange.YahooSuffix() }

// TDX is the 通达信 block-file line: market digit then code, "1688111".
func (c Code) TDX() string { return c.Exchange.MarketDigit() + c.Number }

// Board derives the market segment from the exchange and the code's prefix.
func (c Code) Board() Board {
	b, _ := boardOf(c.Exchange, c.Number)
	return b
}

// CodeError says why a string is not an A-share code.
type CodeError struct {
	Input  string
	Reason string
}

func (e *CodeError) Error() string {
	return fmt.Sprintf("%q is not an A-share code: %s (use 6 digits such as 688111, or SH688111 / 688111.SH)", e.Input, e.Reason)
}

// MustParseCode is ParseCode for inputs known to be valid, such as the
// built-in report data. It panics on a bad code: a programming error.
func MustParseCode(s string) Code {
	c, err := ParseCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseCode reads an A-share code in any of the usual spellings: 688111,
// sh688111, SH688111, 688111.SH, 688111.SS (Yahoo), 000977.SZ, 920xxx.BJ,
// also full-width digits (６８８１１１). A bare number takes the exchange its
// prefix belongs to; an explicit exchange must agree with the prefix, except
// that SH000xxx and SZ399xxx name the exchanges' indexes.
func ParseCode(input string) (Code, error) {
	s := strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(norm.NFKC.String(input), "\ufeff")))
	fail := func(reason string) (Code, error) {
		return Code{}, &CodeError{Input: safetext.Clip(input), Reason: reason}
	}
	if s == "" {
		return fail("it is empty")
	}
	var ex Exchange
	explicit := false
	switch {
	case len(s) > 2 && isLetter(s[0]) && isLetter(s[1]) && !strings.Contains(s, "."):
		p := s[:2]
		ex, explicit = exchangeOf(p), true
		if ex == "" {
			return fail("unknown exchange prefix " + p + " (SH, SZ or BJ)")
		}
		s = s[2:]
	case strings.Contains(s, "."):
		i := strings.LastIndexByte(s, '.')
		suf := s[i+1:]
		ex, explicit = exchangeOf(suf), true
		if ex == "" {
			return fail("unknown exchange suffix ." + suf + " (.SH, .SS, .SZ or .BJ)")
		}
		s = s[:i]
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return fail("a code is digits only")
		}
	}
	if len(s) != 6 {
		return fail(fmt.Sprintf("it has %d digits, not 6", len(s)))
	}
	natural, ok := exchangeForNumber(s)
	if !explicit {
		if !ok {
			return fail("no A-share board uses the prefix " + s[:3])
		}
		return Code{Exchange: natural, Number: s}, nil
	}
	if _, ok := boardOf(ex, s); !ok {
		if natural != "" {
			return fail(fmt.Sprintf("%s is listed on %s, not %s", s, natural, ex))
		}
		return fail(fmt.Sprintf("no %s board uses the prefix %s", ex, s[:3]))
	}
	return Code{Exchange: ex, Number: s}, nil
}

func isLetter(b byte) bool { return b >= 'A' && b <= 'Z' }

func exchangeOf(s string) Exchange {
	switch s {
	case "SH", "SS", "SSE":
		return SH
	case "SZ", "SZSE":
		return SZ
	case "BJ", "BSE":
		return BJ
	}
	return ""
}

// exchangeForNumber is where a bare 6-digit stock code is listed. The
// Beijing prefixes are checked before anything else starting with 9 or 8.
func exchangeForNumber(n string) (Exchange, bool) {
	for _, ex := range []Exchange{BJ, SH, SZ} {
		if b, ok := boardOf(ex, n); ok && b != BoardSSEIndex && b != BoardSZIndex {
			return ex, true
		}
	}
	return "", false
}

// boardOf is the board of number n on exchange ex, if ex lists such codes.
func boardOf(ex Exchange, n string) (Board, bool) {
	if len(n) != 6 {
		return "", false
	}
	p3, p2 := n[:3], n[:2]
	switch ex {
	case SH:
		switch p3 {
		case "600", "601", "603", "605":
			return BoardSSEMain, true
		case "688", "689":
			return BoardSTAR, true
		case "000":
			return BoardSSEIndex, true
		}
	case SZ:
		switch p3 {
		case "000", "001", "002", "003":
			return BoardSZSEMain, true
		case "300", "301", "302":
			return BoardChiNext, true
		case "399":
			return BoardSZIndex, true
		}
	case BJ:
		if p3 == "920" || p2 == "43" || p2 == "83" || p2 == "87" {
			return BoardBSE, true
		}
	}
	return "", false
}
