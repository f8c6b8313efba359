#!/usr/bin/env python
"""Measure how well claimtrack extracts claims, against hand labels.

For each labels file (JSON Lines in the format of ``tests/articles/labels.jsonl``) the script
ingests the labelled articles into a fresh temporary SQLite store with the real CLI
(``claims ingest --db …``), exports the store (``claims export --format json``) and compares
the exported claims with the labels, file by file:

* a label and an exported claim **match** when they come from the same article and agree on
  party (compared at organisation level: both ids are mapped up the ``affiliation`` chain of
  the export's ``parties`` array to the root, so ``stephen_townsend`` → ``africom`` →
  ``us_military``), kind, value (``null`` equals ``null``; numbers compare numerically) and
  event date (see :func:`event_date_agrees`);
* matching is greedy and one-to-one, labels in file order; a first pass only pairs a label
  with a claim whose quote contains the label's ``quote_contains``, a second pass pairs the
  labels left over with any agreeing claim;
* the same matching is repeated for the looser tuple (kind, value).

Precision, recall and F1 are printed per outlet (from the article's ``.meta.json`` sidecar,
else its folder) and overall. It always exits 0: it is a measurement, not a gate.

    python benchmarks/evaluate_extraction.py [--labels FILE …] [--json] [--verbose]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_LABELS: tuple[Path, ...] = (
    REPO / "tests" / "data" / "seed_labels.jsonl",
    REPO / "tests" / "articles" / "labels.jsonl",
)
# Used when the export's parties array does not say it (a label party the store never saw).
STATIC_AFFILIATION: dict[str, str] = {"africom": "us_military", "pentagon": "us_military"}
NULL_DATE_RULES = ("undated", "any")

Json = dict[str, Any]


# --------------------------------------------------------------------------- text helpers


def prepare_text(text: str) -> str:
    """The stored form of an article: no BOM, Unix newlines, no NUL, NFC."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


_FOOTER_START = re.compile(
    r"^(Total|مقالات ذات صلة|المصدر\s*:\s*الجزيرة.*|حول هذه القصة|المزيد من.*|الأكثر قراءة)$"
)
_DROP_LINE = re.compile(
    r"^(اقرأ أيضا.*|اقرأ أيضاً.*|الإندبندنت عربية\s*:?|[^\s:]{2,20}\s*:\s*«[^»]+»)$"
)


def boilerplate_regions(text: str) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Character ranges of ``text`` that a careful reader does not read as the article.

    Independent of the extractor's own cleaning: everything from an outlet footer
    (``Total``/``مقالات ذات صلة``, ``المصدر : الجزيرة``, ``حول هذه القصة``, ``المزيد من``,
    ``الأكثر قراءة``) onwards, ``اقرأ أيضا`` lines, the Independent Arabia header line, a bare
    ``City: «Outlet»`` dateline and the second copy of any repeated line (a headline or caption
    printed twice). Also returns the headline (first non-empty line), which is not labelled.
    """
    regions: list[tuple[int, int]] = []
    headline: tuple[int, int] | None = None
    seen: set[str] = set()
    offset = 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        line = raw.strip()
        if not line:
            continue
        if headline is None:
            headline = (start, end)
        if _FOOTER_START.match(line):
            regions.append((start, len(text)))
            break
        if _DROP_LINE.match(line) or line in seen:
            regions.append((start, end))
        seen.add(line)
    return regions, headline


def _overlaps(span: Sequence[int], region: tuple[int, int]) -> bool:
    return span[0] < region[1] and region[0] < span[1]


# --------------------------------------------------------------------------- labels


@dataclass
class LabelledFile:
    path: Path
    name: str  # the "file" value of its labels
    outlet: str
    text: str  # the stored form
    labels: list[Json] = field(default_factory=list)


def _resolve(labels_path: Path, rel: str) -> Path:
    for base in (labels_path.parent, REPO, Path.cwd()):
        candidate = (base / rel).resolve()
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{labels_path}: labelled file {rel!r} not found")


def outlet_of(path: Path) -> str:
    sidecar = path.with_suffix(".meta.json")
    if sidecar.is_file():
        try:
            outlet = json.loads(sidecar.read_text(encoding="utf-8")).get("outlet")
        except (OSError, ValueError):
            outlet = None
        if outlet:
            return str(outlet)
    return path.parent.name


def load_labels(labels_path: Path) -> list[LabelledFile]:
    """The labelled files of one labels file, in first-mention order, with their labels."""
    files: dict[Path, LabelledFile] = {}
    for lineno, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{labels_path}:{lineno}: {exc}") from exc
        path = _resolve(labels_path, label["file"])
        if path not in files:
            text = prepare_text(path.read_bytes().decode("utf-8"))
            files[path] = LabelledFile(path, label["file"], outlet_of(path), text)
        files[path].labels.append(label)
    return list(files.values())


# --------------------------------------------------------------------------- matching


def party_roots(parties: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Map every party id to the root of its ``affiliation`` chain."""
    parent = dict(STATIC_AFFILIATION)
    for party in parties:
        if party.get("affiliation"):
            parent[str(party["id"])] = str(party["affiliation"])
        else:
            parent.setdefault(str(party["id"]), "")
    roots: dict[str, str] = {}
    for pid in parent:
        roots[pid] = root_party(pid, parent)
    return roots


