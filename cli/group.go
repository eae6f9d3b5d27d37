package cli

import (
	"fmt"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
)

// GroupCmd puts a ticker in more sectors than its home one (groups), or
// takes it out of one.
type GroupCmd struct {
	Add GroupAddCmd `cmd:"" help:"Also show a ticker in another sector (it keeps its home sector)."`
	Rm  GroupRmCmd  `cmd:"" help:"Take a ticker out of one of its sectors; it stays in the others."`
}

// GroupAddCmd adds a ticker to a group.
type GroupAddCmd struct {
	Code   string `arg:"" predictor:"code" help:"Ticker code, name or pinyin."`
	Sector string `arg:"" predictor:"sector" help:"The sector to show it in as well."`
}

// Run adds the ticker to the sector.
func (c *GroupAddCmd) Run(a *App) error {
	return a.sectorChange(c.Code, c.Sector, (*store.Store).AddToGroup, "%s is in %s already: nothing changed\n", "%s is also in %s now\n")
}

// GroupRmCmd takes a ticker out of one of its sectors.
type GroupRmCmd struct {
	Code   string `arg:"" predictor:"code" help:"Ticker code, name or pinyin."`
	Sector string `arg:"" predictor:"sector" help:"The sector to take it out of (its home sector too: the next one becomes its home)."`
}

// Run takes the ticker out of the sector.
func (c *GroupRmCmd) Run(a *App) error {
	return a.sectorChange(c.Code, c.Sector, (*store.Store).RemoveFromGroup, "%s is not in %s: nothing changed\n", "took %s out of %s\n")
}

// sectorChange runs one of the store's changes of a ticker's sectors
// (move, group add, group rm) on the ticker input names and the sector,
// and says what it did: unchanged or changed, each a format of the
// ticker's key and the sector's label.
func (a *App) sectorChange(input, sector string, change func(*store.Store, market.Code, string) (sectors.Sector, bool, error), unchanged, changed string) error {
	code, err := a.resolveCode(input)
	if err != nil {
		return err
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	sec, did, err := change(st, code, sector)
	if err != nil {
		return sectorUsage(err)
	}
	format := changed
	if !did {
		format = unchanged
	}
	fmt.Fprintf(a.Out, format, code.Key(), safetext.Line(sec.Label(false)))
	return nil
}
