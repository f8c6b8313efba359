"""The product brief's acceptance story, checked on the JSON export of the five seed articles."""

from __future__ import annotations

from claimtrack.schemas import validate_document


def _claims(export: dict, **where: object) -> list[dict]:
    return [c for c in export["claims"] if all(c.get(k) == v for k, v in where.items())]


def _root(export: dict, party: str) -> str:
    parties = {p["id"]: p for p in export["parties"]}
    while parties.get(party, {}).get("affiliation"):
        party = parties[party]["affiliation"]
    return party


def _source_of(export: dict, claim: dict) -> str:
    source = next(s for s in export["sources"] if s["id"] == claim["source"])
    return source["text"]


def _event(export: dict, event_id: str | None) -> dict:
    return next(e for e in export["events"] if e["id"] == event_id)


def test_export_validates_against_the_schema(seed_export: dict) -> None:
    validate_document(seed_export, "export")


def test_every_span_holds_its_quote(seed_export: dict) -> None:
    texts = {s["id"]: s["text"] for s in seed_export["sources"]}
    assert seed_export["claims"]
    for claim in seed_export["claims"]:
        start, end = claim["span"]
        assert texts[claim["source"]][start:end] == claim["quote"]


def test_africom_figures_are_attributed_to_africom(seed_export: dict) -> None:
    for value in (8, 11, 17):
        found = _claims(seed_export, kind="killed", value=value, stance="asserts")
        assert found, value
        assert all(_root(seed_export, c["party"]) == "us_military" for c in found)
        assert any(c["party"] == "africom" for c in found)


def test_murzuq_council_denies_the_eight_and_reports_three_bodies(seed_export: dict) -> None:
    denial = _claims(seed_export, stance="denies", kind="killed", value=8)
    assert len(denial) == 1
    assert denial[0]["party"] == "murzuq_municipality"
    denied = next(c for c in seed_export["claims"] if c["id"] == denial[0]["denies"])
    assert denied["party"] == "africom" and denied["value"] == 8
    three = _claims(seed_export, party="murzuq_municipality", kind="killed", value=3)
    assert three and three[0]["stance"] == "asserts"
    assert _claims(seed_export, party="murzuq_municipality", kind="injured", value=0)


def test_first_strike_is_contested_between_three_and_eight(seed_export: dict) -> None:
    three = _claims(seed_export, party="murzuq_municipality", kind="killed", value=3)[0]
    event = _event(seed_export, three["event"])
    eights = _claims(seed_export, kind="killed", value=8, stance="asserts")
    assert {c["event"] for c in eights} == {event["id"]}
    assert len({c["source"] for c in eights}) >= 3  # 000, 001, 003 carry it
    assert event["estimate"]["killed"]["low"] == 3
    assert event["estimate"]["killed"]["high"] == 8
    assert event["grade"] == "contested"
    assert event["date"]["start"] == "2019-09-19"
    assert event["place"]["name"] == "murzuq"


def test_second_strike_is_its_own_event_on_the_24th(seed_export: dict) -> None:
    elevens = _claims(seed_export, kind="killed", value=11)
    events = {c["event"] for c in elevens}
    assert len(events) == 1 and len({c["source"] for c in elevens}) == 2
    event = _event(seed_export, events.pop())
    assert event["date"]["start"] == "2019-09-24"


def test_2017_and_2019_seventeen_killed_stay_apart(seed_export: dict) -> None:
    seventeens = _claims(seed_export, kind="killed", value=17)
    events = {_event(seed_export, c["event"])["id"]: _event(seed_export, c["event"])
              for c in seventeens}
    years = sorted(e["date"]["start"][:4] for e in events.values())
    assert years == ["2017", "2019"]


def test_third_strike_date_conflict_names_both_sources(seed_export: dict) -> None:
    seventeens = [c for c in _claims(seed_export, kind="killed", value=17)
                  if c["event_date"]["start"] and c["event_date"]["start"].startswith("2019")]
    assert {c["event_date"]["start"] for c in seventeens} == {"2019-09-26", "2019-09-27"}
    event_id = {c["event"] for c in seventeens}
    assert len(event_id) == 1
    conflicts = [f for f in seed_export["findings"]
                 if f["check"] == "date_conflict" and event_id <= set(f["subject"])]
    assert len(conflicts) == 1
    for claim in seventeens:
        assert claim["source"] in conflicts[0]["reason"]


def test_aggregates_add_up(seed_export: dict) -> None:
    totals = {c["value"]: c for c in _claims(seed_export, kind="killed_total")}
    assert set(totals) >= {36, 19}
    assert len(totals[36]["events"]) == 3 and len(totals[19]["events"]) == 2
    checks = {f["subject"][0]: f for f in seed_export["findings"]
              if f["check"] == "aggregate_arithmetic"}
    for value in (36, 19):
        finding = checks[totals[value]["id"]]
        assert finding["outcome"] == "consistent", finding["reason"]


def test_africom_counts_as_one_primary_source(seed_export: dict) -> None:
    eights = _claims(seed_export, kind="killed", value=8, stance="asserts")
    event_id = eights[0]["event"]
    finding = next(f for f in seed_export["findings"]
                   if f["check"] == "source_independence" and event_id in f["subject"])
    primaries = finding["details"]["primaries"]
    assert len(primaries["us_military"]) >= 2  # several outlets...
    assert set(primaries) == {"us_military", "murzuq_municipality"}  # ...one primary each


def test_lna_targeting_claim_is_contested_by_gna_expert(seed_export: dict) -> None:
    lna = [c for c in _claims(seed_export, kind="targeting", stance="asserts")
           if _root(seed_export, c["party"]) == "lna"]
    assert lna
    denial = _claims(seed_export, kind="targeting", stance="denies", denies=lna[0]["id"])
    assert denial and _root(seed_export, denial[0]["party"]) == "gna"
    assert any(f["check"] == "denial" and lna[0]["id"] in f["subject"] and
               f["grade"] == "contested" for f in seed_export["findings"])
    # The raid is an event of its own, at Sirte, with both sides in it.
    event = _event(seed_export, lna[0]["event"])
    assert (event["perpetrator"], event["place"]["name"], event["grade"]) == (
        "lna", "sirte", "contested")
    assert denial[0]["id"] in event["claims"]


def test_the_seeds_tell_of_six_events(seed_export: dict) -> None:
    assert len(seed_export["events"]) == 6


def test_nothing_comes_from_stripped_blocks(seed_export: dict) -> None:
    for claim in seed_export["claims"]:
        quote = claim["quote"]
        assert "حول هذه القصة" not in quote and "Total" not in quote
        assert "ميدل إيست آي" not in quote  # an Al Jazeera "about this story" summary
        assert "صبراتة" not in quote  # the archive photo caption


def test_claims_say_which_plugin_made_them(seed_export: dict) -> None:
    for claim in seed_export["claims"]:
        assert claim["extractor"]["name"].startswith("claimtrack_plugins.")
        assert claim["extractor"]["version"]
