"""The JSON Schemas in ``schemas/``: well-formed, documented, accepting exactly what they should.

The schemas are loaded straight from the files (not through ``claimtrack``) and wired together
with a ``referencing.Registry`` keyed by their absolute ``$id``, the same way any downstream
consumer would use them.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
BASE = "https://claimtrack.dev/schemas/"
METASCHEMA = "https://json-schema.org/draft/2020-12/schema"
NAMES = ("date", "source", "party", "claim", "event", "finding", "export", "claimreview")
SLUG_KINDS = (
    "killed",
    "injured",
    "civilians_harmed",
    "vehicles_destroyed",
    "buildings_destroyed",
    "strikes",
    "killed_total",
    "remaining_strength",
    "coordination",
    "targeting",
)

Json = dict[str, Any]


# --------------------------------------------------------------------------- loading


def load_schemas() -> dict[str, Json]:
    return {
        name: json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in NAMES
    }


SCHEMAS = load_schemas()


def build_registry() -> Registry:
    resources = [
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in SCHEMAS.values()
    ]
    return Registry().with_resources(resources)


REGISTRY = build_registry()


def validator(name: str, *, formats: bool = True) -> Draft202012Validator:
    schema = SCHEMAS[name]
    checker = Draft202012Validator.FORMAT_CHECKER if formats else None
    return Draft202012Validator(schema, registry=REGISTRY, format_checker=checker)


def errors(name: str, instance: Any, *, formats: bool = True) -> list[str]:
    found = validator(name, formats=formats).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


# --------------------------------------------------------------------------- sample data


def date(start: str | None, end: str | None = None, precision: str = "day", text: str = "") -> Json:
    return {
        "start": start,
        "end": end if end is not None else start,
        "precision": precision,
        "text": text,
    }


UNKNOWN_DATE = {"start": None, "end": None, "precision": "unknown", "text": ""}

TEXT_1 = (
    "غارة أمريكية جديدة قرب مرزق\n\n"
    "أعلنت القيادة العسكرية الأمريكية في إفريقيا الجمعة الماضية أن غارتها على منزل في حي القلعة "
    "بمرزق يوم الخميس أسفرت عن مقتل ثمانية عناصر من تنظيم الدولة. "
    "ونفى رئيس المجلس الاجتماعي لمرزق هذه الحصيلة، مؤكدا أنه لم يُعثر إلا على ثلاث جثث مجهولة "
    "الهوية. "
    "وقالت الأفريكوم إن ضربة ثانية نُفذت الثلاثاء الماضي قرب المدينة أدت إلى مقتل ١١ عنصرا."
)
TEXT_2 = (
    "الإندبندنت عربية: حصيلة ضربتين في الجنوب الليبي\n\n"
    "قال المتحدث باسم أفريكوم إن نحو 19 عنصرا من التنظيم قُتلوا في ضربتين قرب مرزق خلال أسبوع. "
    "وأكد مصدر محلي أن الغارة الثانية أصابت منطقة تعرف بالوادي بين مرزق وأم الأرانب."
)

Q_AFRICOM_8 = (
    "أعلنت القيادة العسكرية الأمريكية في إفريقيا الجمعة الماضية أن غارتها على منزل في حي القلعة "
    "بمرزق يوم الخميس أسفرت عن مقتل ثمانية عناصر من تنظيم الدولة."
)
Q_COUNCIL_3 = (
    "ونفى رئيس المجلس الاجتماعي لمرزق هذه الحصيلة، مؤكدا أنه لم يُعثر إلا على ثلاث جثث مجهولة "
    "الهوية."
)
Q_AFRICOM_11 = (
    "وقالت الأفريكوم إن ضربة ثانية نُفذت الثلاثاء الماضي قرب المدينة أدت إلى مقتل ١١ عنصرا."
)
Q_TOTAL_19 = (
    "قال المتحدث باسم أفريكوم إن نحو 19 عنصرا من التنظيم قُتلوا في ضربتين قرب مرزق خلال أسبوع."
)
Q_LOCAL_WADI = "وأكد مصدر محلي أن الغارة الثانية أصابت منطقة تعرف بالوادي بين مرزق وأم الأرانب."


def span(text: str, quote: str) -> list[int]:
    start = text.index(quote)
    return [start, start + len(quote)]


def source(id: str, outlet: str, url: str | None, title: str, published: Json, text: str) -> Json:
    return {
        "id": id,
        "outlet": outlet,
        "url": url,
        "title": title,
        "published": published,
        "language": "ar",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text": text,
    }


SOURCES = [
    source(
        "s_alahrar_1",
        "libya_alahrar",
        "https://libyaalahrar.net/example-strike-murzuq",
        "غارة أمريكية جديدة قرب مرزق",
        date("2019-09-25"),
        TEXT_1,
    ),
    source(
        "s_indy_1",
        "independent_arabia",
        None,
        "حصيلة ضربتين في الجنوب الليبي",
        date("2019-09-20", "2019-09-30", "window"),
        TEXT_2,
    ),
]
TEXTS = {s["id"]: s["text"] for s in SOURCES}

PARTIES = [
    {
        "id": "africom",
        "name": "القيادة العسكرية الأمريكية في إفريقيا (AFRICOM)",
        "kind": "organisation",
        "affiliation": None,
        "aliases": ["الأفريكوم", "أفريكوم", "AFRICOM"],
        "contributed_by": None,
    },
    {
        "id": "africom:spokesman",
        "name": "المتحدث باسم أفريكوم",
        "kind": "office",
        "affiliation": "africom",
        "aliases": [],
        "contributed_by": None,
    },
    {
        "id": "murzuq_social_council_head",
        "name": "رئيس المجلس الاجتماعي لمرزق",
        "kind": "office",
        "affiliation": None,
        "aliases": ["رئيس المجلس الاجتماعي بمرزق"],
        "contributed_by": "alahrar",
    },
    {
        "id": "unnamed:local_source",
        "name": "مصدر محلي",
        "kind": "unnamed_source",
        "affiliation": None,
        "aliases": [],
        "contributed_by": None,
    },
    {
        "id": "isis",
        "name": "تنظيم الدولة",
        "kind": "organisation",
        "affiliation": None,
        "aliases": ["داعش", "تنظيم الدولة الإسلامية", "ISIS"],
        "contributed_by": None,
    },
]


def claim(id: str, source_id: str, quote: str, **fields: Any) -> Json:
    record: Json = {
        "id": id,
        "source": source_id,
        "party": "africom",
        "outlet": next(s["outlet"] for s in SOURCES if s["id"] == source_id),
        "kind": "killed",
        "value": None,
        "qualifier": "exact",
        "vague": False,
        "stance": "asserts",
        "said_on": UNKNOWN_DATE,
        "event_date": UNKNOWN_DATE,
        "place": "Murzuq",
        "target": "isis",
        "attribution": "stated",
        "denies": None,
        "event": None,
        "events": [],
        "quote": quote,
        "span": span(TEXTS[source_id], quote),
        "extractor": {"name": "alahrar", "version": "0.1.0"},
    }
    record.update(fields)
    return record


CLAIMS = [
    claim(
        "c_africom_8",
        "s_alahrar_1",
        Q_AFRICOM_8,
        value=8,
        said_on=date("2019-09-20", text="الجمعة الماضية"),
        event_date=date("2019-09-19", text="يوم الخميس"),
        event="e_murzuq_0919",
    ),
    claim(
        "c_council_3",
        "s_alahrar_1",
        Q_COUNCIL_3,
        party="murzuq_social_council_head",
        value=3,
        stance="denies",
        denies="c_africom_8",
        target=None,
        said_on=date("2019-09-20", "2019-09-25", "window"),
        event_date=date("2019-09-19"),
        event="e_murzuq_0919",
    ),
    claim(
        "c_africom_11",
        "s_alahrar_1",
        Q_AFRICOM_11,
        value=11.0,
        said_on=date("2019-09-24", "2019-09-25", "window"),
        event_date=date("2019-09-24", text="الثلاثاء الماضي"),
        event="e_murzuq_0924",
    ),
    claim(
        "c_total_19",
        "s_indy_1",
        Q_TOTAL_19,
        party="africom:spokesman",
        kind="killed_total",
        value=19,
        qualifier="about",
        event_date=date("2019-09-13", "2019-09-30", "window", "خلال أسبوع"),
        events=["e_murzuq_0919", "e_murzuq_0924"],
        extractor={"name": "independent_arabia", "version": "0.1.0"},
    ),
    claim(
        "c_local_wadi",
        "s_indy_1",
        Q_LOCAL_WADI,
        party="unnamed:local_source",
        kind="targeting",
        qualifier="unspecified",
        place="الوادي",
        target="منطقة تعرف بالوادي",
        event="e_murzuq_0924",
        extractor={"name": "independent_arabia", "version": "0.1.0"},
    ),
]

EVENTS = [
    {
        "id": "e_murzuq_0919",
        "kind": "air_strike",
        "perpetrator": "africom",
        "target": "isis",
        "date": date("2019-09-19"),
        "place": {
            "name": "Murzuq",
            "lat": 25.9155,
            "lon": 13.9184,
            "precision": "point",
            "radius_km": 5,
        },
        "precision_codes": {
            "acled_time": 1,
            "acled_geo": 1,
            "ucdp_date_prec": 1,
            "ucdp_where_prec": 1,
        },
        "claims": ["c_africom_8", "c_council_3"],
        "sources": ["s_alahrar_1"],
        "estimate": {
            "killed": {
                "low": 3,
                "best": 3,
                "high": 8,
                "rule": "low and best from the local denial (3 bodies), high from AFRICOM (8)",
            }
        },
        "grade": "contested",
        "link_reasons": [
            {"claim": "c_africom_8", "reason": "perpetrator africom, place Murzuq, day 2019-09-19"},
            {"claim": "c_council_3", "reason": "denies c_africom_8"},
        ],
    },
    {
        "id": "e_murzuq_0924",
        "kind": "air_strike",
        "perpetrator": "africom",
        "target": None,
        "date": date("2019-09-24"),
        "place": {
            "name": "Murzuq",
            "lat": None,
            "lon": None,
            "precision": "area",
            "radius_km": None,
        },
        "precision_codes": {
            "acled_time": 1,
            "acled_geo": 2,
            "ucdp_date_prec": 1,
            "ucdp_where_prec": 2,
        },
        "claims": ["c_africom_11", "c_local_wadi"],
        "sources": ["s_alahrar_1", "s_indy_1"],
        "estimate": {"killed": {"low": 11, "best": 11, "high": 11, "rule": "single figure"}},
        "grade": "single_source",
        "link_reasons": [
            {"claim": "c_africom_11", "reason": "perpetrator africom, near Murzuq, 2019-09-24"},
            {"claim": "c_local_wadi", "reason": "second strike near Murzuq"},
        ],
    },
]

FINDINGS = [
    {
        "id": "f_denial_0919",
        "verifier": "denial",
        "check": "denial",
        "subject": ["e_murzuq_0919"],
        "grade": "contested",
        "outcome": "contested",
        "reason": "AFRICOM says 8 were killed, but the head of Murzuq's social council says only "
        "3 bodies were found.",
        "claims": ["c_africom_8", "c_council_3"],
        "details": {"asserted": 8, "denied_with": 3},
    },
    {
        "id": "f_sum_19",
        "verifier": "aggregate",
        "check": "aggregate_arithmetic",
        "subject": ["c_total_19"],
        "grade": "corroborated",
        "outcome": "consistent",
        "reason": "The total of about 19 matches the two strikes' figures, 8 + 11.",
        "claims": ["c_total_19", "c_africom_8", "c_africom_11"],
        "details": {"parts": [8, 11], "sum": 19, "stated": 19},
    },
]

EXPORT: Json = {
    "claimtrack_version": "0.1.0",
    "exported_at": "2019-10-28T12:00:00+00:00",
    "sources": SOURCES,
    "parties": PARTIES,
    "claims": CLAIMS,
    "events": EVENTS,
    "findings": FINDINGS,
}

CLAIMREVIEW: Json = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "ClaimReview",
            "url": "https://claimtrack.dev/reviews/e_murzuq_0919#c_africom_8",
            "claimReviewed": Q_AFRICOM_8,
            "datePublished": "2019-10-28",
            "author": {
                "@type": "Organization",
                "name": "claimtrack",
                "url": "https://claimtrack.dev",
            },
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 3,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": "contested",
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": "AFRICOM"},
                "datePublished": "2019-09-20",
                "appearance": [
                    {
                        "@type": "CreativeWork",
                        "url": "https://libyaalahrar.net/example-strike-murzuq",
                        "headline": "غارة أمريكية جديدة قرب مرزق",
                    }
                ],
            },
            "reviewBody": FINDINGS[0]["reason"],
        },
        {
            "@type": "ClaimReview",
            "url": "https://claimtrack.dev/reviews/c_total_19",
            "claimReviewed": Q_TOTAL_19,
            "datePublished": "2019-10-28T12:00:00Z",
            "author": {"@type": "Organization", "name": "claimtrack"},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 5,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": "corroborated",
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "المتحدث باسم أفريكوم"},
                "appearance": {"@type": "CreativeWork", "url": "urn:claimtrack:source:s_indy_1"},
            },
            "reviewBody": FINDINGS[1]["reason"],
        },
    ],
}


# --------------------------------------------------------------------------- schema files


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(SCHEMAS[name])


@pytest.mark.parametrize("name", NAMES)
def test_schema_header(name: str) -> None:
    schema = SCHEMAS[name]
    assert schema["$schema"] == METASCHEMA
    assert schema["$id"] == f"{BASE}{name}.schema.json"
    assert schema["title"].strip()
    assert len(schema["description"]) > 40


def test_no_stray_schema_files() -> None:
    on_disk = {p.name for p in SCHEMA_DIR.glob("*.json")}
    assert on_disk == {f"{n}.schema.json" for n in NAMES}


SUBSCHEMA_MAPS = ("properties", "$defs", "patternProperties", "dependentSchemas")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SUBSCHEMA_SINGLE = (
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "contains",
    "not",
    "if",
    "then",
    "else",
)


def subschemas(schema: Json, path: str = "#") -> Iterator[tuple[str, Json]]:
    """Every schema nested in ``schema`` (not ``schema`` itself), with its JSON pointer."""
    for keyword in SUBSCHEMA_MAPS:
        for key, sub in schema.get(keyword, {}).items():
            yield f"{path}/{keyword}/{key}", sub
            yield from subschemas(sub, f"{path}/{keyword}/{key}")
    for keyword in SUBSCHEMA_LISTS:
        for i, sub in enumerate(schema.get(keyword, [])):
            yield f"{path}/{keyword}/{i}", sub
            yield from subschemas(sub, f"{path}/{keyword}/{i}")
    for keyword in SUBSCHEMA_SINGLE:
        sub = schema.get(keyword)
        if isinstance(sub, dict):
            yield f"{path}/{keyword}", sub
            yield from subschemas(sub, f"{path}/{keyword}")


@pytest.mark.parametrize("name", NAMES)
def test_every_property_and_subschema_is_described(name: str) -> None:
    undescribed = [
        path
        for path, sub in subschemas(SCHEMAS[name])
        if not isinstance(sub.get("description"), str) or len(sub["description"].strip()) < 5
    ]
    assert undescribed == []


@pytest.mark.parametrize("name", NAMES)
def test_every_ref_resolves(name: str) -> None:
    schema = SCHEMAS[name]
    resolver = REGISTRY.resolver(base_uri=schema["$id"])
    refs = [sub["$ref"] for _, sub in subschemas(schema) if "$ref" in sub]
    for ref in refs:
        assert ref.startswith((BASE, "#")), ref
        resolved = resolver.lookup(ref).contents
        assert isinstance(resolved, dict) and resolved


def test_required_lists_only_declared_properties() -> None:
    for name, schema in SCHEMAS.items():
        for path, sub in [("#", schema), *subschemas(schema)]:
            missing = set(sub.get("required", [])) - set(sub.get("properties", {}))
            assert not missing, f"{name} {path}: {missing}"


def test_big_records_are_open_small_objects_are_closed() -> None:
    for name in ("source", "party", "claim", "event", "finding", "export"):
        assert SCHEMAS[name]["additionalProperties"] is True, name
    assert SCHEMAS["date"]["additionalProperties"] is False
    claim_props = SCHEMAS["claim"]["properties"]
    assert claim_props["extractor"]["additionalProperties"] is False
    assert claim_props["span"]["minItems"] == claim_props["span"]["maxItems"] == 2


def test_claim_kind_examples_cover_the_known_kinds() -> None:
    kind = SCHEMAS["claim"]["properties"]["kind"]
    assert tuple(kind["examples"]) == SLUG_KINDS
    for k in SLUG_KINDS:
        assert k in kind["description"]


def test_export_refs_point_at_the_record_schemas() -> None:
    props = SCHEMAS["export"]["properties"]
    for field, name in [
        ("sources", "source"),
        ("parties", "party"),
        ("claims", "claim"),
        ("events", "event"),
        ("findings", "finding"),
    ]:
        assert props[field]["items"]["$ref"] == f"{BASE}{name}.schema.json"


# --------------------------------------------------------------------------- valid documents


def test_sample_export_is_self_consistent() -> None:
    """Guard the fixture itself: spans, hashes and cross-references hold."""
    sources = {s["id"]: s for s in EXPORT["sources"]}
    parties = {p["id"] for p in EXPORT["parties"]}
    claims = {c["id"]: c for c in EXPORT["claims"]}
    events = {e["id"] for e in EXPORT["events"]}
    for s in sources.values():
        assert s["sha256"] == hashlib.sha256(s["text"].encode("utf-8")).hexdigest()
    for p in EXPORT["parties"]:
        assert p["affiliation"] is None or p["affiliation"] in parties
    for c in claims.values():
        start, end = c["span"]
        assert sources[c["source"]]["text"][start:end] == c["quote"]
        assert c["party"] in parties
        assert c["denies"] is None or c["denies"] in claims
        assert c["event"] is None or c["event"] in events
        assert set(c["events"]) <= events
    for e in EXPORT["events"]:
        assert set(e["claims"]) <= set(claims)
        assert set(e["sources"]) <= set(sources)
    for f in EXPORT["findings"]:
        assert set(f["claims"]) <= set(claims)
        assert set(f["subject"]) <= set(claims) | events


def test_valid_export_passes() -> None:
    assert errors("export", EXPORT) == []
    assert errors("export", EXPORT, formats=False) == []


@pytest.mark.parametrize(
    ("name", "records"),
    [
        ("source", SOURCES),
        ("party", PARTIES),
        ("claim", CLAIMS),
        ("event", EVENTS),
        ("finding", FINDINGS),
    ],
)
def test_each_record_validates_on_its_own(name: str, records: list[Json]) -> None:
    for record in records:
        assert errors(name, record) == [], record["id"]


def test_export_survives_a_json_round_trip() -> None:
    text = json.dumps(EXPORT, ensure_ascii=False)
    assert errors("export", json.loads(text)) == []


def test_empty_export_passes() -> None:
    empty = {k: [] for k in ("sources", "parties", "claims", "events", "findings")}
    empty |= {"claimtrack_version": "0.1.0", "exported_at": "2024-01-01T00:00:00Z"}
    assert errors("export", empty) == []


def test_additive_fields_are_accepted() -> None:
    doc = copy.deepcopy(EXPORT)
    doc["store"] = "sqlite"
    doc["claims"][0]["confidence"] = 0.9
    doc["events"][0]["estimate"]["injured"] = {"low": 0, "best": 0, "high": 0, "rule": "none"}
    doc["events"][0]["place"]["admin1"] = "Fezzan"
    doc["findings"][0]["details"] = {}
    assert errors("export", doc) == []


def test_plugin_claim_kinds_are_accepted() -> None:
    doc = copy.deepcopy(CLAIMS[0])
    doc["kind"] = "hostages_taken"
    assert errors("claim", doc) == []


def test_valid_claimreview_passes() -> None:
    assert errors("claimreview", CLAIMREVIEW) == []
    assert errors("claimreview", {"@context": "https://schema.org", "@graph": []}) == []


# --------------------------------------------------------------------------- invalid documents

Mutation = Callable[[Json], None]


def _set(path: str, value: Any) -> Mutation:
    """Mutation setting the value at a '/'-separated path (list indices as numbers)."""

    def apply(doc: Json) -> None:
        *parents, last = path.split("/")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[int(last) if isinstance(node, list) else last] = value

    return apply


def _del(path: str) -> Mutation:
    def apply(doc: Json) -> None:
        *parents, last = path.split("/")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        del node[last]

    return apply


INVALID_EXPORTS: dict[str, Mutation] = {
    "bad date precision": _set("claims/0/event_date/precision", "exact"),
    "bad published precision": _set("sources/0/published/precision", "days"),
    "span of 3 items": _set("claims/0/span", [0, 10, 20]),
    "span of 1 item": _set("claims/0/span", [0]),
    "negative span offset": _set("claims/0/span", [-1, 10]),
    "fractional span offset": _set("claims/0/span", [0.5, 10]),
    "missing claim quote": _del("claims/0/quote"),
    "missing claim attribution": _del("claims/1/attribution"),
    "missing claim events": _del("claims/3/events"),
    "missing source sha256": _del("sources/1/sha256"),
    "missing party aliases": _del("parties/0/aliases"),
    "missing event estimate": _del("events/0/estimate"),
    "missing estimate rule": _del("events/0/estimate/killed/rule"),
    "missing finding reason": _del("findings/0/reason"),
    "missing top-level findings": _del("findings"),
    "missing exported_at": _del("exported_at"),
    "qualifier approximately": _set("claims/3/qualifier", "approximately"),
    "stance rejects": _set("claims/1/stance", "rejects"),
    "attribution unknown": _set("claims/0/attribution", "unknown"),
    "vague as string": _set("claims/0/vague", "no"),
    "value as string": _set("claims/0/value", "8"),
    "sha256 too short": _set("sources/0/sha256", "ab" * 31),
    "sha256 too long": _set("sources/0/sha256", "ab" * 33),
    "sha256 upper case": _set("sources/0/sha256", "AB" * 32),
    "party id not a slug": _set("parties/0/id", "AFRICOM"),
    "party kind unknown": _set("parties/0/kind", "militia"),
    "claim party not a slug": _set("claims/0/party", "Africom HQ"),
    "claim kind not a slug": _set("claims/0/kind", "Killed"),
    "extractor extra field": _set("claims/0/extractor/extra", 1),
    "extractor missing version": _del("claims/0/extractor/version"),
    "date extra field": _set("claims/0/said_on/tz", "UTC"),
    "date missing text": _del("events/0/date/text"),
    "date with time": _set("events/0/date/start", "2019-09-19T10:00:00"),
    "date in other format": _set("events/0/date/end", "19/09/2019"),
    "event grade unknown": _set("events/0/grade", "likely"),
    "finding grade unknown": _set("findings/0/grade", "single-source"),
    "place precision unknown": _set("events/0/place/precision", "city"),
    "latitude out of range": _set("events/0/place/lat", 125.9),
    "negative estimate": _set("events/0/estimate/killed/low", -1),
    "fractional estimate": _set("events/0/estimate/killed/best", 3.5),
    "acled_time out of range": _set("events/0/precision_codes/acled_time", 4),
    "ucdp_where_prec out of range": _set("events/0/precision_codes/ucdp_where_prec", 8),
    "empty finding reason": _set("findings/1/reason", ""),
    "finding details not an object": _set("findings/1/details", [8, 11]),
    "link reason without claim": _del("events/1/link_reasons/0/claim"),
    "exported_at without offset": _set("exported_at", "2019-10-28T12:00:00"),
    "sources not an array": _set("sources", {}),
}


@pytest.mark.parametrize("mutation", INVALID_EXPORTS.values(), ids=INVALID_EXPORTS.keys())
def test_invalid_export_is_rejected(mutation: Mutation) -> None:
    doc = copy.deepcopy(EXPORT)
    mutation(doc)
    # Enforced by the schema's own keywords (pattern, enum, …), not only by format checkers.
    assert errors("export", doc, formats=False) != []


def test_impossible_calendar_date_needs_the_format_checker() -> None:
    doc = copy.deepcopy(EXPORT)
    doc["events"][0]["date"]["start"] = "2019-02-30"
    assert errors("export", doc, formats=False) == []
    assert errors("export", doc) != []


INVALID_CLAIMREVIEWS: dict[str, Mutation] = {
    "wrong context": _set("@context", "https://example.org"),
    "missing graph": _del("@graph"),
    "wrong type": _set("@graph/0/@type", "Review"),
    "empty claimReviewed": _set("@graph/0/claimReviewed", ""),
    "missing url": _del("@graph/0/url"),
    "missing reviewRating": _del("@graph/0/reviewRating"),
    "missing alternateName": _del("@graph/0/reviewRating/alternateName"),
    "ratingValue as string": _set("@graph/0/reviewRating/ratingValue", "3"),
    "rating wrong type": _set("@graph/0/reviewRating/@type", "AggregateRating"),
    "missing reviewBody": _del("@graph/0/reviewBody"),
    "bad datePublished": _set("@graph/0/datePublished", "28 October 2019"),
    "author not an organisation": _set("@graph/0/author/@type", "Person"),
    "author without name": _del("@graph/0/author/name"),
    "claim author of wrong type": _set("@graph/0/itemReviewed/author/@type", "Thing"),
    "itemReviewed without appearance": _del("@graph/0/itemReviewed/appearance"),
    "itemReviewed wrong type": _set("@graph/0/itemReviewed/@type", "CreativeWork"),
    "appearance without url": _del("@graph/0/itemReviewed/appearance/0/url"),
    "empty appearance list": _set("@graph/0/itemReviewed/appearance", []),
    "appearance as bare string": _set("@graph/1/itemReviewed/appearance", "https://x.example"),
}


@pytest.mark.parametrize("mutation", INVALID_CLAIMREVIEWS.values(), ids=INVALID_CLAIMREVIEWS.keys())
def test_invalid_claimreview_is_rejected(mutation: Mutation) -> None:
    doc = copy.deepcopy(CLAIMREVIEW)
    mutation(doc)
    assert errors("claimreview", doc, formats=False) != []


def test_date_object_alone() -> None:
    assert errors("date", date("2019-09-19", text="يوم الخميس")) == []
    assert errors("date", UNKNOWN_DATE) == []
    assert errors("date", date("2019-09-20", "2019-09-30", "window")) == []
    assert errors("date", {"start": "2019-09-19", "end": None, "precision": "day"}) != []
