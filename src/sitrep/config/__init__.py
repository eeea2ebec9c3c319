"""Configuration: packaged defaults, then an optional user file, then command-line overrides.

Sections are tables of ``default.toml`` (``pipeline``, ``ingest``, ``nlp``, one per stage
that takes settings). A user file has the same shape and only needs the keys it changes;
``--set section.key=value`` parses ``value`` as a TOML literal (``3``, ``true``, ``["a"]``)
and falls back to a plain string.
"""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

USER_FILE = Path("~/.config/sitrep/config.toml")


def defaults() -> dict[str, Any]:
    text = resources.files("sitrep.config").joinpath("default.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], update: Mapping[str, Any], where: str) -> None:
    for key, value in update.items():
        if isinstance(value, Mapping):
            section = base.setdefault(key, {})
            if not isinstance(section, dict):
                raise ConfigError(f"{where}: {key!r} is a value, not a section")
            _merge(section, value, where)
        else:
            base[key] = value


def _parse_override(item: str) -> tuple[list[str], Any]:
    key, sep, raw = item.partition("=")
    path = key.strip().split(".")
    if not sep or len(path) < 2 or not all(path):
        raise ConfigError(f"--set {item!r}: expected section.key=value")
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return path, value


def load(
    path: str | os.PathLike[str] | None = None, overrides: Iterable[str] = ()
) -> dict[str, Any]:
    """The effective configuration as a nested dict."""
    config = copy.deepcopy(defaults())
    user = Path(path) if path else None
    if user is None:
        env = os.environ.get("SITREP_CONFIG")
        user = Path(env) if env else USER_FILE.expanduser()
        if not env and not user.exists():
            user = None
    if user is not None:
        try:
            _merge(config, tomllib.loads(user.read_text("utf-8")), str(user))
        except FileNotFoundError:
            raise ConfigError(f"config file {user} does not exist") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {user}: {exc}") from None
    for item in overrides:
        keys, value = _parse_override(item)
        node = config
        for key in keys[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise ConfigError(f"--set {item!r}: {key!r} is a value, not a section")
        node[keys[-1]] = value
    return config
