"""What a denial denies: another party's figure about the same strike.

A denial that names its figure ("نفى مقتل 12") points at the claim with that figure. One that
names a toll ("نفى صحة الحصيلة", "شكك في الرقم") points at another party's death toll of the
same strike, the latest before it or, when the figure is only given later in the article, the
first after it. "نفى سقوط أي قتلى" is a zero that also denies the toll; for civilians only a
figure of the same harm (killed, wounded) is denied. "وهي تصريحات نفاها" denies what another
party said in the sentence before.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace

from claimtrack.gazetteer import Gazetteer

from .article import Sentence
from .drafts import Denial, Draft
from .incidents import Incident


def resolve_denials(drafts: list[Draft], denials: list[Denial], gazetteer: Gazetteer,
                    sentences: list[Sentence]) -> None:
    """Point every denial at the claim it answers: another party's figure about the same
    strike, the latest before the denial, else the first after it.

    Claims are looked up by strike and by figure, so the work grows with the claims of one
    strike, not with the square of the article's claims."""
    root_of: dict[str, str] = {}

    def root(draft: Draft) -> str:
        if draft.party not in root_of:
            root_of[draft.party] = gazetteer.root(draft.party)
        return root_of[draft.party]

    asserted = sorted((d for d in drafts if d.spot.stance == "asserts"), key=lambda d: d.order)
    orders = [d.order for d in asserted]
    by_strike: dict[int, list[Draft]] = {}
    by_figure: dict[tuple[str, float | None], list[Draft]] = {}
    for d in asserted:
        for incident in {id(d.incident): d.incident, id(d.incident.parent): d.incident.parent
                         }.values():
            if incident is not None:
                by_strike.setdefault(id(incident), []).append(d)
        by_figure.setdefault((d.spot.kind, d.spot.value), []).append(d)
    sentence_index = {id(s): i for i, s in enumerate(sentences)}

    for draft in drafts:
        if draft.spot.denial == "figure":
            own = root(draft)
            draft.denies = next((
                d for d in reversed(by_figure.get((draft.spot.kind, draft.spot.value), []))
                if root(d) != own and _same_strike(d.incident, draft.incident)), None)
    for denial in denials:
        base = denial.draft
        own = root(base)

        def fits(d: Draft, own: str = own, denial: Denial = denial) -> bool:
            return root(d) != own and _family(d, denial)

        same = sorted({id(d): d for key in _strike_keys(base.incident)
                       for d in by_strike.get(key, ())
                       if _same_strike(d.incident, base.incident) and fits(d)}.values(),
                      key=lambda d: d.order)
        if denial.what == "statement":
            floor = _previous_start(sentences, sentence_index, base)
            choice = _latest_before(asserted, orders, base.order, lambda d, floor=floor: (
                d.sentence.start >= floor and fits(d)), stop=lambda d, floor=floor: (
                d.sentence.start < floor))
        elif denial.what == "zero":
            choice = [d for d in same if d.order < base.order][-1:] or [
                d for d in same if d.order > base.order][:1]
        else:
            choice = ([d for d in same if d.order < base.order][-1:]
                      or [d for d in same if d.order > base.order][:1]
                      or _latest_before(asserted, orders, base.order, fits))
        if not choice:
            continue
        target = choice[0]
        spot = replace(target.spot, stance="denies", number=None, total=False)
        drafts.append(replace(
            base, spot=spot, incident=target.incident, denies=target,
            order=base.order, period=target.period, place=target.place,
            perpetrator=target.perpetrator))


def _family(draft: Draft, denial: Denial) -> bool:
    kind, value = draft.spot.kind, draft.spot.value
    if denial.what == "toll":
        return kind in ("killed", "killed_total") and bool(value)
    if denial.what == "zero":
        # "no civilian was killed" does not answer "a civilian was wounded"
        harms = {draft.spot.harm, denial.draft.spot.harm}
        return kind == denial.kind and bool(value) and ("any" in harms or len(harms) == 1)
    return True


def _same_strike(a: Incident, b: Incident) -> bool:
    return a is b or a.parent is b or b.parent is a


def _strike_keys(incident: Incident) -> list[int]:
    keys = [id(incident)]
    if incident.parent is not None:
        keys.append(id(incident.parent))
    return keys


def _latest_before(asserted: list[Draft], orders: list[int], order: int,
                   fits: Callable[[Draft], bool],
                   stop: Callable[[Draft], bool] | None = None) -> list[Draft]:
    """The latest claim before ``order`` that fits, looking back no further than ``stop``."""
    for i in range(bisect.bisect_left(orders, order) - 1, -1, -1):
        d = asserted[i]
        if stop is not None and stop(d):
            break
        if fits(d):
            return [d]
    return []


def _previous_start(sentences: list[Sentence], index: dict[int, int], draft: Draft) -> int:
    position = index.get(id(draft.sentence), 0)
    return sentences[max(0, position - 1)].start
