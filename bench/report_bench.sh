#!/usr/bin/env bash
# Times `ascolto report` (terminal and --html) on a generated export of N rows (default 1M).
#   bash bench/report_bench.sh [ROWS] [BIN] [DB]
# Generates the export with bench/generate.py and analyzes it into DB (kept: generating 1M rows
# and analyzing them takes minutes) unless DB exists; prints wall seconds of each report, best
# of 3, and the load average, since the machine is shared.
set -euo pipefail
rows=${1:-1000000}
bin=${2:-build/ascolto}
db=${3:-/tmp/ascolto-report-bench-$rows.db}
if [ ! -f "$db" ]; then
  csv=$(mktemp --suffix=.csv)
  python3 bench/generate.py "$rows" "$csv"
  "$bin" analyze "$csv" --db "$db" --threads 2 >/dev/null
  rm -f "$csv"
fi
best() {
  local best=""
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N)
    "$@" >/dev/null
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    if [ -z "$best" ] || (($(echo "$t < $best" | bc))); then best=$t; fi
  done
  printf '%.2f' "$best"
}
html=$(mktemp --suffix=.html)
echo "rows $rows, $bin, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "terminal: $(best "$bin" report --db "$db") s"
echo "html:     $(best "$bin" report --db "$db" --format json --html "$html") s"
rm -f "$html"
