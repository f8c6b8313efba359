"""The benchmark corpus: deterministic, distinct, and read as the outlets it imitates."""

from __future__ import annotations

import hashlib
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus

from claimtrack.documents import RawDocument
from claimtrack.pipeline import Ingestor
from claimtrack.plugins import load_plugins


def test_same_seed_same_articles_and_all_distinct() -> None:
    first = [a.text for a in corpus.articles(300, seed=7)]
    assert first == [a.text for a in corpus.articles(300, seed=7)]
    assert first != [a.text for a in corpus.articles(300, seed=8)]
    assert len({hashlib.sha256(t.encode()).digest() for t in first}) == 300


def test_styles_are_recognised_by_their_outlet_plugins() -> None:
    ingestor = Ingestor(None, load_plugins())  # type: ignore[arg-type]  # no store needed
    sniffed = 0
    for article in corpus.articles(200, seed=3):
        if article.meta["outlet"] in ("libya_alahrar", "independent_arabia", "aljazeera"):
            raw = RawDocument("corpus", article.text)  # no outlet given: it must be sniffed
            assert ingestor._choose_outlet(raw) == article.meta["outlet"], article.text[:200]
            sniffed += 1
    assert sniffed > 50
