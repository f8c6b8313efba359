"""The registry of export formats that plugins contribute."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimtrack.errors import PluginError
from claimtrack.plugins import PluginManager

Writer = Callable[[dict[str, Any], dict[str, Any]], str]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    writer: Writer
    description: str
    extension: str
    plugin: str


def export_formats(pm: PluginManager) -> dict[str, ExportFormat]:
    formats: dict[str, ExportFormat] = {}

    def make_register(plugin: str) -> Callable[..., None]:
        def register(name: str, writer: Writer, description: str = "",
                     extension: str = "txt") -> None:
            if name in formats:
                raise PluginError(plugin, f"export format {name!r} is already registered by "
                                  f"{formats[name].plugin}")
            formats[name] = ExportFormat(name, writer, description, extension, plugin)

        return register

    pm.call_register("register_export_formats", make_register)
    return formats
