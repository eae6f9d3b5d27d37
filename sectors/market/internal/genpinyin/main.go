// Command genpinyin writes data/hanpinyin.txt, the readings of every Chinese
// character from github.com/mozillazg/go-pinyin (so that zixuan does not
// link go-pinyin, whose package init builds a 1.7 MB map at every start),
// and data/pinyin.tsv: the pinyin keys of every name in data/a_shares.csv,
// so the binary does not compute them at start-up. Run it with
// `go generate ./sectors/market` after replacing a_shares.csv, and twice after
// upgrading go-pinyin (pinyin.tsv is computed with the table compiled in);
// tests fail while either file is stale.
//
// With -phrases PATH (the pinyin.txt of a checkout of
// github.com/mozillazg/phrase-pinyin-data) it first rewrites
// data/phrases.txt: the readings, without tones, of every phrase of that
// file that occurs in a master name. Run it again without the flag to
// recompute pinyin.tsv with the new phrases compiled in.
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"unicode"
	"zixuan/sectors/market"

	"golang.org/x/text/unicode/norm"

	"github.com/mozillazg/go-pinyin"
)

func main() {
	phrases := flag.String("phrases", "", "phrase-pinyin-data's pinyin.txt[,cc_cedict.txt]: rewrite data/phrases.txt from them (the first file's readings of a phrase win)")
	flag.Parse()
	if *phrases != "" {
		if err := writePhrases(*phrases); err != nil {
			log.Fatalf("phrases: %v", err)
		}
		return
	}
	if err := os.WriteFile("data/hanpinyin.txt", HanTable(), 0o644); err != nil {
		log.Fatalf("write hanpinyin.txt: %v", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(market.MasterCSV())).ReadAll()
	if err != nil {
		log.Fatalf("read master: %v", err)
	}
	var out bytes.Buffer
	for _, row := range rows[1:] {
		ini, full := market.PinyinKeys(row[1])
		fmt.Fprintf(&out, "%s\t%s\t%s\n", row[0], market.JoinKeys(ini), market.JoinKeys(full))
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

// writePhrases keeps the phrases of the upstream files found in master
// names; a phrase of an earlier file is not read again from a later one.
func writePhrases(paths string) error {
	rows, err := csv.NewReader(bytes.NewReader(market.MasterCSV())).ReadAll()
	if err != nil {
		return err
	}
	inNames := map[string]bool{}
	for _, row := range rows[1:] {
		r := []rune(market.NormalizeName(row[1]))
		for i := range r {
			for j := i + 2; j <= len(r) && j <= i+8; j++ {
				inNames[string(r[i:j])] = true
			}
		}
	}
	var out bytes.Buffer
	out.WriteString("# Toneless readings of the phrases of github.com/mozillazg/phrase-pinyin-data\n")
	out.WriteString("# (pinyin.txt, then cc_cedict.txt; MIT licence) that occur in names of\n")
	out.WriteString("# a_shares.csv, written by go run ./internal/genpinyin -phrases\n")
	out.WriteString("# PATH/pinyin.txt,PATH/cc_cedict.txt. Do not edit: correct readings in\n")
	out.WriteString("# pinyin_names.txt.\n")
	done := map[string]bool{}
	for _, path := range strings.Split(paths, ",") {
		seen, err := copyPhrases(&out, path, inNames, done)
		if err != nil {
			return err
		}
		for p := range seen {
			done[p] = true
		}
	}
	return os.WriteFile("data/phrases.txt", out.Bytes(), 0o644)
}

func copyPhrases(out *bytes.Buffer, path string, inNames, done map[string]bool) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	fmt.Fprintf(out, "# from %s\n", path[strings.LastIndexByte(path, '/')+1:])
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if strings.HasPrefix(line, "# version:") {
				fmt.Fprintf(out, "# upstream %s\n", strings.TrimPrefix(line, "# "))
			}
			continue
		}
		p, r, ok := strings.Cut(line, ":")
		if i := strings.IndexByte(r, '#'); i >= 0 {
			r = r[:i]
		}
		p = strings.TrimSpace(p)
		if !ok || !inNames[p] || done[p] {
			continue
		}
		seen[p] = true
		fmt.Fprintf(out, "%s: %s\n", p, toneless(strings.TrimSpace(r)))
	}
	return seen, sc.Err()
}

// toneless writes pinyin without tone marks, ü as v, as go-pinyin's
// Normal style does.
func toneless(s string) string {
	s = strings.NewReplacer("ü", "v", "ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v").Replace(s)
	s = norm.NFD.String(s)
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s))
}
