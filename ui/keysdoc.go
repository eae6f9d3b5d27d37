package ui

import (
	"fmt"
	"reflect"
	"strings"

	"charm.land/bubbles/v2/key"

	"zixuan/ui/common"
)

// KeysDoc renders the TUI's key map as the markdown of docs/keys.md: the
// list's keys and the detail pane's in the groups their help shows, then
// every other binding, each with its keys and its help in English and in
// Chinese. The page is generated from the bindings the TUI itself runs on,
// so the manual cannot drift from the keys (a test compares the two).
func KeysDoc() string {
	en, zh := common.NewKeyMap(common.English), common.NewKeyMap(common.Chinese)
	var b strings.Builder
	b.WriteString("# Keys · 按键\n\n")
	b.WriteString("<!-- Generated from the key map in ui/common/keys.go by `go test ./ui -run KeysDoc -update`: edit the key map, not this page. -->\n\n")
	b.WriteString("Every key of zixuan's terminal UI, read from the key map its help (`?`) and\n")
	b.WriteString("its footer are drawn from, with the help text of the English and the Chinese\n")
	b.WriteString("UI. What the views do is in [tui.md](tui.md).\n")

	shown := map[string]bool{}
	section := func(title string, enGroups, zhGroups [][]key.Binding) {
		fmt.Fprintf(&b, "\n## %s\n\n", title)
		b.WriteString("| keys | does | 作用 |\n|---|---|---|\n")
		for g := range enGroups {
			for i, kb := range enGroups[g] {
				row := keysDocRow(kb, zhGroups[g][i])
				if row == "" || shown[title+row] {
					continue
				}
				shown[title+row] = true
				shown[row] = true
				b.WriteString(row)
			}
		}
	}
	section("The list · 列表", en.ListHelp().FullHelp(), zh.ListHelp().FullHelp())
	section("The detail pane (`enter`) · 详情", en.DetailHelp().FullHelp(), zh.DetailHelp().FullHelp())
	section("The alerts view (`A`) · 预警", en.AlertsHelp().FullHelp(), zh.AlertsHelp().FullHelp())
	section("Today (`T`) · 今日", en.TodayHelp().FullHelp(), zh.TodayHelp().FullHelp())

	// The rest are the keys of the dialogs and views, named as the key
	// map names them, in the order it declares them.
	b.WriteString("\n## Dialogs and views · 对话框与视图\n\n")
	b.WriteString("The keys the dialogs (note editor, rating picker, add wizard, sectors,\n")
	b.WriteString("columns, export, confirmations), the reports view (`b`), the scorecard (`c`)\n")
	b.WriteString("and the search line take, beyond those above.\n\n")
	b.WriteString("| binding | keys | does | 作用 |\n|---|---|---|---|\n")
	ev, zv := reflect.ValueOf(en), reflect.ValueOf(zh)
	bindingType := reflect.TypeOf(key.Binding{})
	for i := 0; i < ev.NumField(); i++ {
		f := ev.Type().Field(i)
		if f.Type != bindingType || !f.IsExported() {
			continue
		}
		row := keysDocRow(ev.Field(i).Interface().(key.Binding), zv.Field(i).Interface().(key.Binding))
		if row == "" || shown[row] {
			continue
		}
		shown[row] = true
		b.WriteString("| " + f.Name + " " + row)
	}
	return b.String()
}

// keysDocRow is one table row, "| keys | does | 作用 |\n", or "" for a
// binding with no help (a placeholder such as the footer's ellipsis).
func keysDocRow(en, zh key.Binding) string {
	if en.Help().Desc == "" {
		return ""
	}
	names := make([]string, 0, len(en.Keys()))
	for _, k := range en.Keys() {
		if k == " " {
			k = "space"
		}
		names = append(names, "`"+strings.ReplaceAll(k, "|", `\|`)+"`")
	}
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	return fmt.Sprintf("| %s | %s | %s |\n", strings.Join(names, " "), cell(en.Help().Desc), cell(zh.Help().Desc))
}
