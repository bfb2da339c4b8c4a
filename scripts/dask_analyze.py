#!/usr/bin/python3
"""Ascolto on a Dask cluster: the analysis as a map step, the shards merged into one store.

  scripts/dask_analyze.py INPUT... --db all.db [--scheduler tcp://HOST:8786 | --local-workers N]
                          [--parts N] [--split] [--ascolto BIN] [--lexicons DIR] [--force]
                          [--work-dir DIR] [--no-merge] [-- ANALYZE OPTIONS...]

INPUT is a file or a folder (its .csv .tsv .jsonl .ndjson .txt .xlsx files, in name order). The
driver cuts the input in N parts, runs `ascolto analyze ... --db WORK/shard-K.db` for each part
on the cluster's workers (client.map over subprocesses; Dask's progress bar shows the parts
done), then `ascolto merge WORK/shard-*.db --db all.db` on this machine.

Parts: by default every task runs `analyze INPUT... --part K/N`: it reads the inputs as a single
run would, up to the end of its own run of consecutive records, and analyses only those, so keys,
line numbers, duplicate ids and rejects are exactly a single run's, and the shards merged in part
order get a single import's ids. When analyze has --pseudonym-key, the driver gives every part
and the merge one key, WORK/pseudonym.key (made once, mode 600, kept for later runs), so ids
holding personal data get the same pseudonyms in every shard. With --split the inputs are first cut into part files
(`ascolto split`, in WORK/parts) and each task reads one part: for workers that should not read
the whole input. Either way the workers must see the paths given (a shared folder), and the
binary and lexicons must be at the same path on every worker (--ascolto, --lexicons).

Each task runs analyze with as many threads as its worker has (--nthreads of dask-worker, or
threads_per_worker of a LocalCluster). Exit code: 0 every row stored, 1 some rows rejected (the
store keeps them, with their reason), otherwise analyze's or merge's own code.

Needs Dask distributed (Debian: python3-distributed), hence /usr/bin/python3.
"""
import argparse
import contextlib
import os
import secrets
import shutil
import subprocess
import sys

INPUT_EXTENSIONS = (".csv", ".tsv", ".jsonl", ".ndjson", ".txt", ".xlsx")


def find_inputs(paths):
    """Files named, and the export files of the folders named, each once, in the order given."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.lower().endswith(INPUT_EXTENSIONS))
            if not names:
                raise SystemExit(f"dask_analyze: {path}: no {'/'.join(INPUT_EXTENSIONS)} file in it")
            found += [os.path.join(path, n) for n in names]
        elif os.path.isfile(path) or path == "-":
            found.append(path)
        else:
            raise SystemExit(f"dask_analyze: {path}: no such file or folder")
    if "-" in found:
        raise SystemExit("dask_analyze: the workers cannot read standard input: give files")
    return list(dict.fromkeys(os.path.abspath(p) for p in found))


def run_analyze(command):
    """Runs on a worker: one `ascolto analyze` (threads = the worker's own). Returns its exit
    code, its summary line and stderr's tail; raises when it failed (exit 2 or more)."""
    from distributed import get_worker

    worker = get_worker()
    threads = worker.state.nthreads if hasattr(worker, "state") else worker.nthreads
    proc = subprocess.run(command + ["--threads", str(threads)], capture_output=True, text=True)
    tail = proc.stderr.strip().splitlines()[-20:]
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}:\n" + "\n".join(tail))
    summary = next((line for line in tail if " rows read: " in line), "")
    return {"code": proc.returncode, "summary": summary, "stderr": proc.stderr}


