// Command quoteserver answers Tencent's quote, daily k-line and minute
// (分时) formats for any symbol, on a local address, so that the commands' figures with
// quotes on (peak RSS, wall) are measured at the whole market without
// the network:
//
//	go run ./bench/quoteserver -addr 127.0.0.1:18080 &
//	zixuan --db F --quotes-url http://127.0.0.1:18080 scorecard
//
// Every symbol trades every session up to -last (default: the last
// session closed now) as a random walk seeded by its symbol, each bar with
// an open, a high, a low and a volume; a quote is that walk's last bar,
// stamped -last at 15:00, and the minute line runs from its open to its
// close.
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18080", "where to listen")
	lastFlag := flag.String("last", "", "the last session served (YYYY-MM-DD); empty: the last closed now")
	flag.Parse()
	last := lastClosed(time.Now())
	if *lastFlag != "" {
		d, err := time.ParseInLocation(time.DateOnly, *lastFlag, market.China)
		if err != nil {
			log.Fatalf("quoteserver: -last %q is not a date (YYYY-MM-DD)", *lastFlag)
		}
		last = d
	}
	http.HandleFunc("/appstock/app/fqkline/get", func(w http.ResponseWriter, r *http.Request) {
		p := strings.Split(r.URL.Query().Get("param"), ",")
		if len(p) < 4 {
			http.Error(w, "param: symbol,day,from,to,rows,qfq", http.StatusBadRequest)
			return
		}
		from, _ := time.ParseInLocation(time.DateOnly, p[2], market.China)
		to, _ := time.ParseInLocation(time.DateOnly, p[3], market.China)
		var rows []string
		for _, b := range walk(p[0], last) {
			if b.day.Before(from) || b.day.After(to) {
				continue
			}
			// Tencent's order: day, open, close, high, low, volume in lots.
			rows = append(rows, fmt.Sprintf(`["%s","%.2f","%.2f","%.2f","%.2f","%.3f"]`,
				b.day.Format(time.DateOnly), b.open, b.close, b.high, b.low, b.volume))
		}
		fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"day":[%s]}}}`, p[0], strings.Join(rows, ","))
	})
	http.HandleFunc("/appstock/app/minute/query", func(w http.ResponseWriter, r *http.Request) {
		sym := r.URL.Query().Get("code")
		if len(sym) < 3 {
			http.Error(w, "code: a symbol such as sh600519", http.StatusBadRequest)
			return
		}
		bars := walk(sym, last)
		prev, day := bars[len(bars)-2].close, bars[len(bars)-1]
		fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"data":{"date":"%s","data":[%s]},"qt":{"%s":["1","名称","%s","%.2f","%.2f","%.2f"]}}}}`,
			sym, last.Format("20060102"), strings.Join(minutes(sym, day), ","), sym, sym[2:], day.close, prev, day.open)
	})
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/q=") {
			fmt.Fprintln(w, `v_pv_none_match="1";`)
			return
		}
		var b strings.Builder
		stamp := last.Format("20060102") + "150003"
		for _, sym := range strings.Split(strings.TrimPrefix(r.URL.Path, "/q="), ",") {
			if len(sym) < 3 {
				continue
			}
			bars := walk(sym, last)
			day := bars[len(bars)-1]
			prev, now := bars[len(bars)-2].close, day.close
			f := make([]string, 50)
			f[0], f[1], f[2], f[3], f[4], f[5], f[6] = "1", "名称", sym[2:], fmt.Sprintf("%.2f", now), fmt.Sprintf("%.2f", prev), fmt.Sprintf("%.2f", day.open), fmt.Sprintf("%.0f", day.volume)
			f[30], f[31], f[32], f[33], f[34] = stamp, fmt.Sprintf("%.2f", now-prev), fmt.Sprintf("%.2f", (now-prev)/prev*100), fmt.Sprintf("%.2f", day.high), fmt.Sprintf("%.2f", day.low)
			fmt.Fprintf(&b, "v_%s=\"%s\";\n", sym, strings.Join(f, "~"))
		}
		out, _ := simplifiedchinese.GBK.NewEncoder().String(b.String())
		_, _ = w.Write([]byte(out))
	})
	log.Printf("quoteserver: http://%s, sessions through %s", *addr, last.Format(time.DateOnly))
	log.Fatal(http.ListenAndServe(*addr, nil))
}

type bar struct {
	day                            time.Time
	open, close, high, low, volume float64
}

// walk is sym's closes, every session from 2023-01-03 to last.
func walk(sym string, last time.Time) []bar {
	h := fnv.New64a()
	h.Write([]byte(sym))
	r := rand.New(rand.NewPCG(h.Sum64(), 1))
	p := 5 + r.Float64()*100
	if strings.HasPrefix(sym, "sh000") || strings.HasPrefix(sym, "sz399") {
		p = 3000 + r.Float64()*1000 // an index
	}
	// The day's open, range and volume come from a source of their own,
	// so that the closes stay what they were before bars had them.
	shape := rand.New(rand.NewPCG(h.Sum64(), 2))
	var out []bar
	prev := p
	for d := time.Date(2023, 1, 3, 0, 0, 0, 0, market.China); !d.After(last); d = d.AddDate(0, 0, 1) {
		if !market.IsTradingDay(d) {
			continue
		}
		p = max(0.5, p*(1+(r.Float64()-0.5)/10))
		c := cents(p)
		o := cents(prev * (1 + (shape.Float64()-0.5)/50))
		hi := cents(max(o, c) * (1 + shape.Float64()/40))
		lo := cents(min(o, c) * (1 - shape.Float64()/40))
		out = append(out, bar{d, o, c, hi, lo, float64(int(500 + shape.Float64()*2000))})
		prev = c
	}
	return out
}

// minutes is a session's minute rows in Tencent's form ("0930 price
// volume amount", volume and amount running totals), from the day's open
// to its close, within its low and high, ending at its volume.
func minutes(sym string, day bar) []string {
	h := fnv.New64a()
	h.Write([]byte(sym))
	r := rand.New(rand.NewPCG(h.Sum64(), 3))
	var rows []string
	var clock []string
	for t := 9*60 + 30; t <= 15*60; t++ {
		if t > 11*60+30 && t < 13*60+1 {
			continue
		}
		clock = append(clock, fmt.Sprintf("\"%02d%02d", t/60, t%60))
	}
	vol, amount := 0.0, 0.0
	for i, hm := range clock {
		f := float64(i) / float64(len(clock)-1)
		p := day.open + (day.close-day.open)*f + (r.Float64()-0.5)*(day.high-day.low)/4
		p = cents(min(day.high, max(day.low, p)))
		if i == len(clock)-1 {
			p = day.close
		}
		v := float64(int(day.volume * float64(i+1) / float64(len(clock))))
		amount += (v - vol) * 100 * p
		vol = v
		rows = append(rows, fmt.Sprintf(`%s %.2f %.0f %.2f"`, hm, p, vol, amount))
	}
	return rows
}

// cents rounds a price down to the fen, as the closes always were.
func cents(p float64) float64 { return float64(int(p*100)) / 100 }

// lastClosed is the last session over at t: the exchanges close at 15:00.
func lastClosed(t time.Time) time.Time {
	c := t.In(market.China)
	d := market.ChinaDay(c)
	if market.IsTradingDay(d) && c.Hour() >= 15 {
		return d
	}
	return market.PrevTradingDay(d)
}
