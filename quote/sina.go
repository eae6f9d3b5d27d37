package quote

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

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
func (s *Sina) Quotes(ctx context.Context, codes []sectors.Code) (map[string]Quote, error) {
	return batches(ctx, codes, func(ctx context.Context, part []sectors.Code) (map[string]Quote, error) {
		body, err := s.c.get(ctx, s.Base+"/list="+symbols(part))
		if err != nil {
			return nil, err
		}
		return ParseSina(body, part)
	})
}

// ParseSina reads a Sina answer. Fields: 0 name, 1 open, 2 previous close,
// 3 last, 4 high, 5 low, 8 volume (shares), 9 amount (yuan), 30 date,
// 31 time. It has no change field: change is computed.
func ParseSina(body []byte, asked []sectors.Code) (map[string]Quote, error) {
	bySym := make(map[string]sectors.Code, len(asked))
	for _, c := range asked {
		bySym[symbol(c)] = c
	}
	out := make(map[string]Quote, len(asked))
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
		num := func(i int) float64 {
			if i >= len(f) {
				return 0
			}
			return number(f[i])
		}
		q := Quote{Code: code, Name: f[0], Open: num(1), PrevClose: num(2), Last: num(3),
			High: num(4), Low: num(5), Volume: int64(num(8)), Amount: num(9)}
		if q.Last <= 0 && q.PrevClose <= 0 {
			continue
		}
		if len(f) > 31 {
			if t, err := time.ParseInLocation("2006-01-02 15:04:05", f[30]+" "+f[31], sectors.China); err == nil {
				q.Time = t
			}
		}
		if q.Last <= 0 || (q.Volume == 0 && q.Open <= 0) {
			q.Suspended = true
			if q.Last <= 0 {
				q.Last = q.PrevClose
			}
		} else {
			q.Change, q.ChangePct = change(q.Last, q.PrevClose)
		}
		out[code.Key()] = q
	}
	if recognised == 0 {
		return out, fmt.Errorf("%w: no quote lines in %d bytes", ErrMalformed, len(body))
	}
	return out, nil
}

// Fallback asks Primary, and asks Secondary for whatever Primary could not
// give when Primary failed (not for codes Primary answered "unknown").
type Fallback struct {
	Primary, Secondary Provider
}

// Name implements Provider.
func (f Fallback) Name() string { return f.Primary.Name() + "+" + f.Secondary.Name() }

// Quotes implements Provider.
func (f Fallback) Quotes(ctx context.Context, codes []sectors.Code) (map[string]Quote, error) {
	got, err := f.Primary.Quotes(ctx, codes)
	if err == nil || ctx.Err() != nil {
		return got, err
	}
	var rest []sectors.Code
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
