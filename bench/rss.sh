#!/usr/bin/env bash
# Peak RSS (/usr/bin/time -v, maximum resident set; the TUI's VmHWM) and
# wall of the commands that read price history, at the whole market:
# 5,538 tickers with two years of history (bench/report universe +
# history), an alert (since-call or drawdown) and a buy on every ticker.
# Modes:
#   offline   --offline, the history stored
#   fetching  quotes on against bench/quoteserver on a local port: the days
#             since the history's end (and before it, back to three weeks
#             before the oldest call) fetched and stored (incremental)
#   current   the same command run a second time (the steady state of a
#             cron job: nothing left to fetch)
#   empty     quotes on, on the same database with no history stored: the
#             whole market's history fetched from nothing
# Each run on a fresh copy of the database (a run with quotes on stores the
# days it fetched), last written a minute before (current: five, as from
# cron): a file written in the last second is checked again at the first
# write rather than before the command holds anything (store.Precheck). The TUI runs in tmux at 120x40 for TUI_SECONDS (45),
# long enough to load and fetch the history, opens the scorecard and the
# detail pane, and its VmHWM is read before it quits; its RssAnon (the
# heap and the stacks) and RssFile (the binary's and the database's mapped
# pages) are sampled every 0.1 s meanwhile, and their peaks printed beside
# it (the two peaks need not fall at the same moment).
#
#   bench/rss.sh [zixuan binary ...]    # default: one built from the tree
#   MODES="offline fetching" CMDS="scorecard" bench/rss.sh
#   MODES=fetching CMDS=tui bench/rss.sh old new old new old new   # interleaved
#   RSS_FIXTURE=/tmp/fix bench/rss.sh   # the databases kept there and reused
#   RSS_SAMPLES=/tmp/s bench/rss.sh     # the TUI's samples (RssAnon RssFile, kB) kept
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
fix=${RSS_FIXTURE:-$tmp}
mkdir -p "$fix"
qs=""
trap '[ -n "$qs" ] && kill "$qs"; tmux kill-session -t "zixuan-rss-$$" 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/report" ./bench/report
go build -o "$tmp/quoteserver" ./bench/quoteserver
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
  go build -o "$tmp/zixuan" . && bins=("$tmp/zixuan")
fi
modes=${MODES:-offline fetching current empty}
IFS=, read -r -a cmds <<<"${CMDS:-scorecard,quote,position list,alert check,tui}"
z=${bins[0]}
if [ ! -s "$fix/u.db" ] || [ ! -s "$fix/empty.db" ]; then
  "$tmp/report" universe 5538 "$fix/empty.db"
  "$z" --db "$fix/empty.db" export -f json >"$fix/ex.json"
  python3 - "$fix/ex.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["alerts"], d["trades"] = [], []
for i, t in enumerate(d["tickers"]):
    kind = "since-call" if i % 2 == 0 else "drawdown"
    d["alerts"].append({"id": i + 1, "code": t["code"], "kind": kind, "value": 500 if kind == "since-call" else 90,
                        "created": "2026-07-02T09:00:00+08:00", "armed": True, "primed": True})
    d["trades"].append({"id": i + 1, "code": t["code"], "side": "buy", "date": "2025-10-10", "price": 10.0,
                        "qty": 100, "created": "2025-10-10T10:00:00+08:00", "forced": True})
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)
PY
  "$z" --db "$fix/empty.db" import "$fix/ex.json" >/dev/null
  cp "$fix/empty.db" "$fix/u.db" && "$tmp/report" history "$fix/u.db"
  # the list index a TUI's first start writes (that first start is measured
  # in bench/README.md's TUI figures), then files last written a minute ago,
  # as a database between two uses is
  for db in "$fix/empty.db" "$fix/u.db"; do
    tmux new-session -d -s "zixuan-rss-$$" -x 120 -y 40 env LANG=C.UTF-8 TERM=xterm-256color "$z" --db "$db" --offline
    sleep 20
    tmux send-keys -t "zixuan-rss-$$" q
    sleep 1
    tmux kill-session -t "zixuan-rss-$$" 2>/dev/null || true
    touch -d '1 minute ago' "$db"
  done
