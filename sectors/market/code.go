package market

import (
	_ "embed"
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
	// The listed funds, by exchange and kind (see Kind).
	BoardSSEETF  Board = "SSE ETF"
	BoardSZETF   Board = "SZSE ETF"
	BoardSSELOF  Board = "SSE LOF"
	BoardSZLOF   Board = "SZSE LOF"
	BoardSSEFund Board = "SSE Fund" // closed-end
	BoardSZFund  Board = "SZSE Fund"
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
	case BoardSSEETF:
		return "沪ETF"
	case BoardSZETF:
		return "深ETF"
	case BoardSSELOF:
		return "沪LOF"
	case BoardSZLOF:
		return "深LOF"
	case BoardSSEFund:
		return "沪封闭基金"
	case BoardSZFund:
		return "深封闭基金"
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
//
// The funds' ranges are the exchanges' code allocation: on Shanghai 50x
// closed-end funds (500, 505) and LOFs (501, 502, 506), 51x ETFs (510–518;
// 519 is the open-end funds' subscription code, never traded), 530 and
// 56x the newer stock ETFs (上证函〔2024〕1724号 opened 530000–530999),
// 588/589 the STAR-market ETFs; on Shenzhen 159 ETFs, 16x LOFs (16ggxx:
// the manager's number, then the fund's) and 184 closed-end funds. None
// of them overlaps a stock's prefix, so a bare fund code is never
// ambiguous.
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
		case "510", "511", "512", "513", "515", "516", "517", "518", "530", "560", "561", "562", "563", "588", "589":
			return BoardSSEETF, true
		case "501", "502", "506":
			return BoardSSELOF, true
		case "500", "505":
			return BoardSSEFund, true
		}
	case SZ:
		switch p3 {
		case "000", "001", "002", "003":
			return BoardSZSEMain, true
		case "300", "301", "302":
			return BoardChiNext, true
		case "399":
			return BoardSZIndex, true
		case "159":
			return BoardSZETF, true
		case "160", "161", "162", "163", "164", "165", "166", "167", "168", "169":
			return BoardSZLOF, true
		case "184":
			return BoardSZFund, true
		}
	case BJ:
		if p3 == "920" || p2 == "43" || p2 == "83" || p2 == "87" {
			return BoardBSE, true
		}
	}
	return "", false
}

// IsIndex reports whether c is an exchange index (SH000xxx, SZ399xxx),
// not a stock.
func (c Code) IsIndex() bool {
	b := c.Board()
	return b == BoardSSEIndex || b == BoardSZIndex
}

// Kind is what sort of security a code names: what the watchlist may
// hold beside stocks, and which rules of the stocks apply to it.
type Kind string

// The kinds, as the exchanges' code ranges tell them apart (boardOf).
const (
	KindStock Kind = "stock"
	KindIndex Kind = "index" // not traded: no position, no price limit
	KindETF   Kind = "ETF"   // exchange-traded fund
	KindLOF   Kind = "LOF"   // listed open-end fund
	KindFund  Kind = "fund"  // closed-end fund
)

// Chinese is the kind's Chinese name.
func (k Kind) Chinese() string {
	switch k {
	case KindStock:
		return "股票"
	case KindIndex:
		return "指数"
	case KindFund:
		return "封闭基金"
	}
	return string(k)
}

// Kind is the code's kind, from its board.
func (c Code) Kind() Kind {
	switch c.Board() {
	case BoardSSEIndex, BoardSZIndex:
		return KindIndex
	case BoardSSEETF, BoardSZETF:
		return KindETF
	case BoardSSELOF, BoardSZLOF:
		return KindLOF
	case BoardSSEFund, BoardSZFund:
		return KindFund
	}
	return KindStock
}

// IsFund reports whether c is a listed fund: an ETF, a LOF or a
// closed-end fund.
func (c Code) IsFund() bool {
	k := c.Kind()
	return k == KindETF || k == KindLOF || k == KindFund
}

