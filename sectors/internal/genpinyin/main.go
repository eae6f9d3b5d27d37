// Command genpinyin writes data/pinyin.tsv: the pinyin keys of every name in
// data/a_shares.csv, so the binary does not compute them at start-up. Run it
// with `go generate ./sectors` after replacing a_shares.csv; a test fails
// while the file is stale.
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"log"
	"os"

	"zixuan/sectors"
)

func main() {
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
