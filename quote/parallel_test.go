package quote

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
)

// parallel runs at most four calls at once, and a call that says stop
// keeps the rest from starting: the others here wait for the stop, so
// only the four first can ever have begun.
func TestParallelLimitsAndStops(t *testing.T) {
	var (
		mu      sync.Mutex
		started []int
	)
	err := parallel(context.Background(), 1000, func(ctx context.Context, i int) bool {
		mu.Lock()
		started = append(started, i)
		mu.Unlock()
		if i == 0 {
			return true
		}
		<-ctx.Done()
		return false
	})
	if err != nil {
		t.Fatalf("parallel: %v, want nil (the caller's context is live)", err)
	}
	if len(started) > 4 || !slices.Contains(started, 0) {
		t.Fatalf("started %v: want at most the four first, 0 among them", started)
	}
}

func TestParallelEveryItemOnce(t *testing.T) {
	seen := make([]int, 250)
	var mu sync.Mutex
	if err := parallel(context.Background(), len(seen), func(_ context.Context, i int) bool {
		mu.Lock()
		seen[i]++
		mu.Unlock()
		return false
	}); err != nil {
		t.Fatal(err)
	}
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("item %d ran %d times", i, n)
		}
	}
}

func TestParallelCallersContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ran := false
	err := parallel(ctx, 10, func(context.Context, int) bool { ran = true; return false })
	if !errors.Is(err, context.Canceled) || ran {
		t.Fatalf("cancelled caller: err %v, ran %v; want context.Canceled and nothing run", err, ran)
	}
}
