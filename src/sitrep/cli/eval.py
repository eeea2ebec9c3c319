"""``sitrep eval TASK GOLD.jsonl``: metrics of the pipeline on a gold file."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from sitrep.cli.common import config_options, load_config, stderr
from sitrep.evaluation import evaluate, registered_tasks


@click.command("eval")
@click.argument("task_name", metavar="TASK", required=False)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option("--limit", type=int, default=None, help="Only the first N records of the file.")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("--list", "list_tasks", is_flag=True, help="List the eval tasks and exit.")
@config_options
def eval_command(
    task_name: str | None,
    gold: str | None,
    limit: int | None,
    workers: int,
    as_json: bool,
    list_tasks: bool,
    config_path: str | None,
    overrides: tuple[str, ...],
) -> None:
    """Score the pipeline on a gold file (../shared/gold format) for one TASK.

    The metrics of each task are those of the gold folder's README.

    \b
    Examples:
      sitrep eval --list
      sitrep eval geo ../shared/gold/geo/gwn.jsonl --limit 50
    """
    if list_tasks or not task_name:
        for spec in registered_tasks():
            click.echo(f"{spec.name}\t{spec.description}")
        return
    if gold is None:
        raise click.UsageError("give the gold file: sitrep eval TASK GOLD.jsonl")
    config = load_config(config_path, overrides)
    stderr.print(f"evaluating {task_name} on {gold} ...")
    report = evaluate(task_name, gold, limit=limit, workers=workers, config=config)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    table = Table(
        "metric",
        "value",
        title=f"{task_name}: {gold} ({report.documents} documents, {report.seconds:.1f} s)",
    )
    for name, value in report.metrics.items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
    Console().print(table)
