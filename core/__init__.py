"""claimtrack: who claimed which figure about which incident, and where sources disagree."""

from importlib.metadata import PackageNotFoundError, version

import pluggy

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"

hookimpl = pluggy.HookimplMarker("claimtrack")

__all__ = ["__version__", "hookimpl"]
