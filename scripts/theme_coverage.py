#!/usr/bin/env python3
"""Theme coverage of an export by comment length, and a random sample of mentions to judge.

    build/ascolto analyze EXPORT.csv --out /tmp/x.jsonl
    python3 scripts/theme_coverage.py EXPORT.csv /tmp/x.jsonl [--text-col text]
        [--sample 40 --seed 1]   # also prints 40 random mentions (theme, mention sentiment, matched text, comment)
        [--uncovered 30]         # also prints 30 random comments of 3+ words with no theme

The JSON lines carry no text, so rows are paired by position: the export's data rows in order,
one JSON object each (`analyze` writes them in input order and keeps rejected rows out, so run it
on an export it stores whole). Coverage counts a comment covered when it has at least one theme.
"""
import argparse
import csv
import json
import random
import re
import sys


def words(text):
    return len(re.findall(r"\w+", text))


def load_pairs(export, jsonl, text_col):
    """The export's comments and `ascolto analyze`'s JSON lines for them, row for row."""
    with open(export, encoding="utf-8-sig", newline="") as f:
        texts = [r[text_col] for r in csv.DictReader(f)]
    with open(jsonl, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if len(rows) != len(texts):
        sys.exit(f"{len(texts)} rows in the export but {len(rows)} JSON lines: cannot pair them")
    return texts, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("jsonl")
    ap.add_argument("--text-col", default="text")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--uncovered", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    texts, rows = load_pairs(a.export, a.jsonl, a.text_col)
    buckets = [(0, 0, "0 words"), (1, 2, "1-2 words"), (3, 5, "3-5 words"), (6, 10, "6-10 words"),
               (11, 25, "11-25 words"), (26, 10**9, "26+ words")]
    print(f"{'length':<12} {'comments':>8} {'themed':>7} {'coverage':>9}")
    for lo, hi, name in buckets:
        sel = [r for t, r in zip(texts, rows) if lo <= words(t) <= hi]
        if sel:
            got = sum(1 for r in sel if r["themes"])
            print(f"{name:<12} {len(sel):>8} {got:>7} {got / len(sel):>9.1%}")
    long = [r for t, r in zip(texts, rows) if words(t) >= 3]
    got = sum(1 for r in long if r["themes"])
    print(f"3+ words: {got}/{len(long)} = {got / max(1, len(long)):.1%} with a theme; "
          f"{sum(len(r['themes']) for r in rows)} mentions in all")
    rng = random.Random(a.seed)
    if a.sample:
        mentions = [(m, t) for t, r in zip(texts, rows) for m in r["themes"]]
        print(f"\n{a.sample} random mentions (seed {a.seed}):")
        for i, (m, t) in enumerate(rng.sample(mentions, min(a.sample, len(mentions))), 1):
            print(f"{i:>3}. {m['theme']:<32} {m.get('sentiment', 0):+.2f} [{m['text']}]  "
                  f"{t.strip()[:220]}")
    if a.uncovered:
        bare = [t for t, r in zip(texts, rows) if words(t) >= 3 and not r["themes"]]
        print(f"\n{a.uncovered} random uncovered comments of 3+ words (seed {a.seed}):")
        for i, t in enumerate(rng.sample(bare, min(a.uncovered, len(bare))), 1):
            print(f"{i:>3}. {t.strip()[:240]}")


if __name__ == "__main__":
    main()
