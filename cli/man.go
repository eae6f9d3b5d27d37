package cli

import (
	"fmt"

	mangokong "github.com/alecthomas/mango-kong"
	"github.com/muesli/roff"
)

// ManCmd prints the manual page, written from the same grammar as --help.
type ManCmd struct{}

// Help is the longer help of `zixuan man`.
func (ManCmd) Help() string {
	return "Read it with `zixuan man | man -l -`, or install it: zixuan man > ~/.local/share/man/man1/zixuan.1"
}

// Run prints the page in roff.
func (ManCmd) Run(a *App) error {
	page := mangokong.NewManPage(1, a.parser.Model)
	page = page.WithSection("Environment", environmentText())
	page = page.WithSection("Files", fmt.Sprintf("%s\n  the database (--db, ZIXUAN_DB)\n\n%s\n  the settings (--config, ZIXUAN_CONFIG); zixuan config prints them", a.DBPath(), DefaultConfigPath()))
	_, err := fmt.Fprint(a.Out, page.Build(roff.NewDocument()))
	return err
}
