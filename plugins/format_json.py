"""The project's own JSON export (schemas/export.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from claimtrack import hookimpl


def write_json(document: dict[str, Any], options: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


@hookimpl
def register_export_formats(register: Callable[..., None]) -> None:
    register("json", write_json, "Everything stored, as the validated export contract", "json")
