"""One article, read once: its sentences and every date, number, place and party named in it.

Everything here is in the coordinates of the *normalised* text (see claimtrack.arabic_text);
``Article.original`` maps a span back to the stored text, which is what claims point into.
Lookups by position use binary search, so reading stays linear in the length of the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from claimtrack.arabic_dates import DateMention, find_dates
from claimtrack.arabic_numbers import NumberMention, find_numbers
from claimtrack.arabic_text import NormalizedText, normalize, sentence_spans
from claimtrack.documents import CleanDocument
from claimtrack.gazetteer import Gazetteer

from . import lexicon as lx


@dataclass(frozen=True)
class Sentence:
    start: int  # normalised text
    end: int
    o_start: int  # stored text
    o_end: int
    heading: bool


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    mention: DateMention

    @property
    def day(self) -> bool:
        return self.mention.resolved and self.mention.value.precision == "day"


@dataclass(frozen=True)
class NumberHit:
    start: int
    end: int
    noun_end: int | None  # where the counted noun ends, when it follows the figure
    mention: NumberMention

    @property
    def value(self) -> int | None:
        return self.mention.value


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    id: str


@dataclass(frozen=True)
class PartyHit:
    start: int
    end: int
    id: str
    heads: frozenset[str] = frozenset()
    pointer: bool = False  # a head noun pointing back ("القيادة"), not a name


T = TypeVar("T", DateHit, NumberHit, PlaceHit, PartyHit)


@dataclass
class Article:
    document: CleanDocument
    gazetteer: Gazetteer
    norm: NormalizedText = field(init=False)
    published: date | None = field(init=False)
    sentences: list[Sentence] = field(init=False)
    dates: list[DateHit] = field(init=False)
    numbers: list[NumberHit] = field(init=False)
    places: list[PlaceHit] = field(init=False)
    parties: list[PartyHit] = field(init=False)

    def __post_init__(self) -> None:
        text = self.document.text
        self.norm = normalize(text)
        pub = self.document.published
        self.published = pub.start if pub and pub.precision == "day" else None
        self.sentences = self._sentences()
        self.dates = [DateHit(self.to_norm(m.start), self.to_norm(m.end), m)
                      for m in find_dates(text, self.published)]
        numbers = [
            NumberHit(self.to_norm(m.start), self.to_norm(m.end),
                      self.to_norm(m.noun_end) if m.noun_end is not None else None, m)
            for m in find_numbers(text)
        ]
        # "في 5 أكتوبر 2019 ضربة": a number inside a date is the date's, not a count
        spans = [(d.start, d.end) for d in self.dates]
        self.numbers = [n for n in numbers if not _inside(spans, n.start)]
        self.places = [PlaceHit(m.start, m.end, m.id)
                       for m in self.gazetteer.find_places(self.norm.text)]
        self._date_starts = [d.start for d in self.dates]
        self._number_starts = [n.start for n in self.numbers]
        self._place_starts = [p.start for p in self.places]
        from .places import relative_places  # they need the towns and numbers found above

        self.places = relative_places(self, self.places)
        self._place_starts = [p.start for p in self.places]
        from .parties import party_hits  # parties needs the places found above

        self.parties = party_hits(self)
        self._party_starts = [p.start for p in self.parties]

    # -- coordinates --

    def to_norm(self, original: int) -> int:
        return bisect.bisect_left(self.norm.offsets, original)

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span_to_original(start, end)

    @property
    def text(self) -> str:
        return self.norm.text

    # -- lookups: the mentions whose start lies in [start, end), in order --

    def dates_in(self, start: int, end: int) -> list[DateHit]:
        return _slice(self.dates, self._date_starts, start, end)

    def numbers_in(self, start: int, end: int) -> list[NumberHit]:
        return _slice(self.numbers, self._number_starts, start, end)

    def places_in(self, start: int, end: int) -> list[PlaceHit]:
        return _slice(self.places, self._place_starts, start, end)

    def parties_in(self, start: int, end: int) -> list[PartyHit]:
        return _slice(self.parties, self._party_starts, start, end)

    def place_kind(self, place: str) -> str:
        entry = self.gazetteer.places.get(place)
        return entry.kind if entry else "area"

    # -- sentences --

    def _sentences(self) -> list[Sentence]:
        out = []
        for block_start, block_end in self.document.body:
            block = self.document.text[block_start:block_end]
            heading = _is_heading(block)
            for s, e in sentence_spans(block):
                for ps, pe in _pieces(block, s, e):
                    o_start, o_end = block_start + ps, block_start + pe
                    out.append(Sentence(self.to_norm(o_start), self.to_norm(o_end), o_start,
                                        o_end, heading))
        return out


#: A sentence of news is rarely longer than 400 characters. A longer run without a full stop
#: (a list, a page that lost its punctuation) is read in pieces cut at a clause mark, so that
#: what is done per sentence stays bounded however long the run.
MAX_SENTENCE = 1500
_CLAUSE_MARKS = "،؛,;"


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _CLAUSE_MARKS)
        if cut == -1:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
        cut = limit if cut == -1 else cut + 1
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    i = bisect.bisect_right(spans, (position, 10**12)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _slice(items: Sequence[T], starts: list[int], start: int, end: int) -> list[T]:
    lo = bisect.bisect_left(starts, start)
    return list(items[lo:bisect.bisect_left(starts, end, lo)])


def _is_heading(line: str) -> bool:
    """A short line without a full stop is a subheading; it restates the body. A line ending
    in a quote is a heading only when very short ("تمدد “داعش”")."""
    stripped = line.rstrip()
    words = len(stripped.split())
    if stripped.endswith((".", ":", "؟", "?")):
        return False
    if stripped.endswith(("»", '"', "”")):
        return words <= 5
    return words <= 12


def town_before(article: Article, position: int) -> str | None:
    """The last town (or area) named before position: what "المدينة" points back to."""
    text = article.text
    for hit in reversed(article.places_in(max(0, position - 2000), position)):
        if text.rfind("(", 0, hit.start) > text.rfind(")", 0, hit.start) and ")" in text[
                hit.end:position]:
            continue  # "وفي غريان (80 كيلومترا جنوب طرابلس)": an aside on where it lies
        if article.place_kind(hit.id) in ("town", "area", "district"):
            return hit.id
    return None


def the_town_at(article: Article, position: int) -> tuple[str, int] | None:
    """``المدينة`` at position, resolved to the town it points back to, and where it ends."""
    town = lx.THE_TOWN.match(article.text, position)
    if town:
        named = town_before(article, position)
        if named:
            return named, town.end()
    return None


__all__ = ["Article", "DateHit", "NumberHit", "PartyHit", "PlaceHit", "Sentence", "the_town_at",
           "town_before"]
