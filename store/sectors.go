package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

func readSectors(tx *bolt.Tx) ([]sectors.Sector, error) {
	var out []sectors.Sector
	err := tx.Bucket(bucketSectors).ForEach(func(k, v []byte) error {
		var sec sectors.Sector
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
func (s *Store) Sectors() ([]sectors.Sector, error) {
	var out []sectors.Sector
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readSectors(tx)
		return err
	})
	return out, err
}

// ResolveSector is FindSector over the stored sectors.
func (s *Store) ResolveSector(input string) (sectors.Sector, error) {
	list, err := s.Sectors()
	if err != nil {
		return sectors.Sector{}, err
	}
	return sectors.FindSector(list, input)
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

// AddSector creates a user sector. name may be English or Chinese; nameZH
// is optional. Names must not clash with another sector's id or names.
func (s *Store) AddSector(name, nameZH string) (sectors.Sector, error) {
	n, err := checkSectorNames(name, nameZH)
	if err != nil {
		return sectors.Sector{}, err
	}
	var sec sectors.Sector
	// aside: a sector with no ticker in it yet changes nothing the list
	// index holds (sectors are read afresh beside it)
	err = s.updateAside(func(tx *bolt.Tx) error {
		var err error
		sec, err = n.createIn(tx, s.now())
		return err
	})
	return sec, err
}

// AddToNewSector is AddOrRestore into a sector it creates, named as
// AddSector names one and refused as it refuses one (no name, too long,
// taken), in one transaction: the sector and the ticker are written
// together or neither is. opts.Sector is not read.
func (s *Store) AddToNewSector(code market.Code, name, nameZH string, opts AddOptions) (AddResult, error) {
	n, err := checkSectorNames(name, nameZH)
	if err != nil {
		return AddResult{}, err
	}
	opts.newSector = &n
	return s.AddOrRestore(code, opts)
}

// newSectorNames are a new sector's names, trimmed, and the id made of
// them.
type newSectorNames struct{ id, name, nameZH string }

// checkSectorNames refuses names no sector may have (nothing a slug can be
// made of, too long), before any transaction.
func checkSectorNames(name, nameZH string) (newSectorNames, error) {
	name, nameZH = strings.TrimSpace(name), strings.TrimSpace(nameZH)
	id := slug(name)
	if id == "" {
		return newSectorNames{}, &Error{Kind: ErrInvalid, Reason: SectorNameEmpty, Name: name}
	}
	if len([]rune(name)) > maxSectorName || len([]rune(nameZH)) > maxSectorName {
		return newSectorNames{}, &Error{Kind: ErrInvalid, Reason: SectorNameLong, Count: maxSectorName}
	}
	return newSectorNames{id: id, name: name, nameZH: nameZH}, nil
}

// maxSectorName is the most characters a sector's name may have.
const maxSectorName = 40

// CheckNewSector is the refusal a new sector named name (and nameZH)
// gets among list, as AddSector and AddToNewSector refuse it (no name, too
// long, taken), for a front end to say before it asks for the write; nil
// when the names are free. The write checks again against what the file
// holds then.
func CheckNewSector(list []sectors.Sector, name, nameZH string) error {
	n, err := checkSectorNames(name, nameZH)
	if err != nil {
		return err
	}
	return n.freeIn(list)
}

// freeIn refuses names that are the id or a name of a sector of list.
func (n newSectorNames) freeIn(list []sectors.Sector) error {
	for _, name := range []string{n.id, n.name, n.nameZH} {
		if name == "" {
			continue
		}
		if old, err := sectors.FindSector(list, name); err == nil {
			if name == n.id {
				name = n.name // said as it was typed: "AI", not the id made of it
			}
			return &Error{Kind: ErrExists, Reason: SectorExists, Name: name, ID: old.ID}
		}
	}
	return nil
}

// createIn writes the sector named n, last in the order, unless one of
// its names is another sector's id or name.
func (n newSectorNames) createIn(tx *bolt.Tx, now time.Time) (sectors.Sector, error) {
	list, err := readSectors(tx)
	if err != nil {
		return sectors.Sector{}, err
	}
	if err := n.freeIn(list); err != nil {
		return sectors.Sector{}, err
	}
	order := 0
	for _, o := range list {
		if o.Order >= order {
			order = o.Order + 1
		}
	}
	sec := sectors.Sector{ID: n.id, Name: n.name, NameZH: n.nameZH, Order: order, Created: now}
	if n.nameZH == "" && !isASCIIString(n.name) {
		sec.Name, sec.NameZH = n.name, n.name
	}
	return sec, putJSON(tx.Bucket(bucketSectors), []byte(n.id), sec)
}

func isASCIIString(s string) bool {
	for _, r := range s {
		if r >= 0x80 {
			return false
		}
	}
	return true
}

// RenameSector gives a sector, named by id or either name, new names; its
// id stays, so tickers stay in it. An empty nameZH keeps the old Chinese
// name.
func (s *Store) RenameSector(sector, name, nameZH string) (sectors.Sector, error) {
	name, nameZH = strings.TrimSpace(name), strings.TrimSpace(nameZH)
	if name == "" && nameZH == "" {
		return sectors.Sector{}, &Error{Kind: ErrInvalid, Reason: NoNewName, ID: sector}
	}
	if len([]rune(name)) > maxSectorName || len([]rune(nameZH)) > maxSectorName {
		// the bound a new sector's names have
		return sectors.Sector{}, &Error{Kind: ErrInvalid, Reason: SectorNameLong, Count: maxSectorName}
	}
	var sec sectors.Sector
	// aside: the list index holds sector ids, and the names are read afresh
	err := s.updateAside(func(tx *bolt.Tx) error {
		list, err := readSectors(tx)
		if err != nil {
			return err
		}
		cur, err := findSectorIn(tx, sector)
		if err != nil {
			return err
		}
		id := cur.ID
		found := false
		for _, o := range list {
			if o.ID == id {
				sec, found = o, true
				continue
			}
			for _, n := range []string{name, nameZH} {
				if n != "" && (sectors.FoldSectorName(n) == sectors.FoldSectorName(o.Name) || sectors.FoldSectorName(n) == sectors.FoldSectorName(o.NameZH) || sectors.FoldSectorName(n) == sectors.FoldSectorName(o.ID)) {
					return &Error{Kind: ErrExists, Reason: SectorExists, Name: n, ID: o.ID}
				}
			}
		}
		if !found {
			return noSector(id, list)
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

// DeleteSector removes a sector, named by id or either name, that holds no
// ticker on the watchlist, and returns it. Removed tickers that were in it
// go to the first sector if restored.
func (s *Store) DeleteSector(sector string) (sectors.Sector, error) {
	var sec sectors.Sector
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		if sec, err = findSectorIn(tx, sector); err != nil {
			return err
		}
		id := sec.ID
		n := 0
		err = tx.Bucket(bucketTickers).ForEach(func(k, v []byte) error {
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
			return &Error{Kind: ErrExists, Reason: SectorNotEmpty, ID: id, Count: n}
		}
		if err := dropGroup(tx, id); err != nil {
			return err
		}
		return tx.Bucket(bucketSectors).Delete([]byte(id))
	})
	return sec, err
}