// IsStock reports whether c is a stock (neither a fund nor an index):
// what a broker's report rates and the securities master lists.
func (c Code) IsStock() bool { return c.Kind() == KindStock }

// PriceDecimals is how many decimals the code's prices have: funds trade
// in steps of 0.001 yuan (a real quote: 159915 at 3.154, its limits
// 3.794/2.530), stocks in fen, indexes are quoted to the hundredth of a
// point.
func (c Code) PriceDecimals() int {
	if c.IsFund() {
		return 3
	}
	return 2
}

// Indexes are the benchmark indexes investors name by code.
var Indexes = map[string]string{
	"SH000001": "上证指数", "SH000016": "上证50", "SH000300": "沪深300", "SH000688": "科创50",
	"SH000852": "中证1000", "SH000905": "中证500", "SH000906": "中证800", "SH000985": "中证全指",
	"SZ399001": "深证成指", "SZ399005": "中小100", "SZ399006": "创业板指", "SZ399300": "沪深300",
}

// IndexError says that a stock was asked for and an index was given.
type IndexError struct {
	Code Code
	Name string // the index's name, if known
}

func (e *IndexError) Error() string {
	name := ""
	if e.Name != "" {
		name = " (" + e.Name + ")"
	}
	return fmt.Sprintf("%s is an index%s, not a stock: give a stock's code", e.Code.Key(), name)
}

// ParseStock is ParseCode where something traded is meant (a stock or a
// listed fund): an index code is refused,
// and so is a bare number that is a known index and no listed stock
// (000300 is 沪深300, not a Shenzhen stock).
func ParseStock(input string) (Code, error) {
	c, err := ParseCode(input)
	if err != nil {
		if bareNumber(input) {
			ix := Code{Exchange: SZ, Number: strings.TrimSpace(norm.NFKC.String(input))}
			if name, ok := Indexes[ix.Key()]; ok {
				return Code{}, &IndexError{Code: ix, Name: name}
			}
		}
		return c, err
	}
	if c.IsIndex() {
		return Code{}, &IndexError{Code: c, Name: Indexes[c.Key()]}
	}
	if _, listed := LookupMaster(c); !listed && c.Exchange == SZ && bareNumber(input) {
		sh := Code{Exchange: SH, Number: c.Number}
		if name, ok := Indexes[sh.Key()]; ok {
			return Code{}, &IndexError{Code: sh, Name: name}
		}
	}
	return c, nil
}

// ParseSecurity reads a code where anything the watchlist may hold is
// meant: a stock, a fund (ETF, LOF, closed-end) or an index. A bare number
// is read as ParseCode reads it, a listed stock first (000001 is Ping An
// Bank, not the SSE Composite, which is sh000001), with two exceptions
// that no stock can mean: a 399 number is a Shenzhen index (399006), and
// a 000 number that no listed stock has but a known Shanghai index does
// is that index (000300 is 沪深300). An explicit exchange decides:
// sh000300, sz399006, 000300.SH.
func ParseSecurity(input string) (Code, error) {
	c, err := ParseCode(input)
	if err != nil {
		if bareNumber(input) {
			n := strings.TrimSpace(norm.NFKC.String(input))
			if b, ok := boardOf(SZ, n); ok && b == BoardSZIndex {
				return Code{Exchange: SZ, Number: n}, nil
			}
		}
		return c, err
	}
	if ix, ok := bareIndex(input, c); ok {
		return ix, nil
	}
	return c, nil
}

// bareIndex is the known Shanghai index a bare number c names when no
// listed stock has that number.
func bareIndex(input string, c Code) (Code, bool) {
	if c.Exchange != SZ || !bareNumber(input) {
		return Code{}, false
	}
	if _, listed := LookupMaster(c); listed {
		return Code{}, false
	}
	sh := Code{Exchange: SH, Number: c.Number}
	_, ok := Indexes[sh.Key()]
	return sh, ok
}

