"""Plugin loading: built-in modules and the ``claimtrack`` entry-point group, one door for both.

Environment switches for bad days:

- ``CLAIMTRACK_LOAD_PLUGINS``: comma-separated allow-list of plugin names to load (built-in
  module names such as ``claimtrack_plugins.aljazeera`` or entry-point names); empty loads none.
- ``CLAIMTRACK_TRACE_PLUGINS=1``: print every hook call to stderr.
- ``CLAIMTRACK_NO_ENTRYPOINTS=1``: ignore installed third-party plugins (the test suite sets it).

A plugin may state the hook contract it was written for with a module-level
``CLAIMTRACK_HOOK_CONTRACT = "1.0"``; one written for another major version is refused, and so
is one that implements a hook this contract does not have (a misspelt name would otherwise be
silently ignored). Refused and broken plugins are reported by name, with the reason, in
``PluginManager.failures``; the others still load.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

import pluggy

from claimtrack import hookspecs
from claimtrack.errors import PluginError

GROUP = "claimtrack"
#: Module attribute in which a plugin names the hook contract version it was written for.
CONTRACT_ATTRIBUTE = "CLAIMTRACK_HOOK_CONTRACT"

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
    contract: str | None = None  # the hook contract the plugin says it was written for


class PluginManager(pluggy.PluginManager):
    def __init__(self) -> None:
        super().__init__(GROUP)
        self.add_hookspecs(hookspecs)
        self.failures: list[LoadFailure] = []
        self.versions: dict[str, str] = {}
        self.contracts: dict[str, str] = {}
        self.builtin: set[str] = set()

    def register_module(self, name: str, module: object, version: str, builtin: bool) -> None:
        """Register a plugin under ``name``; a ``PluginError`` says why one is refused."""
        contract = getattr(module, CONTRACT_ATTRIBUTE, None)
        if contract is not None and not _compatible(str(contract)):
            raise PluginError(name, f"written for hook contract {contract}, but this claimtrack "
                              f"provides {hookspecs.HOOK_CONTRACT_VERSION}")
        try:
            self.register(module, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(name, " ".join(str(exc).split())) from exc
        unknown = sorted(c.name for c in self.get_hookcallers(module) or [] if c.spec is None)
        if unknown:
            self.unregister(name=name)
            raise PluginError(name, f"implements {', '.join(map(repr, unknown))}, which is not "
                              f"a claimtrack hook (see docs/hooks.md)")
        self.versions[name] = version
        if contract is not None:
            self.contracts[name] = str(contract)
        if builtin:
            self.builtin.add(name)

    def unload(self, name: str, reason: str) -> None:
        """Take a plugin out again (it broke while being set up) and remember why."""
        if self.has_plugin(name):
            self.unregister(name=name)
        self.builtin.discard(name)
        self.failures.append(LoadFailure(name, reason))

    def drop_breaking(self, step: Callable[[], object]) -> None:
        """Run a set-up step that calls every plugin (building the gazetteer, listing outlets).

        A third-party plugin that makes it fail (a party id another plugin already declared, a
        ``register`` call with bad arguments) is unloaded and reported, and the step runs again
        without it; a built-in that fails is a bug, and its error is raised.
        """
        while True:
            try:
                step()
                return
            except PluginError as exc:
                if exc.plugin in self.builtin or not self.has_plugin(exc.plugin):
                    raise
                self.unload(exc.plugin, exc.reason)

    def info(self) -> list[PluginInfo]:
        out = []
        for name, plugin in self.list_name_plugin():
            if plugin is None:
                continue
            hooks = tuple(sorted(h.name for h in self.get_hookcallers(plugin) or []))
            out.append(
                PluginInfo(name, self.versions.get(name, "?"), hooks, name in self.builtin,
                           self.contracts.get(name))
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
        """Call a ``register_*`` hook, giving each plugin a callback that knows its name.

        Plugins are called in the order they were loaded: the built-ins first, then installed
        plugins. So a name a built-in declared stays the built-in's, and when two plugins
        declare one id (or one alias), the error (or the lost alias) belongs to the later one.
        """
        caller = getattr(self.hook, hook_name)
        loaded = {name: index for index, (name, _) in enumerate(self.list_name_plugin())}
        impls = sorted(caller.get_hookimpls(), key=lambda i: loaded.get(i.plugin_name, 0))
        for impl in impls:
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


def _compatible(contract: str) -> bool:
    return contract.split(".")[0] == hookspecs.HOOK_CONTRACT_VERSION.split(".")[0]


def _reason(exc: Exception) -> str:
    return exc.reason if isinstance(exc, PluginError) else f"{type(exc).__name__}: {exc}"


def _allowed() -> set[str] | None:
    raw = os.environ.get("CLAIMTRACK_LOAD_PLUGINS")
    if raw is None:
        return None
    return {part.strip() for part in raw.split(",") if part.strip()}


def _builtin_version() -> str:
    from claimtrack import __version__

    return __version__


def register_builtins(pm: PluginManager, allowed: set[str] | None = None) -> None:
    """Register the built-in plugins (those in ``allowed``, if given) with ``pm``."""
    for module_name in DEFAULT_PLUGINS:
        if allowed is not None and module_name not in allowed:
            continue
        try:
            module = importlib.import_module(module_name)
            pm.register_module(module_name, module, _builtin_version(), builtin=True)
        except Exception as exc:
            pm.failures.append(LoadFailure(module_name, _reason(exc)))


def load_plugins() -> PluginManager:
    pm = PluginManager()
    allowed = _allowed()
    register_builtins(pm, allowed)
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
                pm.failures.append(LoadFailure(ep.name, _reason(exc)))
    if os.environ.get("CLAIMTRACK_TRACE_PLUGINS"):
        pm.trace.root.setwriter(lambda msg: print(msg, end="", file=sys.stderr))
        pm.enable_tracing()
    return pm
