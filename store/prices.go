package store

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Reference prices: the close a rating's return is measured from. They
// live in their own bucket, keyed by ticker and trading day, not inside
// the rating records, so the records (and their fast decoder) are
// unchanged and a price can be set before or after the rating it serves:
//
//	prices/<SH688111>/<2024-05-10>   priceRecord
//
// A rating dated D is measured from the newest close on or before D (at
// most two weeks before): the seed's ratings, dated 2024-05-12 (a Sunday),
// from the close of Friday 2024-05-10.

var bucketPrices = []byte("prices")

type priceRecord struct {
	Close    float64   `json:"close"`
	Adjusted bool      `json:"adjusted,omitempty"`
	Source   string    `json:"source"`
	Set      time.Time `json:"set"`
}

// SetRefPrices stores closes in one transaction, replacing any stored for
// the same ticker and day.
func (s *Store) SetRefPrices(prices []sectors.RefPrice) error {
	for _, p := range prices {
		if !(p.Close > 0) || math.IsInf(p.Close, 0) || p.Close > maxPrice {
			e := refusal(ErrInvalid, BadPrice, p.Code)
			e.Detail = fmt.Sprintf("%s on %s: %s", p.Code.Key(), p.Day.Format(time.DateOnly), formatPrice(p.Close))
			return e
		}
		if p.Day.IsZero() {
			return refusal(ErrInvalid, PriceWithoutDate, p.Code)
		}
	}
	if len(prices) == 0 {
		return nil
	}
	return s.updateAside(func(tx *bolt.Tx) error { return putRefPrices(tx, s.now(), prices) })
}

// maxPrice bounds a price: no A-share has traded above ten million yuan.
const maxPrice = 1e7

func formatPrice(p float64) string { return strconv.FormatFloat(p, 'g', 8, 64) }

// putRefPrices stores checked closes inside tx.
func putRefPrices(tx *bolt.Tx, now time.Time, prices []sectors.RefPrice) error {
	root, err := tx.CreateBucketIfNotExists(bucketPrices)
	if err != nil {
		return err
	}
	for _, p := range prices {
		b, err := root.CreateBucketIfNotExists([]byte(p.Code.Key()))
		if err != nil {
			return err
		}
		src := p.Source
		if src == "" {
			src = sectors.SourceUser
		}
		rec := priceRecord{Close: p.Close, Adjusted: p.Adjusted, Source: src, Set: now}
		if err := putJSON(b, []byte(market.ChinaDay(p.Day).Format(time.DateOnly)), rec); err != nil {
			return err
		}
	}
	return nil
}

// RefPrices returns every stored close, by ticker key, oldest first.
func (s *Store) RefPrices() (map[string][]sectors.RefPrice, error) {
	var out map[string][]sectors.RefPrice
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readRefPrices(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func readRefPrices(tx *bolt.Tx) (map[string][]sectors.RefPrice, error) {
	out := map[string][]sectors.RefPrice{}
	root := tx.Bucket(bucketPrices)
	if root == nil {
		return out, nil
	}
	err := root.ForEachBucket(func(k []byte) error {
		code, err := market.ParseCode(string(k))
		if err != nil {
			return nil // not ours to judge here; doctor reports it
		}
		return root.Bucket(k).ForEach(func(dk, v []byte) error {
			day, err := time.ParseInLocation(time.DateOnly, string(dk), market.China)
			if err != nil || v == nil {
				return nil
			}
			var rec priceRecord
			if err := getJSON(root.Bucket(k), dk, &rec); err != nil {
				return fmt.Errorf("prices/%s/%s: %w", k, dk, err)
			}
			out[code.Key()] = append(out[code.Key()], sectors.RefPrice{Code: code, Day: day, Close: rec.Close, Adjusted: rec.Adjusted, Source: rec.Source, Set: rec.Set})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for _, l := range out {
		sort.Slice(l, func(i, j int) bool { return l[i].Day.Before(l[j].Day) })
	}
	return out, nil
}
