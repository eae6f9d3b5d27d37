package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
	"zixuan/sectors/market"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// hostile holds what a note must never put raw on a terminal.
const hostile = "t\x1b]2;PWNED\x07 \x7f \u009b31m \u202eevil\u202c \u2066x\u2069 z\u200bw\ufeff \u2028"

// json output escapes every control (C0, DEL, C1), bidi and zero-width
// character as \uXXXX, and reads back as the same text.
func TestJSONEscapesControlsAndBidi(t *testing.T) {
	st, _, opts := fixture(t)
	if _, err := st.AddNote(mustCode("688111"), hostile); err != nil {
		t.Fatal(err)
	}
	snap, err := st.Load()
	check(t, err)
	var buf bytes.Buffer
	check(t, Write(&buf, JSON, snap.Tickers, opts))
	for _, r := range buf.String() {
		if r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200b || r == 0xfeff || r == 0x2028) {
			t.Fatalf("raw U+%04X in the json output", r)
		}
	}
	if !utf8.Valid(buf.Bytes()) {
		t.Fatal("invalid UTF-8")
	}
	var doc Document
	check(t, json.Unmarshal(buf.Bytes(), &doc))
	found := false
	for _, tk := range doc.Tickers {
		for _, n := range tk.Notes {
			found = found || n.Text == hostile
		}
	}
	if !found {
		t.Error("the note does not read back unchanged")
	}
	if !strings.Contains(buf.String(), `\u009b`) || !strings.Contains(buf.String(), `\u202e`) {
		t.Error("no \\u escapes in the output")
	}
}

// A formula behind a separator a spreadsheet may split on is neutralised,
// and the cell is quoted; an import reads the text back unchanged.
func TestCSVNeutralisesEverySeparatedPart(t *testing.T) {
	for in, want := range map[string]string{
		"x;=1+1":      "x;'=1+1",
		"a,@SUM(A1)":  "a,'@SUM(A1)",
		"a\t+1":       "'a\t'+1"[1:],
		"=1;-2|x":     "'=1;'-2|x",
		"-3.2% today": "'-3.2% today",
		"PE 20, fine": "PE 20, fine",
	} {
		got := Neutralise(in)
		if got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
		if back := Unneutralise(got); back != in {
			t.Errorf("Unneutralise(%q) = %q, want %q", got, back, in)
		}
	}
	st, _, opts := fixture(t)
	check(t, st.SetName(mustCode("688111"), "x;=1+1"))
	check(t, st.SetName(mustCode("002230"), "a,@SUM(A1)")) // a name keeps no tab: names are shown as terminals show them
	snap, err := st.Load()
	check(t, err)
	var buf bytes.Buffer
	check(t, Write(&buf, CSV, snap.Tickers, opts))
	for _, cell := range []string{`,"x;'=1+1",`, `,"a,'@SUM(A1)",`} {
		if !strings.Contains(buf.String(), cell) {
			t.Errorf("csv lacks the quoted, neutralised cell %q:\n%s", cell, buf.String())
		}
	}
	file, err := Parse(buf.Bytes(), "w.csv", CSV)
	check(t, err)
	names := map[string]string{}
	for _, it := range file.Items {
		names[it.Code.Number] = it.Name
	}
	if names["688111"] != "x;=1+1" || names["002230"] != "a,@SUM(A1)" {
		t.Errorf("names read back as %q, %q", names["688111"], names["002230"])
	}
}

// A new export is private, as the database is; an existing file keeps
// its mode.
func TestWriteFileModes(t *testing.T) {
	_, tickers, opts := fixture(t)
	dir := t.TempDir()
	fresh := filepath.Join(dir, "new.csv")
	check(t, WriteFile(fresh, CSV, tickers, opts, false))
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o600 {
		t.Errorf("a new export is %v, want 0600", fi.Mode().Perm())
	}
	shared := filepath.Join(dir, "shared.csv")
	os.WriteFile(shared, nil, 0o644)
	os.Chmod(shared, 0o644)
	check(t, WriteFile(shared, CSV, tickers, opts, true))
	if fi, _ := os.Stat(shared); fi.Mode().Perm() != 0o644 {
		t.Errorf("a replaced export is %v, want its old 0644", fi.Mode().Perm())
	}
}

