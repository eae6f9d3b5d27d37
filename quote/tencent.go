package quote

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Default endpoints.
const (
	TencentURL      = "https://qt.gtimg.cn"
	TencentKlineURL = "https://web.ifzq.gtimg.cn"
	SinaURL         = "https://hq.sinajs.cn"
)

// Tencent is the quote provider over Tencent's public endpoint:
// $Base/q=sh600519,sz000977 answers one GBK line per symbol,
// v_sh600519="1~贵州茅台~600519~1459.88~…";, fields separated by ~.
// Its daily history is JSON from $KlineBase/appstock/app/fqkline/get.
type Tencent struct {
	Base      string // "" is TencentURL
	KlineBase string // "" is TencentKlineURL, or Base when Base is set
	c         client
}

// NewTencent returns the provider. base replaces https://qt.gtimg.cn (a
// mirror, a proxy, a test server); the same server is then asked for the
// daily history too. hc nil is http.DefaultClient.
func NewTencent(base string, hc *http.Client) *Tencent {
	t := &Tencent{Base: strings.TrimRight(base, "/"), c: newClient(hc, nil)}
	if t.Base == "" {
		t.Base, t.KlineBase = TencentURL, TencentKlineURL
	} else {
		t.KlineBase = t.Base
	}
	return t
}

// Name implements Provider.
func (t *Tencent) Name() string { return "tencent" }

// Quotes implements Provider.
func (t *Tencent) Quotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	return batches(ctx, codes, t.batch)
}

func (t *Tencent) batch(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	body, err := t.c.get(ctx, t.Base+"/q="+symbols(codes))
	if err != nil {
		return nil, err
	}
	return ParseTencent(body, codes)
}

// ParseTencent reads a Tencent answer (GBK bytes) for the codes asked
// for. Unknown codes (v_pv_none_match="1"; or an empty value) are left
// out; a line it cannot read is skipped. An answer with no line it can
// read, for codes that are not all unknown, is ErrMalformed.
func ParseTencent(body []byte, asked []market.Code) (map[string]sectors.Quote, error) {
	bySym := make(map[string]market.Code, len(asked))
	for _, c := range asked {
		bySym[symbol(c)] = c
	}
	out := make(map[string]sectors.Quote, len(asked))
	recognised := 0
	for _, line := range strings.Split(gbk(body), ";") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, val, ok := assignment(line, "v_")
		if !ok {
			continue
		}
		recognised++
		code, known := bySym[name]
		if !known || val == "" || val == "1" {
			continue // v_pv_none_match="1", or a symbol we did not ask for
		}
		q, ok := tencentFields(code, strings.Split(val, "~"))
		if ok {
			out[code.Key()] = q
		}
	}
	if recognised == 0 {
		return out, fmt.Errorf("%w: no quote lines in %d bytes", ErrMalformed, len(body))
	}
	return out, nil
}

// assignment splits `<prefix>NAME="VALUE"` into NAME and VALUE.
func assignment(line, prefix string) (name, val string, ok bool) {
	line = strings.TrimPrefix(line, "var ")
	if !strings.HasPrefix(line, prefix) {
		return "", "", false
	}
	eq := strings.IndexByte(line, '=')
	if eq < 0 {
		return "", "", false
	}
	name = line[len(prefix):eq]
	val = strings.TrimSpace(line[eq+1:])
	if len(val) < 2 || val[0] != '"' || val[len(val)-1] != '"' {
		return "", "", false
	}
	return name, val[1 : len(val)-1], true
}

