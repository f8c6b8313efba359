"""Hostile input: each bad file gets one line naming it and the reason, and nothing stored is lost.

Also: the reader never crashes on fuzzed text, no pattern goes super-linear on long runs, and a
hypothesis fuzz target drives the whole ingest path (bytes on disk → reader → plugins → store).
The fuzz budget is chosen with ``CLAIMTRACK_FUZZ``: ``ci`` (default, bounded for CI) or ``long``.
"""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimtrack.arabic_dates import DateValue
from claimtrack.cleaning import clean_lines
from claimtrack.documents import MAX_BYTES, RawDocument, read_documents
from claimtrack.errors import InputError
from claimtrack.pipeline import Ingestor, build_gazetteer
from claimtrack.plugins import load_plugins
from claimtrack.store import open_store
from claimtrack_plugins.generic_arabic import extract_claims
from conftest import SEEDS, run

PM = load_plugins()
GAZETTEER = build_gazetteer(PM)
PIECES = ["قال", "أعلنت", "الأفريكوم", "مقتل", "8", "٨", "ثمانية", "عناصر", "غارة", "نفى",
          "الجمعة الماضية", "مرزق", "سبها", "،", "؛", ".", "\n", " ", "وفق قوله", "جرحى",
          "مدنيين", "أكثر من", "نحو", "19 سبتمبر", "و24 من سبتمبر", "حكومة الوفاق", "ـ", "“"]
ARTICLE = (
    "غارة جديدة قرب سبها\n\n"
    "أعلنت القيادة العسكرية الأمريكية في أفريقيا (أفريكوم) مقتل ٦ عناصر من تنظيم الدولة في "
    "غارة جوية قرب مدينة سبها يوم الأربعاء الماضي.\n"
)
settings.register_profile("ci", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings.get_profile(os.environ.get("CLAIMTRACK_FUZZ", "ci"))


def _read(text: str, published: date | None) -> list:
    document = clean_lines(RawDocument("fuzz", text), "fuzz")
    document.published = (DateValue(published, published, "day", "") if published
                          else DateValue.unknown())
    return extract_claims(document=document, gazetteer=GAZETTEER)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))),
)
def test_reader_never_crashes_and_spans_hold(text: str, published: date | None) -> None:
    for claim in _read(text, published):
        start, end = claim.span
        assert text[start:end] == claim.quote


# -- bad files, through the command line --

