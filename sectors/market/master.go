package market

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

//go:generate go run ./internal/genpinyin

// a_shares.csv is ../shared/data/a_shares.csv: code,name for all 5,538
// A-shares as of July 2026 (see data/a_shares.SOURCE.md).
//
//go:embed data/a_shares.csv
var masterText string

// pinyin.tsv holds each master name's pinyin keys, computed ahead of time by
// go generate so that start-up does not convert 5,538 names.
//
//go:embed data/pinyin.tsv
var masterPinyin string

// Security is one entry of the securities master.
type Security struct {
	Code     Code
	Name     string   // the current short name as terminals show it (DisplayName)
	Official string   // the name as the exchange lists it (万  科Ａ)
	Initials []string // pinyin initials, default reading first
	Full     []string // full pinyin
	// Folded is strings.ToLower(NormalizeName(Name)) and FoldedCore the
	// same of its CoreName: what a search matches, folded once at load.
	Folded, FoldedCore string
}

var (
	masterOnce  sync.Once
	masterList  []Security
	masterIndex map[string]int
	masterErr   error
)

func loadMaster() {
	rows, err := masterRows()
	if err != nil {
		masterErr = fmt.Errorf("embedded securities master: %w", err)
		return
	}
	// pinyin.tsv is written in the master's order, so its lines are matched
	// to the rows as they come; a map is built only if that ever fails.
	tsv := strings.Split(strings.TrimSuffix(masterPinyin, "\n"), "\n")
	var keys map[string][2][]string
	var backing []string // one array for every key slice: a few allocations, not 11,000
	if n := strings.Count(masterPinyin, "|") + 2*len(tsv); n > 0 {
		backing = make([]string, 0, n)
	}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		from := len(backing)
		for {
			i := strings.IndexByte(s, '|')
			if i < 0 {
				backing = append(backing, s)
				break
			}
			backing = append(backing, s[:i])
			s = s[i+1:]
		}
		return backing[from:len(backing):len(backing)]
	}
	lookup := func(j int, number string) ([2][]string, bool) {
		if j < len(tsv) {
			if f := strings.Split(tsv[j], "\t"); len(f) == 3 && f[0] == number {
				return [2][]string{split(f[1]), split(f[2])}, true
			}
		}
		if keys == nil {
			keys = map[string][2][]string{}
			for _, line := range tsv {
				if f := strings.Split(line, "\t"); len(f) == 3 {
					keys[f[0]] = [2][]string{splitKeys(f[1]), splitKeys(f[2])}
				}
			}
		}
		k, ok := keys[number]
		return k, ok
	}
	masterList = make([]Security, 0, len(rows))
	masterIndex = make(map[string]int, len(rows))
	for j, row := range rows[1:] {
		c, err := ParseCode(row[0])
		if err != nil {
			continue // the master holds only parseable codes; see TestMasterParses
		}
		k, ok := lookup(j, c.Number)
		if !ok {
			k[0], k[1] = PinyinKeys(row[1])
		}
		masterIndex[c.Key()] = len(masterList)
		name := DisplayName(row[1])
		folded, core := foldMasterName(name)
		masterList = append(masterList, Security{Code: c, Name: name, Official: row[1], Initials: k[0], Full: k[1], Folded: folded, FoldedCore: core})
	}
	masterLoaded.Store(true)
}

// foldMasterName returns strings.ToLower(NormalizeName(name)) and the same
// of its CoreName. A master name is printable ASCII and CJK ideographs, which
// NFKC leaves alone, so it only needs ASCII folding: the full NFKC runs only
// for a name with anything else in it.
func foldMasterName(name string) (folded, core string) {
	letters := false
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7F {
				return foldName(NormalizeName(name))
			}
			letters = letters || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(name[i:])
		if !(r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF) {
			return foldName(NormalizeName(name))
		}
		i += size
	}
	if !letters {
		return name, name // CoreName only drops affixes made of ASCII letters
	}
	return foldName(strings.ToUpper(name)) // ASCII only: NormalizeName's upper-casing
}

func foldName(normalized string) (folded, core string) {
	return strings.ToLower(normalized), strings.ToLower(CoreName(normalized))
}

// masterRows reads a_shares.csv. It is plain (two fields, no quotes), so
// it is split directly, into substrings of one string; anything else goes
// through encoding/csv.
func masterRows() ([][]string, error) {
	if strings.IndexByte(masterText, '"') >= 0 {
		return csv.NewReader(strings.NewReader(masterText)).ReadAll()
	}
	text := masterText
	rows := make([][]string, 0, strings.Count(text, "\n")+1)
	cells := make([]string, 0, 2*cap(rows))
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			continue
		}
		i := strings.IndexByte(line, ',')
		if i < 0 || strings.IndexByte(line[i+1:], ',') >= 0 {
			return csv.NewReader(strings.NewReader(masterText)).ReadAll()
		}
		cells = append(cells, line[:i], line[i+1:])
		rows = append(rows, cells[len(cells)-2:len(cells):len(cells)])
	}
	return rows, nil
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
func MasterCSV() []byte { return []byte(masterText) }

// LookupMaster finds a code in the securities master. The first few
// hundred lookups of a process find the one row by binary search in the
// embedded files (a watchlist of 25 never parses the 5,538 rows); after
// that, or once anything needed the whole master, they use its index.
func LookupMaster(c Code) (Security, bool) {
	if !masterLoaded.Load() && lazyLookups.Add(1) <= lazyLookupLimit {
		return lookupOne(c)
	}
	masterOnce.Do(loadMaster)
	i, ok := masterIndex[c.Key()]
	if !ok {
		return Security{}, false
	}
	return masterList[i], true
}

