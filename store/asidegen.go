package store

import "sync"

// asideGens remembers the generations a handle's aside writes committed,
// the last maxAsideGens of them.
type asideGens struct {
	mu   sync.Mutex
	gens map[uint64]struct{}
	max  uint64
}

const maxAsideGens = 1 << 14

func (a *asideGens) add(gen uint64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.gens == nil {
		a.gens = map[uint64]struct{}{}
	}
	a.gens[gen] = struct{}{}
	a.max = max(a.max, gen)
	if len(a.gens) > maxAsideGens {
		for g := range a.gens {
			if g+maxAsideGens < a.max {
				delete(a.gens, g)
			}
		}
	}
}

func (a *asideGens) all(from, to uint64) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if to <= from || to-from > maxAsideGens {
		return false
	}
	for g := from + 1; g <= to; g++ {
		if _, ok := a.gens[g]; !ok {
			return false
		}
	}
	return true
}

// AsideHere reports whether every write between generations from and to
// (from excluded) was made through this handle and wrote only what a Load
// does not hold: price history, alerts. A TUI whose data
// is at from then has nothing to reload for them (its own price history
// fetch writes a batch at a time); a write by another process, or one a
// Load holds, makes it false.
func (s *Store) AsideHere(from, to uint64) bool { return s.aside.all(from, to) }
