#!/usr/bin/python3
"""The Dask driver (scripts/dask_analyze.py) on a LocalCluster of 2 worker processes, 1 thread
each, on a generated 200k-row export with a few bad rows: the merged store must equal a
single-machine import of the same file (rows, segments, mentions, rejects and every view's
figures). Until `ascolto merge` exists the shards' union is compared instead, and views are not.
Exit 77 (Meson's "skipped") only when Dask distributed cannot be imported.
  /usr/bin/python3 tests/dask_driver_test.py      (ASCOLTO_BIN: the binary, default build/ascolto)
"""
import collections
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROWS = 200_000
BIG_VIEW = 5000  # rows

try:
    import distributed  # noqa: F401  (the driver needs it)
except ImportError as e:
    print(f"SKIP: Dask distributed cannot be imported by {sys.executable} ({e}); "
          "install python3-distributed (scripts/setup.sh does)")
    sys.exit(77)


def run(cmd, ok=(0,)):
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in ok:
        sys.exit(f"FAIL: {' '.join(cmd)} exited with {proc.returncode}\n{proc.stderr[-3000:]}")
    print(f"{time.monotonic() - start:6.1f} s  {' '.join(os.path.basename(c) for c in cmd[:2])} "
          f"-> {proc.returncode}", flush=True)
    return proc


def columns(con, table, skip):
    return [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in skip]


def rounded(row):
    # Views sum floats: a different row order may change the last bits, never the figures.
    return tuple(float(f"{v:.9g}") if isinstance(v, float) else v for v in row)


def contents(dbs, with_views):
    """Every stored fact of the stores in `dbs`, keyed by source key rather than row id, as a
    multiset (Counter) per table (and per view)."""
    out = {}
    for db in dbs:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        resp = columns(con, "responses", {"id", "run_id"})
        queries = {
            "responses": f"SELECT {', '.join('r.' + c for c in resp)} FROM responses r",
            "segments": "SELECT r.source_key, s.name, s.value FROM segments s "
                        "JOIN responses r ON r.id = s.response_id",
            "mentions": "SELECT r.source_key, " + ", ".join(
                f'm."{c}"' for c in columns(con, "mentions", {"id", "response_id"})) +
                        " FROM mentions m JOIN responses r ON r.id = m.response_id",
            "rejects": "SELECT " + ", ".join(columns(con, "rejects", {"id", "run_id"})) + " FROM rejects",
        }
        if with_views:
            # Aggregates row by row; the row-level views (one row per response or mention, built
            # from the tables compared above) by their count and the sum of every column, which
            # keeps the test near two minutes on 2 cores.
            views = [v for (v,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")]
            for view in views:
                cursor = con.execute(f'SELECT * FROM "{view}"')
                rows = cursor.fetchmany(BIG_VIEW + 1)
                if len(rows) <= BIG_VIEW:
                    out.setdefault("view " + view, collections.Counter()).update(map(rounded, rows))
                    continue
                cols = [d[0] for d in cursor.description]
                cursor.close()
                sums = ", ".join(f'total("{c}")' for c in cols)
                queries["view " + view] = f'SELECT count(*), {sums} FROM "{view}"'
        for name, sql in queries.items():
            out.setdefault(name, collections.Counter()).update(rounded(r) for r in con.execute(sql))
        con.close()
    return out


def main():
    ascolto = os.path.abspath(os.environ.get("ASCOLTO_BIN", os.path.join(ROOT, "build", "ascolto")))
    lexicons = os.environ.get("ASCOLTO_LEXICONS", os.path.join(ROOT, "lexicons"))
    has_merge = subprocess.run([ascolto, "merge", "--help"], capture_output=True).returncode == 0
    # Everything this test writes, Dask's worker space too, is in one directory under the temp
    # dir (TMPDIR honoured), removed on the way out: a failed check and meson's SIGTERM on a
    # timeout both leave through the `with`.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    with tempfile.TemporaryDirectory(prefix="ascolto-dask-") as tmp:
        os.environ["DASK_TEMPORARY_DIRECTORY"] = tmp
        export = os.path.join(tmp, "export.csv")
        run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(ROWS), export])
        with open(export, "a", encoding="utf-8") as f:
            f.write("B00000007,2026-03-01,9,Roma,web,a second row with the id of an earlier one\n")
            f.write('B09000001,2026-03-02,4,Roma,web,"closed quote" then junk\n')
            f.write("B09000002,2026-03-03,dieci,Milano,app,the score is a word\n")
        single = os.path.join(tmp, "single.db")
        run([ascolto, "analyze", export, "--db", single, "--lexicons", lexicons, "--threads", "2"],
            ok=(1,))
        work = os.path.join(tmp, "work")
        merged = os.path.join(tmp, "merged.db")
        driver = [sys.executable, os.path.join(ROOT, "scripts", "dask_analyze.py"), export,
                  "--ascolto", ascolto, "--lexicons", lexicons, "--local-workers", "2",
                  "--parts", "4", "--work-dir", work]
        proc = run(driver + (["--db", merged] if has_merge else ["--no-merge"]), ok=(1,))
        if has_merge:
            got, label = contents([merged], True), "the merged store"
        else:
            shards = proc.stdout.split()
            assert len(shards) == 4, proc.stdout
            got, label = contents(shards, False), "the shards' union (no `ascolto merge` yet)"
        want = contents([single], has_merge)
        assert want["responses"].total() == ROWS + 1, want["responses"].total()
        assert want["rejects"].total() == 3, want["rejects"]  # 2 rows, 1 field
        bad = [k for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)]
        for k in bad:
            w, g = want.get(k, collections.Counter()), got.get(k, collections.Counter())
            print(f"FAIL: {k}: single {w.total()} rows, {label} {g.total()}; only in the single "
                  f"import: {list((w - g).elements())[:3]}; only in {label}: "
                  f"{list((g - w).elements())[:3]}")
        if bad:
            return 1
        print(f"OK: {label} equals the single import: {want['responses'].total()} responses, "
              f"{want['mentions'].total()} mentions, {want['segments'].total()} segments, "
              f"{want['rejects'].total()} rejects" + (f", {len(want) - 4} views" if has_merge else ""))
        return 0


if __name__ == "__main__":
    sys.exit(main())
