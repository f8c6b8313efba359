"""schema.org ClaimReview JSON-LD, one review per checkable claim.

Rating scale (ratingValue, worstRating 1, bestRating 5): 1 contradicted, 2 contested,
3 unverifiable, 4 single source, 5 corroborated; ``alternateName`` carries the grade.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from claimtrack import hookimpl
from claimtrack.schemas import validate_document

SCALE = {"contradicted": 1, "contested": 2, "unverifiable": 3, "single_source": 4,
         "corroborated": 5}
SEVERITY = ["unverifiable", "single_source", "corroborated", "contested", "contradicted"]


def _claim_grade(claim: dict, findings: list[dict], events: dict[str, dict]) -> tuple[str, str]:
    about = [f for f in findings if claim["id"] in f["claims"] or claim["id"] in f["subject"]]
    if about:
        worst = max(about, key=lambda f: SEVERITY.index(f["grade"]))
        return worst["grade"], worst["reason"]
    event = events.get(claim["event"] or "")
    if event:
        return event["grade"], f"Graded with its event {event['id']}."
    return "unverifiable", "No other source speaks to this claim."


def _text(claim: dict, parties: dict[str, dict]) -> str:
    party = parties.get(claim["party"], {}).get("name", claim["party"])
    verb = "denies" if claim["stance"] == "denies" else "says"
    value = "" if claim["value"] is None else f" {claim['value']:g}"
    what = claim["kind"].replace("_", " ")
    target = f" ({claim['target']})" if claim.get("target") else ""
    return f"{party} {verb}: {what}{value}{target}. « {claim['quote']} »"


def write_claimreview(document: dict[str, Any], options: dict[str, Any]) -> str:
    parties = {p["id"]: p for p in document["parties"]}
    sources = {s["id"]: s for s in document["sources"]}
    events = {e["id"]: e for e in document["events"]}
    author = {"@type": "Organization", "name": options.get("author") or "claimtrack"}
    today = document["exported_at"][:10]
    graph = []
    for claim in document["claims"]:
        if claim["value"] is None and claim["kind"] not in ("targeting", "coordination"):
            continue
        grade, reason = _claim_grade(claim, document["findings"], events)
        source = sources[claim["source"]]
        party = parties.get(claim["party"], {})
        item: dict[str, Any] = {
            "@type": "Claim",
            "author": {"@type": "Person" if party.get("kind") == "person" else "Organization",
                       "name": party.get("name", claim["party"])},
            "appearance": [{"@type": "CreativeWork",
                            "url": source["url"] or f"urn:sha256:{source['sha256']}",
                            **({"headline": source["title"]} if source["title"] else {})}],
        }
        said = claim["said_on"]["start"] or source["published"]["start"]
        if said:
            item["datePublished"] = said
        graph.append({
            "@type": "ClaimReview",
            "url": f"{source['url'] or 'urn:claimtrack'}#{claim['id']}",
            "claimReviewed": _text(claim, parties),
            "itemReviewed": item,
            "author": author,
            "datePublished": today,
            "reviewRating": {"@type": "Rating", "ratingValue": SCALE[grade], "bestRating": 5,
                             "worstRating": 1, "alternateName": grade},
            "reviewBody": reason,
        })
    result = {"@context": "https://schema.org", "@graph": graph}
    validate_document(result, "claimreview")
    return json.dumps(result, ensure_ascii=False, indent=2)


@hookimpl
def register_export_formats(register: Callable[..., None]) -> None:
    register("claimreview", write_claimreview,
             "schema.org ClaimReview JSON-LD, one review per checkable claim", "jsonld")
