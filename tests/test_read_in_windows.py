"""Very long documents are read in windows of whole sentences: the claims are the same as reading
each part alone, their spans point into the whole text, and denials and incidents stay apart."""

from __future__ import annotations

import time

from claimtrack.cleaning import clean_lines
from claimtrack.documents import RawDocument
from claimtrack.extraction import read_in_windows
from claimtrack.pipeline import build_gazetteer
from claimtrack.plugins import load_plugins
from claimtrack_plugins.generic_arabic import Reader, extract_claims

GAZETTEER = build_gazetteer(load_plugins())
GAZETTEER.ensure_party("dump", "dump", "outlet")
# Each report has its own town, figure and denial, so every window's claims can be told apart.
REPORT = (
    "أعلنت القيادة العسكرية الأمريكية في أفريقيا (أفريكوم) مقتل {n} عناصر من تنظيم الدولة في "
    "غارة جوية قرب مدينة {town}.\n"
    "ونفى عميد بلدية {town} هذه الحصيلة، وقال إن الغارة أسفرت عن مقتل {m} أشخاص.\n\n"
)
TOWNS = ("مرزق", "سبها", "أوباري", "غات", "القطرون", "سرت")


def _reports(count: int) -> str:
    return "".join(REPORT.format(n=5 + i % 9, m=1 + i % 3, town=TOWNS[i % len(TOWNS)])
                   for i in range(count))


def _read(text: str, size: int) -> list:
    document = clean_lines(RawDocument("dump.txt", text), "dump")
    return read_in_windows(document, lambda part: Reader(part, GAZETTEER).read(), size)


def test_windows_find_what_each_report_holds_alone() -> None:
    one = _read(_reports(1), 10**9)
    assert sorted((c.kind, c.stance, c.value) for c in one) == [
        ("killed", "asserts", 1), ("killed", "asserts", 5), ("killed", "denies", 5)]
    text = _reports(60)
    claims = _read(text, 600)
    assert len(claims) == 60 * len(one)
    for index, claim in enumerate(claims):
        assert text[claim.span[0]:claim.span[1]] == claim.quote
        if claim.denies is not None:
            denied = claims[claim.denies]
            # The denial points at the figure of its own report, not another window's.
            assert denied.value == claim.value and denied.stance == "asserts"
            assert 0 < claim.span[0] - denied.span[1] < 10
            assert claims.index(denied) < index
    incidents = {c.extra["incident"] for c in claims if "incident" in c.extra}
    assert len(incidents) >= 60


def test_a_short_document_is_read_whole() -> None:
    text = _reports(3)
    document = clean_lines(RawDocument("dump.txt", text), "dump")
    whole = Reader(document, GAZETTEER).read()
    assert [(c.span, c.kind, c.value, c.extra) for c in _read(text, len(text))] == [
        (c.span, c.kind, c.value, c.extra) for c in whole]


def test_windows_end_at_paragraphs() -> None:
    # Windows too small for an even number of reports: the cut still falls between them.
    text = _reports(40)
    assert len(_read(text, 500)) == len(_read(text, 10**9)) == 40 * 3


def test_one_endless_line_is_cut_at_sentence_ends() -> None:
    text = _reports(40).replace("\n", " ")
    claims = _read(text, 500)
    assert all(text[c.span[0]:c.span[1]] == c.quote for c in claims)
    # With no paragraph to cut at, a window edge can part a denial from its figure.
    assert 0.9 * 40 * 3 <= len(claims) <= 40 * 3


def test_the_generic_reader_stays_linear_on_a_feed_dump() -> None:
    started = time.perf_counter()
    small = extract_claims(document=clean_lines(RawDocument("d", _reports(150)), "dump"),
                           gazetteer=GAZETTEER)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    large = extract_claims(document=clean_lines(RawDocument("d", _reports(1500)), "dump"),
                           gazetteer=GAZETTEER)
    large_time = time.perf_counter() - started
    assert len(large) == 10 * len(small)
    # Ten times the text, well under a hundred times the time (it was quadratic before).
    assert large_time < 25 * max(small_time, 0.05)
