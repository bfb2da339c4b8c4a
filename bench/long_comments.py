#!/usr/bin/env python3
"""Time per KB of one long comment, by shape and size: analysis time must be linear in the
comment's length (issue 15 item 9), so the seconds per KB should stay flat from 1 KB to 1 MiB.
Each case is a one-line file analysed with `analyze --format lines --threads 1 --out /dev/null`;
the CPU time of a one-word comment (start-up, lexicon loading) is subtracted; the best of REPEAT
runs is kept. A run over TIMEOUT seconds (wall) is reported as such.
  bench/long_comments.py [--sizes 1024 65536 1048576] [--bin build/ascolto] [--timeout 60] [--repeat 2]"""
import argparse, os, resource, subprocess, sys, tempfile

SHAPES = {
    # name: (unit repeated, prefix, suffix)
    "prose-it": ("Il personale è stato gentile ma la consegna è arrivata in ritardo di tre "
                 "giorni. Non consiglio questo negozio a nessuno! ", "", ""),
    "prose-en": ("The staff were friendly, but the parcel arrived three days late and nobody "
                 "answered. Would not recommend. ", "", ""),
    "combining-marks": ("\u0301\u0316\u0334", "a", ""),
    "repeated-clauses": ("consegna in ritardo, ", "", ""),
    "repeated-contrast-it": ("ma ", "buono ", "buono"),
    "repeated-contrast-en": ("but ", "good ", "good"),
    "repeated-boosters": ("molto ", "", "buono"),
    "one-clause-modifiers": ("non molto buono e ", "", ""),
    "sentences-opening-contrast": ("But good. ", "", ""),
    "repeated-negators": ("non ", "", "buono"),
    "repeated-questions": ("why is it so good? ", "", ""),
    "giant-word": ("a", "", ""),
}


def comment(shape, size):
    unit, prefix, suffix = SHAPES[shape]
    n = max(1, (size - len((prefix + suffix).encode())) // len(unit.encode()))
    return prefix + unit * n + suffix


def run(binary, text, timeout, tmp):
    path = os.path.join(tmp, "in.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("\n", " ") + "\n")
    cmd = [binary, "analyze", path, "--format", "lines", "--threads", "1", "--out", "/dev/null"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                       check=True)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds, not wall time: the figures hold on a machine shared with other work.
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1024, 65536, 1048576])
    ap.add_argument("--bin", default="build/ascolto")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES))
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ascolto-long-") as tmp:
        startup = min(run(args.bin, "ok", args.timeout, tmp) for _ in range(3))
        print(f"start-up (one-word comment): {startup:.3f} CPU s")
        print("| shape | " + " | ".join(f"{s // 1024} KB s (ms/KB)" for s in args.sizes) + " |")
        print("|---|" + "---:|" * len(args.sizes))
        for shape in args.shapes:
            cells = []
            for size in args.sizes:
                text = comment(shape, size)
                times = [run(args.bin, text, args.timeout, tmp) for _ in range(args.repeat)]
                t = None if None in times else min(times)
                if t is None:
                    cells.append(f"> {args.timeout:.0f} s")
                    continue
                net = max(0.0, t - startup)
                kb = len(text.encode()) / 1024
                cells.append(f"{net:.3f} ({1000 * net / kb:.3f})")
            print(f"| {shape} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
