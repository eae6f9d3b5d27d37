package quote

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Sina is the fallback provider: $Base/list=sh600519,sz000977 answers
// var hq_str_sh600519="name,open,prev_close,last,high,low,bid,ask,volume,
// amount,…,date,time,…"; in GBK. It refuses (403) requests without a
// Referer from its own site.
type Sina struct {
	Base string
	c    client
}

// NewSina returns the provider; base "" is SinaURL.
func NewSina(base string, hc *http.Client) *Sina {
	if base == "" {
		base = SinaURL
	}
	return &Sina{Base: strings.TrimRight(base, "/"), c: newClient(hc, map[string]string{"Referer": "https://finance.sina.com.cn"})}
}

// Name implements Provider.
func (s *Sina) Name() string { return "sina" }

// Quotes implements Provider.
func (s *Sina) Quotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	return batches(ctx, codes, func(ctx context.Context, part []market.Code) (map[string]sectors.Quote, error) {
		body, err := s.c.get(ctx, s.Base+"/list="+symbols(part))
		if err != nil {
			return nil, err
		}
		return ParseSina(body, part)
	})
}

// ParseSina reads a Sina answer. Fields: 0 name, 1 open, 2 previous close,
// 3 last, 4 high, 5 low, 8 volume (shares, every board), 9 amount (yuan),
// 10–19 the five bid levels as shares then price (买一 in 10 and 11), 20–29
// the five ask levels the same way, 30 date, 31 time, 32 status (see
// sinaHalts). It has no change field: change is computed.
func ParseSina(body []byte, asked []market.Code) (map[string]sectors.Quote, error) {
	bySym := make(map[string]market.Code, len(asked))
	for _, c := range asked {
		bySym[symbol(c)] = c
	}
	out := make(map[string]sectors.Quote, len(asked))
	recognised := 0
	for _, line := range strings.Split(gbk(body), ";") {
		name, val, ok := assignment(strings.TrimSpace(line), "hq_str_")
		if !ok {
			continue
		}
		recognised++
		code, known := bySym[name]
		f := strings.Split(val, ",")
		if !known || len(f) < 10 {
			continue
		}
		at := func(i int) string {
			if i >= len(f) {
				return ""
			}
			return strings.TrimSpace(f[i])
		}
		q := sectors.Quote{Code: code, Name: f[0], Open: price(at(1)), PrevClose: price(at(2)), Last: price(at(3)),
			High: price(at(4)), Low: price(at(5)), Volume: int64(bounded(at(8), maxVolume)), Amount: bounded(at(9), maxAmount)}
		if code.IsIndex() {
			q.Volume = sharesOf(bounded(at(8), maxVolume), indexUnit) // an index's volume is in lots here too
		}
		for i := range 5 {
			q.Bids[i] = sectors.Level{Shares: int64(bounded(at(10+2*i), maxVolume)), Price: price(at(11 + 2*i))}
			q.Asks[i] = sectors.Level{Shares: int64(bounded(at(20+2*i), maxVolume)), Price: price(at(21 + 2*i))}
		}
		if q.Last <= 0 && q.PrevClose <= 0 || garbled(at(2)) || garbled(at(3)) {
			continue
		}
		if t, err := time.ParseInLocation("2006-01-02 15:04:05", at(30)+" "+at(31), market.China); err == nil {
			q.Time = t
		}
		q.Change, q.ChangePct = change(q.Last, q.PrevClose)
		if word, halted := sinaHalts[at(32)]; halted {
			// Sina says so: a halt whatever the volume (a 临停 comes after
			// trades); the last trade, or the previous close, stays shown.
			q.Suspended, q.Halt = true, word
			if q.Last <= 0 {
				q.Last = q.PrevClose
			}
			q.Change, q.ChangePct = 0, 0
		} else if at(32) == "00" {
			// Sina says it trades: no trade yet is the call auction at most.
			if q.Last <= 0 || (q.Volume == 0 && q.Open <= 0) {
				q.PreOpen = !q.Time.IsZero() && PreOpen(q.Time)
				if q.Last <= 0 {
					q.Last = q.PrevClose
					q.Change, q.ChangePct = 0, 0
				}
			}
		} else {
			noTrade(&q) // no status field (an older answer): judge by the clock
		}
		boundChange(&q)
		out[code.Key()] = q
	}
	if recognised == 0 {
		return out, fmt.Errorf("%w: no quote lines in %d bytes", ErrMalformed, len(body))
	}
	return out, nil
}

// sinaHalts are Sina's status codes (field 32) that mean no trading, with
// the word Sina's own quote page shows for them. "00" is normal trading;
// -1 无记录, -2 未上市 and -3 退市 are not halts of a listed stock and are
// left to the volume and the clock. The table is the one public clients of
// hq.sinajs.cn copy from Sina's page script ("00": "", "01": "临停1H",
// "02"/"03": "停牌", "04": "临停", "05": "停1/2", "07": "暂停").
var sinaHalts = map[string]string{
	"01": "临停1H", "02": "停牌", "03": "停牌", "04": "临停", "05": "停1/2", "07": "暂停",
}

// Fallback asks Primary, and asks Secondary for whatever Primary could not
// give when Primary failed (not for codes Primary answered "unknown").
type Fallback struct {
	Primary, Secondary Provider
}

// Name implements Provider.
func (f Fallback) Name() string { return f.Primary.Name() + "+" + f.Secondary.Name() }

// Quotes implements Provider.
func (f Fallback) Quotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	got, err := f.Primary.Quotes(ctx, codes)
	if err == nil || ctx.Err() != nil {
		return got, err
	}
	var rest []market.Code
	for _, c := range codes {
		if _, ok := got[c.Key()]; !ok {
			rest = append(rest, c)
		}
	}
	more, err2 := f.Secondary.Quotes(ctx, rest)
	for k, q := range more {
		got[k] = q
	}
	if err2 != nil {
		return got, err // the primary's error says best what is wrong
	}
	return got, nil
}
