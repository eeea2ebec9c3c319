"""The eval gate runs in the test suite, so CI fails when accuracy drops below a floor."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from sitrep.evaluation import registered_tasks
from support import GOLD, ROOT

spec = importlib.util.spec_from_file_location("sitrep_eval_gate", ROOT / "eval" / "gate.py")
assert spec and spec.loader
gate = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = gate  # dataclasses look their module up there
spec.loader.exec_module(gate)


def test_every_gate_names_a_registered_task_and_a_gold_file():
    names = {task.name for task in registered_tasks()}
    for entry in gate.load_gates():
        assert entry["task"] in names, entry
        assert (GOLD / entry["file"]).is_file(), entry
        assert entry["floors"], entry


def test_floors_file_is_valid_json_with_gates():
    data = json.loads((ROOT / "eval" / "floors.json").read_text(encoding="utf-8"))
    assert isinstance(data["gates"], list)


@pytest.mark.slow
def test_eval_gate_holds():
    checks = gate.run_gates(root=GOLD)
    failed = [c for c in checks if not c.ok]
    assert not failed, "\n".join(
        f"{c.task} {c.file} {c.metric}: {c.value} < floor {c.floor}" for c in failed
    )
