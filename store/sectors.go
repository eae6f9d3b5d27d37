package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"zixuan/sectors"
)

func readSectors(tx *bolt.Tx) ([]Sector, error) {
	var out []Sector
	err := tx.Bucket(bucketSectors).ForEach(func(k, v []byte) error {
		var sec Sector
		if err := json.Unmarshal(v, &sec); err != nil {
			return fmt.Errorf("sector %s: %w", k, err)
		}
		out = append(out, sec)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out, err
}

// Sectors lists the sectors in display order.
func (s *Store) Sectors() ([]Sector, error) {
	var out []Sector
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readSectors(tx)
		return err
	})
	return out, err
}

// FindSector matches what a user typed against the sectors: id, English or
// Chinese name, case- and width-insensitively ("AI 应用", "ai", "Compute").
func FindSector(list []Sector, input string) (Sector, error) {
	want := foldName(input)
	if want == "" {
		return Sector{}, refuse(ErrNotFound, "no sector given: use one of %s", sectorChoices(list))
	}
	for _, sec := range list {
		if foldName(sec.ID) == want || foldName(sec.Name) == want || foldName(sec.NameZH) == want {
			return sec, nil
		}
	}
	return Sector{}, refuse(ErrNotFound, "no sector %q: use one of %s", clip(input), sectorChoices(list))
}

// ResolveSector is FindSector over the stored sectors.
func (s *Store) ResolveSector(input string) (Sector, error) {
	list, err := s.Sectors()
	if err != nil {
		return Sector{}, err
	}
	return FindSector(list, input)
}

func sectorChoices(list []Sector) string {
	parts := make([]string, len(list))
	for i, sec := range list {
		parts[i] = sec.ID
	}
	return strings.Join(parts, ", ")
}

func foldName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFKC.String(s))
}

// slug makes a sector id from a name: lower-case ASCII words joined by
// '-'; a name with no ASCII letters (军工) keeps its folded form.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(norm.NFKC.String(name)) {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// AddSector creates a user sector. name may be English or Chinese; nameZH
// is optional. Names must not clash with another sector's id or names.
func (s *Store) AddSector(name, nameZH string) (Sector, error) {
	name, nameZH = strings.TrimSpace(name), strings.TrimSpace(nameZH)
	id := slug(name)
	if id == "" {
		return Sector{}, refuse(ErrNotFound, "a sector needs a name with letters or digits")
	}
	if len([]rune(name)) > 40 || len([]rune(nameZH)) > 40 {
		return Sector{}, refuse(ErrNotFound, "sector names are at most 40 characters")
	}
	var sec Sector
	err := s.update(func(tx *bolt.Tx) error {
		list, err := readSectors(tx)
		if err != nil {
			return err
		}
		for _, n := range []string{id, name, nameZH} {
			if n == "" {
				continue
			}
			if old, err := FindSector(list, n); err == nil {
				return refuse(ErrExists, "sector %q already exists (%s)", n, old.ID)
			}
		}
		order := 0
		for _, o := range list {
			if o.Order >= order {
				order = o.Order + 1
			}
		}
		sec = Sector{ID: id, Name: name, NameZH: nameZH, Order: order, Created: s.now()}
		if nameZH == "" && !isASCIIString(name) {
			sec.Name, sec.NameZH = name, name
		}
		return putJSON(tx.Bucket(bucketSectors), []byte(id), sec)
	})
	return sec, err
}

func isASCIIString(s string) bool {
	for _, r := range s {
		if r >= 0x80 {
			return false
		}
	}
	return true
}

// RenameSector gives a sector new names; its id stays, so tickers stay in
// it. An empty nameZH keeps the old Chinese name.
func (s *Store) RenameSector(id, name, nameZH string) (Sector, error) {
	name, nameZH = strings.TrimSpace(name), strings.TrimSpace(nameZH)
	if name == "" && nameZH == "" {
		return Sector{}, refuse(ErrNotFound, "give the sector a new name")
	}
	var sec Sector
	err := s.update(func(tx *bolt.Tx) error {
		list, err := readSectors(tx)
		if err != nil {
			return err
		}
		found := false
		for _, o := range list {
			if o.ID == id {
				sec, found = o, true
				continue
			}
			for _, n := range []string{name, nameZH} {
				if n != "" && (foldName(n) == foldName(o.Name) || foldName(n) == foldName(o.NameZH) || foldName(n) == foldName(o.ID)) {
					return refuse(ErrExists, "sector %q already exists (%s)", n, o.ID)
				}
			}
		}
		if !found {
			return refuse(ErrNotFound, "no sector %q: use one of %s", id, sectorChoices(list))
		}
		if name != "" {
			sec.Name = name
		}
		if nameZH != "" {
			sec.NameZH = nameZH
		}
		return putJSON(tx.Bucket(bucketSectors), []byte(id), sec)
	})
	return sec, err
}

// DeleteSector removes a sector that holds no ticker on the watchlist.
// Removed tickers that were in it go to the first sector if restored.
func (s *Store) DeleteSector(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketSectors).Get([]byte(id)) == nil {
			list, _ := readSectors(tx)
			return refuse(ErrNotFound, "no sector %q: use one of %s", id, sectorChoices(list))
		}
		n := 0
		err := tx.Bucket(bucketTickers).ForEach(func(k, v []byte) error {
			var rec tickerRecord
			if err := decodeTickerRecord(v, &rec); err != nil {
				return fmt.Errorf("ticker %s: %w", k, err)
			}
			if rec.Sector == id && rec.Removed.IsZero() {
				n++
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n > 0 {
			return refuse(ErrExists, "sector %q still holds %d ticker(s): move them with `zixuan move CODE SECTOR` first", id, n)
		}
		return tx.Bucket(bucketSectors).Delete([]byte(id))
	})
}

// ReportSectorDef returns the report's definition of a sector (its thesis),
// for the report's four.
func ReportSectorDef(sec Sector) (sectors.SectorDef, bool) {
	if !sec.Report {
		return sectors.SectorDef{}, false
	}
	return sectors.ReportSector(sec.ID)
}
