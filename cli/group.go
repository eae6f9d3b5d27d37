package cli

import (
	"fmt"

	"zixuan/safetext"
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
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	sec, added, err := st.AddToGroup(code, c.Sector)
	if err != nil {
		return sectorUsage(err)
	}
	if !added {
		fmt.Fprintf(a.Out, "%s is in %s already: nothing changed\n", code.Key(), safetext.Line(sec.Label(false)))
		return nil
	}
	fmt.Fprintf(a.Out, "%s is also in %s now\n", code.Key(), safetext.Line(sec.Label(false)))
	return nil
}

// GroupRmCmd takes a ticker out of one of its sectors.
type GroupRmCmd struct {
	Code   string `arg:"" predictor:"code" help:"Ticker code, name or pinyin."`
	Sector string `arg:"" predictor:"sector" help:"The sector to take it out of (its home sector too: the next one becomes its home)."`
}

// Run takes the ticker out of the sector.
func (c *GroupRmCmd) Run(a *App) error {
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	sec, removed, err := st.RemoveFromGroup(code, c.Sector)
	if err != nil {
		return sectorUsage(err)
	}
	if !removed {
		fmt.Fprintf(a.Out, "%s is not in %s: nothing changed\n", code.Key(), safetext.Line(sec.Label(false)))
		return nil
	}
	fmt.Fprintf(a.Out, "took %s out of %s\n", code.Key(), safetext.Line(sec.Label(false)))
	return nil
}
