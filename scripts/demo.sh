#!/usr/bin/env bash
# The main job on the shipped examples: analyse every export into an embedded SQLite file
# (ascolto-demo.db), then print the report and write it as a page (ascolto-demo.html).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
rm -f ascolto-demo.db ascolto-demo.db-wal ascolto-demo.db-shm
status=0
build/ascolto analyze examples/survey-it.csv examples/survey-en.csv examples/survey-mixed.csv \
  examples/qualtrics-export.csv --db ascolto-demo.db --out ascolto-demo.jsonl || status=$?
# Exit code 1 means some rows were rejected (they are in the rejects table); anything else is fatal.
[ "$status" -le 1 ] || exit "$status"
echo
build/ascolto report --db ascolto-demo.db --html ascolto-demo.html
echo "HTML report: ascolto-demo.html"
