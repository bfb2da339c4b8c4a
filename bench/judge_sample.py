"""A random sample of theme mentions to judge by hand, each with its whole comment.

    python3 bench/judge_sample.py EXPORT.csv OUT.jsonl --seed S [--n 150] [--text-col text]

OUT.jsonl is `ascolto analyze EXPORT.csv --out OUT.jsonl`, row for row. Prints numbered mentions:
theme, the mention's sentiment, the matched words, and the comment (whitespace folded). The judged
lists quote the export: keep them out of the repository (bench/RESULTS.md, "Judged samples").
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from theme_coverage import load_pairs  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("jsonl")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--text-col", default="text")
    a = ap.parse_args()
    texts, rows = load_pairs(a.export, a.jsonl, a.text_col)
    mentions = [(m, t) for t, r in zip(texts, rows) for m in r["themes"]]
    rng = random.Random(a.seed)
    for i, (m, t) in enumerate(rng.sample(mentions, min(a.n, len(mentions))), 1):
        print(f"{i:>3}. {m['theme']:<32} {m.get('sentiment', 0):+.2f} [{m['text']}]")
        print(f"     COMMENT: {' '.join(t.split())}\n")


if __name__ == "__main__":
    main()