// Onto a FIFO, a character device or a /proc/self/fd link the export is
// written as a stream; the node stays what it was. A link to a file is
// followed: the file it points to gets the export, the link stays.
func TestWriteFileIntoNodesThatAreNotFiles(t *testing.T) {
	_, tickers, opts := fixture(t)
	dir := t.TempDir()

	fifo := filepath.Join(dir, "fifo")
	check(t, syscall.Mkfifo(fifo, 0o600))
	// a reader that never blocks: the export fits the FIFO's buffer
	rfd, err := syscall.Open(fifo, syscall.O_RDWR|syscall.O_NONBLOCK, 0)
	check(t, err)
	defer syscall.Close(rfd)
	check(t, WriteFile(fifo, CSV, tickers, opts, true))
	buf := make([]byte, 1<<20)
	n, _ := syscall.Read(rfd, buf)
	if s := string(buf[:max(n, 0)]); !strings.HasPrefix(s, "code,name") {
		t.Errorf("the FIFO's reader got %q", s)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced by %v", fi.Mode())
	}

	r, w, err := os.Pipe()
	check(t, err)
	got := make(chan string, 1)
	proc := fmt.Sprintf("/proc/self/fd/%d", w.Fd())
	go func() {
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	check(t, WriteFile(proc, JSON, tickers, opts, false)) // a stream: nothing to overwrite
	w.Close()
	if s := <-got; !strings.Contains(s, `"version": 1`) {
		t.Errorf("the pipe behind %s got %q", proc, s)
	}

	if os.Geteuid() == 0 {
		null := filepath.Join(dir, "null")
		check(t, syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3)) // a /dev/null of our own
		check(t, WriteFile(null, CSV, tickers, opts, true))
		if fi, _ := os.Lstat(null); fi.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("the character device was replaced by %v", fi.Mode())
		}
	}

	target := filepath.Join(dir, "real.csv")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.csv")
	check(t, os.Symlink("real.csv", link))
	check(t, WriteFile(link, CSV, tickers, opts, true))
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); !strings.HasPrefix(string(b), "code,name") {
		t.Errorf("the file the link points to holds %q", b)
	}

	sock := filepath.Join(dir, "sock")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
		if err := WriteFile(sock, CSV, tickers, opts, true); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("export onto a socket: %v", err)
		}
		if fi, _ := os.Lstat(sock); fi.Mode()&os.ModeSocket == 0 {
			t.Error("the socket was replaced")
		}
	}
}

// A Shift-JIS file is refused, naming the encodings zixuan reads, rather
// than imported as GBK mojibake; a GBK file still reads.
func TestShiftJISRefused(t *testing.T) {
	sjis, err := japanese.ShiftJIS.NewEncoder().String("code,name,notes\n688111,金山ソフト,テストのメモです。よろしく\n002230,アイフライテック,音声認識\n")
	check(t, err)
	_, err = Parse([]byte(sjis), "jp.csv", "")
	if err == nil || !strings.Contains(err.Error(), "GBK") || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("a Shift-JIS file: %v", err)
	}
	big5, err := traditionalchinese.Big5.NewEncoder().String("code,name,notes\n688111,金山辦公,這是一個測試筆記，關於軟體與雲端服務\n")
	check(t, err)
	if _, err = Parse([]byte(big5), "tw.csv", ""); err == nil {
		t.Error("a Big5 file was read as GBK")
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("code,name,notes\n688111,金山办公,办公软件龙头，云服务增长\n")
	check(t, err)
	file, err := Parse([]byte(gbk), "cn.csv", "")
	check(t, err)
	if file.Encoding != EncGBK || len(file.Items) != 1 || file.Items[0].Name != "金山办公" {
		t.Errorf("a GBK file: %s %+v", file.Encoding, file.Items)
	}
}

// A rating dated after tomorrow (China time) is refused with its line: a
// far-future date would stop every later file from changing the rating.
func TestFutureRatingDateRefused(t *testing.T) {
	now := time.Date(2026, 12, 31, 20, 0, 0, 0, market.China)
	defer func(was func() time.Time) { parseNow = was }(parseNow)
	parseNow = func() time.Time { return now }
	tomorrow := market.ChinaDate(now.Add(24 * time.Hour))
	for name, text := range map[string]string{
		"far.csv":  "code,rating,rating_date\n688111,buy,2024-05-12\n002230,sell,9999-12-31\n",
		"next.csv": "code,rating,rating_date\n002230,sell," + market.ChinaDate(now.Add(72*time.Hour)) + "\n",
		"far.json": `{"version":1,"tickers":[{"key":"SZ002230","rating":"sell","rating_date":"9999-12-31T00:00:00Z"}]}`,
		"hist.json": `{"version":1,"tickers":[{"key":"SZ002230","rating":"sell","rating_date":"2024-05-12T00:00:00Z",
			"rating_history":[{"from":"buy","to":"sell","at":"9999-01-01T00:00:00Z","source":"user"}]}]}`,
	} {
		file, err := Parse([]byte(text), name, "")
		check(t, err)
		if len(file.Bad) != 1 || !strings.Contains(file.Bad[0].Error(), "future") || file.Bad[0].Line < 1 {
			t.Errorf("%s: bad rows %v", name, file.Bad)
		}
	}
	file, err := Parse([]byte("code,rating,rating_date\n002230,sell,"+tomorrow+"\n"), "ok.csv", "")
	check(t, err)
	if len(file.Bad) != 0 || len(file.Items) != 1 {
		t.Errorf("a rating dated tomorrow in China: %v", file.Bad)
	}
}