// OtherMeaning is what else a bare number the user typed could have
// meant: the known index that shares the number of the stock it was read
// as (000016 is 深康佳A, and sh000016 上证50), so that a message can say
// how to ask for the other. ok is false when there is none, or the input
// named its exchange.
func OtherMeaning(input string, c Code) (other Code, name string, ok bool) {
	if c.Exchange != SZ || !bareNumber(input) || !c.IsStock() {
		return Code{}, "", false
	}
	sh := Code{Exchange: SH, Number: c.Number}
	name, ok = Indexes[sh.Key()]
	return sh, name, ok
}

// ParseBenchmark reads a benchmark index where one is meant: SH000300,
// 000300.SH, sz399001, or a bare index number (000300, 399006) that is a
// known index.
func ParseBenchmark(input string) (Code, error) {
	if bareNumber(input) {
		s := strings.TrimSpace(norm.NFKC.String(input))
		for _, ex := range []Exchange{SH, SZ} {
			c := Code{Exchange: ex, Number: s}
			if _, ok := Indexes[c.Key()]; ok {
				return c, nil
			}
		}
	}
	c, err := ParseCode(input)
	if err != nil {
		return c, err
	}
	if !c.IsIndex() {
		return Code{}, &CodeError{Input: safetext.Clip(input), Reason: "a benchmark is an index such as SH000300 (沪深300) or SZ399001 (深证成指)"}
	}
	return c, nil
}

func bareNumber(input string) bool {
	s := strings.TrimSpace(norm.NFKC.String(input))
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

// bse_moved.csv maps the Beijing Stock Exchange's old codes (43/83/87…) to
// the 920 codes its stocks moved to, matched by name between an older
// exchange list and a_shares.csv (see data/a_shares.SOURCE.md).
//
//go:embed data/bse_moved.csv
var bseMovedCSV string

// IsOldBSE reports whether c is a Beijing code of before the move to 920
// codes (43xxxx, 83xxxx, 87xxxx).
func (c Code) IsOldBSE() bool {
	return c.Exchange == BJ && !strings.HasPrefix(c.Number, "920")
}

// MovedBSE is the 920 code an old Beijing code moved to, where known.
func MovedBSE(c Code) (Code, bool) {
	if !c.IsOldBSE() {
		return Code{}, false
	}
	for line := range strings.SplitSeq(bseMovedCSV, "\n") {
		if old, nw, ok := strings.Cut(strings.TrimSpace(line), ","); ok && old == c.Number {
			return Code{Exchange: BJ, Number: nw}, true
		}
	}
	return Code{}, false
}

// OldBSEError says that an old Beijing code was given.
type OldBSEError struct {
	Code Code
	New  Code // zero when the new code is not known
	Name string
}

func (e *OldBSEError) Error() string {
	if e.New.Number != "" {
		return fmt.Sprintf("%s is an old Beijing code: the BSE moved its stocks to 920 codes, and %s is now %s: use %s, or search by name", e.Code.Number, e.Name, e.New.Key(), e.New.Number)
	}
	return fmt.Sprintf("%s is an old Beijing code: the BSE moved its stocks to 920 codes; search by name to find its new code", e.Code.Number)
}

// CheckListed explains a code that names no listed stock where that has a
// known reason: an old Beijing code, or an index. It returns nil for any
// other code, listed or not.
func CheckListed(c Code) error {
	if c.IsIndex() {
		return &IndexError{Code: c, Name: Indexes[c.Key()]}
	}
	if _, ok := LookupMaster(c); ok || !c.IsOldBSE() {
		return nil
	}
	e := &OldBSEError{Code: c}
	if nw, ok := MovedBSE(c); ok {
		e.New = nw
		if s, ok := LookupMaster(nw); ok {
			e.Name = s.Name
		}
	}
	return e
}