// tencentFields maps the ~-separated fields. The layout, from public
// clients and real answers: 1 name, 2 code, 3 last, 4 previous close,
// 5 open, 6 volume (shares for STAR, lots of 100 elsewhere: see
// tencentShares), 30 time YYYYMMDDHHMMSS, 31 change, 32 change %, 33 high,
// 34 low, 35 "price/volume/amount" (amount in yuan, exact), 36 volume
// again, 37 amount (10k yuan, rounded), 38 turnover %, 39 PE (negative for
// a loss); the order book in 9–28 (买一 price and volume in 9 and 10, to
// 买五 in 17 and 18; 卖一 to 卖五 in 19–28), its volumes in the unit of the
// line's volume; 43 amplitude %, 44 float and 45 total market value (100
// million yuan), 46 PB, 47 and 48 the day's limit-up and limit-down
// prices, 49 volume ratio (量比). A recorded line checks each (see
// tencent_fields_test.go: the limits are the previous close ± 10 %, the
// caps the share counts of fields 72/73 times the price, the server's own
// 委比 in field 74 equals the one the book gives). Older answers stop
// earlier: every index is guarded, and what is missing is computed
// (change) or left zero.
func tencentFields(code market.Code, f []string) (sectors.Quote, bool) {
	at := func(i int) string {
		if i < len(f) {
			return strings.TrimSpace(f[i])
		}
		return ""
	}
	if len(f) < 6 || (at(2) != "" && at(2) != code.Number) {
		return sectors.Quote{}, false
	}
	q := sectors.Quote{
		Code: code, Name: at(1),
		Last: price(at(3)), PrevClose: price(at(4)), Open: price(at(5)),
		High: price(at(33)), Low: price(at(34)),
		Turnover: bounded(at(38), maxTurnover),
	}
	readPE(&q, at(39))
	if q.Last <= 0 && q.PrevClose <= 0 {
		return sectors.Quote{}, false // nothing to show
	}
	if garbled(at(3)) || garbled(at(4)) {
		return sectors.Quote{}, false // a last or previous close that is no price: the line is not to be trusted
	}
	if t, err := time.ParseInLocation("20060102150405", at(30), market.China); err == nil {
		q.Time = t
	}
	// The exact amount is field 35's third part; field 37 is the same in
	// 10k yuan, rounded, for lines without 35.
	volume := bounded(at(6), maxVolume)
	amount := bounded(at(37), maxAmount/1e4) * 1e4
	if _, v, a, ok := tradeField35(at(35)); ok {
		if volume == 0 {
			volume = v
		}
		if a > 0 || amount == 0 {
			amount = a
		}
	}
	q.Amount = amount
	unit := tencentUnit(code, volume, amount, q.Last)
	q.Volume = sharesOf(volume, unit)
	for i := range 5 {
		q.Bids[i] = sectors.Level{Price: price(at(9 + 2*i)), Shares: sharesOf(bounded(at(10+2*i), maxVolume), unit)}
		q.Asks[i] = sectors.Level{Price: price(at(19 + 2*i)), Shares: sharesOf(bounded(at(20+2*i), maxVolume), unit)}
	}
	q.Amplitude = bounded(at(43), 2*maxMovePct)
	q.FloatCap = bounded(at(44), maxCap/1e8) * 1e8
	q.TotalCap = bounded(at(45), maxCap/1e8) * 1e8
	q.PB = bounded(at(46), maxPE)
	q.LimitUp, q.LimitDown = price(at(47)), price(at(48))
	q.VolumeRatio = bounded(at(49), maxVolumeRatio)
	if len(f) > 32 && at(31) != "" {
		q.Change, q.ChangePct = number(at(31)), number(at(32))
	} else {
		q.Change, q.ChangePct = change(q.Last, q.PrevClose)
	}
	noTrade(&q)
	boundChange(&q)
	if q.High <= 0 {
		q.High = q.Last
	}
	if q.Low <= 0 {
		q.Low = q.Last
	}
	return q, true
}

// noTrade handles a quote with nothing traded today (volume 0 and no
// open, or no last price). Before 09:30 on a trading day that is every
// stock (the 09:15–09:25 call auction matches no trade until 09:25, and
// continuous trading starts at 09:30): PreOpen, not a halt. From 09:30 on
// it is a halt for the day. A line without a time cannot tell the two
// apart and is marked neither.
func noTrade(q *sectors.Quote) {
	if q.Last > 0 && (q.Volume > 0 || q.Open > 0) {
		return
	}
	if q.Last <= 0 {
		q.Last = q.PrevClose
		q.Change, q.ChangePct = 0, 0
	}
	switch {
	case q.Time.IsZero():
	case PreOpen(q.Time):
		q.PreOpen = true
	default:
		q.Suspended = true
		q.Change, q.ChangePct = 0, 0
	}
}

func change(last, prev float64) (float64, float64) {
	if prev <= 0 {
		return 0, 0
	}
	return last - prev, (last - prev) / prev * 100
}

// maxPrice bounds what a server may call a price: no A-share trades near
// ten million yuan (the dearest, 600519, is near 1,500), and a larger
// "price" is garbage.
const maxPrice = 1e7

// number reads a field as a finite number; anything else (empty, text,
// NaN, ±Inf) is 0, which the callers treat as unknown.
func number(s string) float64 {
	if s == "" {
		return 0 // most often an absent field: no error made to say so
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
