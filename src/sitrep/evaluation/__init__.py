"""Evaluation on gold data: a registry of tasks, each scoring pipeline output against a file.

A task declares the stages it needs and a scorer ``(records, results) -> metrics``; the
framework reads the gold JSONL (``../shared/gold`` format), runs the pipeline on its texts and
hands both to the scorer. ``sitrep eval TASK FILE`` and the CI eval gate (``eval/gate.py``)
both go through :func:`evaluate`. Each module of ``sitrep.evaluation.tasks`` registers its
tasks with :func:`task` on import.
"""

from sitrep.evaluation.framework import (
    TASK_PACKAGE,
    EvalTask,
    Report,
    evaluate,
    get_task,
    registered_tasks,
    task,
)
from sitrep.evaluation.gold import read_gold

__all__ = [
    "TASK_PACKAGE",
    "EvalTask",
    "Report",
    "evaluate",
    "get_task",
    "read_gold",
    "registered_tasks",
    "task",
]
