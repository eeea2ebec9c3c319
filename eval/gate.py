"""The CI eval gate: every metric in ``eval/floors.json`` must reach its floor.

Each gate runs one eval task on the first ``limit`` records of a gold file (a path relative to
the gold root: ``$SITREP_GOLD``, else ``../shared/gold`` beside the project) and compares the
listed metrics with their floors. A floor is raised when a change improves the metric and is
never lowered without a CHANGELOG entry saying why.

    python eval/gate.py            # all gates; exit 1 if any metric is below its floor
    python eval/gate.py --task geo # only the gates of one task
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "eval" / "floors.json"


def gold_root() -> Path:
    return Path(os.environ.get("SITREP_GOLD", ROOT.parent / "shared" / "gold"))


@dataclass
class Check:
    task: str
    file: str
    metric: str
    floor: float
    value: float | None

    @property
    def ok(self) -> bool:
        return self.value is not None and self.value >= self.floor - 1e-9


def load_gates(path: Path = FLOORS) -> list[dict[str, Any]]:
    gates = json.loads(path.read_text(encoding="utf-8"))["gates"]
    for gate in gates:
        missing = {"task", "file", "floors"} - set(gate)
        if missing:
            raise ValueError(f"{path}: a gate lacks {', '.join(sorted(missing))}: {gate}")
    return list(gates)


def run_gates(
    task: str | None = None, root: Path | None = None, floors: Path = FLOORS
) -> list[Check]:
    from sitrep.evaluation import evaluate

    root = root or gold_root()
    checks: list[Check] = []
    for gate in load_gates(floors):
        if task and gate["task"] != task:
            continue
        gold = root / gate["file"]
        if not gold.is_file():
            raise FileNotFoundError(f"gold file {gold} is missing (set SITREP_GOLD)")
        report = evaluate(gate["task"], gold, limit=gate.get("limit"))
        print(
            f"{gate['task']} {gate['file']} (limit {gate.get('limit')}): "
            f"{report.documents} documents in {report.seconds:.1f}s",
            file=sys.stderr,
        )
        for metric, floor in gate["floors"].items():
            value = report.metrics.get(metric)
            checks.append(
                Check(gate["task"], gate["file"], metric, float(floor),
                      None if value is None else float(value))
            )
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", help="only the gates of this task")
    parser.add_argument("--floors", type=Path, default=FLOORS, help="the floors file")
    args = parser.parse_args(argv)
    checks = run_gates(args.task, floors=args.floors)
    for check in checks:
        shown = "missing" if check.value is None else f"{check.value:.4f}"
        status = "ok  " if check.ok else "FAIL"
        print(f"{status} {check.task:12} {check.file:40} {check.metric:28} "
              f"{shown:>8} >= {check.floor:.4f}")
    failed = [c for c in checks if not c.ok]
    print(f"{len(checks) - len(failed)}/{len(checks)} metrics at or above their floors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
