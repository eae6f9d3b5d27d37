package sectors

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"zixuan/safetext"
)

// FoldSectorName folds a sector id or name for comparison: NFKC, no
// spaces, lower case ("AI 应用" and "ai应用" are one name).
func FoldSectorName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFKC.String(s))
}

// WrittenInChinese reports whether a name is written in Chinese: it has a
// Han character ("人工智能", "AI 应用", "6G通信"), which an English name
// never has. A sector's two names are told apart by it when only one is
// given.
func WrittenInChinese(name string) bool {
	return strings.IndexFunc(name, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// NoSectorError says that what the user typed names none of the sectors.
type NoSectorError struct {
	Input   string   // as typed
	Choices []string // the sector ids there are
}

func (e *NoSectorError) Error() string {
	if strings.TrimSpace(e.Input) == "" {
		return "no sector given: use one of " + strings.Join(e.Choices, ", ")
	}
	return "no sector " + quote(safetext.Clip(e.Input)) + ": use one of " + strings.Join(e.Choices, ", ")
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// FindSector matches what a user typed against the sectors: id, English or
// Chinese name, case- and width-insensitively ("AI 应用", "ai", "Compute").
func FindSector(list []Sector, input string) (Sector, error) {
	want := FoldSectorName(input)
	if want != "" {
		for _, sec := range list {
			if FoldSectorName(sec.ID) == want || FoldSectorName(sec.Name) == want || FoldSectorName(sec.NameZH) == want {
				return sec, nil
			}
		}
	}
	ids := make([]string, len(list))
	for i, sec := range list {
		ids[i] = sec.ID
	}
	return Sector{}, &NoSectorError{Input: input, Choices: ids}
}

// ReportSectorDef returns the report's definition of a sector (its thesis),
// for the report's four.
func ReportSectorDef(sec Sector) (SectorDef, bool) {
	if !sec.Report {
		return SectorDef{}, false
	}
	return ReportSector(sec.ID)
}
