"""Loading the project's JSON Schemas and validating documents against them."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from claimtrack.errors import ExportError
from claimtrack_schemas import SCHEMA_DIR


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
    }


@cache
def registry() -> Registry:
    resources = [(s["$id"], Resource.from_contents(s)) for s in _schemas().values()]
    return Registry().with_resources(resources)


def schema(name: str) -> dict[str, Any]:
    try:
        return _schemas()[name]
    except KeyError:
        raise ExportError(f"no schema named {name!r} in {SCHEMA_DIR}") from None


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), registry=registry(),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate_document(document: Any, name: str) -> None:
    """Raise ``ExportError`` naming the first problem if the document breaks its schema."""
    errors = sorted(validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ExportError(f"{name} document is invalid at {where}: {first.message}{more}")
