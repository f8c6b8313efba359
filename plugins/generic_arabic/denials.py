"""What a denial denies: another party's figure about the same strike.

A denial that names its figure ("نفى مقتل 12") points at the claim with that figure. One that
names a toll ("نفى صحة الحصيلة", "شكك في الرقم") points at another party's death toll of the
same strike, the latest before it or, when the figure is only given later in the article, the
first after it. "نفى سقوط أي قتلى" is a zero that also denies the toll; for civilians only a
figure of the same harm (killed, wounded) is denied. "وهي تصريحات نفاها" denies what another
party said in the sentence before.
"""

from __future__ import annotations

from dataclasses import replace

from claimtrack.gazetteer import Gazetteer

from .article import Sentence
from .drafts import Denial, Draft
from .incidents import Incident


def resolve_denials(drafts: list[Draft], denials: list[Denial], gazetteer: Gazetteer,
                    sentences: list[Sentence]) -> None:
    """Point every denial at the claim it answers: another party's figure about the same
    strike, the latest before the denial, else the first after it."""
    for draft in drafts:
        if draft.spot.denial == "figure":
            root = gazetteer.root(draft.party)
            draft.denies = next((
                d for d in reversed(drafts)
                if d.spot.stance == "asserts" and d.spot.kind == draft.spot.kind
                and d.spot.value == draft.spot.value and gazetteer.root(d.party) != root
                and _same_strike(d.incident, draft.incident)), None)
    for denial in denials:
        base = denial.draft
        root = gazetteer.root(base.party)
        candidates = [
            d for d in drafts
            if d.spot.stance == "asserts" and gazetteer.root(d.party) != root
            and _family(d, denial)
        ]
        same = [d for d in candidates if _same_strike(d.incident, base.incident)]
        if denial.what == "statement":
            floor = _previous_start(sentences, base)
            choice = [d for d in candidates if d.order < base.order
                      and d.sentence.start >= floor][-1:]
        elif denial.what == "zero":
            choice = [d for d in same if d.order < base.order][-1:] or [
                d for d in same if d.order > base.order][:1]
        else:
            choice = ([d for d in same if d.order < base.order][-1:]
                      or [d for d in same if d.order > base.order][:1]
                      or [d for d in candidates if d.order < base.order][-1:])
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


def _previous_start(sentences: list[Sentence], draft: Draft) -> int:
    index = next((i for i, s in enumerate(sentences) if s is draft.sentence), 0)
    return sentences[max(0, index - 1)].start
