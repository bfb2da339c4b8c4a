#!/usr/bin/env python3
"""Benchmark of the built binary on generated exports. For each size it runs (a) sentiment +
themes to JSONL with 1 thread and with all threads, (b) the full analyze into SQLite, REPEAT
times each, and prints the median wall time, comments/s, MB/s and peak RSS, then the seconds per
stage (one more run with `analyze --timings`, summed over threads) in a stable format, then how the
peak RSS of the SQLite import grows from the smallest to the largest size, and last the floors
(build/bench/floor) on the rows the largest import stored: ICU's break iterators and SQLite's
inserts by themselves beside Ascolto's tokenizer and analysis, in one process, no I/O, with the
writer (Store) on the same rows and its ratio to SQLite alone; last the writer thread of the
largest import (its write + finish stages) against that floor:
  bench/run.py [--rows 100000 200000 1000000 ...] [--repeat 3] [--bin build/ascolto]
With --dask (and only that, on the largest size): the Dask driver (scripts/dask_analyze.py, a
LocalCluster of 2 worker processes of 1 thread, 4 parts, merged unless `ascolto merge` is missing)
against one `analyze --threads 2` into SQLite, the same rows:
  bench/run.py --rows 1000000 --dask"""
import argparse, os, resource, shutil, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))


def measure(cmd):
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE,text=True);"
            "w=time.perf_counter()-t;"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(w, u.ru_maxrss, u.ru_utime + u.ru_stime);print(p.stderr)")
    out = subprocess.run([sys.executable, "-c", code] + cmd, capture_output=True, text=True, check=True).stdout
    first, _, err = out.partition("\n")
    wall, rss, cpu = first.split()
    stages = {}
    for line in err.splitlines():
        if line.startswith("timing "):
            _, name, secs = line.split()
            stages[name] = float(secs)
    return float(wall), int(rss) / 1024.0, float(cpu), stages  # seconds, MiB, CPU s, per stage


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[200000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--bin", default="build/ascolto")
    ap.add_argument("--dask", action="store_true", help="only the Dask driver against 2 threads")
    args = ap.parse_args()
    if args.dask:
        return dask_against_threads(args)
    cores = os.cpu_count()
    tmp = tempfile.mkdtemp(prefix="ascolto-bench-")
    load = os.getloadavg()[0]
    print(f"# ascolto benchmark  cores={cores}  repeat={args.repeat}  (median of runs)  "
          f"load average at start {load:.2f}")
    # CPU seconds (user + system, all threads) are the figure to trust when the machine is shared.
    print(f"{'rows':>9} {'case':<22} {'seconds':>8} {'comments/s':>11} {'MB/s':>7} {'peak_MiB':>9} "
          f"{'cpu_s':>7}")
    stage_lines = []
    sqlite_rss = {}
    for rows in args.rows:
        data = os.path.join(tmp, f"bench-{rows}.csv")
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(rows), data], check=True)
        mb = os.path.getsize(data) / 1e6
        db = os.path.join(tmp, f"bench-{rows}.db")
        cases = [
            ("jsonl threads=1", [args.bin, "analyze", data, "--out", os.devnull, "--threads", "1"]),
            (f"jsonl threads={cores}",
             [args.bin, "analyze", data, "--out", os.devnull, "--threads", str(cores)]),
            # A new database is built aside and renamed into place; an existing one (here an
            # empty file) is written in place, in WAL mode, as every import did before.
            (f"sqlite threads={cores}", [args.bin, "analyze", data, "--db", db, "--threads", str(cores)]),
            (f"sqlite-inplace thr={cores}",
             [args.bin, "analyze", data, "--db", db, "--threads", str(cores)]),
        ]
        for name, cmd in cases:
            walls, rss, cpus = [], [], []
            for _ in range(args.repeat + 1):
                for ext in ("", "-wal", "-shm"):
                    if os.path.exists(db + ext):
                        os.remove(db + ext)
                if "inplace" in name:
                    open(db, "wb").close()
                if len(walls) == args.repeat:
                    # The stages come from one more run: --timings' clock reads cost ~2% of the
                    # wall time, so the timed runs above go without.
                    stages = measure(cmd + ["--timings"])[3]
                    break
                w, r, c, _ = measure(cmd)
                walls.append(w)
                rss.append(r)
                cpus.append(c)
            w = statistics.median(walls)
            print(f"{rows:>9} {name:<22} {w:>8.2f} {rows / w:>11.0f} {mb / w:>7.1f} {max(rss):>9.1f} "
                  f"{statistics.median(cpus):>7.2f}")
            if name.startswith("sqlite "):
                sqlite_rss[rows] = max(rss)
                writer_stages = (rows, stages)
            cells = " ".join(f"{k}={v:.2f}" for k, v in stages.items())
            stage_lines.append(f"{rows:>9} {name:<22} {cells}")
    print("# seconds per stage (summed over threads; one extra run with --timings)")
    for line in stage_lines:
        print(line)
    if len(sqlite_rss) > 1:
        small, large = min(sqlite_rss), max(sqlite_rss)
        print(f"# peak RSS of the SQLite import: {large} rows / {small} rows = "
              f"{sqlite_rss[large] / sqlite_rss[small]:.2f}")
    floor = os.path.join(os.path.dirname(args.bin), "bench", "floor")
    print(f"# floors on the {args.rows[-1]} rows stored by the last SQLite import")
    sys.stdout.flush()
    out = subprocess.run([floor, db, "--repeat", str(args.repeat)], check=True, capture_output=True,
                         text=True).stdout
    print(out, end="")
    # The writer thread of the largest import (new database) against SQLite alone on its rows.
    floor_us = [float(line.split()[-2]) for line in out.splitlines()
                if line.startswith("sqlite insert, ascolto schema")]
    rows, stages = writer_stages
    if floor_us and "write" in stages:
        writer_us = 1e6 * (stages["write"] + stages.get("finish", 0.0)) / rows
        print(f"# writer thread in the {rows}-row import (write + finish, wall): {writer_us:.2f} us/comment; "
              f"floor {floor_us[0]:.2f} us/comment (wall); ratio {writer_us / floor_us[0]:.3f}")
    print(f"# load average at end {os.getloadavg()[0]:.2f}")
    shutil.rmtree(tmp)


