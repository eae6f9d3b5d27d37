#!/usr/bin/env bash
# The performance figures: every benchmark at 25, 550 and 5,538 tickers, the
# process figures (exec to first frame, RSS) and a table against the
# targets. For people, not CI (CI only runs the benchmarks once, with
# -benchtime=1x). Usage:
#
#   bench/run.sh                 # ~5 minutes; BENCHTIME=1s for steadier figures
#   IDLE_SECONDS=120 bench/run.sh      # a longer idle window (60 s unless set)
#   BENCH='Search|Cold' bench/run.sh   # a subset of the Go benchmarks
#
# Needs tmux for the TUI's exec-to-first-frame and RSS figures (skipped
# without it). Output: bench/out/{bench.txt,proc.txt,table.md} (untracked).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCHTIME=${BENCHTIME:-300ms}
BENCH=${BENCH:-.}
out=bench/out
mkdir -p "$out" && echo "*" >"$out/.gitignore"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== go test -bench ($BENCHTIME per benchmark)" >&2
go test -run '^$' -bench "$BENCH" -benchtime="$BENCHTIME" -timeout 30m \
  ./sectors/... ./store ./export ./report ./cli ./ui | tee "$out/bench.txt" >&2

echo "== process figures" >&2
: >"$out/proc.txt"
go build -o "$tmp/zixuan" .
go build -o "$tmp/report" ./bench/report
go build -o "$tmp/floor" ./bench/floor # the floor: a bare bubbletea program
"$tmp/zixuan" --db "$tmp/u25.db" list >/dev/null # the report's 25, seeded
for n in 550 5538; do "$tmp/report" universe "$n" "$tmp/u$n.db"; done
cp "$tmp/u5538.db" "$tmp/h5538.db" && "$tmp/report" history "$tmp/h5538.db" # two years of history stored
if command -v tmux >/dev/null; then
  "$tmp/report" floor "$tmp/floor" "$out/proc.txt" || echo "floor figures failed" >&2
fi
for n in 25 550 5538; do
  "$tmp/report" proc "$tmp/zixuan" "$tmp/u$n.db" "$n" "$out/proc.txt"
  if command -v tmux >/dev/null; then
    # first on copies of the file as built (no list index), then on the file
    "$tmp/report" tui-cold "$tmp/zixuan" "$tmp/u$n.db" "$n" "$out/proc.txt" || echo "tui figures (no index) at $n failed" >&2
    "$tmp/report" tui "$tmp/zixuan" "$tmp/u$n.db" "$n" "$out/proc.txt" || echo "tui figures at $n failed" >&2
    "$tmp/report" tui-note "$tmp/zixuan" "$tmp/u$n.db" "$n" "$out/proc.txt" || echo "tui figures after a note at $n failed" >&2
  fi
done
if command -v tmux >/dev/null; then
  # idle CPU, quotes off, side by side with the floor (IDLE_SECONDS, 60 unless set)
  "$tmp/report" idle "$tmp/floor" "$tmp/zixuan" "$out/proc.txt" "$tmp/u25.db:25" "$tmp/u5538.db:5538" || echo "idle figures failed" >&2
  "$tmp/report" tui-hist "$tmp/zixuan" "$tmp/h5538.db" 5538 "$out/proc.txt" || echo "tui figures with history failed" >&2
fi
echo "== package initialisation (GODEBUG=inittrace=1), slowest first" >&2
GODEBUG=inittrace=1 "$tmp/zixuan" --db "$tmp/u25.db" list 2>&1 >/dev/null |
  grep '^init' | sort -t@ -k2 | awk '{print $5, $6, $2}' | sort -g -r | head -5 >&2

"$tmp/report" table "$out/bench.txt" "$out/proc.txt" | tee "$out/table.md"
