"""The Arabic date layer against dateparser on generated articles (benchmarks/corpus.py).

    python benchmarks/dates_on_corpus.py [--n 300] [--seed 1] [--repeats 3]

Both tools read each article with its publication date as the reference for relative
expressions. For each article the generator knows the day of its main incident; a tool
"resolves" it when one of the expressions it reports comes out as exactly that day. Also
reported: expressions found per article and the median time per article (best of repeats).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from dates_vs_dateparser import Hit, ours, theirs


def run(n: int, seed: int, repeats: int) -> dict[str, dict[str, float]]:
    articles = list(corpus.articles(n, seed))
    results = {}
    for name, tool in (("claimtrack find_dates", ours), ("dateparser search_dates", theirs)):
        found = resolved = 0
        times = []
        for article in articles:
            published = date.fromisoformat(article.truth["published"])
            day = date.fromisoformat(article.truth["event_day"])
            best = float("inf")
            hits: list[Hit] = []
            for _ in range(repeats):
                started = time.perf_counter()
                hits = tool(article.text, published)
                best = min(best, time.perf_counter() - started)
            times.append(best)
            found += len(hits)
            resolved += any(start == day and end == day for _, start, end in hits)
        results[name] = {"articles": n, "expressions_per_article": found / n,
                         "main_incident_day_resolved": resolved,
                         "ms_per_article_median": 1000 * statistics.median(times)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    results = run(args.n, args.seed, args.repeats)
    for name, r in results.items():
        print(f"{name:25s} main incident day resolved {r['main_incident_day_resolved']}/"
              f"{r['articles']}, {r['expressions_per_article']:.1f} expressions per article, "
              f"{r['ms_per_article_median']:.2f} ms per article (median)")
    mine, theirs_ = results.values()
    print(f"dateparser / claimtrack time per article: "
          f"{theirs_['ms_per_article_median'] / mine['ms_per_article_median']:.0f}x")


if __name__ == "__main__":
    main()
