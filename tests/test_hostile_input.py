"""Hostile text never crashes the reader: every claim it yields still points at its sentence."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.arabic_dates import DateValue
from claimtrack.cleaning import clean_lines
from claimtrack.documents import RawDocument
from claimtrack.pipeline import build_gazetteer
from claimtrack.plugins import load_plugins
from claimtrack_plugins.generic_arabic import extract_claims

PM = load_plugins()
GAZETTEER = build_gazetteer(PM)
PIECES = ["قال", "أعلنت", "الأفريكوم", "مقتل", "8", "٨", "ثمانية", "عناصر", "غارة", "نفى",
          "الجمعة الماضية", "مرزق", "سبها", "،", "؛", ".", "\n", " ", "وفق قوله", "جرحى",
          "مدنيين", "أكثر من", "نحو", "19 سبتمبر", "و24 من سبتمبر", "حكومة الوفاق", "ـ", "“"]


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


def test_long_runs_stay_fast() -> None:
    for run in ("٨" * 50_000, "مقتل " * 20_000, "،؛." * 30_000, "ا" * 100_000):
        started = time.perf_counter()
        _read(run, date(2019, 9, 25))
        assert time.perf_counter() - started < 10, run[:10]
