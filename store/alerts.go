package store

import (
	"math"
	"slices"
	"strings"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Alerts live in their own bucket, keyed by id (8 bytes, big-endian, from
// the bucket's sequence, so ids are never reused):
//
//	alerts/<id>   alertRecord
//
// A fired alert stays with its firings; removing one deletes its record.

var bucketAlerts = []byte("alerts")

type alertRecord struct {
	Code       string                `json:"code"` // SH600519
	Kind       string                `json:"kind"`
	Value      float64               `json:"value"`
	Excess     bool                  `json:"excess,omitempty"`
	Repeat     bool                  `json:"repeat,omitempty"`
	Note       string                `json:"note,omitempty"`
	Created    time.Time             `json:"created"`
	Expires    string                `json:"expires,omitempty"` // a China date
	Armed      bool                  `json:"armed"`
	Disabled   bool                  `json:"disabled,omitempty"`
	Primed     bool                  `json:"primed"`
	FiredAt    time.Time             `json:"fired_at,omitzero"`
	FiredPrice float64               `json:"fired_price,omitempty"`
	Firings    []sectors.AlertFiring `json:"firings,omitempty"`
	// Changed and ChangedQuote order observations (see sectors.Alert);
	// Undelivered are firings whose --exec is still owed.
	Changed      time.Time             `json:"changed,omitzero"`
	ChangedQuote time.Time             `json:"changed_quote,omitzero"`
	Undelivered  []sectors.AlertFiring `json:"undelivered,omitempty"`
}

func alertToRecord(a sectors.Alert) alertRecord {
	r := alertRecord{Code: a.Code.Key(), Kind: string(a.Kind), Value: a.Value, Excess: a.Excess, Repeat: a.Repeat, Note: a.Note,
		Created: a.Created, Armed: a.Armed, Disabled: a.Disabled, Primed: a.Primed, FiredAt: a.FiredAt, FiredPrice: a.FiredPrice, Firings: a.Firings,
		Changed: a.Changed, ChangedQuote: a.ChangedQuote, Undelivered: a.Undelivered}
	if !a.Expires.IsZero() {
		r.Expires = market.ChinaDate(a.Expires)
	}
	return r
}

func (r alertRecord) alert(id uint64) (sectors.Alert, error) {
	code, err := market.ParseCode(r.Code)
	if err != nil {
		return sectors.Alert{}, err
	}
	kind, err := sectors.ParseAlertKind(r.Kind)
	if err != nil {
		return sectors.Alert{}, err
	}
	a := sectors.Alert{ID: id, Code: code, Kind: kind, Value: r.Value, Excess: r.Excess, Repeat: r.Repeat, Note: r.Note,
		Created: r.Created, Armed: r.Armed, Disabled: r.Disabled, Primed: r.Primed, FiredAt: r.FiredAt, FiredPrice: r.FiredPrice, Firings: r.Firings,
		Changed: r.Changed, ChangedQuote: r.ChangedQuote, Undelivered: r.Undelivered}
	if r.Expires != "" {
		if a.Expires, err = time.ParseInLocation(time.DateOnly, r.Expires, market.China); err != nil {
			return sectors.Alert{}, err
		}
	}
	return a, nil
}

// detail is err's text without the sentinel's own words in front.
func detail(err, sentinel error) string {
	return strings.TrimPrefix(err.Error(), sentinel.Error()+": ")
}

// AddAlert checks and stores a new alert on a ticker of the watchlist
// and returns it with its id. Its Created is the store's clock unless set.
func (s *Store) AddAlert(a sectors.Alert) (sectors.Alert, error) {
	if a.Created.IsZero() {
		a.Created = s.now()
	}
	if err := a.Check(a.Created); err != nil {
		return a, &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Detail: detail(err, sectors.ErrAlertValue)}
	}
	if a.Expired(s.now()) {
		return a, &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Detail: "the expiry date " + market.ChinaDate(a.Expires) + " has passed"}
	}
	err := s.updateUnloaded(func(tx *bolt.Tx) error {
		r := refOf(tx, a.Code)
		if !r.exists() {
			return notOnList(a.Code)
		}
		var t tickerRecord
		if err := r.info(&t); err != nil {
			return err
		}
		if !t.Removed.IsZero() {
			return refusal(ErrNotFound, AlreadyRemoved, a.Code)
		}
		// decided in the transaction that stores it, on the rating as it
		// is then
		if r, err := sectors.ParseRating(t.Rating); err == nil {
			if err := a.CanFireOn(r); err != nil {
				return &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Detail: detail(err, sectors.ErrAlertNeverFires)}
			}
		}
		b, err := tx.CreateBucketIfNotExists(bucketAlerts)
		if err != nil {
			return err
		}
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		a.ID = id
		return putJSON(b, itob(id), alertToRecord(a))
	})
	return a, err
}

