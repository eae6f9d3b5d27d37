package sectors

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"
	"sync"
)

//go:generate go run ./internal/genpinyin

// a_shares.csv is ../shared/data/a_shares.csv: code,name for all 5,538
// A-shares as of July 2026 (see data/a_shares.SOURCE.md).
//
//go:embed data/a_shares.csv
var masterCSV []byte

// pinyin.tsv holds each master name's pinyin keys, computed ahead of time by
// go generate so that start-up does not convert 5,538 names.
//
//go:embed data/pinyin.tsv
var masterPinyin []byte

// Security is one entry of the securities master.
type Security struct {
	Code     Code
	Name     string   // the current exchange short name, as listed
	Initials []string // pinyin initials, default reading first
	Full     []string // full pinyin
}

var (
	masterOnce  sync.Once
	masterList  []Security
	masterIndex map[string]int
	masterErr   error
)

func loadMaster() {
	rows, err := csv.NewReader(bytes.NewReader(masterCSV)).ReadAll()
	if err != nil {
		masterErr = fmt.Errorf("embedded securities master: %w", err)
		return
	}
	keys := map[string][2][]string{}
	sc := bufio.NewScanner(bytes.NewReader(masterPinyin))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) == 3 {
			keys[f[0]] = [2][]string{splitKeys(f[1]), splitKeys(f[2])}
		}
	}
	masterList = make([]Security, 0, len(rows))
	masterIndex = make(map[string]int, len(rows))
	for _, row := range rows[1:] {
		c, err := ParseCode(row[0])
		if err != nil {
			continue // the master holds only parseable codes; see TestMasterParses
		}
		k, ok := keys[c.Number]
		if !ok {
			k[0], k[1] = PinyinKeys(row[1])
		}
		masterIndex[c.Key()] = len(masterList)
		masterList = append(masterList, Security{Code: c, Name: row[1], Initials: k[0], Full: k[1]})
	}
}

func splitKeys(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// JoinKeys is the form pinyin keys take in data/pinyin.tsv.
func JoinKeys(keys []string) string { return strings.Join(keys, "|") }

// Master returns every A-share of the embedded securities master, sorted by
// code. The slice is shared: do not modify it.
func Master() []Security {
	masterOnce.Do(loadMaster)
	return masterList
}

// MasterCSV is the embedded master file as shipped (code,name).
func MasterCSV() []byte { return masterCSV }

// LookupMaster finds a code in the securities master.
func LookupMaster(c Code) (Security, bool) {
	masterOnce.Do(loadMaster)
	i, ok := masterIndex[c.Key()]
	if !ok {
		return Security{}, false
	}
	return masterList[i], true
}

// MasterError reports a problem reading the embedded data; nil in any
// correctly built binary.
func MasterError() error {
	masterOnce.Do(loadMaster)
	return masterErr
}

// IsRiskWarning reports whether a short name carries the ST or *ST risk
// warning that investors must not miss.
func IsRiskWarning(name string) bool {
	n := NormalizeName(name)
	return strings.HasPrefix(n, "ST") || strings.HasPrefix(n, "*ST") || strings.HasPrefix(n, "SST") || strings.HasPrefix(n, "S*ST")
}