def root_party(pid: str, parent: Mapping[str, str]) -> str:
    seen = {pid}
    while parent.get(pid):
        pid = parent[pid]
        if pid in seen:  # a cycle: stop where it closes
            break
        seen.add(pid)
    return pid


def values_agree(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return False


def event_date_agrees(label_date: str | None, exported: Mapping[str, Any] | None,
                      null_rule: str = "undated") -> bool:
    """Does an exported ``event_date`` object agree with a label's ``event_date``?

    * label ``YYYY-MM-DD``: the export must be day-precise with that ``start``;
    * label ``null`` with rule ``undated`` (default): the export must *not* be day-precise
      (any week/month/window/unknown precision, or no date) — the label says the text gives
      no day, so an invented day is wrong;
    * label ``null`` with rule ``any``: anything matches.
    """
    exported = exported or {}
    is_day = exported.get("precision") == "day" and bool(exported.get("start"))
    if label_date is None:
        return null_rule == "any" or not is_day
    return is_day and exported.get("start") == label_date


@dataclass
class Matching:
    pairs: list[tuple[int, int]]  # (label index, claim index)
    unmatched_labels: list[int]
    unmatched_claims: list[int]


def match_claims(labels: Sequence[Mapping[str, Any]], claims: Sequence[Mapping[str, Any]],
                 parties: Iterable[Mapping[str, Any]] = (), *, loose: bool = False,
                 null_rule: str = "undated") -> Matching:
    """Greedy one-to-one matching of one article's labels with its exported claims.

    Strict: party root, kind, value and event date agree. Loose (``loose=True``): kind and
    value agree. Labels are taken in order; a first pass only accepts a claim whose quote
    contains the label's ``quote_contains``, a second pass any agreeing claim.
    """
    roots = party_roots(parties)

    def root(pid: Any) -> str:
        pid = str(pid)
        return roots.get(pid) or root_party(pid, STATIC_AFFILIATION)

    def agree(label: Mapping[str, Any], claim: Mapping[str, Any]) -> bool:
        if label.get("kind") != claim.get("kind"):
            return False
        if not values_agree(label.get("value"), claim.get("value")):
            return False
        if loose:
            return True
        return root(label.get("party")) == root(claim.get("party")) and event_date_agrees(
            label.get("event_date"), claim.get("event_date"), null_rule
        )

    def quoted(label: Mapping[str, Any], claim: Mapping[str, Any]) -> bool:
        needle = _norm(str(label.get("quote_contains") or ""))
        return bool(needle) and needle in _norm(str(claim.get("quote") or ""))

    used: set[int] = set()
    pairs: dict[int, int] = {}
    passes: list[Callable[[Mapping[str, Any], Mapping[str, Any]], bool]] = [
        lambda lab, cl: quoted(lab, cl) and agree(lab, cl),
        agree,
    ]
    for accept in passes:
        for li, label in enumerate(labels):
            if li in pairs:
                continue
            for ci, claim in enumerate(claims):
                if ci not in used and accept(label, claim):
                    pairs[li] = ci
                    used.add(ci)
                    break
    return Matching(
        pairs=sorted(pairs.items()),
        unmatched_labels=[i for i in range(len(labels)) if i not in pairs],
        unmatched_claims=[i for i in range(len(claims)) if i not in used],
    )


MISS_REASONS: dict[str, str] = {
    "party": "kind, value and date found, attributed to another party",
    "event_date": "party, kind and value found, with another event date",
    "party_and_date": "kind and value found, with another party and event date",
    "kind": "party and value found, under another kind",
    "value": "party and kind found, with another value",
    "sentence_only": "its sentence yielded claims, none close to this one",
    "sentence_missed": "no exported claim quotes its sentence",
}


def diagnose_miss(label: Mapping[str, Any], claims: Sequence[Mapping[str, Any]],
                  parties: Iterable[Mapping[str, Any]] = (), null_rule: str = "undated") -> str:
    """Why an unmatched label was missed (a key of :data:`MISS_REASONS`).

    ``claims`` should be the claims left unmatched in the same article.
    """
    roots = party_roots(parties)

    def root(pid: Any) -> str:
        return roots.get(str(pid)) or root_party(str(pid), STATIC_AFFILIATION)

    def same(claim: Mapping[str, Any], *fields: str) -> bool:
        checks = {
            "party": lambda: root(label.get("party")) == root(claim.get("party")),
            "kind": lambda: label.get("kind") == claim.get("kind"),
            "value": lambda: values_agree(label.get("value"), claim.get("value")),
            "event_date": lambda: event_date_agrees(
                label.get("event_date"), claim.get("event_date"), null_rule),
        }
        return all(checks[f]() for f in fields)

    if any(same(c, "kind", "value", "event_date") for c in claims):
        return "party"
    if any(same(c, "party", "kind", "value") for c in claims):
        return "event_date"
    if any(same(c, "kind", "value") for c in claims):
        return "party_and_date"
    if label.get("value") is not None and any(same(c, "party", "value") for c in claims):
        return "kind"
    if any(same(c, "party", "kind") for c in claims):
        return "value"
    needle = _norm(str(label.get("quote_contains") or ""))
    if needle and any(needle in _norm(str(c.get("quote") or "")) for c in claims):
        return "sentence_only"
    return "sentence_missed"


# --------------------------------------------------------------------------- scores


@dataclass
class Score:
    labels: int = 0
    claims: int = 0
    tp: int = 0

    def add(self, labels: int, claims: int, tp: int) -> None:
        self.labels += labels
        self.claims += claims
        self.tp += tp

    @property
    def precision(self) -> float:
        return self.tp / self.claims if self.claims else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.labels if self.labels else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> Json:
        return {
            "labels": self.labels, "claims": self.claims, "tp": self.tp,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


# --------------------------------------------------------------------------- CLI driving


def _claims_command() -> list[str]:
    exe = Path(sys.executable).parent / "claims"
    if exe.is_file():
        return [str(exe)]
    found = shutil.which("claims")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from claimtrack.cli import app; app()"]


def export_store(paths: Sequence[Path], workdir: Path) -> tuple[Json | None, str]:
    """Ingest ``paths`` into a fresh store in ``workdir`` and return the JSON export."""
    db = workdir / "claims.db"
    out = workdir / "export.json"
    cmd = _claims_command()
    log: list[str] = []
    ingest = subprocess.run(
        [*cmd, "ingest", "--quiet", "--db", str(db), *map(str, paths)],
        capture_output=True, text=True, check=False,
    )
    if ingest.returncode != 0 or ingest.stderr.strip():
        log.append(f"claims ingest exited {ingest.returncode}: {ingest.stderr.strip()}")
    export = subprocess.run(
        [*cmd, "export", "--format", "json", "--db", str(db), "--output", str(out)],
        capture_output=True, text=True, check=False,
    )
    if export.returncode != 0 or not out.is_file():
        log.append(f"claims export exited {export.returncode}: {export.stderr.strip()}")
        return None, "\n".join(log)
    return json.loads(out.read_text(encoding="utf-8")), "\n".join(log)


# --------------------------------------------------------------------------- evaluation


def _claim_row(claim: Mapping[str, Any], file: LabelledFile, note: str = "") -> Json:
    event_date = claim.get("event_date") or {}
    return {
        "file": file.name,
        "party": claim.get("party"), "kind": claim.get("kind"), "value": claim.get("value"),
        "qualifier": claim.get("qualifier"), "stance": claim.get("stance"),
        "event_date": event_date.get("start"),
        "event_date_precision": event_date.get("precision"),
        "quote": claim.get("quote"), "note": note,
    }


def _label_row(label: Mapping[str, Any], reason: str) -> Json:
    keys = ("file", "party", "kind", "value", "qualifier", "stance", "event_date",
            "quote_contains")
    return {**{k: label.get(k) for k in keys}, "reason": reason}


def evaluate(labels_path: Path, null_rule: str = "undated") -> Json:
    """Evaluate one labels file; returns a JSON-able report."""
    files = load_labels(labels_path)
    report: Json = {"labels_file": str(labels_path), "files": len(files), "null_rule": null_rule}
    with tempfile.TemporaryDirectory(prefix="claimtrack-eval-") as tmp:
        export, log = export_store([f.path for f in files], Path(tmp))
    report["cli_log"] = log
    if export is None:
        export = {"sources": [], "parties": [], "claims": []}
        report["error"] = "export failed"

    by_hash = {sha256_text(f.text): f for f in files}
    by_text = {f.text.strip(): f for f in files}
    source_file: dict[str, LabelledFile] = {}
    source_text: dict[str, str] = {}
    for source in export.get("sources", []):
        text = source.get("text") or ""
        source_text[source["id"]] = text
        found = (by_hash.get(str(source.get("sha256"))) or by_hash.get(sha256_text(text))
                 or by_text.get(text.strip()))
        if found:
            source_file[source["id"]] = found
    parties = export.get("parties", [])

    claims_by_file: dict[Path, list[Json]] = {f.path: [] for f in files}
    unmapped: list[Json] = []
    for claim in export.get("claims", []):
        f = source_file.get(str(claim.get("source")))
        if f is None:
            unmapped.append(claim)
        else:
            claims_by_file[f.path].append(claim)

    strict: dict[str, Score] = {}
    loose: dict[str, Score] = {}
    by_kind: dict[str, Score] = {}
    stance_ok = qualifier_ok = matched = numeric = 0
    fns: list[Json] = []
    fps: list[Json] = []
    stripped = headline_claims = bad_spans = 0
    missing_files: list[str] = []
    for f in files:
        claims = claims_by_file[f.path]
        if not any(src is f for src in source_file.values()):
            missing_files.append(f.name)
        m = match_claims(f.labels, claims, parties, null_rule=null_rule)
        ml = match_claims(f.labels, claims, parties, loose=True)
        strict.setdefault(f.outlet, Score()).add(len(f.labels), len(claims), len(m.pairs))
        loose.setdefault(f.outlet, Score()).add(len(f.labels), len(claims), len(ml.pairs))
        matched_labels = {li for li, _ in m.pairs}
        matched_claims = {ci for _, ci in m.pairs}
        for li, label in enumerate(f.labels):
            # a strict match has the same kind on both sides, so tp counts for both
            kind = str(label.get("kind"))
            by_kind.setdefault(kind, Score()).add(1, 0, int(li in matched_labels))
        for claim in claims:
            by_kind.setdefault(str(claim.get("kind")), Score()).add(0, 1, 0)
        for li, ci in m.pairs:
            matched += 1
            stance_ok += f.labels[li].get("stance", "asserts") == claims[ci].get("stance")
            if f.labels[li].get("value") is not None:  # qualifiers of null values differ by
                numeric += 1  # convention (labels say exact, the export unspecified)
                qualifier_ok += f.labels[li].get("qualifier") == claims[ci].get("qualifier")
        regions, headline = boilerplate_regions(f.text)
        text = next((t for sid, t in source_text.items() if source_file.get(sid) is f), f.text)
        for ci, claim in enumerate(claims):
            span = claim.get("span") or [0, 0]
            notes = []
            if any(_overlaps(span, r) for r in regions):
                stripped += 1
                notes.append("boilerplate")
            if headline and _overlaps(span, headline):
                headline_claims += 1
                notes.append("headline")
            if text[span[0]:span[1]] != claim.get("quote"):
                bad_spans += 1
                notes.append("span!=quote")
            if ci not in matched_claims:
                fps.append(_claim_row(claim, f, ",".join(notes)))
        leftover = [claims[ci] for ci in m.unmatched_claims]
        for li in m.unmatched_labels:
            label = f.labels[li]
            reason = diagnose_miss(label, leftover, parties, null_rule)
            if reason == "sentence_missed" and any(
                _norm(str(label.get("quote_contains"))) in _norm(str(c.get("quote") or ""))
                for c in claims
            ):
                reason = "sentence_only"
            fns.append(_label_row(label, reason))

    if unmapped:  # claims of a source that is none of the labelled files: all false positives
        strict.setdefault("(unmapped)", Score()).add(0, len(unmapped), 0)
        loose.setdefault("(unmapped)", Score()).add(0, len(unmapped), 0)
    overall_strict, overall_loose = Score(), Score()
    for s in strict.values():
        overall_strict.add(s.labels, s.claims, s.tp)
    for s in loose.values():
        overall_loose.add(s.labels, s.claims, s.tp)
    report.update({
        "sources": len(export.get("sources", [])),
        "claims": len(export.get("claims", [])),
        "labels": overall_strict.labels,
        "per_outlet": {
            outlet: {"strict": strict[outlet].as_json(), "loose": loose[outlet].as_json()}
            for outlet in sorted(strict)
        },
        "overall": {"strict": overall_strict.as_json(), "loose": overall_loose.as_json()},
        "per_kind": {kind: s.as_json() for kind, s in sorted(by_kind.items())},
        "matched_pairs": {"count": matched, "stance_agrees": stance_ok,
                          "numeric": numeric, "qualifier_agrees": qualifier_ok},
        "exported_claims_in_boilerplate": stripped,
        "exported_claims_in_headline": headline_claims,
        "exported_claims_span_not_quote": bad_spans,
        "unmapped_claims": len(unmapped),
        "files_without_source": missing_files,
        "false_negatives": fns,
        "false_positives": fps,
        "miss_kinds": dict(Counter(str(r["kind"]) for r in fns).most_common()),
        "miss_reasons": dict(Counter(str(r["reason"]) for r in fns).most_common()),
        "false_positive_kinds": dict(Counter(str(r["kind"]) for r in fps).most_common()),
    })
    return report


# --------------------------------------------------------------------------- output


def _fmt(score: Json) -> str:
    return f"{score['tp']:>4} {score['precision']:6.2f} {score['recall']:6.2f} {score['f1']:6.2f}"


def print_report(report: Json, verbose: bool = False) -> None:
    print(f"== {report['labels_file']}: {report['files']} files, {report['labels']} labels, "
          f"{report['claims']} exported claims (null event_date rule: {report['null_rule']})")
    if report.get("error"):
        print(f"!! {report['error']}")
    if report.get("cli_log"):
        print(f"!! {report['cli_log']}")
    for missing in report["files_without_source"]:
        print(f"!! no exported source for {missing}")
    head = f"{'outlet':<20} {'labels':>6} {'claims':>6} | {'strict: tp':>10}      P      R     F1"
    print(head + f" | {'loose: tp':>9}      P      R     F1")
    rows = [*report["per_outlet"].items(), ("OVERALL", report["overall"])]
    for outlet, s in rows:
        st, lo = s["strict"], s["loose"]
        print(f"{outlet:<20} {st['labels']:>6} {st['claims']:>6} | {_fmt(st):>27}"
              f" | {_fmt(lo):>26}")
    print(f"{'per kind (strict)':<20} {'labels':>6} {'claims':>6} | {'tp':>10}"
          "      P      R     F1")
    for kind, s in report["per_kind"].items():
        print(f"  {kind:<18} {s['labels']:>6} {s['claims']:>6} | {_fmt(s):>27}")
    mp = report["matched_pairs"]
    print(f"strict matches: {mp['count']}; stance agrees in {mp['stance_agrees']}; "
          f"qualifier agrees in {mp['qualifier_agrees']} of {mp['numeric']} with a value")
    print(f"exported claims from boilerplate: {report['exported_claims_in_boilerplate']}, "
          f"from the headline: {report['exported_claims_in_headline']}, "
          f"span != quote: {report['exported_claims_span_not_quote']}, "
          f"unmapped to a labelled file: {report['unmapped_claims']}")
    reasons = ", ".join(f"{k} {v}" for k, v in report["miss_reasons"].items())
    print(f"strict misses by reason: {reasons or 'none'}")
    if verbose:
        print(f"-- false negatives ({len(report['false_negatives'])})")
        for r in report["false_negatives"]:
            print(f"  FN {r['file']}: {r['party']} {r['kind']} {r['value']} "
                  f"({r['qualifier']}, {r['stance']}) event {r['event_date']} [{r['reason']}]\n"
                  f"     « {r['quote_contains']} »")
        print(f"-- false positives ({len(report['false_positives'])})")
        for r in report["false_positives"]:
            note = f" [{r['note']}]" if r["note"] else ""
            print(f"  FP {r['file']}: {r['party']} {r['kind']} {r['value']} "
                  f"({r['qualifier']}, {r['stance']}) event {r['event_date']}/"
                  f"{r['event_date_precision']}{note}\n     « {r['quote']} »")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", nargs="+", type=Path, default=list(DEFAULT_LABELS),
                        metavar="FILE", help="labels JSONL file(s); each is evaluated on its own")
    parser.add_argument("--json", action="store_true", help="print one JSON report")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list false negatives and false positives with their quotes")
    parser.add_argument("--null-date", choices=NULL_DATE_RULES, default="undated",
                        help="what a null label event_date matches: 'undated' (anything not "
                        "day-precise, the default) or 'any'")
    args = parser.parse_args(argv)
    reports = []
    for path in args.labels:
        try:
            reports.append(evaluate(path, args.null_date))
        except (OSError, ValueError, KeyError) as exc:
            reports.append({"labels_file": str(path), "error": f"{type(exc).__name__}: {exc}"})
    if args.json:
        if not args.verbose:
            for r in reports:
                r.pop("false_negatives", None)
                r.pop("false_positives", None)
        print(json.dumps({"reports": reports}, ensure_ascii=False, indent=2))
    else:
        for r in reports:
            if "overall" in r:
                print_report(r, args.verbose)
            else:
                print(f"== {r['labels_file']}: {r['error']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