// Alerts returns every alert, by id.
func (s *Store) Alerts() ([]sectors.Alert, error) {
	var out []sectors.Alert
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readAlerts(tx)
		return err
	})
	return out, err
}

func readAlerts(tx *bolt.Tx) ([]sectors.Alert, error) {
	var out []sectors.Alert
	b := tx.Bucket(bucketAlerts)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 || v == nil {
			return nil
		}
		var rec alertRecord
		if err := getJSON(b, k, &rec); err != nil {
			return err
		}
		a, err := rec.alert(btoi(k))
		if err != nil {
			return nil // doctor's business; a bad record does not hide the others
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

func btoi(k []byte) uint64 {
	var v uint64
	for _, c := range k {
		v = v<<8 | uint64(c)
	}
	return v
}

// RemoveAlert deletes alert id.
func (s *Store) RemoveAlert(id uint64) (sectors.Alert, error) {
	var a sectors.Alert
	err := s.updateUnloaded(func(tx *bolt.Tx) error {
		var err error
		if a, err = alertIn(tx, id); err != nil {
			return err
		}
		return tx.Bucket(bucketAlerts).Delete(itob(id))
	})
	return a, err
}

func alertIn(tx *bolt.Tx, id uint64) (sectors.Alert, error) {
	b := tx.Bucket(bucketAlerts)
	if b == nil || b.Get(itob(id)) == nil {
		return sectors.Alert{}, &Error{Kind: ErrNotFound, Reason: NoSuchAlert, Count: int(min(id, math.MaxInt32))}
	}
	var rec alertRecord
	if err := getJSON(b, itob(id), &rec); err != nil {
		return sectors.Alert{}, err
	}
	return rec.alert(id)
}

// RearmAlert arms alert id again (see sectors.Alert.Rearm); expires, when
// not zero, replaces its expiry. An alert whose expiry has passed needs a
// new one.
func (s *Store) RearmAlert(id uint64, expires time.Time) (sectors.Alert, error) {
	var a sectors.Alert
	now := s.now()
	err := s.updateUnloaded(func(tx *bolt.Tx) error {
		var err error
		if a, err = alertIn(tx, id); err != nil {
			return err
		}
		if !expires.IsZero() {
			a.Expires = market.ChinaDay(expires)
		}
		if a.Expired(now) {
			return &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Count: int(id),
				Detail: "the expiry date " + market.ChinaDate(a.Expires) + " has passed: give a new one"}
		}
		a.Rearm(now)
		return putJSON(tx.Bucket(bucketAlerts), itob(id), alertToRecord(a))
	})
	return a, err
}

// ObserveAlerts runs observe on every alert in one write transaction and
// stores those it changed; it returns those that fired. Two checks at
// once cannot both fire an alert: the second sees the first's result.
//
// observe may be called twice for an alert: first in a read-only pass,
// which decides whether anything would change at all (a check where
// nothing fires opens the file for reading only, and a read-only file
// serves it), then in the write transaction, whose stored state decides.
// It must give the same answer for the same alert and keep no state of
// its own but by the alert's id.
func (s *Store) ObserveAlerts(observe func(a *sectors.Alert) (fired, changed bool)) ([]sectors.Alert, error) {
	return s.observeAlerts(observe, false)
}

// keyAlertExec, in meta, marks a database a delivery command has been run
// for (alert check --exec), with when that first happened: from then on a
// check without one (the TUI's) owes its firings to it as well, so that
// the next check with --exec runs the command for them.
var keyAlertExec = []byte("alert-exec")

// ObserveAlertsDelivering is ObserveAlerts for a check that runs a
// delivery command: in the same transaction it marks the database as one
// whose firings are owed to it (AlertsDelivered).
func (s *Store) ObserveAlertsDelivering(observe func(a *sectors.Alert) (fired, changed bool)) ([]sectors.Alert, error) {
	return s.observeAlerts(observe, true)
}

// AlertsDelivering reports whether a check with a delivery command has
// run on this database (ObserveAlertsDelivering).
func (s *Store) AlertsDelivering() (bool, error) {
	on := false
	err := s.view(func(tx *bolt.Tx) error {
		on = tx.Bucket(bucketMeta).Get(keyAlertExec) != nil
		return nil
	})
	return on, err
}

func (s *Store) observeAlerts(observe func(a *sectors.Alert) (fired, changed bool), mark bool) ([]sectors.Alert, error) {
	var fired []sectors.Alert
	anyChange := false
	err := s.view(func(tx *bolt.Tx) error {
		anyChange = mark && tx.Bucket(bucketMeta).Get(keyAlertExec) == nil
		list, err := readAlerts(tx)
		if err != nil {
			return err
		}
		for i := range list {
			if _, changed := observe(&list[i]); changed {
				anyChange = true
			}
		}
		return nil
	})
	if err != nil || !anyChange {
		return nil, err
	}
	err = s.updateUnloaded(func(tx *bolt.Tx) error {
		fired = nil
		list, err := readAlerts(tx)
		if err != nil {
			return err
		}
		any := false
		if meta := tx.Bucket(bucketMeta); mark && meta.Get(keyAlertExec) == nil {
			if err := meta.Put(keyAlertExec, []byte(s.now().UTC().Format(time.RFC3339))); err != nil {
				return err
			}
			any = true
		}
		for i := range list {
			f, changed := observe(&list[i])
			if !changed {
				continue
			}
			any = true
			if err := putJSON(tx.Bucket(bucketAlerts), itob(list[i].ID), alertToRecord(list[i])); err != nil {
				return err
			}
			if f {
				fired = append(fired, list[i])
			}
		}
		if !any {
			return errUnchanged
		}
		return nil
	})
	return fired, err
}

// ImportAlerts adds alerts from a file, keeping their state and firings,
// under new ids. One the store holds already (the same ticker, kind,
// value and creation time) is left as it is. Alerts on tickers that are
// not in the store are skipped. It returns how many were added.
func (s *Store) ImportAlerts(list []sectors.Alert) (int, error) {
	if len(list) == 0 {
		return 0, nil
	}
	added := 0
	err := s.updateUnloaded(func(tx *bolt.Tx) error {
		var err error
		if added, err = importAlertsTx(tx, list); err != nil {
			return err
		}
		if added == 0 {
			return errUnchanged
		}
		return nil
	})
	return added, err
}

// importAlertsTx is ImportAlerts inside tx, for an import that writes
// tickers, alerts and trades in one transaction.
func importAlertsTx(tx *bolt.Tx, list []sectors.Alert) (int, error) {
	if len(list) == 0 {
		return 0, nil
	}
	have, err := readAlerts(tx)
	if err != nil {
		return 0, err
	}
	seen := map[string]bool{}
	for _, a := range have {
		seen[alertKey(a)] = true
	}
	b, err := tx.CreateBucketIfNotExists(bucketAlerts)
	if err != nil {
		return 0, err
	}
	added := 0
	for _, a := range list {
		if seen[alertKey(a)] || !refOf(tx, a.Code).exists() {
			continue
		}
		if err := a.Check(a.Created); err != nil {
			return 0, &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Detail: detail(err, sectors.ErrAlertValue)}
		}
		id, err := b.NextSequence()
		if err != nil {
			return 0, err
		}
		seen[alertKey(a)] = true
		if err := putJSON(b, itob(id), alertToRecord(a)); err != nil {
			return 0, err
		}
		added++
	}
	return added, nil
}

