package market

import (
	_ "embed"
	"strings"
	"sync"
)

// phrases.txt holds the toneless readings of every phrase of
// github.com/mozillazg/phrase-pinyin-data (pinyin.txt, MIT licence) that
// occurs in a name of the securities master, written by
// `go run ./internal/genpinyin -phrases PATH/pinyin.txt`. A phrase with
// several readings has one line for each, the common one first.
//
//go:embed data/phrases.txt
var phraseData string

// pinyin_names.txt corrects and completes phrases.txt for names as
// investors read them (藏格 zangge, 朝阳 chaoyang before zhaoyang, and
// single characters whose common reading in a name is not go-pinyin's
// default, such as 长 chang). An entry here replaces every reading
// phrases.txt has for the same phrase.
//
//go:embed data/pinyin_names.txt
var nameReadingData string

var (
	phraseOnce  sync.Once
	phraseIndex map[string][][]string
)

// phraseReadings are the readings of a phrase (or a single character of
// pinyin_names.txt), each one syllable per character, common first.
func phraseReadings(p string) ([][]string, bool) {
	phraseOnce.Do(loadPhrases)
	ch, ok := phraseIndex[p]
	return ch, ok
}

func loadPhrases() {
	phraseIndex = make(map[string][][]string, strings.Count(phraseData, "\n"))
	parsePhrases(phraseData, func(p string, syl []string) {
		phraseIndex[p] = append(phraseIndex[p], syl)
	})
	replaced := map[string]bool{}
	parsePhrases(nameReadingData, func(p string, syl []string) {
		if !replaced[p] {
			replaced[p] = true
			delete(phraseIndex, p)
		}
		phraseIndex[p] = append(phraseIndex[p], syl)
	})
}

// parsePhrases reads lines of the form `银行: yin hang`, skipping blank
// lines, comments (#) and lines whose syllables do not match the phrase.
func parsePhrases(data string, add func(phrase string, syllables []string)) {
	for line := range strings.SplitSeq(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		p, r, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		p = strings.TrimSpace(p)
		syl := strings.Fields(r)
		if len(syl) == 0 || len(syl) != len([]rune(p)) {
			continue
		}
		add(p, syl)
	}
}
