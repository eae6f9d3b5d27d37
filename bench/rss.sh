#!/usr/bin/env bash
# Peak RSS (/usr/bin/time -v, maximum resident set) and wall of the
# commands that read price history, at the whole market: 5,538 tickers
# with two years of history (bench/report universe + history), an alert
# (since-call or drawdown) and a buy on every ticker; quotes off, then on
# against bench/quoteserver on a local port: "online" with the days since
# the history's end (and before it, back to three weeks before the oldest
# call) to fetch and store, "current" with the history already fetched
# (the same command run once before: the steady state of a cron job). Each run on a fresh copy of the
# database (a run with quotes on stores the days it fetched).
#
#   bench/rss.sh [zixuan binary ...]    # default: one built from the tree
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
qs=""
trap '[ -n "$qs" ] && kill "$qs"; rm -rf "$tmp"' EXIT
go build -o "$tmp/report" ./bench/report
go build -o "$tmp/quoteserver" ./bench/quoteserver
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
  go build -o "$tmp/zixuan" . && bins=("$tmp/zixuan")
fi
z=${bins[0]}
"$tmp/report" universe 5538 "$tmp/u.db" && "$tmp/report" history "$tmp/u.db"
"$z" --db "$tmp/u.db" export -f json >"$tmp/ex.json"
python3 - "$tmp/ex.json" <<'PY'
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
"$z" --db "$tmp/u.db" import "$tmp/ex.json" >/dev/null
port=$((20000 + RANDOM % 20000))
"$tmp/quoteserver" -addr "127.0.0.1:$port" 2>/dev/null &
qs=$!
sleep 1
for bin in "${bins[@]}"; do
  for mode in offline online current; do
    for cmd in "scorecard" "quote" "position list" "alert check"; do
      cp "$tmp/u.db" "$tmp/run.db"
      flags=(--offline)
      [ $mode != offline ] && flags=(--quotes-url "http://127.0.0.1:$port")
      # shellcheck disable=SC2086
      [ $mode = current ] && { "$bin" --db "$tmp/run.db" "${flags[@]}" $cmd >/dev/null 2>&1 || true; }
      # shellcheck disable=SC2086
      /usr/bin/time -v "$bin" --db "$tmp/run.db" "${flags[@]}" $cmd >/dev/null 2>"$tmp/time" || true
      rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$tmp/time")
      wall=$(awk -F': ' '/Elapsed/ {print $2}' "$tmp/time")
      printf '%s\t%s\t%s\t%s MB\t%s\n' "$(basename "$bin")" "$mode" "$cmd" "$rss" "$wall"
    done
  done
done
