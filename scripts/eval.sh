#!/usr/bin/env bash
# Scores the analyzer on the labelled development sets in ../shared/eval (or EVAL_DIR):
# sentiment on every set, themes where the domain pack exists. Prints one line per set.
# Held-out probes written for the project: EVAL_DIR=bench/probe SCORER_DIR=../shared/eval
#   bash scripts/eval.sh it-reviews   (bench/probe/README.md).
#   scripts/eval.sh [set-name...]
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${EVAL_DIR:-../shared/eval}
scorer_dir=${SCORER_DIR:-$eval_dir}  # where score_sentiment.py / score_themes.py are
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
to_input() {  # gold CSV -> id,text CSV
  python3 -c "import csv,sys; r=csv.DictReader(open(sys.argv[1],encoding='utf-8')); w=csv.writer(sys.stdout); w.writerow(['id','text']); [w.writerow([x['id'],x['text']]) for x in r]" "$1"
}
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(en-amazon en-tweets en-nyt en-movies it-sentipolc en-restaurants it-hotels)
for set in "${sets[@]}"; do
  lang=${set%%-*}
  if [ -f "$eval_dir/sentiment/$set.csv" ]; then
    gold=$eval_dir/sentiment/$set.csv
    to_input "$gold" > "$tmp/in.csv"
    build/ascolto analyze "$tmp/in.csv" --text-col text --id-col id --lang "$lang" --out "$tmp/out.jsonl" 2>"$tmp/err" || { echo "$set: analyze failed: $(tail -1 "$tmp/err")"; continue; }
    echo "$set: $(python3 "$scorer_dir/score_sentiment.py" "$gold" "$tmp/out.jsonl")"
  elif [ -f "$eval_dir/themes/$set.csv" ]; then
    gold=$eval_dir/themes/$set.csv
    pack=restaurant
    [ "$set" = it-hotels ] && pack=hospitality
    to_input "$gold" > "$tmp/in.csv"
    packs=()
    [ -d "lexicons/packs/$pack" ] && packs=(--pack "$pack")
    build/ascolto analyze "$tmp/in.csv" --text-col text --id-col id --lang "$lang" "${packs[@]}" --out "$tmp/out.jsonl" 2>"$tmp/err" || { echo "$set: analyze failed: $(tail -1 "$tmp/err")"; continue; }
    echo "$set (${packs[*]:-no pack}): $(python3 "$scorer_dir/score_themes.py" "$gold" "$tmp/out.jsonl")"
  fi
done