func alertKey(a sectors.Alert) string {
	return a.Code.Key() + "|" + string(a.Kind) + "|" + formatPrice(a.Value) + "|" + a.Created.UTC().Format(time.RFC3339Nano)
}

// AlertsDelivered records deliveries: for each alert id, the firings (by
// their time) whose --exec exited 0 leave its Undelivered list. An alert
// removed meanwhile is passed over.
func (s *Store) AlertsDelivered(done map[uint64][]time.Time) error {
	if len(done) == 0 {
		return nil
	}
	return s.updateUnloaded(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAlerts)
		if b == nil {
			return errUnchanged
		}
		any := false
		for id, ats := range done {
			if b.Get(itob(id)) == nil {
				continue
			}
			a, err := alertIn(tx, id)
			if err != nil {
				return err
			}
			kept := a.Undelivered[:0:0]
			for _, f := range a.Undelivered {
				if !slices.ContainsFunc(ats, f.At.Equal) {
					kept = append(kept, f)
				}
			}
			if len(kept) == len(a.Undelivered) {
				continue
			}
			a.Undelivered = kept
			if err := putJSON(b, itob(id), alertToRecord(a)); err != nil {
				return err
			}
			any = true
		}
		if !any {
			return errUnchanged
		}
		return nil
	})
}

