"""What the commands share: config options, error handling, progress bars on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from sitrep import config as config_module
from sitrep.errors import SitrepError

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

stderr = Console(stderr=True, highlight=False)

EXIT_OK, EXIT_FAILED_DOCS, EXIT_USAGE = 0, 1, 2


def config_options(func: F) -> F:
    """``--config FILE`` and repeatable ``--set section.key=value``."""
    func = click.option(
        "--set",
        "overrides",
        multiple=True,
        metavar="SECTION.KEY=VALUE",
        help="Override one setting, e.g. --set pipeline.batch_size=32.",
    )(func)
    func = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="A TOML file overriding the packaged defaults.",
    )(func)
    return func


def load_config(config_path: str | None, overrides: Iterable[str]) -> dict[str, Any]:
    return config_module.load(config_path, overrides)


def progress(
    items: Iterable[T], description: str, total: int | None = None, enabled: bool = True
) -> Iterator[T]:
    """Yield ``items`` while drawing a progress bar on stderr (only when stderr is a terminal
    or ``enabled`` is forced)."""
    if not enabled:
        yield from items
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn()]
    columns += [MofNCompleteColumn() if total else TextColumn("{task.completed} done")]
    columns += [TimeElapsedColumn()]
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)


def run_guarded(command: click.Group, argv: list[str] | None) -> Any:
    """Run the click app, turning library errors into a one-line message and exit code 2."""
    try:
        return command.main(args=argv, prog_name="sitrep", standalone_mode=False)
    except click.exceptions.Abort:
        stderr.print("aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except SitrepError as exc:
        stderr.print(f"error: {exc}", markup=False)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        sys.exit(0)
