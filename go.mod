module zixuan

go 1.26.8

require (
	github.com/adrg/xdg v0.5.3
	github.com/charmbracelet/x/ansi v0.11.6
	github.com/mattn/go-runewidth v0.0.19
	github.com/mozillazg/go-pinyin v0.21.0
	go.etcd.io/bbolt v1.5.0
	golang.org/x/text v0.44.0
)

require (
	github.com/clipperhouse/displaywidth v0.9.0 // indirect
	github.com/clipperhouse/stringish v0.1.1 // indirect
	github.com/clipperhouse/uax29/v2 v2.5.0 // indirect
	github.com/google/renameio/v2 v2.0.2 // indirect
	github.com/lucasb-eyer/go-colorful v1.3.0 // indirect
	golang.org/x/sys v0.45.0 // indirect
)
