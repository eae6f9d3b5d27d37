package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"zixuan/safetext"
	"zixuan/sectors"
)

// Format names an export format.
type Format string

// The formats zixuan writes.
const (
	CSV    Format = "csv"
	JSON   Format = "json"
	MD     Format = "md"
	TDX    Format = "tdx"
	Codes  Format = "codes"
	Yahoo  Format = "yahoo"
	Ticker Format = "ticker"
)

// Options carry what a writer needs besides the tickers.
type Options struct {
	BOM     bool                  // csv: start with a UTF-8 BOM so Excel reads Chinese
	Source  sectors.Source        // the report the watchlist came from
	Sectors []sectors.Sector      // for sector names and order
	Reports []sectors.ReportEntry // json: the reports the calls come from
	Now     func() time.Time
	// Prices, when not nil, add price columns to csv, json and md (see
	// Prices); nil leaves every format as it was.
	Prices *Prices
	// Alerts and Trades go into the json export (json_positions.go).
	Alerts []sectors.Alert
	Trades []sectors.Trade
}

type writer func(w io.Writer, tickers []sectors.Ticker, opts Options) error

var writers = map[Format]writer{}

// register adds a format's writer; each format's file calls it from init.
func register(f Format, fn writer) { writers[f] = fn }

// Formats lists the formats, for help and pickers.
func Formats() []Format {
	out := make([]Format, 0, len(writers))
	for f := range writers {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return order(out[i]) < order(out[j]) })
	return out
}

func order(f Format) int {
	for i, g := range []Format{CSV, JSON, MD, TDX, Codes, Yahoo, Ticker} {
		if f == g {
			return i
		}
	}
	return 99
}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := writers[f]; ok {
		return f, nil
	}
	names := make([]string, 0, len(writers))
	for _, g := range Formats() {
		names = append(names, string(g))
	}
	return "", fmt.Errorf("unknown format %q: use one of %s", s, strings.Join(names, ", "))
}

// Write writes tickers in format f.
func Write(w io.Writer, f Format, tickers []sectors.Ticker, opts Options) error {
	fn, ok := writers[f]
	if !ok {
		_, err := ParseFormat(string(f))
		return err
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return fn(w, tickers, opts)
}

// ErrExists is returned by WriteFile when the target exists and force is
// not set.
var ErrExists = errors.New("file exists")

// WriteFile writes an export atomically: the whole export is built in
// memory, written to a temporary file in the target's folder, synced and
// renamed over the target, so an interrupted export, a full disk or a
// permission error leaves no partial file. An existing file is replaced only
// with force, and keeps its mode; a new one is 0600, as private as the
// database it comes from. A symbolic link is followed: the file it points
// to is replaced, the link stays. A FIFO or a character device
// (/dev/stdout, /proc/self/fd/1, a pipe) is written into as a stream,
// without force; nothing that is not a regular file is ever renamed over.
func WriteFile(path string, f Format, tickers []sectors.Ticker, opts Options, force bool) error {
	fi, err := os.Stat(path) // through links
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if real, lerr := filepath.EvalSymlinks(filepath.Dir(path)); lerr == nil {
			path = filepath.Join(real, filepath.Base(path))
		}
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("export to %s: it is a link to a file that does not exist: give the file's own path (nothing was written)", path)
		}
	case err != nil:
		return fmt.Errorf("export to %s: %w", path, err)
	case fi.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0:
		return writeStream(path, f, tickers, opts)
	case fi.IsDir():
		return fmt.Errorf("export to %s: it is a folder: give a file name such as %s (nothing was written)", path, filepath.Join(path, DefaultFileName(f, time.Now())))
	case !fi.Mode().IsRegular():
		return fmt.Errorf("export to %s: it is not a regular file (%v): give another name (nothing was written)", path, fi.Mode().Type())
	case !force:
		return fmt.Errorf("%s: %w: use --force to overwrite it", path, ErrExists)
	default:
		if real, lerr := filepath.EvalSymlinks(path); lerr == nil {
			path = real // replace the file a link points to, not the link
		}
	}
	if dir := filepath.Dir(path); !isDir(dir) {
		return fmt.Errorf("export to %s: the folder %s does not exist (nothing was written)", path, dir)
	}
	var buf bytes.Buffer
	if err := Write(&buf, f, tickers, opts); err != nil {
		return err
	}
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return fmt.Errorf("export to %s: %w (nothing was written)", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync() // make the rename itself durable
		d.Close()
	}
	return nil
}

// writeStream writes an export into a FIFO or a device, which has no
// folder to build a temporary file in and must never be replaced.
func writeStream(path string, f Format, tickers []sectors.Ticker, opts Options) error {
	var buf bytes.Buffer
	if err := Write(&buf, f, tickers, opts); err != nil {
		return err
	}
	out, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	data := buf.Bytes()
	if isatty.IsTerminal(out.Fd()) { // shown, not stored: inert, as on stdout
		data = []byte(safetext.Inert(buf.String()))
	}
	_, err = out.Write(data)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return nil
}

// DefaultFileName is the name the TUI offers: zixuan-20261128.csv.
func DefaultFileName(f Format, now time.Time) string {
	ext := string(f)
	switch f {
	case TDX:
		ext = "blk"
	case Codes, Yahoo:
		ext = string(f) + ".txt"
	case Ticker:
		ext = "ticker.yaml"
	}
	return fmt.Sprintf("zixuan-%s.%s", now.Format("20060102"), ext)
}

// sectorNames maps sector ids to their names.
func sectorNames(opts Options) map[string]sectors.Sector {
	m := make(map[string]sectors.Sector, len(opts.Sectors))
	for _, s := range opts.Sectors {
		m[s.ID] = s
	}
	return m
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
