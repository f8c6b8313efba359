"""The one family of errors the core raises; the CLI prints expected ones as a single line."""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base class for errors a user can act on (bad input, bad configuration)."""


class InputError(ClaimtrackError):
    """A document could not be read or decoded."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class PluginError(ClaimtrackError):
    """A plugin raised or returned something the core cannot accept."""

    def __init__(self, plugin: str, reason: str) -> None:
        super().__init__(f"plugin {plugin}: {reason}")
        self.plugin = plugin
        self.reason = reason


class ExportError(ClaimtrackError):
    """An export document did not validate against its schema."""
