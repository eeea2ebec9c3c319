"""Shared fixtures: the fixture folder, a click runner, a folder of good and bad documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from support import FIXTURES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    """A good article, an empty file, a binary file, a JSONL file with one malformed line and
    a 50 MB text file (over the 2 MB default text limit), in nested folders."""
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    (folder / "good-2024-03-04.txt").write_text(
        (FIXTURES / "shelling-report.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nested" / "photo.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "nested" / "feed.jsonl").write_text(
        (FIXTURES / "articles.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    line = "Shelling was reported again in the district overnight. " * 20 + "\n"
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        for _ in range((50 * 1024 * 1024) // len(line) + 1):
            handle.write(line)
    return folder