def split_inputs(ascolto, inputs, parts, out_dir, reader_options):
    """`ascolto split` of every input into out_dir; the part files, in order."""
    files = []
    for path in inputs:
        proc = subprocess.run([ascolto, "split", path, "--parts", str(parts), "--out-dir", out_dir]
                              + reader_options, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(proc.returncode)
        files += proc.stdout.split()
    return files


def pseudonym_key(ascolto, work):
    """The key file for the pseudonyms of the parts, when analyze takes one: WORK/pseudonym.key,
    made once and kept, so later runs into the same store use the same key."""
    usage = subprocess.run([ascolto, "analyze", "--help"], capture_output=True, text=True).stdout
    if "--pseudonym-key" not in usage:
        return None
    path = os.path.join(work, "pseudonym.key")
    if os.path.exists(path):
        return path
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(secrets.token_hex(32) + "\n")
    return path


# analyze's options that decide how the input is cut into records: split needs them too.
READER_OPTIONS = ("--format", "--encoding", "--delimiter", "--skip-rows", "--max-field-bytes")


def reader_options(analyze_options):
    out, i = [], 0
    while i < len(analyze_options):
        option = analyze_options[i]
        name = option.split("=", 1)[0]
        if name in READER_OPTIONS:
            out.append(option)
            if "=" not in option and i + 1 < len(analyze_options):
                out.append(analyze_options[i + 1])
                i += 1
        i += 1
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("inputs", nargs="+", help="export files or folders of exports")
    ap.add_argument("--db", help="the merged store to create or update (required unless --no-merge)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786)")
    ap.add_argument("--local-workers", type=int, default=2,
                    help="without --scheduler: a LocalCluster of N worker processes, 1 thread each")
    ap.add_argument("--parts", type=int, default=0,
                    help="number of parts (default: 2 per worker thread, for balance)")
    ap.add_argument("--split", action="store_true",
                    help="cut the inputs into part files first (ascolto split) instead of --part K/N")
    ap.add_argument("--ascolto", default=shutil.which("ascolto") or "build/ascolto",
                    help="the ascolto binary, same path on every worker (default: on PATH, else build/ascolto)")
    ap.add_argument("--lexicons", help="lexicon directory, same path on every worker (default: the shipped one)")
    ap.add_argument("--work-dir", default="ascolto-dask",
                    help="shared folder for the shards (and parts): visible to this machine and the workers")
    ap.add_argument("--force", action="store_true", help="passed to merge: merge shards of other versions too")
    ap.add_argument("--no-merge", action="store_true", help="stop after the shards (print their paths)")
    # After "--": more analyze options, e.g. -- --pack telco --date-order dmy.
    argv = sys.argv[1:] if argv is None else argv
    cut = argv.index("--") if "--" in argv else len(argv)
    args = ap.parse_args(argv[:cut])
    extra = argv[cut + 1:]
    if not args.db and not args.no_merge:
        ap.error("give --db OUT.db (or --no-merge)")
    ascolto = os.path.abspath(args.ascolto)
    if not os.access(ascolto, os.X_OK):
        ap.error(f"--ascolto {args.ascolto}: not an executable")
    try:
        from distributed import Client, LocalCluster, progress
    except ImportError as e:
        raise SystemExit(f"dask_analyze: Dask distributed is missing ({e}); on Debian: "
                         "apt-get install python3-distributed, and run with /usr/bin/python3")

    inputs = find_inputs(args.inputs)
    work = os.path.abspath(args.work_dir)
    os.makedirs(work, exist_ok=True)
    if args.lexicons:
        extra = ["--lexicons", os.path.abspath(args.lexicons)] + extra

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values())
        parts = args.parts or 2 * threads
        if args.split:
            files = split_inputs(ascolto, inputs, parts, os.path.join(work, "parts"),
                                 reader_options(extra))
            commands = [[ascolto, "analyze", f] + extra for f in files]
        else:
            commands = [[ascolto, "analyze"] + inputs + extra + ["--part", f"{k}/{parts}"]
                        for k in range(1, parts + 1)]
        key = pseudonym_key(ascolto, work)
        if key:
            commands = [c + ["--pseudonym-key", key] for c in commands]
        width = len(str(len(commands)))
        shards = [os.path.join(work, f"shard-{k:0{width}d}.db") for k in range(1, len(commands) + 1)]
        for shard in shards:  # a shard is this run's only: left over from an earlier run, it goes
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(shard + suffix):
                    os.remove(shard + suffix)
        print(f"dask_analyze: {len(inputs)} input(s), {len(commands)} parts on {threads} worker "
              f"thread(s); dashboard: {client.dashboard_link}", file=sys.stderr)
        futures = client.map(run_analyze, [c + ["--db", s] for c, s in zip(commands, shards)],
                             pure=False)
        with contextlib.redirect_stdout(sys.stderr):  # stdout is for the shards' paths
            progress(futures)
        print(file=sys.stderr)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for shard, result in zip(shards, results):
        print(f"  {os.path.basename(shard)}: {result['summary'].removeprefix('ascolto analyze: ')}",
              file=sys.stderr)
    code = max(r["code"] for r in results)
    if args.no_merge:
        print("\n".join(shards))
        return code
    merge = [ascolto, "merge"] + shards + ["--db", args.db] + (["--force"] if args.force else [])
    if key:
        merge += ["--pseudonym-key", key]
    merged = subprocess.run(merge)
    return merged.returncode if merged.returncode != 0 else code


if __name__ == "__main__":
    sys.exit(main())