def export(runner: CliRunner, db: str) -> dict:
    result = run(runner, "export", "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def stocked(runner: CliRunner, sqlite_url: str) -> tuple[str, dict]:
    """A store holding the seeds, and its export before anything hostile arrives."""
    assert run(runner, "ingest", str(SEEDS), "--db", sqlite_url).exit_code == 0
    return sqlite_url, export(runner, sqlite_url)


def assert_kept(runner: CliRunner, db: str, before: dict) -> None:
    after = export(runner, db)
    assert {s["id"] for s in before["sources"]} <= {s["id"] for s in after["sources"]}
    assert {c["id"] for c in before["claims"]} <= {c["id"] for c in after["claims"]}


def one_error(result, where: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors == [line for line in errors if line.startswith(("Error: ", "Warning: "))]
    assert [e for e in errors if e.startswith("Error: ")] == [
        e for e in errors if e.startswith(f"Error: {where}: {reason}")]
    assert any(e.startswith(f"Error: {where}: {reason}") for e in errors), result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("nul.txt", ARTICLE.encode() + b"\x00\x00 tail", "binary file (contains NUL bytes)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, "binary file"),
    ("empty.html", b"", "empty file"),
    ("half_and_half.txt", ARTICLE.encode() + ARTICLE.replace("٦", "6").encode("cp1256"),
     "cannot detect the text encoding"),
    ("deep.html", ("<html><body>" + "<div>" * 50_000 + f"<p>{ARTICLE}</p>" + "</div>" * 50_000
                   + "</body></html>").encode(), "no article text found"),
    ("no_text.html", b"<html><head><title>x</title></head><body><script>1</script></body>"
                     b"</html>", "no article text found"),
])
def test_unreadable_files(runner: CliRunner, tmp_path: Path, stocked: tuple[str, dict],
                          name: str, content: bytes, reason: str) -> None:
    db, before = stocked
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run(runner, "ingest", str(bad), "--db", db)
    assert result.exit_code == 1
    one_error(result, str(bad), reason)
    assert_kept(runner, db, before)


def test_a_50_mb_file_is_refused_without_being_read(
        runner: CliRunner, tmp_path: Path, stocked: tuple[str, dict]) -> None:
    db, before = stocked
    big = tmp_path / "huge.txt"
    with big.open("wb") as stream:
        chunk = (ARTICLE * 200).encode()
        while stream.tell() < 50 * 1024 * 1024:
            stream.write(chunk)
    started = time.monotonic()
    result = run(runner, "ingest", str(big), str(SEEDS), "--db", db)
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    one_error(result, str(big), f"50.0 MB is more than the {MAX_BYTES // 2**20} MB")
    assert "0 new, 5 already known, 1 failed" in result.stdout
    assert_kept(runner, db, before)


@pytest.mark.parametrize(("name", "data"), [
    ("utf16_le.txt", ARTICLE.encode("utf-16")),  # with its byte-order mark
    ("utf16_be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be")),
    ("utf8_bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode()),
    ("cp1256.txt", ARTICLE.replace("٦", "6").encode("cp1256")),
    ("crlf.txt", ARTICLE.replace("\n", "\r\n").encode()),
])
def test_other_encodings_are_read_to_the_same_text(runner: CliRunner, tmp_path: Path,
                                                   sqlite_url: str, name: str,
                                                   data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run(runner, "ingest", str(path), "--db", sqlite_url, "--published", "2019-10-10")
    assert result.exit_code == 0, result.output
    stored = export(runner, sqlite_url)
    expected = ARTICLE.replace("٦", "6") if name == "cp1256.txt" else ARTICLE
    assert stored["sources"][0]["text"] == expected
    assert [c["value"] for c in stored["claims"] if c["kind"] == "killed"] == [6]


def test_a_few_broken_bytes_are_replaced_and_reported(runner: CliRunner, tmp_path: Path,
                                                      sqlite_url: str) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(ARTICLE.encode() + "نص مقطوع".encode()[:-1] + b"\n")
    result = run(runner, "ingest", str(path), "--db", sqlite_url, "--published", "2019-10-10")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (f"Warning: {path}: 1 byte sequence(s) that are not UTF-8 "
                                     "were replaced by U+FFFD")
    assert export(runner, sqlite_url)["sources"][0]["text"].endswith("نص مقطو\ufffd\n")


def test_malformed_html_still_gives_its_article(runner: CliRunner, tmp_path: Path,
                                                sqlite_url: str) -> None:
    page = tmp_path / "broken.html"
    page.write_text(f"<html><body><p>{ARTICLE}<p><b><i>نص</b></i><div <<>> &#xZZZ; &nbsp "
                    "<table><tr><td>", encoding="utf-8")
    result = run(runner, "ingest", str(page), "--db", sqlite_url, "--published", "2019-10-10")
    assert result.exit_code == 0, result.output
    assert any(c["value"] == 6 for c in export(runner, sqlite_url)["claims"])


def test_json_lines_with_bad_lines_keep_the_good_ones(runner: CliRunner, tmp_path: Path,
                                                      stocked: tuple[str, dict]) -> None:
    db, before = stocked
    good = {"url": "https://example.org/1", "text": ARTICLE, "published": "2019-10-10",
            "outlet": "alwasat"}
    lines = [
        json.dumps(good, ensure_ascii=False).encode(),
        b"",  # blank lines are skipped, not errors
        b'{"text": "\xff\xfe\xfd broken \xfa\xfb\xfc\xfd\xfe bytes \xf0\xf1\xf2\xf3 here"}',
        json.dumps(dict(good, outlet=42)).encode(),
        json.dumps(dict(good, text="\u0000\u0001" * 10)).encode(),
        b'{"text": ' + json.dumps("ا" * (MAX_BYTES // 2 + 10), ensure_ascii=False).encode()
        + b"}",
        b'{"url": "https://example.org/truncated", "text": "\xd8\xba\xd8',
        json.dumps(dict(good, text=ARTICLE.replace("٦", "٩"), url="https://example.org/2"),
                   ensure_ascii=False).encode(),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = run(runner, "ingest", str(path), "--db", db)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert [e.split(": ", 2)[1] for e in errors] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7)]
    assert f'Error: {path}:4: "outlet" must be a string' in errors
    assert f"Error: {path}:6: " in errors[3] and "MB is more than" in errors[3]
    assert f"Error: {path}:7: malformed JSON" in errors[4]
    assert "2 new, 0 already known, 5 failed" in result.stdout
    values = sorted(c["value"] for c in export(runner, db)["claims"]
                    if c["kind"] == "killed" and c["outlet"] == "alwasat")
    assert values == [6, 9]
    assert_kept(runner, db, before)


def test_utf16_json_lines(runner: CliRunner, tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "feed.jsonl"
    record = {"text": ARTICLE, "published": "2019-10-10", "outlet": "alwasat"}
    path.write_bytes(json.dumps(record, ensure_ascii=False).encode("utf-16"))
    result = run(runner, "ingest", str(path), "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    assert export(runner, sqlite_url)["sources"][0]["text"] == ARTICLE


@pytest.mark.parametrize(("published", "warning"), [
    ("2019-13-45", "is not a date"),
    ("someday", "is not a date"),
    ("1066-10-14", "is not plausible"),
    ("2999-01-01", "is not plausible"),
])
def test_absurd_publication_dates_are_ignored_with_a_warning(
        runner: CliRunner, tmp_path: Path, sqlite_url: str, published: str,
        warning: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": published}),
                                          encoding="utf-8")
    result = run(runner, "ingest", str(path), "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Warning: {path}: published date {published!r} {warning}")
    source = export(runner, sqlite_url)["sources"][0]
    assert source["published"]["precision"] == "unknown"  # no date in the text either


def test_no_date_anywhere_stores_the_claims_undated(runner: CliRunner, tmp_path: Path,
                                                    sqlite_url: str) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert run(runner, "ingest", str(path), "--db", sqlite_url).exit_code == 0
    stored = export(runner, sqlite_url)
    claim = next(c for c in stored["claims"] if c["kind"] == "killed")
    assert claim["value"] == 6 and claim["event_date"]["start"] is None


def test_unknown_outlets_get_a_slug(runner: CliRunner, tmp_path: Path,
                                                sqlite_url: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": "Radio Fezzan FM!!"}),
                                          encoding="utf-8")
    other = tmp_path / "b.jsonl"
    other.write_text(json.dumps({"text": ARTICLE.replace("٦", "٧"),
                                 "url": "https://news.example-desert.ly/x/1"}) + "\n",
                     encoding="utf-8")
    result = run(runner, "ingest", str(path), str(other), "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    stored = export(runner, sqlite_url)
    assert sorted(s["outlet"] for s in stored["sources"]) == ["news_example_desert",
                                                              "radio_fezzan_fm"]
    assert {c["outlet"] for c in stored["claims"]} == {"news_example_desert", "radio_fezzan_fm"}


def test_a_very_long_line_is_read(runner: CliRunner, tmp_path: Path, sqlite_url: str) -> None:
    filler = ("وتقطع الطرق الصحراوية بين المدن الجنوبية مسافات طويلة لا تخضع لرقابة فعلية، "
              "ويشكو سكانها من غياب مؤسسات الدولة ")
    path = tmp_path / "one_line.txt"
    path.write_text(ARTICLE.rstrip("\n") + " " + filler * 5000 + "\n", encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    started = time.monotonic()
    result = run(runner, "ingest", str(path), "--db", sqlite_url, "--published", "2019-10-10")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 20
    assert any(c["value"] == 6 for c in export(runner, sqlite_url)["claims"])


# -- no pattern goes super-linear --

INGESTOR = Ingestor(None, PM, timeout=None)


def _best_time(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        INGESTOR.prepare(RawDocument("runs", text, published="2019-10-10"))
        best = min(best, time.perf_counter() - started)
    return best


RUNS = {
    "digits": "8", "arabic_indic_digits": "٨", "digits_and_spaces": "19 ", "letters": "ا",
    "words": "مقتل ", "punctuation": "،؛.", "dots": ".", "quotes": "“”", "tatweel": "ـ",
    "newlines": " \n", "number_words": "ثمانية عشر و", "weekdays": "الجمعة الماضية ",
    "diacritics": "مَقْتَلُ ", "url_like": "https://a.b/", "brackets": "((",
}


@pytest.mark.parametrize("unit", RUNS.values(), ids=list(RUNS))
def test_long_runs_scale_linearly(unit: str) -> None:
    small = (unit * (10_000 // len(unit) + 1))[:10_000]
    large = (unit * (100_000 // len(unit) + 1))[:100_000]
    t_small, t_large = _best_time(small), _best_time(large)
    # Ten times the text: about ten times the time when linear, a hundred when quadratic.
    # Below 50 ms nothing is slow enough to matter, and timer noise dominates.
    assert t_large < 0.05 or t_large < 30 * t_small, (t_small, t_large)


def test_a_long_sentence_full_of_cues_scales_linearly() -> None:
    # Long texts are read in windows (claimtrack.extraction.read_in_windows), which keeps the
    # reader's per-sentence scans of the whole document from going quadratic.
    unit = "قال 8 ٨ مرزق، "
    small = (unit * (5_000 // len(unit) + 1))[:5_000]
    large = (unit * (50_000 // len(unit) + 1))[:50_000]
    t_small, t_large = _best_time(small), _best_time(large, repeats=1)  # seconds, today
    assert t_large < 30 * t_small, (t_small, t_large)


# -- the whole ingest path, fuzzed --

_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)),
                  max_size=40).map(" ".join)
_files = st.one_of(
    _texts.map(lambda t: ("a.txt", t.encode("utf-8"))),
    _texts.map(lambda t: ("a.txt", t.encode("utf-16"))),
    _texts.map(lambda t: ("a.html", f"<html><body><article><p>{t}</p></article></body></html>"
                          .encode("utf-8", errors="surrogatepass"))),
    st.lists(st.one_of(_texts.map(lambda t: json.dumps({"text": t})), st.text(max_size=30)),
             max_size=4).map(lambda ls: ("a.jsonl", "\n".join(ls).encode("utf-8",
                                                                          "surrogatepass"))),
    st.binary(max_size=300).map(lambda b: ("a.txt", b)),
)


@FUZZ
@given(_files, st.one_of(st.none(), st.sampled_from(["2019-09-25", "1999-01-01", "bogus"])))
def test_fuzz_whole_ingest_path(tmp_path_factory: pytest.TempPathFactory,
                                file: tuple[str, bytes], published: str | None) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    name, data = file
    path = folder / name
    path.write_bytes(data)
    engine = open_store(f"sqlite:///{folder / 'claims.db'}")
    ingestor = Ingestor(engine, PM, published=published, timeout=10)
    for item in read_documents(str(path)):
        if isinstance(item, InputError):
            assert item.origin.startswith(str(path)) and item.reason
            assert "\n" not in str(item)  # one line
            continue
        outcome = ingestor.ingest(item)
        assert outcome.status in ("new", "known"), outcome  # the built-ins never fail
    from sqlmodel import Session, select

    from claimtrack.models import Claim, Source

    with Session(engine) as session:
        texts = {s.id: s.text for s in session.exec(select(Source))}
        for claim in session.exec(select(Claim)):
            assert texts[claim.source_id][claim.span_start:claim.span_end] == claim.quote
    engine.dispose()
