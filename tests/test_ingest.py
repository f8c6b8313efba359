"""Ingest from the command line: formats, idempotency, bad input and failing plugins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack import hookimpl
from conftest import SEEDS, run

ARTICLE = (
    "غارة جديدة قرب سبها\n\n"
    "أعلنت القيادة العسكرية الأمريكية في أفريقيا (أفريكوم) مقتل ٦ عناصر من تنظيم الدولة في "
    "غارة جوية قرب مدينة سبها يوم الأربعاء الماضي.\n"
)


def _export(runner: CliRunner, db: str) -> dict:
    result = run(runner, "export", "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seeds_twice_is_a_no_op(runner: CliRunner, db_url: str) -> None:
    first = run(runner, "ingest", str(SEEDS), "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "5 new, 0 already known, 0 failed" in first.stdout
    before = _export(runner, db_url)
    second = run(runner, "ingest", str(SEEDS), "--db", db_url)
    assert second.exit_code == 0
    assert "0 new, 5 already known, 0 failed" in second.stdout
    assert "already stored" in second.stdout
    after = _export(runner, db_url)
    for key in ("sources", "claims", "events"):
        assert after[key] == before[key]


def test_verify_and_export_on_every_backend(runner: CliRunner, db_url: str) -> None:
    assert run(runner, "ingest", str(SEEDS), "--db", db_url).exit_code == 0
    verify = run(runner, "verify", "--db", db_url)
    assert verify.exit_code == 0 and "findings about" in verify.stdout
    export = _export(runner, db_url)
    assert len(export["sources"]) == 5 and export["findings"]


def test_ingest_order_does_not_change_the_result(runner: CliRunner, tmp_path: Path) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    exports = []
    for name, order in (("a", files), ("b", list(reversed(files)))):
        db = f"sqlite:///{tmp_path / name}.db"
        for path in order:
            assert run(runner, "ingest", str(path), "--db", db).exit_code == 0
        assert run(runner, "verify", "--db", db).exit_code == 0
        exports.append(_export(runner, db))
    for key in ("sources", "claims", "events", "findings"):
        assert exports[0][key] == exports[1][key], key


def test_stdin_and_overrides(runner: CliRunner, sqlite_url: str) -> None:
    result = run(runner, "ingest", "-", "--db", sqlite_url, "--outlet", "alwasat",
                 "--published", "2019-10-10", "--url", "https://example.org/a",
                 input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    export = _export(runner, sqlite_url)
    source = export["sources"][0]
    assert source["outlet"] == "alwasat" and source["url"] == "https://example.org/a"
    assert source["published"]["start"] == "2019-10-10"
    claim = next(c for c in export["claims"] if c["kind"] == "killed")
    assert claim["value"] == 6 and claim["party"] == "africom"
    assert claim["event_date"] == {"start": "2019-10-09", "end": "2019-10-09",
                                   "precision": "day", "text": "يوم الأربعاء الماضي"}


def test_sidecar_metadata_and_cp1256(runner: CliRunner, tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "sabha.txt"
    text = ARTICLE.replace("٦", "6")  # cp1256 has no Arabic-Indic digits
    path.write_bytes(text.encode("cp1256"))
    (tmp_path / "sabha.meta.json").write_text(
        json.dumps({"outlet": "libya_observer", "published": "2019-10-10"}), encoding="utf-8")
    result = run(runner, "ingest", str(tmp_path), "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    export = _export(runner, sqlite_url)
    assert export["sources"][0]["text"] == text
    assert export["sources"][0]["outlet"] == "libya_observer"


def test_html_page(runner: CliRunner, tmp_path: Path, sqlite_url: str) -> None:
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines() if line)
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>غارة</title></head><body><nav>الرئيسية</nav>"
                    f"<article>{body}</article><footer>حقوق النشر</footer></body></html>",
                    encoding="utf-8")
    result = run(runner, "ingest", str(page), "--db", sqlite_url, "--published", "2019-10-10")
    assert result.exit_code == 0, result.output
    claims = _export(runner, sqlite_url)["claims"]
    assert any(c["kind"] == "killed" and c["value"] == 6 for c in claims)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 8, "binary file"),
    ],
)
def test_bad_files_get_one_line_and_keep_the_store(
    runner: CliRunner, tmp_path: Path, sqlite_url: str, name: str, content: bytes, reason: str
) -> None:
    assert run(runner, "ingest", str(SEEDS), "--db", sqlite_url).exit_code == 0
    before = _export(runner, sqlite_url)
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run(runner, "ingest", str(bad), "--db", sqlite_url)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert errors == [f"Error: {bad}: {reason}" + errors[0].split(reason, 1)[1]]
    assert "Traceback" not in result.stderr
    after = _export(runner, sqlite_url)
    assert after["claims"] == before["claims"]


def test_missing_path(runner: CliRunner, sqlite_url: str) -> None:
    result = run(runner, "ingest", "no/such/file.txt", "--db", sqlite_url)
    assert result.exit_code == 1
    assert "Error: no/such/file.txt: no such file or folder" in result.stderr


def test_malformed_jsonl_line_keeps_the_good_ones(
    runner: CliRunner, tmp_path: Path, sqlite_url: str
) -> None:
    good = {"url": "https://example.org/1", "text": ARTICLE, "published": "2019-10-10",
            "outlet": "alwasat"}
    other = dict(good, url="https://example.org/2", text=ARTICLE.replace("٦", "٩"))
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([json.dumps(good, ensure_ascii=False), "{not json",
                               json.dumps(other, ensure_ascii=False), "[1, 2]"]) + "\n",
                    encoding="utf-8")
    result = run(runner, "ingest", str(path), "--db", sqlite_url)
    assert result.exit_code == 1
    assert f"Error: {path}:2: malformed JSON" in result.stderr
    assert f"Error: {path}:4: each line must be a JSON object" in result.stderr
    assert "2 new, 0 already known, 2 failed" in result.stdout
    values = sorted(c["value"] for c in _export(runner, sqlite_url)["claims"]
                    if c["kind"] == "killed")
    assert values == [6, 9]


def test_bad_published_option_is_a_usage_error(runner: CliRunner, sqlite_url: str) -> None:
    from claimtrack.cli import app

    result = runner.invoke(app, ["ingest", str(SEEDS), "--published", "someday",
                                 "--db", sqlite_url])
    assert result.exit_code == 2
    assert "--published" in result.output


class Exploding:
    """A plugin whose extractor raises on every document."""

    @hookimpl
    def extract_claims(self, document, gazetteer):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")


def test_plugin_that_raises_marks_the_document_failed(
    runner: CliRunner, tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimtrack.cli as cli
    from claimtrack.plugins import load_plugins

    def with_exploding():  # type: ignore[no-untyped-def]
        pm = load_plugins()
        pm.register_module("exploding", Exploding(), "0.1", builtin=False)  # type: ignore[arg-type]
        return pm

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_15111d2a53021529.txt", folder)
    monkeypatch.setattr(cli, "load_plugins", with_exploding)
    result = run(runner, "ingest", str(folder), "--db", sqlite_url)
    assert result.exit_code == 1
    assert "plugin exploding: RuntimeError: boom" in result.stderr
    status = run(runner, "status", "--db", sqlite_url)
    assert "failed: " in status.stdout and "exploding" in status.stdout
    monkeypatch.undo()
    retry = run(runner, "ingest", str(folder), "--db", sqlite_url)
    assert retry.exit_code == 0 and "1 new" in retry.stdout


def test_plugins_command_lists_builtins(runner: CliRunner) -> None:
    result = run(runner, "plugins", "--json")
    data = json.loads(result.stdout)
    names = {p["name"]: p for p in data["plugins"]}
    for outlet, module in (("libya_alahrar", "libya_alahrar"), ("aljazeera", "aljazeera"),
                           ("independent_arabia", "independent_arabia")):
        assert names[f"claimtrack_plugins.{module}"]["outlets"] == [outlet]
    assert "verify" in names["claimtrack_plugins.casualty_reconciliation"]["hooks"]


def test_events_and_show(runner: CliRunner, sqlite_url: str) -> None:
    assert run(runner, "ingest", str(SEEDS), "--db", sqlite_url).exit_code == 0
    assert run(runner, "verify", "--db", sqlite_url).exit_code == 0
    export = _export(runner, sqlite_url)
    events = run(runner, "events", "--db", sqlite_url)
    assert events.exit_code == 0
    event = export["events"][0]
    shown = run(runner, "show", event["id"], "--db", sqlite_url)
    assert shown.exit_code == 0
    for claim_id in event["claims"]:
        assert claim_id in shown.stdout
    missing = run(runner, "show", "e_nope", "--db", sqlite_url)
    assert missing.exit_code == 2 and "no event" in missing.stderr


def test_other_export_formats_validate(runner: CliRunner, sqlite_url: str,
                                       tmp_path: Path) -> None:
    assert run(runner, "ingest", str(SEEDS), "--db", sqlite_url).exit_code == 0
    assert run(runner, "verify", "--db", sqlite_url).exit_code == 0
    out = tmp_path / "reviews.jsonld"
    result = run(runner, "export", "--format", "claimreview", "-o", str(out), "--db",
                 sqlite_url, "--author", "Example Desk")
    assert result.exit_code == 0, result.output
    reviews = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert reviews and all(r["author"]["name"] == "Example Desk" for r in reviews)
    csv_events = run(runner, "export", "--format", "csv", "--db", sqlite_url).stdout
    assert csv_events.splitlines()[0].startswith("event_id,")
    assert len(csv_events.splitlines()) == 1 + len(_export(runner, sqlite_url)["events"])
    from claimtrack.cli import app

    bad = runner.invoke(app, ["export", "--format", "xml", "--db", sqlite_url])
    assert bad.exit_code == 2