fi
port=$((20000 + RANDOM % 20000))
"$tmp/quoteserver" -addr "127.0.0.1:$port" 2>/dev/null &
qs=$!
sleep 1

# tui DB FLAGS...: the TUI's peak RSS (VmHWM) in MB, the peaks of its
# RssAnon and RssFile sampled every 0.1 s, and its seconds open
tui() {
  local db=$1 s="zixuan-rss-$$" pid hwm sampler
  shift
  tmux new-session -d -s "$s" -x 120 -y 40 env LANG=C.UTF-8 TERM=xterm-256color "$bin" --db "$db" "$@"
  pid=$(tmux list-panes -t "$s" -F '#{pane_pid}')
  : >"$tmp/samples"
  (while [ -r "/proc/$pid/status" ]; do
    awk '/RssAnon|RssFile/ {printf "%s ", $2} END {print ""}' "/proc/$pid/status" >>"$tmp/samples" 2>/dev/null || true
    sleep 0.1
  done) &
  sampler=$!
  sleep "$((3 + ${TUI_SECONDS:-45}))"
  # a ticker's detail pane and back, then through the tabs (reports, scorecard, positions)
  for k in Enter j j Escape Tab Tab Tab Tab; do tmux send-keys -t "$s" "$k"; sleep 1; done
  hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  tmux send-keys -t "$s" q
  sleep 1
  tmux kill-session -t "$s" 2>/dev/null || true
  [ -n "${RSS_SAMPLES:-}" ] && mkdir -p "$RSS_SAMPLES" && cp "$tmp/samples" "$RSS_SAMPLES/$(basename "$bin")-$mode-$(date +%H%M%S).kb"
  printf '%s MB (anon %s, file %s)\t%ss' "$hwm" \
    "$(awk 'NF == 2 && $1 > m {m = $1} END {print int(m/1024)}' "$tmp/samples")" \
    "$(awk 'NF == 2 && $2 > m {m = $2} END {print int(m/1024)}' "$tmp/samples")" \
    "$((${TUI_SECONDS:-45} + 9))"
}

for bin in "${bins[@]}"; do
  for mode in $modes; do
    for cmd in "${cmds[@]}"; do
      src=$fix/u.db
      [ "$mode" = empty ] && src=$fix/empty.db
      cp -p "$src" "$tmp/run.db"
      flags=(--offline)
      [ "$mode" != offline ] && flags=(--quotes-url "http://127.0.0.1:$port")
      if [ "$cmd" = tui ]; then
        [ "$mode" = current ] && { "$bin" --db "$tmp/run.db" "${flags[@]}" scorecard >/dev/null 2>&1 || true; touch -d '5 minutes ago' "$tmp/run.db"; }
        printf '%s\t%s\t%s\t%s\n' "$(basename "$bin")" "$mode" tui "$(tui "$tmp/run.db" "${flags[@]}")"
        continue
      fi
      # shellcheck disable=SC2086
      [ "$mode" = current ] && { "$bin" --db "$tmp/run.db" "${flags[@]}" $cmd >/dev/null 2>&1 || true; touch -d '5 minutes ago' "$tmp/run.db"; }
      # shellcheck disable=SC2086
      /usr/bin/time -v "$bin" --db "$tmp/run.db" "${flags[@]}" $cmd >/dev/null 2>"$tmp/time" || true
      rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$tmp/time")
      wall=$(awk -F': ' '/Elapsed/ {print $2}' "$tmp/time")
      printf '%s\t%s\t%s\t%s MB\t%s\n' "$(basename "$bin")" "$mode" "$cmd" "$rss" "$wall"
    done
  done
done
