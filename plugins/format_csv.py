"""CSV for spreadsheets: one row per event (ACLED/UCDP style), or one row per claim."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from claimtrack import hookimpl

EVENT_COLUMNS = ["event_id", "kind", "date_start", "date_end", "date_precision", "place", "lat",
                 "lon", "place_precision", "acled_time_precision", "acled_geo_precision",
                 "perpetrator", "killed_low", "killed_best", "killed_high", "sources", "claims",
                 "grade"]
CLAIM_COLUMNS = ["claim_id", "event_id", "source_id", "outlet", "party", "kind", "value",
                 "qualifier", "stance", "said_on", "event_date_start", "event_date_end",
                 "event_date_precision", "place", "quote", "span_start", "span_end"]


def _write(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_events(document: dict[str, Any], options: dict[str, Any]) -> str:
    rows = []
    for e in document["events"]:
        killed = e["estimate"]["killed"]
        rows.append({
            "event_id": e["id"], "kind": e["kind"], "date_start": e["date"]["start"],
            "date_end": e["date"]["end"], "date_precision": e["date"]["precision"],
            "place": e["place"]["name"], "lat": e["place"]["lat"], "lon": e["place"]["lon"],
            "place_precision": e["place"]["precision"],
            "acled_time_precision": e["precision_codes"]["acled_time"],
            "acled_geo_precision": e["precision_codes"]["acled_geo"],
            "perpetrator": e["perpetrator"], "killed_low": killed["low"],
            "killed_best": killed["best"], "killed_high": killed["high"],
            "sources": len(e["sources"]), "claims": len(e["claims"]), "grade": e["grade"],
        })
    return _write(EVENT_COLUMNS, rows)


def write_claims(document: dict[str, Any], options: dict[str, Any]) -> str:
    rows = []
    for c in document["claims"]:
        rows.append({
            "claim_id": c["id"], "event_id": c["event"], "source_id": c["source"],
            "outlet": c["outlet"], "party": c["party"], "kind": c["kind"], "value": c["value"],
            "qualifier": c["qualifier"], "stance": c["stance"],
            "said_on": c["said_on"]["start"], "event_date_start": c["event_date"]["start"],
            "event_date_end": c["event_date"]["end"],
            "event_date_precision": c["event_date"]["precision"], "place": c["place"],
            "quote": c["quote"], "span_start": c["span"][0], "span_end": c["span"][1],
        })
    return _write(CLAIM_COLUMNS, rows)


@hookimpl
def register_export_formats(register: Callable[..., None]) -> None:
    register("csv", write_events, "One row per event: date, place, precision, estimate, grade",
             "csv")
    register("csv-claims", write_claims, "One row per claim with its quote and span", "csv")
