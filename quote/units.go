package quote

import (
	"math"
	"strconv"
	"strings"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Bounds on what a server may call a number. Anything outside is garbage
// and reads as unknown (0), never as a value to print: a 1e300 "price"
// would otherwise fill a terminal with digits.
const (
	maxVolume   = 1e13 // shares in a day; the busiest A-share trades ~1e10
	maxAmount   = 1e13 // yuan in a day; the busiest A-share trades ~1e11
	maxPE       = 1e6
	maxMovePct  = 100  // a daily change beyond ±100 % is not shown as a number
	maxTurnover = 100  // percent: with T+1 a share trades at most once a day
	maxCap      = 1e14 // yuan; the largest A-share is worth some 3e12
	// maxVolumeRatio: a day's volume per minute against the last five
	// days'; a stock back from a long halt may reach a few hundred
	maxVolumeRatio = 1e4
)

// price reads a price field: a finite number in (0, maxPrice], else 0.
func price(s string) float64 {
	v := number(s)
	if v <= 0 || v > maxPrice {
		return 0
	}
	return v
}

// garbled reports whether a price field holds something other than a
// price or the zero a vendor sends for "none": NaN, 1e300, -5.
func garbled(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	v, err := strconv.ParseFloat(s, 64)
	return err != nil || (v != 0 && price(s) == 0)
}

// bounded reads a non-negative count or amount no larger than limit, else 0.
func bounded(s string, limit float64) float64 {
	v := number(s)
	if v < 0 || v > limit {
		return 0
	}
	return v
}

// Volume units. Tencent (qt.gtimg.cn and the fqkline daily k-line) gives
// the volume of STAR-market stocks (688/689) in shares (股) and of the
// other boards in lots of 100 (手): public evidence in
// ZhuLinsen/daily_stock_analysis issues #1408 (sh688691: field 35
// "122.70/10931723/1327404280", amount/volume ≈ price) and #2350 (688111
// and 688012 equal to akshare's share counts, 603501 and 002230 a hundredth
// of them), and akfamily/akshare PR #7328 (sh688981 equal to Sina's shares,
// sh600000 and sz300750 a hundredth). Sina's volume is always shares.
//
// A table of boards is what went wrong before (every volume was multiplied
// by 100), so the unit is read from the line itself whenever it carries an
// amount: the day's average price amount/volume lies between the day's low
// and high, so amount/(volume × price) is near 1 when the volume is in
// shares and near 100 when it is in lots. The board decides only when the
// line has no amount or the ratio is neither.

// lotsRatio classifies amount/(volume×price): 1 for shares, 100 for lots,
// 0 when it says neither.
func lotsRatio(volume, amount, px float64) float64 {
	if volume <= 0 || amount <= 0 || px <= 0 {
		return 0
	}
	r := amount / (volume * px)
	switch {
	case r >= 0.2 && r <= 5: // within a 5× swing of the price: shares
		return 1
	case r >= 20 && r <= 500:
		return 100
	}
	return 0
}

// indexUnit is what one unit of an index's volume is, with Tencent and
// Sina alike: a lot of 100 shares. An index's points are no price per
// share, so its line cannot tell the unit as a stock's does (沪深300 on
// 2026-06-25: amount ÷ (volume × points) is 0.64, which would read as
// shares). Public evidence: a client that keeps index volumes in shares
// found both servers' 189,924,166 for sh000300 on 2026-09-18 to be a
// hundredth of the exchange's 18,992,416,600 (akshare's
// stock_zh_index_daily), and multiplies by 100.
const indexUnit = 100

// sharesPerUnit is what one unit of a Tencent volume is, by board: STAR
// volumes are already shares, everything else is in lots.
func sharesPerUnit(c market.Code) float64 {
	if c.Board() == market.BoardSTAR {
		return 1
	}
	return 100
}

// tencentUnit is the shares one unit of a Tencent line's volumes stands
// for, checked against the same line's amount (yuan) and a price of the
// day, the board deciding only when the line cannot.
func tencentUnit(c market.Code, volume, amount, px float64) float64 {
	if c.IsIndex() {
		return indexUnit
	}
	if unit := lotsRatio(volume, amount, px); unit != 0 {
		return unit
	}
	return sharesPerUnit(c)
}

// sharesOf converts a count in a line's unit to shares, 0 when out of
// bounds.
func sharesOf(count, unit float64) int64 {
	v := count * unit
	if v <= 0 || v > maxVolume || math.IsNaN(v) {
		return 0
	}
	return int64(math.Round(v))
}

// tencentShares converts a Tencent volume to shares (see tencentUnit).
func tencentShares(c market.Code, volume, amount, px float64) int64 {
	return sharesOf(volume, tencentUnit(c, volume, amount, px))
}

// tradeField35 reads Tencent's field 35, "price/volume/amount": the last
// price, the volume (in the line's unit) and the exact amount in yuan.
// ok is false when the field is missing or malformed.
func tradeField35(s string) (px, volume, amount float64, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	px = price(parts[0])
	volume = bounded(parts[1], maxVolume)
	amount = bounded(parts[2], maxAmount)
	if px == 0 && number(parts[0]) != 0 {
		return 0, 0, 0, false
	}
	return px, volume, amount, true
}

// boundChange zeroes a change beyond ±maxMovePct and says so.
func boundChange(q *sectors.Quote) {
	if math.Abs(q.ChangePct) > maxMovePct || math.IsNaN(q.ChangePct) ||
		(q.PrevClose > 0 && math.Abs(q.Change)/q.PrevClose*100 > maxMovePct) {
		q.Change, q.ChangePct, q.ChangeUnknown = 0, 0, true
	}
}

// readPE sets PE and LossMaking from a PE field: a negative PE means
// negative earnings, which has no multiple to show.
func readPE(q *sectors.Quote, s string) {
	v := number(s)
	switch {
	case v < 0:
		q.LossMaking = true
	case v > 0 && v <= maxPE:
		q.PE = v
	}
}
