"""Consistency check of the held-out labels (run by hand; not a pytest module).

    python tests/heldout/check_labels.py [LABELS]

Checks every rule of tests/articles/README.md that can be checked mechanically: the labelled
file and its sidecar exist, ``quote_contains`` occurs exactly once in the article, outside the
boilerplate and the headline, is 5-12 words and does not cross a sentence end; kinds,
qualifiers and stances are from the fixed lists; values are null exactly when they should be;
dates are ISO days, never after publication, and an aggregate has no event date. Prints one
line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))
from evaluate_extraction import boilerplate_regions, prepare_text  # noqa: E402

KINDS = {"killed", "injured", "civilians_harmed", "vehicles_destroyed", "buildings_destroyed",
         "strikes", "killed_total", "remaining_strength", "coordination", "targeting"}
NON_NUMERIC = {"coordination", "targeting"}
QUALIFIERS = {"exact", "about", "at_least", "at_most", "unspecified"}
KEYS = {"file", "party", "kind", "value", "qualifier", "stance", "event_date", "said_on",
        "place", "incident", "quote_contains"}
# Footers of outlets the evaluator's boilerplate finder does not know (BBC Arabic).
EXTRA_FOOTERS = ("مواضيع ذات صلة",)
SENTENCE_END = re.compile(r"[.!?؟]\s")


def body_exclusions(text: str) -> list[tuple[int, int]]:
    regions, headline = boilerplate_regions(text)
    for marker in EXTRA_FOOTERS:
        at = text.find("\n" + marker + "\n")
        if at >= 0:
            regions.append((at, len(text)))
    if headline:
        regions.append(headline)
    return regions


def check_label(label: dict, text: str, excluded: list[tuple[int, int]],
                published: str | None) -> list[str]:
    problems = []
    if set(label) != KEYS:
        problems.append(f"keys {sorted(set(label) ^ KEYS)}")
    quote = label["quote_contains"]
    count = text.count(quote)
    if count != 1:
        problems.append(f"quote occurs {count} times")
    else:
        at = text.index(quote)
        if any(at < end and start < at + len(quote) for start, end in excluded):
            problems.append("quote in boilerplate or headline")
    if not 5 <= len(quote.split()) <= 12:
        problems.append(f"quote has {len(quote.split())} words")
    if "\n" in quote or SENTENCE_END.search(quote):
        problems.append("quote crosses a sentence end")
    kind, value, qualifier = label["kind"], label["value"], label["qualifier"]
    if kind not in KINDS or qualifier not in QUALIFIERS:
        problems.append("unknown kind or qualifier")
    if label["stance"] not in {"asserts", "denies"}:
        problems.append("unknown stance")
    if kind in NON_NUMERIC and (value is not None or qualifier != "exact"):
        problems.append("coordination/targeting must be null and exact")
    if kind not in NON_NUMERIC and (value is None) != (qualifier == "unspecified"):
        problems.append("a null value goes with 'unspecified' and only with it")
    for key in ("event_date", "said_on"):
        day = label[key]
        if day is None:
            continue
        dt.date.fromisoformat(day)
        if published and day > published:
            problems.append(f"{key} after publication")
    if label["incident"] is None and label["event_date"] is not None:
        problems.append("an aggregate (incident null) has an event date")
    if label["said_on"] and label["event_date"] and label["said_on"] < label["event_date"]:
        problems.append("said before the event")
    return problems


def main(argv: list[str]) -> int:
    labels_path = Path(argv[1]) if len(argv) > 1 else HERE / "labels.jsonl"
    root = labels_path.parent
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    problems: list[str] = []
    cache: dict[Path, tuple[str, list[tuple[int, int]], str | None]] = {}
    for lineno, label in enumerate(labels, 1):
        path = root / label["file"]
        if path not in cache:
            if not path.is_file() or not path.with_suffix(".meta.json").is_file():
                problems.append(f"{labels_path}:{lineno}: {label['file']} or its sidecar missing")
                continue
            text = prepare_text(path.read_text(encoding="utf-8"))
            meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
            cache[path] = (text, body_exclusions(text), meta.get("published"))
        text, excluded, published = cache[path]
        for problem in check_label(label, text, excluded, published):
            problems.append(f"{labels_path}:{lineno}: {label['file']} {label['kind']} "
                            f"{label['value']}: {problem}")
    labelled = {root / label["file"] for label in labels}
    for article in sorted(root.rglob("*.txt")):
        meta = json.loads(article.with_suffix(".meta.json").read_text(encoding="utf-8"))
        if set(meta) != {"outlet", "published", "url", "title"} or ".example" not in meta["url"]:
            problems.append(f"{article}: sidecar must be outlet/published/url(.example)/title")
        if article not in labelled:
            problems.append(f"{article}: no labels")
    print(f"{len(labels)} labels in {len(cache)} files: "
          f"{'OK' if not problems else f'{len(problems)} problems'}")
    print("\n".join(problems), end="\n" if problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
