"""What the tests share besides fixtures: paths, reading JSONL, running the real CLI."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "karabakh-2023-09-19.txt"
README_PATH = ROOT / "README.md"
GOLD = ROOT.parent / "shared" / "gold"


def read_jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def sitrep(*args: str, stdin: str | None = None) -> Outcome:
    """``sitrep ARGS`` as a user runs it: exit codes 0/1/2, data on stdout, logs on stderr."""
    runner = CliRunner()
    with runner.isolation(input=stdin) as streams:
        try:
            code = main(list(args)) or 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()
        sys.stderr.flush()
        out, err = streams[0].getvalue(), streams[1].getvalue()
    return Outcome(int(code), out.decode("utf-8"), err.decode("utf-8"))
