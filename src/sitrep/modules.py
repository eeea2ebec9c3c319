"""Finding the modules of a package, for registries that import them on first use."""

from __future__ import annotations

import importlib
import pkgutil


def iter_modules(package: str) -> list[str]:
    """The dotted names of every module under ``package`` (recursively), sorted."""
    root = importlib.import_module(package)
    paths = getattr(root, "__path__", None)
    if paths is None:
        return []
    return sorted(
        info.name
        for info in pkgutil.walk_packages(paths, prefix=f"{package}.")
        if not info.name.rsplit(".", 1)[-1].startswith("_")
    )
