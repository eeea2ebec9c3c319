"""Every command has --help with an example and is documented; documented examples parse."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from sitrep.cli import cli
from support import ROOT, sitrep

DOCS = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
        else:
            paths.append((*prefix, name))
    return paths


def documented_examples(text: str) -> list[list[str]]:
    """The ``sitrep ...`` command lines inside the code blocks of a Markdown text."""
    examples = []
    for block in re.findall(r"```(?:\w+)?\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split("|")[-1].split(">")[0].strip()
            if line.startswith("sitrep "):
                examples.append(shlex.split(line)[1:])
            elif " && sitrep " in line or line.startswith(".venv/bin/sitrep "):
                part = line[line.index("sitrep ") :]
                examples.append(shlex.split(part.split("&&")[0])[1:])
    return examples


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_has_help_with_an_example_and_is_in_the_docs(path: tuple[str, ...]):
    outcome = sitrep(*path, "--help")
    assert outcome.code == 0
    assert "Example" in outcome.stdout, f"sitrep {' '.join(path)} --help has no example"
    assert f"sitrep {' '.join(path)}" in DOCS, f"sitrep {' '.join(path)} is not in docs/cli.md"


@pytest.mark.parametrize("args", documented_examples(DOCS) + documented_examples(README),
                         ids=" ".join)
def test_documented_examples_name_real_commands_and_options(args: list[str]):
    command: click.Command = cli
    rest = list(args)
    while isinstance(command, click.Group):
        assert rest, f"{args} names a group, not a command"
        name = rest.pop(0)
        sub = command.commands.get(name)
        assert sub is not None, f"no command {name!r} in sitrep {' '.join(args)}"
        command = sub
    known = {"-h", "--help"}
    for param in command.params:
        known.update(param.opts)
        known.update(param.secondary_opts)
    for token in rest:
        if token.startswith("-") and token != "-":
            assert token.split("=")[0] in known, f"sitrep {' '.join(args)}: no option {token}"


def test_readme_first_screen_gives_setup_and_test_commands():
    first_screen = "\n".join(README.splitlines()[:40])
    assert "make demo" in first_screen
    assert "make test" in first_screen


def test_docs_mention_the_exit_codes():
    assert "Exit codes" in DOCS
    assert Path(ROOT / "docs" / "sitrep-1.schema.json").is_file()
