#!/usr/bin/env bash
# Installs what Ascolto needs from Debian (only the missing packages; chromium renders the HTML
# report in its test), configures the build directory and builds. Safe to run again: it does
# only what is missing.
#   scripts/setup.sh [BUILD_DIR [MESON_OPTION...]]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift || true

packages="g++ meson ninja-build pkg-config cmake python3 sqlite3 libicu-dev libre2-dev
  libboost-program-options-dev libsqlitecpp-dev libsqlite3-dev doctest-dev nlohmann-json3-dev
  libxxhash-dev libzip-dev libexpat1-dev libxlsxwriter-dev libjemalloc-dev clang libclang-rt-14-dev chromium
  python3-distributed"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" "$@" >/dev/null
fi
ninja -C "$build_dir" >/dev/null