def dask_against_threads(args):
    """The Dask driver's wall time against a plain 2-thread import of the same file (median of
    --repeat runs each, interleaved; the driver's time includes starting the LocalCluster)."""
    rows = args.rows[-1]
    tmp = tempfile.mkdtemp(prefix="ascolto-bench-dask-")
    data, db = os.path.join(tmp, f"bench-{rows}.csv"), os.path.join(tmp, "bench.db")
    subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(rows), data], check=True)
    binary = os.path.abspath(args.bin)
    merge = subprocess.run([binary, "merge", "--help"], capture_output=True).returncode == 0
    driver = ["/usr/bin/python3", os.path.join(here, "..", "scripts", "dask_analyze.py"), data,
              "--ascolto", binary, "--local-workers", "2", "--parts", "4",
              "--work-dir", os.path.join(tmp, "work")] + (["--db", db] if merge else ["--no-merge"])
    cases = [("sqlite threads=2", [binary, "analyze", data, "--db", db, "--threads", "2"]),
             ("dask 2x1 " + ("+ merge" if merge else "(no merge)"), driver)]
    print(f"# Dask driver against 2 threads  rows={rows}  repeat={args.repeat}  (median)  "
          f"load average at start {os.getloadavg()[0]:.2f}")
    print(f"{'rows':>9} {'case':<22} {'seconds':>8} {'comments/s':>11} {'runs':>24}")
    # Interleaved (A B A B ...), so a change in the machine's load falls on both cases.
    walls = {name: [] for name, _ in cases}
    for _ in range(args.repeat):
        for name, cmd in cases:
            for ext in ("", "-wal", "-shm"):
                if os.path.exists(db + ext):
                    os.remove(db + ext)
            walls[name].append(measure(cmd)[0])
    for name, _ in cases:
        w = statistics.median(walls[name])
        runs = " ".join(f"{x:.1f}" for x in walls[name])
        print(f"{rows:>9} {name:<22} {w:>8.2f} {rows / w:>11.0f} {runs:>24}", flush=True)
    print(f"# load average at end {os.getloadavg()[0]:.2f}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
