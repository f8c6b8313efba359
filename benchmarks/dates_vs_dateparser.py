"""Compare claimtrack.arabic_dates.find_dates with dateparser's search_dates.

Run from the repository root:

    /work/venv/bin/python benchmarks/dates_vs_dateparser.py [--repeats N]

Both tools read every text of tests/data/date_expressions.jsonl. For each expected
expression we count:

- found: the tool reported something overlapping the expression's span;
- resolved: what it reported lies inside the expected [start, end] (for dateparser, its one
  datetime; for us, our whole range). An expected "unknown" (no publication date and a
  relative expression) counts as resolved when the tool does not invent a date for it;
- exact (ours only): same span text, same start, end and precision.

Times are the median over repeats of one pass over the set (per document) and of one call on
a ~4 KB document made by joining set texts (dense in dates), plus, when the seed corpus is
there, on 4 KB of a real article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateparser.search import search_dates

from claimtrack.arabic_dates import find_dates

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "date_expressions.jsonl"
SEED = ROOT / "seeds" / "003_6017e8bea10498ae.txt"  # a real article, fewer dates per KB

Span = tuple[int, int]
Hit = tuple[Span, date | None, date | None]  # span, start, end (None when unresolved)


def load() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sample_document(rows: list[dict[str, Any]], size: int = 4096) -> str:
    """The labelled texts run together, one a line, cut at ``size`` characters."""
    doc = ""
    for row in rows:
        if len(doc) >= size:
            break
        doc += row["text"] + "\n"
    return doc[:size]


def pub_of(row: dict[str, Any]) -> date | None:
    return date.fromisoformat(row["published"]) if row["published"] else None


def ours(text: str, published: date | None) -> list[Hit]:
    return [((m.start, m.end), m.value.start, m.value.end) for m in find_dates(text, published)]


def _dp_settings(published: date | None) -> dict[str, Any]:
    base = datetime.combine(published, datetime.min.time()) if published else datetime.now()
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}


def theirs(text: str, published: date | None) -> list[Hit]:
    found = search_dates(text, languages=["ar"], settings=_dp_settings(published)) or []
    hits: list[Hit] = []
    pos = 0
    for sub, dt in found:  # dateparser gives no offsets: find each substring in order
        at = text.find(sub, pos)
        if at < 0:
            at = text.find(sub)
        if at < 0:
            continue
        pos = at + len(sub)
        hits.append(((at, at + len(sub)), dt.date(), dt.date()))
    return hits


def score(rows: list[dict[str, Any]], tool: Callable[[str, date | None], list[Hit]]) -> dict:
    expected = found = resolved = 0
    for row in rows:
        text = row["text"]
        hits = tool(text, pub_of(row))
        for e in row["expected"]:
            expected += 1
            a = text.find(e["expr"])
            b = a + len(e["expr"])
            over = [h for h in hits if h[0][0] < b and a < h[0][1]]
            if over:
                found += 1
            if e["start"] is None:  # nothing can be resolved: do not invent a date
                resolved += all(h[1] is None for h in over)
                continue
            lo, hi = date.fromisoformat(e["start"]), date.fromisoformat(e["end"])
            resolved += any(h[1] is not None and lo <= h[1] and h[2] <= hi for h in over)
    return {"expected": expected, "found": found, "resolved": resolved}


def exact(rows: list[dict[str, Any]]) -> int:
    n = 0
    for row in rows:
        got = {m.value.text: m.value.as_dict() for m in find_dates(row["text"], pub_of(row))}
        for e in row["expected"]:
            g = got.get(e["expr"])
            n += bool(g) and (g["start"], g["end"], g["precision"]) == (  # type: ignore[index]
                e["start"],
                e["end"],
                e["precision"],
            )
    return n


def timed(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm up (dateparser loads its language data on first use)
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=5, help="timing repeats (default 5)")
    args = ap.parse_args()
    rows = load()
    doc = sample_document(rows)
    doc_pub = date(2019, 9, 27)

    article = (SEED.read_text(encoding="utf-8") * 2)[:4096] if SEED.exists() else ""

    results = {}
    for name, tool in (("claimtrack find_dates", ours), ("dateparser search_dates", theirs)):
        s = score(rows, tool)
        per_doc = timed(lambda t=tool: [t(r["text"], pub_of(r)) for r in rows], args.repeats)
        big = timed(lambda t=tool: t(doc, doc_pub), args.repeats)
        real = timed(lambda t=tool: t(article, doc_pub), args.repeats) if article else 0.0
        results[name] = (s, per_doc / len(rows), big, real)

    n = results["claimtrack find_dates"][0]["expected"]
    print(f"labelled set: {len(rows)} texts, {n} expected expressions; 4 KB doc: {len(doc)} chars")
    head = f"{'':26}{'found':>14}{'resolved':>16}{'ms / text':>11}{'ms / 4 KB':>11}"
    print(head + (f"{'ms / 4 KB article':>19}" if article else ""))
    for name, (s, per, big, real) in results.items():
        print(
            f"{name:26}"
            f"{s['found']:>5}/{n} {s['found'] / n:6.1%}"
            f"{s['resolved']:>7}/{n} {s['resolved'] / n:6.1%}"
            f"{per * 1000:>11.3f}{big * 1000:>11.2f}"
            + (f"{real * 1000:>19.2f}" if article else "")
        )
    ex = exact(rows)
    print(f"claimtrack exact (span text, start, end, precision): {ex}/{n} ({ex / n:.1%})")
    ratio_text = results["dateparser search_dates"][1] / results["claimtrack find_dates"][1]
    ratio_doc = results["dateparser search_dates"][2] / results["claimtrack find_dates"][2]
    print(f"speed-up: x{ratio_text:.0f} per text, x{ratio_doc:.0f} on the 4 KB document")


if __name__ == "__main__":
    main()