// EnableAlert switches alert id on (on) or off, in one transaction (see
// sectors.Alert.Enable); its settings and firings stay.
func (s *Store) EnableAlert(id uint64, on bool) (sectors.Alert, error) {
	var a sectors.Alert
	now := s.now()
	err := s.updateAside(func(tx *bolt.Tx) error {
		var err error
		if a, err = alertIn(tx, id); err != nil {
			return err
		}
		a.Enable(on, now)
		return putJSON(tx.Bucket(bucketAlerts), itob(id), alertToRecord(a))
	})
	return a, err
}

// EditAlert gives alert id the condition of to (its kind, value, excess
// and expiry), checked as AddAlert checks a new one, on the ticker's
// rating as it is in the same transaction. The alert keeps its id, its
// ticker, its note and its past firings, and is armed for the new
// condition; one switched off stays off.
func (s *Store) EditAlert(id uint64, to sectors.Alert) (sectors.Alert, error) {
	var a sectors.Alert
	now := s.now()
	err := s.updateAside(func(tx *bolt.Tx) error {
		var err error
		if a, err = alertIn(tx, id); err != nil {
			return err
		}
		a.Kind, a.Value, a.Excess, a.Expires = to.Kind, to.Value, to.Excess, to.Expires
		if err := a.Check(now); err != nil {
			return &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Detail: detail(err, sectors.ErrAlertValue)}
		}
		if a.Expired(now) {
			return &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Detail: "the expiry date " + market.ChinaDate(a.Expires) + " has passed"}
		}
		var t tickerRecord
		if r := refOf(tx, a.Code); r.exists() {
			if err := r.info(&t); err != nil {
				return err
			}
			if r, err := sectors.ParseRating(t.Rating); err == nil {
				if err := a.CanFireOn(r); err != nil {
					return &Error{Kind: ErrInvalid, Reason: BadAlert, Code: a.Code, Detail: detail(err, sectors.ErrAlertNeverFires)}
				}
			}
		}
		a.Armed, a.Primed = true, true
		if now.After(a.Changed) {
			a.Changed = now
		}
		return putJSON(tx.Bucket(bucketAlerts), itob(id), alertToRecord(a))
	})
	return a, err
}
