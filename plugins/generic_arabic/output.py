"""From drafts to the claims handed to the core.

A draft's strike decides its dates at the end, when all the article has been read: a strike
dated in a later sentence dates the claims made before about it. A killing figure about a
group of strikes on several days or at several places, about a series or a period, is a total
(``killed_total``) with its parts; what is said of such a group as a whole (coordination, "no
civilians", a target) is said of each of its strikes. The same claim said twice about the same
strike by the same organisation is given once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimtrack.arabic_dates import DateValue
from claimtrack.extraction import ClaimDraft

from . import lexicon as lx
from .article import Article, Sentence
from .drafts import Draft
from .incidents import Incident
from .places import anchor_town

if TYPE_CHECKING:
    from .reader import Reader

#: Said of a group of strikes as a whole, so said of each of them.
PER_PART = frozenset({"coordination", "civilians_harmed", "targeting"})


def claim_drafts(reader: Reader) -> list[ClaimDraft]:
    """The claims of an article, one per organisation, strike, kind, value and stance."""
    out: list[ClaimDraft] = []
    index_of: dict[int, int] = {}
    seen: dict[tuple, int] = {}
    links: list[tuple[int, Draft]] = []
    for draft in sorted(reader.drafts, key=lambda d: d.order):
        for claim, key in _claims_of(reader, draft):
            if key in seen:
                index_of.setdefault(id(draft), seen[key])
                continue
            seen[key] = len(out)
            index_of.setdefault(id(draft), len(out))
            if draft.denies is not None:
                links.append((len(out), draft.denies))
            out.append(claim)
    for index, denied in links:
        out[index].denies = index_of.get(id(denied))
    return out

def _claims_of(reader: Reader, draft: Draft) -> list[tuple[ClaimDraft, tuple]]:
    spot, incident = draft.spot, draft.incident
    if incident.parent is not None and not incident.parent.grouped:
        incident = incident.parent  # "الأولى … الثانية" on one day at one place: one strike
    kind = spot.kind
    group = incident if incident.grouped else None
    if kind == "killed" and (group is not None or incident.aggregate or spot.total
                             or draft.period is not None):
        kind = "killed_total"
    if group is not None and kind in PER_PART:
        return [_claim(reader, draft, kind, part) for part in group.parts]
    return [_claim(reader, draft, kind, incident)]

def _claim(reader: Reader, draft: Draft, kind: str, incident: Incident) -> tuple[ClaimDraft, tuple]:
    spot = draft.spot
    o_start, o_end = draft.sentence.o_start, draft.sentence.o_end
    quote = reader.document.text[o_start:o_end]
    part_count: int | None = None
    part_dates: list[DateValue] = []
    extra: dict = {}
    if kind in ("killed_total", "remaining_strength") or (kind == "strikes" and spot.total):
        part_dates = [p.date for p in incident.parts if p.date and p.date.precision == "day"]
        part_count = incident.count if incident.count and incident.count >= 2 else (
            _series_count(reader.article, draft.sentence))
        when = _span(part_dates) or draft.period or (
            incident.date if incident.date and incident.date.precision != "day"
            else DateValue.unknown())
        if kind == "remaining_strength":
            when = DateValue.unknown()
    else:
        when = incident.event_date(reader.published)
        extra = {"incident": incident.key}
    if incident.where or draft.place:
        extra["place"] = incident.where or draft.place  # as precise as the text gives it
    place = incident.place or (draft.place if incident.parent is None else None)
    # A place given relative to a town is known to this article only; until the core
    # gazetteer can rebuild such places from their ids, the claim names the town.
    place = anchor_town(place)
    claim = ClaimDraft(
        kind=kind, value=spot.value, party=draft.party, span=(o_start, o_end), quote=quote,
        qualifier=spot.qualifier if spot.value is not None else (
            "unspecified" if kind not in ("coordination", "targeting")
            and spot.qualifier == "exact" else spot.qualifier),
        stance=spot.stance, attribution=draft.attribution, vague=spot.vague,
        said_on=draft.said, event_date=when, place=place,
        perpetrator=incident.perpetrator or draft.perpetrator,
        target=spot.target, part_count=part_count, part_dates=part_dates, extra=extra,
    )
    if kind in ("coordination", "targeting"):
        claim.qualifier = "unspecified"
    # one claim per organisation: its spokesman saying it again adds nothing
    key = (reader.gazetteer.root(draft.party), kind, spot.value, spot.stance, incident.key)
    return claim, key


def _span(days: list[DateValue]) -> DateValue | None:
    known = sorted(d.start for d in days if d.start)
    if len(known) < 2:
        return None
    return DateValue(known[0], known[-1], "window", " / ".join(d.text for d in days))


_SERIES = re.compile(lx.W + r"(?:هي|وهي|تعد|وتعد)\s+(?:ال)?(?P<ord>ثانيه|ثالثه|رابعه|خامسه)"
                     + lx.E)


def _series_count(article: Article, sentence: Sentence) -> int | None:
    """"هي الثالثة … وقضت جميعها على 36": the total is over three strikes."""
    m = _SERIES.search(article.text, sentence.start, sentence.end)
    return lx.ORDINALS[m.group("ord")] if m else None
