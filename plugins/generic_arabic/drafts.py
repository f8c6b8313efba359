"""Claims as they are being built, before the article is read to its end."""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.arabic_dates import DateValue

from .article import Sentence
from .figures import Spot
from .incidents import Incident


@dataclass(eq=False)
class Draft:
    """A claim being built: its spot, and who, when and which strike."""

    spot: Spot
    party: str
    attribution: str
    said: DateValue
    incident: Incident
    sentence: Sentence
    perpetrator: str | None
    place: str | None
    period: DateValue | None = None  # "منذ …": a total over a period
    denies: Draft | None = None
    order: int = 0


@dataclass(eq=False)
class Denial:
    """A denial whose object is another party's claim: found once the article is read."""

    draft: Draft  # carries party, said date, sentence
    what: str  # toll | zero | statement
    kind: str | None = None
    sentence_index: int = 0
