"""claimtrack verifier: flag casualty figures that only the side that struck gives.

Monitors of air wars (Airwars, for one) treat a belligerent's account of its own strike as one
side's claim: however many outlets repeat it, nobody has checked it until a party independent
of the attacker (a local council, a hospital, a witness, the other side) gives a figure of its
own. This verifier names the events where that has not happened yet.

It reads the ``Dataset`` the core hands to every verifier and returns ``FindingDraft``s; it
stores nothing and changes nothing itself.
"""

from __future__ import annotations

from claimtrack import hookimpl
from claimtrack.verification import Dataset, FindingDraft

CLAIMTRACK_HOOK_CONTRACT = "1.0"

CHECK = "self_reported"
#: Figures about the human cost of a strike.
TOLL_KINDS = frozenset({"killed", "injured", "civilians_harmed"})


@hookimpl
def verify(dataset: Dataset) -> list[FindingDraft]:
    findings = []
    for view in dataset.events:
        if not view.event.perpetrator:
            continue
        attacker = dataset.root(view.event.perpetrator)
        tolls = [c for c in view.claims if c.kind in TOLL_KINDS]
        figures = [c for c in tolls if c.value is not None and c.stance == "asserts"]
        # Anyone else speaking about the toll, even to deny it, is a second voice.
        if not figures or any(dataset.root(c.party_id) != attacker for c in tolls):
            continue
        outlets = sorted({c.outlet for c in figures})
        stated = ", ".join(sorted({f"{c.kind.replace('_', ' ')} {c.value:g}" for c in figures}))
        carried = f"{len(outlets)} outlet{'s' if len(outlets) > 1 else ''}"
        findings.append(FindingDraft(
            check=CHECK,
            subject=[view.event.id],
            grade="single_source",
            outcome="attacker_only",
            reason=(f"Only {_name(dataset, attacker)}, whose strike it was, gives figures for "
                    f"it ({stated}; carried by {carried}); no independent party confirms "
                    f"them."),
            claims=sorted(c.id for c in figures),
            details={"attacker": attacker, "outlets": outlets},
        ))
    return findings


def _name(dataset: Dataset, party_id: str) -> str:
    party = dataset.parties.get(party_id)
    return party.name if party else party_id
