"""The quote and claim lexicons in ``sitrep/data/quotes/`` (format: that folder's README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

Status = Literal["reported", "alleged", "denied", "disputed"]
STATUSES: tuple[Status, ...] = ("reported", "alleged", "denied", "disputed")


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    status: Status | None
    """None: the content is not asserted ("wants to", "vowed to"), so it makes no claim."""
    np: bool = False
    """The direct object is the content ("announced the operation")."""
    inf: bool = False
    """An infinitive or xcomp is the content ("vowed to respond")."""
    preps: tuple[str, ...] = ()
    """Prepositions whose object is the content ("accused X of ...")."""
    clause: bool = False
    """An evidential hedge with no speaker: its whole clause is the content ("X seems to ...")."""
    label: bool = False
    """The object is the content only with a predicate ("sees X as Y", "considers X Y")."""
    passive: bool = False
    """In the passive with no agent and a complement, nobody's: the whole clause is the content,
    held as an expectation ("X is expected to win")."""
    physical: bool = False
    """The verb also names a physical act ("attacked the base", "blasted the bridge"): no
    attribution where its subject or object is an armed force, a weapon, a structure or a place."""


@dataclass(frozen=True)
class CueWord:
    """A cue noun (``nouns.tsv``) or adjective (``adjectives.tsv``) and its content slots."""

    lemma: str
    status: Status | None
    """None: a plan, wish or stance ("proposal to", "support for"), not an assertion."""
    inf: bool = False
    """An infinitive after the noun is the content ("a call to boycott ...")."""
    preps: tuple[str, ...] = ()
    """Prepositions whose object is the content ("criticism of X")."""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, SpeechVerb]
    nouns: dict[str, CueWord]
    adjectives: dict[str, CueWord]
    cues: dict[tuple[str, ...], Status]
    hedges: dict[tuple[str, ...], Status]
    anaphors: dict[str, str]
    """event noun -> scope: ``any`` (refers to any event told before) or ``kind``"""
    speakers: frozenset[str]
    evidence: frozenset[str]
    rubrics: frozenset[str]
    nonverbs: frozenset[str]
    """Verbs with a clause that is no one's speech or thought ("made sure that", "let")."""
    things: frozenset[str]
    """Nouns of actions, plans and laws: no one who wants, plans or threatens ("the bill seeks")."""
    sourcing: dict[str, frozenset[str]]
    """Per slot (head, passive, on), the words of a sourcing remark ("requested anonymity")."""


def _rows(name: str) -> list[list[str]]:
    path = resources.files("sitrep").joinpath("data", "quotes", name)
    rows: list[list[str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not fields[0]:
            raise ValueError(f"data/quotes/{name}:{number}: empty first field")
        rows.append(fields)
    return rows


def _anaphors() -> dict[str, str]:
    scopes: dict[str, str] = {}
    for fields in _rows("anaphors.tsv"):
        scope = fields[1] if len(fields) > 1 else ""
        if scope not in ("any", "kind"):
            raise ValueError(
                f"data/quotes/anaphors.tsv: {fields[0]}: scope {scope!r} is not any or kind"
            )
        scopes[fields[0].lower()] = scope
    return scopes


def _status(value: str, where: str) -> Status:
    for status in STATUSES:
        if value == status:
            return status
    raise ValueError(f"{where}: unknown status {value!r} (one of {', '.join(STATUSES)})")


def _verb(fields: list[str]) -> SpeechVerb:
    if len(fields) != 3:
        raise ValueError(f"data/quotes/verbs.tsv: {fields[0]!r} needs lemma, status, frames")
    frames = _frames(fields[2], _VERB_FRAMES, f"data/quotes/verbs.tsv: {fields[0]!r}")
    return SpeechVerb(
        lemma=fields[0].lower(),
        status=None if fields[1] == "-" else _status(fields[1], f"verbs.tsv {fields[0]!r}"),
        np="np" in frames,
        inf="inf" in frames,
        preps=_preps(frames),
        clause="clause" in frames,
        label="label" in frames,
        passive="passive" in frames,
        physical="physical" in frames,
    )


_VERB_FRAMES = frozenset({"np", "inf", "clause", "label", "passive", "physical"})


def _frames(cell: str, allowed: frozenset[str], where: str) -> list[str]:
    """The comma-separated frames of a data row ("-" or empty: none); ``prep:X`` is always
    allowed, any other frame outside ``allowed`` is an error naming the row."""
    frames = [f.strip() for f in cell.split(",") if f.strip() and f.strip() != "-"]
    unknown = [f for f in frames if f not in allowed and not f.startswith("prep:")]
    if unknown:
        raise ValueError(f"{where} has unknown frames {unknown}")
    return frames


def _preps(frames: list[str]) -> tuple[str, ...]:
    """The prepositions of the ``prep:X`` frames ("prep:of" -> "of")."""
    return tuple(f.split(":", 1)[1] for f in frames if f.startswith("prep:"))


def _cue_word(fields: list[str], name: str) -> CueWord:
    if len(fields) not in (2, 3):
        raise ValueError(f"data/quotes/{name}: {fields[0]!r} needs lemma, status[, frames]")
    cell = fields[2] if len(fields) == 3 else ""
    frames = _frames(cell, frozenset({"inf"}), f"data/quotes/{name}: {fields[0]!r}")
    return CueWord(
        lemma=fields[0].lower(),
        status=None if fields[1] == "-" else _status(fields[1], f"{name} {fields[0]!r}"),
        inf="inf" in frames,
        preps=_preps(frames),
    )


def _phrases(name: str) -> dict[tuple[str, ...], Status]:
    table: dict[tuple[str, ...], Status] = {}
    for fields in _rows(name):
        if len(fields) != 2:
            raise ValueError(f"data/quotes/{name}: {fields[0]!r} needs phrase and status")
        # split as the tokenizer does, hyphens apart: "so-called" is so / - / called
        words = tuple(re.findall(r"[^\s-]+|-", fields[0].lower()))
        table[words] = _status(fields[1], f"{name} {fields[0]!r}")
    return table


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """All quote and claim lexicons, read once per process."""
    verbs = {v.lemma: v for v in (_verb(f) for f in _rows("verbs.tsv"))}
    return Lexicon(
        verbs=verbs,
        nouns={n.lemma: n for n in (_cue_word(f, "nouns.tsv") for f in _rows("nouns.tsv"))},
        adjectives={
            a.lemma: a for a in (_cue_word(f, "adjectives.tsv") for f in _rows("adjectives.tsv"))
        },
        cues=_phrases("cues.tsv"),
        hedges=_phrases("hedges.tsv"),
        anaphors=_anaphors(),
        speakers=frozenset(f[0].lower() for f in _rows("speakers.tsv")),
        evidence=frozenset(f[0].lower() for f in _rows("evidence.tsv")),
        rubrics=frozenset(f[0].lower() for f in _rows("rubrics.tsv")),
        sourcing=_sourcing(),
        nonverbs=frozenset(f[0].lower() for f in _rows("nonverbs.tsv")),
        things=frozenset(f[0].lower() for f in _rows("things.tsv")),
    )


def _sourcing() -> dict[str, frozenset[str]]:
    slots: dict[str, set[str]] = {"head": set(), "passive": set(), "on": set()}
    for fields in _rows("sourcing.tsv"):
        if len(fields) != 2 or fields[1] not in slots:
            raise ValueError(
                f"data/quotes/sourcing.tsv: {fields[0]!r} needs a slot {sorted(slots)}"
            )
        slots[fields[1]].add(fields[0].lower())
    return {slot: frozenset(words) for slot, words in slots.items()}