// MasterName is LookupMaster's Name (the short name as terminals show it)
// without loading the master: until something needs the whole master (a
// search, the add wizard, a report), it is found by binary search in the
// embedded file, which is sorted by code. A watchlist of 25 then never
// parses 5,538 rows, and the master's pages of the binary are touched only
// where the search lands.
func MasterName(c Code) (string, bool) {
	if masterLoaded.Load() {
		if i, ok := masterIndex[c.Key()]; ok {
			return masterList[i].Name, true
		}
		return "", false
	}
	official, ok := masterLine(c)
	if !ok {
		return "", false
	}
	return DisplayName(official), true
}

// lazyLookups counts the lookups answered by lookupOne; past
// lazyLookupLimit loading the whole master (3 ms) is the cheaper way.
var lazyLookups atomic.Int32

const lazyLookupLimit = 256

// lookupOne is the Security loadMaster makes of c's row, made from that
// row alone.
func lookupOne(c Code) (Security, bool) {
	official, ok := masterLine(c)
	if !ok {
		return Security{}, false
	}
	code, err := ParseCode(c.Number)
	if err != nil {
		return Security{}, false
	}
	var keys [2][]string
	if line, ok := findLine(masterPinyin, pinyinLines(), c.Number); ok {
		if f := strings.Split(line, "\t"); len(f) == 3 {
			keys = [2][]string{splitKeys(f[1]), splitKeys(f[2])}
		} else {
			ok = false
		}
	}
	if !ok {
		keys[0], keys[1] = PinyinKeys(official)
	}
	name := DisplayName(official)
	folded, core := foldMasterName(name)
	return Security{Code: code, Name: name, Official: official, Initials: keys[0], Full: keys[1], Folded: folded, FoldedCore: core}, true
}

// masterLoaded is set once loadMaster has run, so that MasterName can use
// its index without starting the load itself.
var masterLoaded atomic.Bool

// masterLine finds c's row in the embedded master by binary search and
// returns the row's name, as the exchange lists it. The code's exchange
// must be the one its number parses to, as in loadMaster.
func masterLine(c Code) (string, bool) {
	if len(c.Number) != 6 {
		return "", false
	}
	line, ok := findLine(masterText, masterLines(), c.Number)
	if !ok {
		return "", false
	}
	number, name, ok := strings.Cut(line, ",")
	if !ok || number != c.Number {
		return "", false // not the plain file loadMaster reads either
	}
	if p, err := ParseCode(number); err != nil || p.Key() != c.Key() {
		return "", false
	}
	return strings.TrimSuffix(name, "\r"), true
}

// findLine is the line of text starting with number, by binary search
// over its lines' offsets (lines, ascending by their first six bytes).
func findLine(text string, lines []int32, number string) (string, bool) {
	i, found := slices.BinarySearchFunc(lines, number, func(start int32, number string) int {
		return strings.Compare(text[start:min(int(start)+6, len(text))], number)
	})
	if !found {
		return "", false
	}
	line := text[lines[i]:]
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	return line, true
}

// masterLines are the offsets of the embedded master's rows (after its
// header), in its order, which is ascending by number: one pass over the
// file, the first time a name is looked up.
var masterLines = sync.OnceValue(func() []int32 { return lineStarts(masterText, true) })

// pinyinLines are the offsets of pinyin.tsv's lines, in the master's order.
var pinyinLines = sync.OnceValue(func() []int32 { return lineStarts(masterPinyin, false) })

// lineStarts are the offsets of text's non-empty lines, after a header
// line when there is one.
func lineStarts(text string, header bool) []int32 {
	out := make([]int32, 0, strings.Count(text, "\n"))
	start := 0
	if header {
		start = strings.IndexByte(text, '\n') + 1
	}
	for start >= 0 && start < len(text) && (start > 0 || !header) {
		if text[start] != '\n' && text[start] != '\r' {
			out = append(out, int32(start))
		}
		next := strings.IndexByte(text[start:], '\n')
		if next < 0 {
			break
		}
		start += next + 1
	}
	return out
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
	n := TradingName(NormalizeName(name)) // XD*ST… is still a risk warning
	return strings.HasPrefix(n, "ST") || strings.HasPrefix(n, "*ST") || strings.HasPrefix(n, "SST") || strings.HasPrefix(n, "S*ST")
}

// MarkedName is a name as zixuan shows it in a table or a screen, the
// CLI and the TUI alike: its display form (DisplayName), with a "!" before
// a name under risk warning (ST; *ST carries its own star).
func MarkedName(name string) string {
	n := DisplayName(name)
	if IsRiskWarning(name) && !strings.HasPrefix(n, "*") {
		return "!" + n
	}
	return n
}

// TradingName strips the marks the exchanges put before a name for the
// day: XD (ex-dividend), XR (ex-rights), DR (both), which leave ST and
// *ST after them ("XD*ST…" is a risk-warning stock).
func TradingName(name string) string {
	n := strings.TrimSpace(name)
	for _, p := range []string{"XD", "XR", "DR"} {
		if strings.HasPrefix(n, p) {
			return strings.TrimSpace(n[len(p):])
		}
	}
	return n
}
