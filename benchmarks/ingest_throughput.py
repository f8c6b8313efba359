"""End-to-end ingest throughput, peak memory and linking time, on SQLite and PostgreSQL.

    python benchmarks/ingest_throughput.py [--sizes 1000,10000,50000] [--repeats 3]
        [--pg-url URL] [--link-sizes 250,500,1000,2000,4000] [--out results.json]

For each corpus size (made by benchmarks/corpus.py, cached under --work), every configuration
runs ``claims ingest FOLDER -q --no-link`` as a child process: SQLite with one process, and
PostgreSQL with ``--workers 1`` and ``--workers 2``. Within one repeat the configurations run
back to back, so a ratio between them is measured under the same machine load; the report
gives medians over repeats. Peak memory is the resident set of the ingest process (and, with
workers, of the whole process tree), sampled every 50 ms with psutil.

``--no-link`` keeps the linking step out of the throughput figure; it is measured on its own:
the time of one ``relink`` against the number of claims already stored, as the store grows.
The 1 k corpus is also ingested with linking on, for the whole read → link → store path.

PostgreSQL runs use a fresh schema each (``options=-csearch_path``), dropped afterwards;
``--pg-url`` defaults to $CLAIMTRACK_TEST_PG_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # a sibling script, not a package

CLAIMS = [str(Path(sys.executable).parent / "claims")]  # the installed command


def make_corpus(work: Path, n: int, seed: int) -> Path:
    folder = work / f"corpus_{n}_{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        corpus.write_folder(folder, n, seed)
        done.write_text("ok")
    return folder


class PgSchemas:
    """Fresh PostgreSQL schemas, one per run, dropped at the end."""

    def __init__(self, url: str) -> None:
        import sqlalchemy

        self.url = url
        self.engine = sqlalchemy.create_engine(url)
        self.made: list[str] = []

    def fresh(self) -> str:
        import sqlalchemy

        name = "bench_" + uuid.uuid4().hex[:10]
        with self.engine.begin() as conn:
            conn.execute(sqlalchemy.text(f'CREATE SCHEMA "{name}"'))
        self.made.append(name)
        separator = "&" if "?" in self.url else "?"
        return f"{self.url}{separator}options=-csearch_path%3D{name}"

    def drop_all(self) -> None:
        import sqlalchemy

        with self.engine.begin() as conn:
            for name in self.made:
                conn.execute(sqlalchemy.text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        self.made.clear()


def timed_run(args: list[str]) -> dict[str, Any]:
    """Run a command; wall time and peak RSS of the process and of its whole tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "CLAIMTRACK_NO_ENTRYPOINTS": "1"})
    watched = psutil.Process(proc.pid)
    server_before = _postgres_cpu()
    server: dict[int, float] = {}
    peak_main = peak_tree = 0
    cpu: dict[int, float] = {}  # last CPU seconds seen per process of the tree
    ticks = 0
    while proc.poll() is None:
        ticks += 1
        if ticks % 4 == 0:  # server backends come and go with connections: sample them
            server.update(_postgres_cpu())
        try:
            main = watched.memory_info().rss
            children = watched.children(recursive=True)
            tree = main + sum(c.memory_info().rss for c in children)
            for p in (watched, *children):
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            main = tree = 0
        peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
        time.sleep(0.05)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"seconds": seconds, "rss_main_mb": peak_main / 2**20,
            "rss_tree_mb": peak_tree / 2**20, "summary": out.strip().splitlines()[-1:],
            "load": os.getloadavg()[0], "cpu_main_s": cpu.get(proc.pid, 0.0),
            "cpu_workers_s": sum(v for k, v in cpu.items() if k != proc.pid),
            "cpu_postgres_s": sum(v - server_before.get(k, 0.0) for k, v in server.items())}


def _postgres_cpu() -> dict[int, float]:
    """CPU seconds used so far by each PostgreSQL server process (any client's: an estimate)."""
    found = {}
    for p in psutil.process_iter(["name", "cpu_times"]):
        if p.info["name"] == "postgres" and p.info["cpu_times"] is not None:
            found[p.pid] = p.info["cpu_times"].user + p.info["cpu_times"].system
    return found


