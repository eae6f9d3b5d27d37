package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"zixuan/sectors/market"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"
)

// RateCmd changes a rating.
type RateCmd struct {
	Code   string `arg:"" predictor:"code" help:"The ticker: its code (688111), name (科大讯飞) or pinyin (kdxf, kedaxunfei)."`
	Rating string `arg:"" predictor:"rating" help:"buy, overweight, neutral, underweight, sell or unrated (买入 增持 中性 减持 卖出 未评级)."`
	Why    string `short:"w" placeholder:"TEXT" help:"Why: kept with the change in the history."`
	// RefPrice is the close the rating's return is measured from, stored
	// for the day of the rating in force (see store/prices.go).
	RefPrice float64 `name:"ref-price" placeholder:"P" help:"Reference price for the rating's return (default: the day's close, fetched when quotes are on)."`
}

// Run records the new rating.
func (c *RateCmd) Run(a *App) error {
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	r, err := sectors.ParseRating(c.Rating)
	if err != nil {
		return usageError{err}
	}
	if c.RefPrice < 0 || c.RefPrice != c.RefPrice || c.RefPrice > 1e7 {
		return usage("--ref-price %v is not a price: give the close, such as 1612.00", c.RefPrice)
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	// The reference belongs to the rating in force: today's when it just
	// changed, else the day of the rating it confirms, so that the return
	// since that rating is measured from it. One transaction does both.
	res, err := st.Rate(code, r, store.RateOptions{Source: sectors.SourceUser, Reason: c.Why, RefPrice: c.RefPrice})
	if err != nil {
		return err
	}
	if c.RefPrice != 0 {
		fmt.Fprintf(a.Out, "%s reference price %s for the rating of %s\n", code.Key(), strconv.FormatFloat(c.RefPrice, 'f', -1, 64), res.RefDay.Format("2006-01-02"))
	}
	if !res.Changed {
		fmt.Fprintf(a.Out, "%s is already rated %s %s; nothing changed (give --why to record a reaffirmation)\n", code.Key(), r.ID(), r.Chinese())
		return nil
	}
	fmt.Fprintf(a.Out, "%s rated %s %s\n", code.Key(), r.ID(), r.Chinese())
	return nil
}

// NoteCmd adds, edits or deletes a note.
type NoteCmd struct {
	Code   string  `arg:"" predictor:"code" help:"The ticker: its code (688111), name (科大讯飞) or pinyin (kdxf, kedaxunfei)."`
	Text   string  `arg:"" optional:"" help:"The note; read from stdin when omitted (ctrl+d ends it)."`
	Edit   *uint64 `placeholder:"ID" help:"Replace note ID's text (the old text is kept in its history)."`
	Delete *uint64 `placeholder:"ID" help:"Delete note ID (it stays in the history)."`
	// Undelete brings a deleted note back, as the TUI's detail pane does.
	Undelete *uint64 `placeholder:"ID" help:"Bring deleted note ID back, with its text and earlier versions (show --history lists the deleted notes)."`
}

// Run saves the note.
func (c *NoteCmd) Run(a *App) error {
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	given := 0
	for _, id := range []*uint64{c.Edit, c.Delete, c.Undelete} {
		if id != nil {
			given++
		}
	}
	if given > 1 {
		return usage("give one of --edit, --delete and --undelete")
	}
	for _, id := range []*uint64{c.Edit, c.Delete, c.Undelete} {
		if id != nil && *id == 0 {
			return usage("notes are numbered from 1: `zixuan show %s` lists them", code.Number)
		}
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	if c.Undelete != nil {
		if c.Text != "" {
			return usage("--undelete takes no text")
		}
		if err := st.UndeleteNote(code, *c.Undelete); err != nil {
			return err
		}
		fmt.Fprintf(a.Out, "brought back note #%d of %s\n", *c.Undelete, code.Key())
		return nil
	}
	if c.Delete != nil {
		if c.Text != "" {
			return usage("--delete takes no text")
		}
		if err := st.DeleteNote(code, *c.Delete); err != nil {
			return err
		}
		fmt.Fprintf(a.Out, "deleted note #%d of %s\n", *c.Delete, code.Key())
		return nil
	}
	text := c.Text
	if text == "" {
		b, err := io.ReadAll(io.LimitReader(a.In, 1<<20+1))
		if err != nil {
			return fmt.Errorf("read the note from stdin: %w", err)
		}
		if len(b) > 1<<20 {
			return usage("the note is over 1 MiB: keep notes shorter")
		}
		text = string(b)
	}
	if c.Edit != nil {
		if err := st.EditNote(code, *c.Edit, text); err != nil {
			return err
		}
		fmt.Fprintf(a.Out, "edited note #%d of %s\n", *c.Edit, code.Key())
		return nil
	}
	n, err := st.AddNote(code, text)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "saved note #%d on %s\n", n.ID, code.Key())
	return nil
}

// AddCmd adds a ticker.
type AddCmd struct {
	Code   string `arg:"" help:"The ticker: its code (600519; a fund such as 510300; an index such as 000300, sh000001 or 399006), or the name (贵州茅台) or pinyin (gzmt, guizhoumaotai) of an A-share."`
	Name   string `placeholder:"NAME" help:"Short name; needed only for a code the securities master does not know and the quote server does not name (or with --offline)."`
	Sector string `short:"s" required:"" placeholder:"S" predictor:"sector" help:"Sector (id, English or Chinese name)."`
	Rating string `short:"r" placeholder:"R" predictor:"rating" help:"Starting rating (default unrated; for a ticker brought back, its rating is kept unless given)."`
	// NewSector creates the sector with the ticker, in one transaction,
	// as the TUI's add wizard does when a new name is typed for it.
	NewSector bool `name:"new-sector" help:"Create the sector --sector names (English or Chinese, as zixuan sector add takes one name) together with the ticker; refused if a sector has that name."`
}

// Run adds the ticker.
func (c *AddCmd) Run(a *App) error {
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	if sec, known := market.LookupMaster(code); known && c.Name != "" && market.DisplayName(c.Name) != sec.Name {
		// the master's name is the one every list, search and export
		// shows; a typed name must not silently replace it
		return usage("%s is %s in the securities master: --name is only for a code it does not know; drop --name", code.Key(), sec.Name)
	}
	r := sectors.Unrated
	if c.Rating != "" {
		if r, err = sectors.ParseRating(c.Rating); err != nil {
			return usageError{err}
		}
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	quoteName, err := a.quoteNameFor(st, code, c.Name)
	if err != nil {
		return err
	}
	opts := store.AddOptions{Name: c.Name, QuoteName: quoteName, Sector: c.Sector, Rating: &r, Rerate: c.Rating != "", Source: sectors.SourceUser}
	var res store.AddResult
	if c.NewSector {
		res, err = st.AddToNewSector(code, c.Sector, "", opts)
	} else {
		res, err = st.AddOrRestore(code, opts)
	}
	if err != nil {
		if se := (*store.Error)(nil); errors.As(err, &se) && se.Reason == store.NoSuchSector {
			return usage("%s, or add --new-sector to create it", err)
		}
		return sectorUsage(err)
	}
	verb, more := "added", ""
	if res.Revived {
		verb = "brought back"
		more = fmt.Sprintf(" with its %d notes and its rating history", len(res.Ticker.LiveNotes()))
		if res.Rerated {
			more += ", now rated " + r.ID()
		}
	}
	kind := ""
	if !code.IsStock() {
		kind = " (" + string(code.Kind()) + ")"
	}
	fmt.Fprintf(a.Out, "%s %s %s%s to %s%s\n", verb, code.Key(), safetext.Line(market.DisplayName(res.Ticker.Name)), kind, safetext.Line(res.Sector.Label(false)), more)
	if other, name, ok := market.OtherMeaning(c.Code, code); ok {
		fmt.Fprintf(a.Out, "  (%s is the stock; for the index %s give %s)\n", safetext.Clip(c.Code), name, strings.ToLower(other.Key()))
	}
	return nil
}

// quoteNameFor is the quote server's name of a code the securities master
// does not list (a fund, an index), to keep with the ticker. It asks only
// when quotes are on and the name is needed: not for a stock the master
// knows, a benchmark index zixuan names (market.Indexes), nor when the
// user gave --name. A code the server does not know is refused unless a
// name was given; offline, the store asks for --name.
func (a *App) quoteNameFor(st *store.Store, code market.Code, given string) (string, error) {
	if !service.NeedsQuoteName(code) || strings.TrimSpace(given) != "" || a.root.Offline {
		return "", nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
	defer cancel()
	name, err := a.historyService(st).QuoteName(ctx, code)
	switch {
	case err == nil:
		return name, nil
	case errors.Is(err, service.ErrNotQuoted):
		return "", usage("the quote server does not know %s: check the code (an index such as sh000300 or sz399006, a fund such as 510300), or give its name with --name", code.Key())
	}
	return "", usage("%s is not in the securities master and the quote server did not answer (%s): give its name with --name, or try again", code.Key(), quote.Status(err))
}

// RmCmd removes a ticker, or undoes a removal.
type RmCmd struct {
	Code string `arg:"" optional:"" predictor:"code" help:"Ticker code (with --undo: default the last removed)."`
	Undo bool   `help:"Bring the ticker back instead."`
}

// Run removes or restores.
func (c *RmCmd) Run(a *App) error {
	if c.Code == "" && !c.Undo {
		return usage("give the code to remove, e.g. zixuan rm 688111")
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	if c.Code == "" {
		code, err := st.RestoreLast()
		if errors.Is(err, store.ErrNotFound) {
			return usageError{err}
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(a.Out, "restored %s\n", code.Key())
		return nil
	}
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	if c.Undo {
		if err := st.RestoreTicker(code); err != nil {
			return err
		}
		fmt.Fprintf(a.Out, "restored %s\n", code.Key())
		return nil
	}
	if err := st.RemoveTicker(code); err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "removed %s (notes and history kept; zixuan rm --undo %s brings it back)\n", code.Key(), code.Number)
	return nil
}

// MoveCmd moves a ticker between sectors.
type MoveCmd struct {
	Code   string `arg:"" predictor:"code" help:"Ticker code."`
	Sector string `arg:"" predictor:"sector" help:"Target sector."`
}

// Run moves the ticker.
func (c *MoveCmd) Run(a *App) error {
	return a.sectorChange(c.Code, c.Sector, (*store.Store).Move, "%s is in %s already: nothing changed\n", "moved %s to %s\n")
}

// SectorCmd groups the sector subcommands.
type SectorCmd struct {
	List   SectorListCmd   `cmd:"" default:"1" help:"List sectors with their ticker counts."`
	Add    SectorAddCmd    `cmd:"" help:"Add a sector."`
	Rename SectorRenameCmd `cmd:"" help:"Rename a sector (its tickers stay in it)."`
	Rm     SectorRmCmd     `cmd:"" help:"Delete an empty sector."`
}

// SectorListCmd lists sectors.
type SectorListCmd struct{}

// Run lists the sectors.
func (SectorListCmd) Run(a *App) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	snap, err := st.Load()
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, t := range snap.Tickers {
		if t.OnList() {
			counts[t.Sector]++
		}
	}
	idw := 2
	for _, s := range snap.Sectors {
		idw = max(idw, safetext.Width(safetext.Line(s.ID)))
	}
	for _, s := range snap.Sectors {
		fmt.Fprintf(a.Out, "%s  %3d  %s\n", safetext.Fit(safetext.Line(s.ID), idw), counts[s.ID], safetext.Line(sectorNames(s)))
	}
	return nil
}

// SectorAddCmd adds a sector.
type SectorAddCmd struct {
	Name   string `arg:"" help:"Name (English or Chinese)."`
	NameZH string `arg:"" optional:"" name:"chinese-name" help:"Chinese name, when NAME is English (also --zh)."`
	ZH     string `name:"zh" placeholder:"NAME" help:"Chinese name."`
}

// Run adds it.
func (c *SectorAddCmd) Run(a *App) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	zh := c.ZH
	if zh == "" {
		zh = c.NameZH
	}
	sec, err := st.AddSector(c.Name, zh)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "added sector %s\n", safetext.Line(sectorTitle(sec)))
	return nil
}

// SectorRenameCmd renames a sector.
type SectorRenameCmd struct {
	Sector string `arg:"" predictor:"sector" help:"The sector."`
	Name   string `arg:"" optional:"" help:"New name: a name written in Chinese renames the Chinese name, any other the English one."`
	ZH     string `name:"zh" placeholder:"NAME" help:"New Chinese name."`
}

// Run renames it.
func (c *SectorRenameCmd) Run(a *App) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	name, zh := c.Name, c.ZH
	if zh == "" && sectors.WrittenInChinese(name) {
		// "sector rename ai 人工智能" means the Chinese name; the English
		// one stays
		name, zh = "", name
	}
	sec, err := st.RenameSector(c.Sector, name, zh)
	if err != nil {
		return sectorUsage(err)
	}
	fmt.Fprintf(a.Out, "renamed sector %s to %s\n", safetext.Line(sec.ID), safetext.Line(sectorNames(sec)))
	return nil
}

// SectorRmCmd deletes a sector.
type SectorRmCmd struct {
	Sector string `arg:"" predictor:"sector" help:"The sector; it must hold no ticker."`
}

// Run deletes it.
func (c *SectorRmCmd) Run(a *App) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	sec, err := st.DeleteSector(c.Sector)
	if err != nil {
		return sectorUsage(err)
	}
	fmt.Fprintf(a.Out, "deleted sector %s\n", safetext.Line(sec.ID))
	return nil
}
