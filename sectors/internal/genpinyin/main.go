// Command genpinyin writes data/hanpinyin.txt, the readings of every Chinese
// character from github.com/mozillazg/go-pinyin (so that zixuan does not
// link go-pinyin, whose package init builds a 1.7 MB map at every start),
// and data/pinyin.tsv: the pinyin keys of every name in data/a_shares.csv,
// so the binary does not compute them at start-up. Run it with
// `go generate ./sectors` after replacing a_shares.csv, and twice after
// upgrading go-pinyin (pinyin.tsv is computed with the table compiled in);
// tests fail while either file is stale.
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/mozillazg/go-pinyin"

	"zixuan/sectors"
)

func main() {
	if err := os.WriteFile("data/hanpinyin.txt", HanTable(), 0o644); err != nil {
		log.Fatalf("write hanpinyin.txt: %v", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(sectors.MasterCSV())).ReadAll()
	if err != nil {
		log.Fatalf("read master: %v", err)
	}
	var out bytes.Buffer
	for _, row := range rows[1:] {
		ini, full := sectors.PinyinKeys(row[1])
		fmt.Fprintf(&out, "%s\t%s\t%s\n", row[0], sectors.JoinKeys(ini), sectors.JoinKeys(full))
	}
	if err := os.WriteFile("data/pinyin.tsv", out.Bytes(), 0o644); err != nil {
		log.Fatalf("write pinyin.tsv: %v", err)
	}
}

// HanTable is one line per character go-pinyin knows: the character, a
// tab, and its toneless readings (heteronyms included) separated by commas,
// in code point order.
func HanTable() []byte {
	args := pinyin.NewArgs()
	args.Heteronym = true
	runes := make([]int, 0, len(pinyin.PinyinDict))
	for r := range pinyin.PinyinDict {
		runes = append(runes, r)
	}
	sort.Ints(runes)
	var out bytes.Buffer
	for _, r := range runes {
		fmt.Fprintf(&out, "%c\t%s\n", rune(r), strings.Join(pinyin.SinglePinyin(rune(r), args), ","))
	}
	return out.Bytes()
}
