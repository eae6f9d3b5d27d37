package sectors

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SectorRef is a sector a report theme can map onto: its id and every name
// it answers to.
type SectorRef struct {
	ID    string
	Names []string
}

// ReportSectorRefs are the seed report's four sectors as SectorRefs.
func ReportSectorRefs() []SectorRef {
	out := make([]SectorRef, len(ReportSectors))
	for i, s := range ReportSectors {
		out[i] = SectorRef{ID: s.ID, Names: []string{s.NameZH, s.Name}}
	}
	return out
}

// How a theme found its sector.
const (
	MappedByOverride = "override" // the caller's map said so
	MappedByName     = "name"     // same name as the sector, or its id
	MappedByAlias    = "alias"    // a known synonym (人工智能 for AI)
	MappedToNew      = "new"      // no sector fits: the caller creates one
)

// ThemeMapping is where one theme goes.
type ThemeMapping struct {
	Theme    string
	SectorID string // "" when How is MappedToNew
	How      string
}

// themeAliases are groups of names that mean the same sector in reports.
// Each group is folded with foldThemeName before use.
var themeAliases = [][]string{
	{"算力", "compute", "算力基础设施", "AI算力", "智算", "算力产业链"},
	{"AI应用", "AI applications", "人工智能应用", "AI+应用", "AIGC应用", "大模型应用"},
	{"制造业数字化", "工业数字化", "工业软件", "智能制造", "Manufacturing digitalization"},
	{"量子技术与低空经济", "量子科技与低空经济", "Quantum & low-altitude economy"},
	{"信创", "信息创新", "信息技术应用创新"},
	{"数据要素", "数据资产"},
}

// MapThemes finds an existing sector for each theme: the caller's override
// first (keyed by theme name: 储能=compute), then a sector with the same name
// or id, then one whose name is a known alias of the theme. Names are compared
// without spacing, width or case, and without 领域/板块-style endings, so
// 算力领域 finds 算力 and "AI 应用" finds AI应用.
func MapThemes(themes []Theme, known []SectorRef, overrides map[string]string) []ThemeMapping {
	over := map[string]string{}
	for k, v := range overrides {
		over[foldThemeName(k)] = v
	}
	byName := map[string]string{}
	for _, s := range known {
		for _, n := range append([]string{s.ID}, s.Names...) {
			if f := foldThemeName(n); f != "" {
				if _, taken := byName[f]; !taken {
					byName[f] = s.ID
				}
			}
		}
	}
	out := make([]ThemeMapping, 0, len(themes))
	for _, t := range themes {
		f := foldThemeName(t.Name)
		m := ThemeMapping{Theme: t.Name, How: MappedToNew}
		if id, ok := over[f]; ok {
			m.SectorID, m.How = id, MappedByOverride
		} else if id, ok := byName[f]; ok {
			m.SectorID, m.How = id, MappedByName
		} else if id := aliasSector(f, byName); id != "" {
			m.SectorID, m.How = id, MappedByAlias
		}
		out = append(out, m)
	}
	return out
}

func aliasSector(folded string, byName map[string]string) string {
	for _, group := range themeAliases {
		in := false
		for _, a := range group {
			in = in || foldThemeName(a) == folded
		}
		if !in {
			continue
		}
		for _, a := range group {
			if id, ok := byName[foldThemeName(a)]; ok {
				return id
			}
		}
	}
	return ""
}

// themeEndings are words reports put after a theme's name that do not
// change which sector it is.
var themeEndings = []string{"等领域", "等板块", "领域", "板块", "方向", "赛道", "产业链", "主线", "相关"}

// foldThemeName is the form theme and sector names are compared in.
func foldThemeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFKC.String(s))
	for _, e := range themeEndings {
		if strings.HasSuffix(s, e) && len(s) > len(e) {
			s = strings.TrimSuffix(s, e)
			break
		}
	}
	return s
}