def configurations(pg: PgSchemas | None, tmp: Path) -> list[tuple[str, Any, list[str]]]:
    """(name, a function making a fresh store URL, extra ingest arguments)."""
    def sqlite_url() -> str:
        path = tmp / f"{uuid.uuid4().hex[:8]}.db"
        return f"sqlite:///{path}"

    configs: list[tuple[str, Any, list[str]]] = [("sqlite", sqlite_url, [])]
    if pg is not None:
        configs += [("pg_w1", pg.fresh, ["--workers", "1"]),
                    ("pg_w2", pg.fresh, ["--workers", "2"])]
    return configs


def throughput(sizes: list[int], repeats: int, work: Path, seed: int,
               pg: PgSchemas | None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    tmp = work / "stores"
    for n in sizes:
        folder = make_corpus(work, n, seed)
        runs: dict[str, list[dict[str, Any]]] = {}
        for repeat in range(repeats):
            for name, fresh, extra in configurations(pg, tmp):
                tmp.mkdir(parents=True, exist_ok=True)
                db = fresh()
                run = timed_run([*CLAIMS, "ingest", str(folder), "-q", "--no-link", "--db", db,
                                 *extra])
                run["docs_per_s"] = n / run["seconds"]
                runs.setdefault(name, []).append(run)
                print(f"n={n} repeat={repeat + 1} {name}: {run['docs_per_s']:.0f} docs/s, "
                      f"RSS {run['rss_main_mb']:.0f} MB (tree {run['rss_tree_mb']:.0f} MB), "
                      f"CPU ms/doc main {1000 * run['cpu_main_s'] / n:.1f} workers "
                      f"{1000 * run['cpu_workers_s'] / n:.1f} postgres "
                      f"{1000 * run['cpu_postgres_s'] / n:.1f}, load {run['load']:.1f}",
                      flush=True)
                shutil.rmtree(tmp, ignore_errors=True)
            if pg is not None:
                pg.drop_all()
        summary = {name: {
            "docs_per_s_median": statistics.median(r["docs_per_s"] for r in rs),
            "docs_per_s_all": [round(r["docs_per_s"], 1) for r in rs],
            "rss_main_mb_max": max(r["rss_main_mb"] for r in rs),
            "rss_tree_mb_max": max(r["rss_tree_mb"] for r in rs),
            "cpu_ms_per_doc_median": {
                part: round(statistics.median(1000 * r[f"cpu_{part}_s"] / n for r in rs), 2)
                for part in ("main", "workers", "postgres")},
            "load_median": statistics.median(r["load"] for r in rs),
        } for name, rs in runs.items()}
        if "pg_w1" in runs:
            ratios = [w2["docs_per_s"] / w1["docs_per_s"]
                      for w1, w2 in zip(runs["pg_w1"], runs["pg_w2"], strict=True)]
            summary["pg_w2_over_w1"] = {"median": statistics.median(ratios),
                                        "all": [round(r, 2) for r in ratios]}
        results[str(n)] = summary
    return results


def end_to_end_with_link(work: Path, seed: int, n: int, repeats: int) -> dict[str, Any]:
    folder = make_corpus(work, n, seed)
    tmp = work / "stores"
    runs = []
    for _ in range(repeats):
        tmp.mkdir(parents=True, exist_ok=True)
        run = timed_run([*CLAIMS, "ingest", str(folder), "-q", "--db",
                         f"sqlite:///{tmp / 'linked.db'}"])
        runs.append(run)
        print(f"n={n} sqlite with linking: {n / run['seconds']:.0f} docs/s", flush=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return {"n": n, "docs_per_s_median": statistics.median(n / r["seconds"] for r in runs),
            "docs_per_s_all": [round(n / r["seconds"], 1) for r in runs],
            "rss_main_mb_max": max(r["rss_main_mb"] for r in runs)}


INCREMENT = 10  # documents added after each full relink, to time the incremental one


def linking_curve(work: Path, seed: int, sizes: list[int], cap_seconds: float
                  ) -> list[dict[str, Any]]:
    """Time of one relink against the claims stored, growing one store step by step."""
    from sqlalchemy import func
    from sqlmodel import Session, select

    from claimtrack.documents import RawDocument
    from claimtrack.linking import relink
    from claimtrack.models import Claim
    from claimtrack.pipeline import Ingestor, ingest_stream
    from claimtrack.plugins import load_plugins
    from claimtrack.store import open_store

    top = max(sizes)
    tmp = work / "stores"
    tmp.mkdir(parents=True, exist_ok=True)
    engine = open_store(f"sqlite:///{tmp / 'linking.db'}")
    pm = load_plugins()
    ingestor = Ingestor(engine, pm)
    stream = corpus.articles(top + INCREMENT * len(sizes), seed)
    done = 0
    points = []
    def raw(a: Any) -> RawDocument:
        return RawDocument(f"corpus:{a.name}", a.text, url=a.meta.get("url"),
                           title=a.meta.get("title"), published=a.meta.get("published"),
                           outlet=a.meta.get("outlet"))

    for size in sorted(sizes):
        batch = [raw(next(stream)) for _ in range(size - done)]
        for _ in ingest_stream(ingestor, batch):
            pass
        done = size
        with Session(engine) as session:
            claims = session.exec(select(func.count()).select_from(Claim)).one()
        started = time.perf_counter()
        events = relink(engine, pm, ingestor.gazetteer)
        seconds = time.perf_counter() - started
        # What `claims ingest` pays: the next few articles, then a relink around them only.
        extra = [raw(next(stream)) for _ in range(INCREMENT)]
        new = [o.source_id for o in ingest_stream(ingestor, extra)
               if o.status == "new" and o.source_id]
        done += INCREMENT
        started = time.perf_counter()
        relink(engine, pm, ingestor.gazetteer, sources=new)
        incremental = time.perf_counter() - started
        points.append({"documents": size, "claims": claims, "events": events,
                       "relink_seconds": round(seconds, 3),
                       "incremental_seconds": round(incremental, 4),
                       "incremental_documents": INCREMENT})
        print(f"linking: {size} documents, {claims} claims -> {events} events: full relink "
              f"{seconds:.2f} s; {INCREMENT} more documents relinked in {incremental:.3f} s",
              flush=True)
        if seconds > cap_seconds:
            print("linking: stopping the curve here (over the time cap)", flush=True)
            break
    engine.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    return points


def machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30),
            "load_at_start": os.getloadavg()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-url", default=os.environ.get("CLAIMTRACK_TEST_PG_URL"))
    parser.add_argument("--link-sizes", default="250,500,1000,2000,4000")
    parser.add_argument("--link-cap", type=float, default=120.0,
                        help="stop the linking curve after a relink slower than this")
    parser.add_argument("--skip", default="", help="comma list: throughput,linked,linking")
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimtrack-bench"))
    parser.add_argument("--out", type=Path, default=None, help="write results as JSON")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    args.work.mkdir(parents=True, exist_ok=True)
    pg = PgSchemas(args.pg_url) if args.pg_url else None
    results: dict[str, Any] = {"machine": machine(), "seed": args.seed}
    try:
        if "throughput" not in skip:
            sizes = [int(s) for s in args.sizes.split(",") if s]
            results["throughput"] = throughput(sizes, args.repeats, args.work, args.seed, pg)
        if "linked" not in skip:
            results["with_linking"] = end_to_end_with_link(args.work, args.seed, 1000,
                                                           args.repeats)
        if "linking" not in skip:
            results["linking_curve"] = linking_curve(
                args.work, args.seed, [int(s) for s in args.link_sizes.split(",")],
                args.link_cap)
    finally:
        if pg is not None:
            pg.drop_all()
    text = json.dumps(results, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
