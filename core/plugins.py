"""Plugin loading: built-in modules and the ``claimtrack`` entry-point group, one door for both.

Environment switches for bad days:

- ``CLAIMTRACK_LOAD_PLUGINS``: comma-separated allow-list of plugin names to load (built-in
  module names such as ``claimtrack_plugins.aljazeera`` or entry-point names); empty loads none.
- ``CLAIMTRACK_TRACE_PLUGINS=1``: print every hook call to stderr.
- ``CLAIMTRACK_NO_ENTRYPOINTS=1``: ignore installed third-party plugins (the test suite sets it).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

import pluggy

from claimtrack import hookspecs
from claimtrack.errors import PluginError

GROUP = "claimtrack"

DEFAULT_PLUGINS: tuple[str, ...] = (
    "claimtrack_plugins.libya_gazetteer",
    "claimtrack_plugins.generic_arabic",
    "claimtrack_plugins.libya_alahrar",
    "claimtrack_plugins.independent_arabia",
    "claimtrack_plugins.aljazeera",
    "claimtrack_plugins.incident_linker",
    "claimtrack_plugins.casualty_reconciliation",
    "claimtrack_plugins.aggregate_arithmetic",
    "claimtrack_plugins.date_conflict",
    "claimtrack_plugins.source_independence",
    "claimtrack_plugins.denials",
    "claimtrack_plugins.format_json",
    "claimtrack_plugins.format_claimreview",
    "claimtrack_plugins.format_csv",
)


@dataclass(frozen=True)
class LoadFailure:
    name: str
    reason: str


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str
    hooks: tuple[str, ...]
    builtin: bool


class PluginManager(pluggy.PluginManager):
    def __init__(self) -> None:
        super().__init__(GROUP)
        self.add_hookspecs(hookspecs)
        self.failures: list[LoadFailure] = []
        self.versions: dict[str, str] = {}
        self.builtin: set[str] = set()

    def register_module(self, name: str, module: ModuleType, version: str, builtin: bool) -> None:
        self.register(module, name=name)
        self.versions[name] = version
        if builtin:
            self.builtin.add(name)

    def info(self) -> list[PluginInfo]:
        out = []
        for name, plugin in self.list_name_plugin():
            if plugin is None:
                continue
            hooks = tuple(sorted(h.name for h in self.get_hookcallers(plugin) or []))
            out.append(
                PluginInfo(name, self.versions.get(name, "?"), hooks, name in self.builtin)
            )
        return sorted(out, key=lambda p: p.name)

    def call_each(self, hook_name: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Call every implementation of a hook, naming the plugin that raised."""
        caller = getattr(self.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            try:
                result = impl.function(**{k: kwargs[k] for k in impl.argnames})
            except Exception as exc:  # a plugin bug must not kill the run
                raise PluginError(impl.plugin_name, f"{type(exc).__name__}: {exc}") from exc
            yield impl.plugin_name, result

    def call_register(self, hook_name: str, make_register: Callable[[str], Any]) -> None:
        """Call a ``register_*`` hook, giving each plugin a callback that knows its name."""
        caller = getattr(self.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            try:
                impl.function(register=make_register(impl.plugin_name))
            except PluginError:
                raise
            except Exception as exc:
                raise PluginError(impl.plugin_name, f"{type(exc).__name__}: {exc}") from exc

    def call_first(self, hook_name: str, **kwargs: Any) -> tuple[str, Any] | tuple[None, None]:
        """Like a firstresult hook, but says which plugin answered and names one that raised."""
        for name, result in self.call_each(hook_name, **kwargs):
            if result is not None:
                return name, result
        return None, None


def _allowed() -> set[str] | None:
    raw = os.environ.get("CLAIMTRACK_LOAD_PLUGINS")
    if raw is None:
        return None
    return {part.strip() for part in raw.split(",") if part.strip()}


def _builtin_version() -> str:
    from claimtrack import __version__

    return __version__


def load_plugins() -> PluginManager:
    pm = PluginManager()
    allowed = _allowed()
    for module_name in DEFAULT_PLUGINS:
        if allowed is not None and module_name not in allowed:
            continue
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            pm.failures.append(LoadFailure(module_name, f"{type(exc).__name__}: {exc}"))
            continue
        pm.register_module(module_name, module, _builtin_version(), builtin=True)
    if not os.environ.get("CLAIMTRACK_NO_ENTRYPOINTS"):
        for ep in entry_points(group=GROUP):
            if allowed is not None and ep.name not in allowed:
                continue
            if pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                version = ep.dist.version if ep.dist else "?"
                pm.register_module(ep.name, plugin, version, builtin=False)
            except Exception as exc:
                pm.failures.append(LoadFailure(ep.name, f"{type(exc).__name__}: {exc}"))
    if os.environ.get("CLAIMTRACK_TRACE_PLUGINS"):
        pm.trace.root.setwriter(lambda msg: print(msg, end="", file=sys.stderr))
        pm.enable_tracing()
    return pm
