#!/usr/bin/env bash
# Times `ascolto report` (terminal and --html) on a generated export of N rows (default 1M).
#   bash bench/report_bench.sh [ROWS] [BIN] [DB]
# Generates the export with bench/generate.py and analyzes it into DB (kept: generating 1M rows
# and analyzing them takes minutes) unless DB exists; prints wall seconds of each report (best
# of 3, all 3, and the CPU seconds of the best) and the load average, since the machine is shared.
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
# Wall seconds of each of 3 runs, sorted, then the CPU seconds (user + system) of the best:
# on a shared machine the CPU time says what the report costs, the wall time what it took.
best() {
  local times=() cpu=() f
  f=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S' -o "$f" "$@" >/dev/null
    read -r wall user sys <"$f"
    times+=("$wall")
    cpu+=("$wall $(echo "$user + $sys" | bc)")
  done
  rm -f "$f"
  printf '%s s (runs: %s); cpu of the best %s s' \
    "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s ' "${times[@]}")" \
    "$(printf '%s\n' "${cpu[@]}" | sort -n | head -1 | cut -d' ' -f2)"
}
html=$(mktemp --suffix=.html)
echo "rows $rows, $bin, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "terminal: $(best "$bin" report --db "$db")"
echo "html:     $(best "$bin" report --db "$db" --format json --html "$html")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$html"
