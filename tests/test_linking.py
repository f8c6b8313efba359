"""Events stay the same however articles arrive, and analysts' decisions survive relinking."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimtrack.linking import _merged, _uncovered
from conftest import ROOT, SEEDS, run

ARTICLES = ROOT / "tests" / "articles"
CORPUS = sorted(SEEDS.glob("*.txt")) + sorted(ARTICLES.rglob("*.txt"))


def _export(runner: CliRunner, db: str) -> dict:
    result = run(runner, "export", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    document.pop("exported_at")
    return document


def _events(document: dict) -> list[tuple]:
    return sorted((e["id"], tuple(e["claims"]), json.dumps(e["date"]), e["place"]["name"],
                   json.dumps(e["link_reasons"], sort_keys=True)) for e in document["events"])


def _parts(document: dict) -> list[tuple]:
    return sorted((c["id"], tuple(c["events"])) for c in document["claims"] if c["events"])


@pytest.fixture(scope="module")
def batch_export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = f"sqlite:///{tmp_path_factory.mktemp('batch') / 'claims.db'}"
    runner = CliRunner()
    assert run(runner, "ingest", *map(str, CORPUS), "--db", db, "-q").exit_code == 0
    return _export(runner, db)


@pytest.mark.parametrize(("seed", "full_at"), [(1, 2000), (2, 2000), (3, 0)])
def test_one_article_at_a_time_in_any_order_links_like_one_batch(
    runner: CliRunner, tmp_path: Path, batch_export: dict, seed: int, full_at: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # full_at=0: neighbourhoods over a twentieth of the store fall back to a full rebuild.
    monkeypatch.setattr("claimtrack.linking.FULL_RELINK_AT", full_at)
    files = CORPUS[:]
    random.Random(seed).shuffle(files)
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    for path in files:
        assert run(runner, "ingest", str(path), "--db", db, "-q").exit_code == 0
    document = _export(runner, db)
    assert _events(document) == _events(batch_export)
    assert _parts(document) == _parts(batch_export)


def test_small_batches_on_every_backend(runner: CliRunner, db_url: str,
                                        batch_export: dict) -> None:
    files = CORPUS[:]
    random.Random(3).shuffle(files)
    for i in range(0, len(files), 5):
        chunk = [str(p) for p in files[i:i + 5]]
        assert run(runner, "ingest", *chunk, "--db", db_url, "-q").exit_code == 0
    document = _export(runner, db_url)
    assert _events(document) == _events(batch_export)
    assert run(runner, "verify", "--relink", "--db", db_url).exit_code == 0
    assert _events(_export(runner, db_url)) == _events(batch_export)


def _event_holding(document: dict, claim_id: str) -> dict:
    return next(e for e in document["events"] if claim_id in e["claims"])


def _third_strike(document: dict) -> tuple[dict, str]:
    """The 26/27 September event and the claim dated the 27th."""
    event = next(e for e in document["events"] if e["date"]["start"] == "2019-09-26"
                 and e["date"]["end"] == "2019-09-27")
    claims = {c["id"]: c for c in document["claims"]}
    late = next(cid for cid in event["claims"]
                if claims[cid]["event_date"]["start"] == "2019-09-27")
    return event, late


def test_a_split_survives_new_articles_and_full_relinks(runner: CliRunner, db_url: str) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert run(runner, "ingest", *map(str, seeds[:3]), "--db", db_url, "-q").exit_code == 0
    assert run(runner, "ingest", *map(str, seeds[3:]), "--db", db_url, "-q").exit_code == 0
    event, late = _third_strike(_export(runner, db_url))

    result = run(runner, "split", event["id"], late, "--note", "maybe a second strike",
                 "--db", db_url)
    assert result.exit_code == 0, result.output
    after = _export(runner, db_url)
    alone = _event_holding(after, late)
    assert alone["claims"] == [late]
    assert "maybe a second strike" in alone["link_reasons"][0]["reason"]
    rest = _event_holding(after, next(c for c in event["claims"] if c != late))
    assert late not in rest["claims"] and len(rest["claims"]) == len(event["claims"]) - 1

    # New articles and a full rebuild leave the decision in force.
    for path in sorted(ARTICLES.rglob("*.txt"))[:4]:
        assert run(runner, "ingest", str(path), "--db", db_url, "-q").exit_code == 0
    assert run(runner, "verify", "--relink", "--db", db_url).exit_code == 0
    again = _export(runner, db_url)
    assert _event_holding(again, late)["claims"] == [late]
    assert [o["action"] for o in again["overrides"]] == ["move"]

    # Merging back and then undoing the merge restores the split. The new articles may have
    # joined claims to the rest of the event, which renames it: find it by a member claim.
    member = next(c for c in event["claims"] if c != late)
    rest = _event_holding(again, member)
    merge = run(runner, "merge", rest["id"], _event_holding(again, late)["id"], "--db", db_url)
    assert merge.exit_code == 0, merge.output
    merged = _event_holding(_export(runner, db_url), late)
    assert set(merged["claims"]) == set(rest["claims"]) | {late}
    assert run(runner, "overrides", "--undo", "2", "--db", db_url).exit_code == 0
    assert _event_holding(_export(runner, db_url), late)["claims"] == [late]


def test_move_to_another_event_and_bad_requests(runner: CliRunner, sqlite_url: str) -> None:
    assert run(runner, "ingest", str(SEEDS), "--db", sqlite_url, "-q").exit_code == 0
    document = _export(runner, sqlite_url)
    _, late = _third_strike(document)
    other = next(e for e in document["events"] if e["date"]["start"] == "2019-09-24")
    moved = run(runner, "move", late, "--to", other["id"], "--db", sqlite_url)
    assert moved.exit_code == 0, moved.output
    other = _event_holding(_export(runner, sqlite_url), other["claims"][0])
    assert late in other["claims"]  # a new id: events are named after their members

    for args, message in (
        (("move", "c_nope", "--new"), "no claim 'c_nope'"),
        (("merge", "e_nope", other["id"]), "no event 'e_nope'"),
        (("split", other["id"], *other["claims"]), "every claim"),
        (("overrides", "--undo", "9"), "no decision 9"),
    ):
        result = run(runner, *args, "--db", sqlite_url)
        assert result.exit_code == 1 and message in result.output, (args, result.output)
    listing = run(runner, "overrides", "--db", sqlite_url)
    assert "move" in listing.stdout and late in listing.stdout


def test_export_imports_into_an_empty_store_unchanged(runner: CliRunner, tmp_path: Path,
                                                      db_url: str) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    assert run(runner, "ingest", str(SEEDS), "--db", source, "-q").exit_code == 0
    event, late = _third_strike(_export(runner, source))
    assert run(runner, "split", event["id"], late, "--db", source).exit_code == 0
    assert run(runner, "verify", "--db", source).exit_code == 0
    path = tmp_path / "export.json"
    assert run(runner, "export", "-o", str(path), "--db", source).exit_code == 0
    original = json.loads(path.read_text(encoding="utf-8"))
    original.pop("exported_at")

    result = run(runner, "import", str(path), "--db", db_url)
    assert result.exit_code == 0 and "restored as exported" in result.stdout, result.output
    assert _export(runner, db_url) == original
    # Importing it again adds nothing and keeps the decisions single.
    assert run(runner, "import", str(path), "--db", db_url).exit_code == 0
    assert _export(runner, db_url) == original
    # Relinking from the imported claims reproduces the events, the split included.
    assert run(runner, "verify", "--relink", "--db", db_url).exit_code == 0
    assert _events(_export(runner, db_url)) == _events(original)


def test_import_into_a_store_with_data_adds_and_links(runner: CliRunner, tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    assert run(runner, "ingest", *map(str, seeds[:2]), "--db", first, "-q").exit_code == 0
    assert run(runner, "ingest", *map(str, seeds[2:]), "--db", second, "-q").exit_code == 0
    path = tmp_path / "b.json"
    assert run(runner, "export", "-o", str(path), "--db", second).exit_code == 0
    result = run(runner, "import", str(path), "--db", first)
    assert result.exit_code == 0 and "3 sources and" in result.stdout, result.output

    whole = f"sqlite:///{tmp_path / 'whole.db'}"
    assert run(runner, "ingest", str(SEEDS), "--db", whole, "-q").exit_code == 0
    assert _events(_export(runner, first)) == _events(_export(runner, whole))


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "not JSON"),
    ('{"claims": []}', "not a claimtrack export"),
])
def test_import_refuses_what_is_not_an_export(runner: CliRunner, tmp_path: Path,
                                              sqlite_url: str, content: str,
                                              reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    result = run(runner, "import", str(path), "--db", sqlite_url)
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and str(path) in line and reason in line


def test_import_refuses_a_claim_whose_span_lost_its_quote(
    runner: CliRunner, tmp_path: Path, sqlite_url: str
) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert run(runner, "ingest", str(SEEDS), "--db", db, "-q").exit_code == 0
    document = _export(runner, db)
    document["exported_at"] = "2026-01-01T00:00:00Z"
    document["claims"][0]["span"][0] += 1
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run(runner, "import", str(path), "--db", sqlite_url)
    assert result.exit_code == 1 and "span does not hold its quote" in result.output
    assert "sources: 0," in run(runner, "status", "--db", sqlite_url).stdout


_day = st.dates(min_value=date(2019, 1, 1), max_value=date(2019, 3, 1))
_spans = st.lists(st.tuples(_day, _day).map(lambda t: (min(t), max(t))), max_size=8)


@given(_spans, _spans)
def test_uncovered_parts_are_exactly_the_new_days(asked: list, covered: list) -> None:
    def days(spans: list) -> set[date]:
        return {lo + timedelta(days=i) for lo, hi in spans for i in range((hi - lo).days + 1)}

    have = _merged(covered)
    missing = _uncovered(_merged(asked), have)
    assert days(missing) == days(asked) - days(have)
    assert _merged(missing) == missing  # disjoint and sorted: one query per gap


def test_events_do_not_depend_on_the_process_hash_seed(tmp_path: Path) -> None:
    """Python orders sets of strings differently in every process: linking must not follow."""
    import os
    import subprocess
    import sys

    rounds = sorted((ROOT / "tests" / "rounds").rglob("*.txt"))
    paths = [str(p) for p in CORPUS + rounds]
    script = ("import sys; from claimtrack.cli import app; "
              "sys.argv = ['claims', *sys.argv[1:]]; app()")
    links = []
    for seed in ("1", "2"):
        db = f"sqlite:///{tmp_path / f'seed{seed}.db'}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        ingest = subprocess.run([sys.executable, "-c", script, "ingest", *paths, "--db", db],
                                env=env, capture_output=True, text=True, check=False)
        assert ingest.returncode == 0, ingest.stderr
        out = subprocess.run([sys.executable, "-c", script, "export", "--db", db], env=env,
                             capture_output=True, text=True, check=True).stdout
        links.append(sorted((c["id"], c["event"]) for c in json.loads(out)["claims"]))
    assert links[0] == links[1]
