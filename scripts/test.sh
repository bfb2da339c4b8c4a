#!/usr/bin/env bash
# Builds and runs every test twice: in the release build and in a build with AddressSanitizer and
# UndefinedBehaviorSanitizer; then runs each libFuzzer target for 30 s (clang build, fuzz/).
# Ends with the line "tests: N passed, M failed" (doctest test cases, one per fuzz target).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build || exit 1
scripts/setup.sh build-asan -Dbuildtype=debugoptimized -Db_sanitize=address,undefined \
  -Db_lundef=false || exit 1
CC=clang CXX=clang++ scripts/setup.sh build-fuzz -Dfuzz=true -Dtests=false \
  -Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false || exit 1

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for dir in build build-asan; do
  echo "== tests in $dir"
  meson test -C "$dir" --print-errorlogs --num-processes 2 | grep -E "^ *[0-9]+/[0-9]+ |^(Ok|Fail|Timeout)"
done
echo "== fuzz targets in build-fuzz"
meson test -C build-fuzz --suite fuzz --print-errorlogs --num-processes 1 |
  grep -E "^ *[0-9]+/[0-9]+ |^(Ok|Fail|Timeout)"
python3 scripts/count_tests.py build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
  build-fuzz/meson-logs/testlog.json
