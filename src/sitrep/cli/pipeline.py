"""``sitrep pipeline``: list the registered stages and check a pipeline's order."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from sitrep.cli.common import config_options, load_config
from sitrep.pipeline.registry import check_order, registered


@click.group()
def pipeline() -> None:
    """Inspect the stage registry and the configured pipeline.

    \b
    Example:
      sitrep pipeline check
      sitrep pipeline stages
    """


@pipeline.command("stages")
def stages_command() -> None:
    """List every registered stage with what it requires and assigns.

    \b
    Example:
      sitrep pipeline stages
    """
    table = Table("stage", "requires", "assigns", "description")
    for info in registered():
        table.add_row(
            info.name, ", ".join(info.requires), ", ".join(info.assigns), info.description
        )
    Console().print(table)


@pipeline.command("check")
@click.option(
    "--stages",
    "names",
    default=None,
    help="Comma-separated stage names to check instead of the configured ones.",
)
@config_options
def check_command(names: str | None, config_path: str | None, overrides: tuple[str, ...]) -> None:
    """Check that each stage's requirements are met by the stages before it.

    Prints the stages in order and exits 0, or names the first unmet requirement and exits 2.

    \b
    Example:
      sitrep pipeline check
      sitrep pipeline check --stages nlp.spacy.v1,extract.places.v1
    """
    config = load_config(config_path, overrides)
    stage_names = names.split(",") if names else list(config["pipeline"]["stages"])
    infos = check_order(s.strip() for s in stage_names)
    for number, info in enumerate(infos, 1):
        click.echo(
            f"{number}. {info.name}  requires: {', '.join(info.requires) or '-'}  "
            f"assigns: {', '.join(info.assigns) or '-'}"
        )
    click.echo(f"ok: {len(infos)} stages in a valid order")
