"""The task registry and the loop that runs the pipeline over a gold file."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import EvalError
from sitrep.evaluation.gold import document_of, read_gold
from sitrep.modules import iter_modules
from sitrep.schema import ArticleResult

# Every module in this package registers its tasks on import (first lookup only).
TASK_PACKAGE = "sitrep.evaluation.tasks"

Metrics = dict[str, float | int]
Scorer = Callable[[list[dict[str, Any]], list[ArticleResult]], Metrics]


@dataclass(frozen=True)
class EvalTask:
    name: str
    scorer: Scorer
    stages: tuple[str, ...] | None
    """Stages to run (None: the configured default pipeline)."""
    description: str = ""
    headline: tuple[str, ...] = ()
    """The metrics worth a first look, in order (all are reported)."""


@dataclass
class Report:
    task: str
    file: str
    documents: int
    metrics: Metrics
    seconds: float
    stages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "file": self.file,
            "documents": self.documents,
            "metrics": self.metrics,
            "seconds": round(self.seconds, 2),
            "stages": self.stages,
        }


_TASKS: dict[str, EvalTask] = {}
_loaded = False


def task(
    name: str,
    *,
    stages: Iterable[str] | None,
    description: str = "",
    headline: Iterable[str] = (),
) -> Callable[[Scorer], Scorer]:
    """Register ``scorer`` as the eval task ``name``."""

    def decorator(scorer: Scorer) -> Scorer:
        _TASKS[name] = EvalTask(
            name=name,
            scorer=scorer,
            stages=tuple(stages) if stages is not None else None,
            description=description or next(iter((scorer.__doc__ or "").splitlines()), ""),
            headline=tuple(headline),
        )
        return scorer

    return decorator


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for module in iter_modules(TASK_PACKAGE):
            importlib.import_module(module)


def registered_tasks() -> list[EvalTask]:
    _load()
    return [_TASKS[name] for name in sorted(_TASKS)]


def get_task(name: str) -> EvalTask:
    _load()
    try:
        return _TASKS[name]
    except KeyError:
        known = ", ".join(sorted(_TASKS)) or "none yet"
        raise EvalError(f"no eval task {name!r} (tasks: {known})") from None


def evaluate(
    name: str,
    gold_path: str | Path,
    *,
    limit: int | None = None,
    workers: int = 1,
    config: dict[str, Any] | None = None,
) -> Report:
    """Run task ``name`` on the gold file: the pipeline over its texts, then the scorer."""
    from sitrep.pipeline.runner import Pipeline

    spec = get_task(name)
    records = read_gold(gold_path, limit)
    pipeline = Pipeline(spec.stages, config)
    started = time.perf_counter()
    results = list(pipeline.extract_many((document_of(r) for r in records), workers=workers))
    metrics = spec.scorer(records, results)
    return Report(
        task=name,
        file=str(gold_path),
        documents=len(records),
        metrics=metrics,
        seconds=time.perf_counter() - started,
        stages=pipeline.names,
    )
