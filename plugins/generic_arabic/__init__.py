"""Claims from Arabic news about armed violence, for any outlet.

The claim grammar, in the order an article is read:

* ``article``: the article once: normalised text, sentences, every date, number, place and
  party named in it (``parties`` adds town offices, sources inside organisations and head
  nouns such as "القيادة" that point back to a party named before; ``places`` adds places
  given relative to a town);
* ``attribution``: who says what (speech and denial verbs, "وفق / بحسب"), and when they said
  it;
* ``incidents``: which strike each claim is about, across the whole article;
* ``figures``: what each part of a sentence claims (figures and their kind, zeros, civilians,
  targets, coordination);
* ``reader``: puts these together sentence by sentence into ``drafts``; ``denials`` finds
  what each denial denies and ``output`` turns the drafts into the claims handed to the core.

The words themselves are in ``lexicon``.
"""

from __future__ import annotations

import re

from claimtrack import hookimpl
from claimtrack.cleaning import clean_lines
from claimtrack.documents import CleanDocument, RawDocument
from claimtrack.extraction import ClaimDraft, read_in_windows
from claimtrack.gazetteer import Gazetteer

from .reader import Reader

__all__ = ["Reader", "clean_document", "extract_claims"]


@hookimpl(trylast=True)
def clean_document(document: RawDocument, outlet: str) -> CleanDocument:
    return clean_lines(document, outlet)


@hookimpl
def extract_claims(document: CleanDocument, gazetteer: Gazetteer) -> list[ClaimDraft]:
    if document.language not in ("ar", "") or not _mostly_arabic(document.text):
        return []
    # Long texts are read in windows of whole sentences, so time stays linear.
    return read_in_windows(document, lambda part: Reader(part, gazetteer).read())


_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def _mostly_arabic(text: str) -> bool:
    sample = text[:4000]
    letters = len(_LETTER.findall(sample))
    return bool(letters) and len(_ARABIC_LETTER.findall(sample)) >= 0.5 * letters
