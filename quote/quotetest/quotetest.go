// Package quotetest replays recorded Tencent quote lines (quote/testdata)
// from a local server, for the tests of every package that fetches
// quotes: the answers are the real format, GBK and all, and no test goes
// to the network.
package quotetest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Lines reads recorded answers of quote/testdata (GBK, one
// v_sh600519="…"; line a symbol) by symbol: sh600519 → its whole line.
func Lines(t testing.TB, files ...string) map[string]string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	lines := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		text, err := simplifiedchinese.GBK.NewDecoder().String(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
			sym, _, _ := strings.Cut(strings.TrimPrefix(l, "v_"), "=")
			lines[sym] = l
		}
	}
	return lines
}

// Server answers Tencent's quote requests (/q=sh600519,sz000977) with the
// line of each symbol it holds and v_pv_none_match for the others, as the
// real server does, and remembers what it was asked.
type Server struct {
	*httptest.Server
	lines    map[string]string
	mu       sync.Mutex
	requests [][]string
}

// NewServer serves lines (see Lines) until the test ends.
func NewServer(t testing.TB, lines map[string]string) *Server {
	s := &Server{lines: lines}
	s.Server = httptest.NewServer(http.HandlerFunc(s.answer))
	t.Cleanup(s.Close)
	return s
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/q=") {
		http.NotFound(w, r)
		return
	}
	syms := strings.Split(strings.TrimPrefix(r.URL.Path, "/q="), ",")
	s.mu.Lock()
	s.requests = append(s.requests, syms)
	s.mu.Unlock()
	var b strings.Builder
	for _, sym := range syms {
		if l, ok := s.lines[sym]; ok {
			b.WriteString(l + "\n")
		} else {
			b.WriteString(`v_pv_none_match="1";` + "\n")
		}
	}
	out, _ := simplifiedchinese.GBK.NewEncoder().String(b.String())
	_, _ = w.Write([]byte(out))
}

// Requests are the requests answered, each its symbols joined by commas.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.requests))
	for i, r := range s.requests {
		out[i] = strings.Join(r, ",")
	}
	return out
}

// Symbols are the symbols asked, request after request.
func (s *Server) Symbols() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.requests {
		out = append(out, r...)
	}
	return out
}
