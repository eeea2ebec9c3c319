"""The ``sitrep`` command line: one command group per module, data on stdout, logs on stderr.

Exit codes: 0 ok, 1 some documents failed (each one reported), 2 usage or setup error.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from sitrep.cli.common import run_guarded

# (module, attribute) of each command, imported only when the CLI starts.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("sitrep.cli.extract", "extract"),
    ("sitrep.cli.run", "run"),
    ("sitrep.cli.events", "events"),
    ("sitrep.cli.export", "export"),
    ("sitrep.cli.eval", "eval_command"),
    ("sitrep.cli.pipeline", "pipeline"),
    ("sitrep.cli.gazetteer", "gazetteer"),
    ("sitrep.cli.doctor", "doctor"),
    ("sitrep.cli.doctor", "version"),
    ("sitrep.cli.doctor", "schema"),
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep", prog_name="sitrep")
def cli() -> None:
    """sitrep: conflict events from news reports, with evidence for every value.

    \b
    Example:
      sitrep run examples/ --db events.db
      sitrep events --db events.db --country AZE
    """


def _attach() -> None:
    for module, attribute in COMMANDS:
        try:
            command = getattr(importlib.import_module(module), attribute)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        cli.add_command(command)


_attach()


def main(argv: list[str] | None = None) -> Any:
    return run_guarded(cli, argv)
