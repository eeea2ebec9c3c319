"""The event lexicons of ``extract.events.v1``: triggers, refinement cues, word classes.

The files live in ``sitrep/data/events/`` (format in its README.md): ``triggers.tsv`` maps a
lemma or lemma sequence to a PLOVER type and mode and an ACLED sub-event type, with optional
syntactic constraints; ``refine.tsv`` holds the cues (weapons, who acts, how a protest went)
that make an event's mode and ACLED sub-event type more specific; ``classes.tsv`` the word
classes (civilians, combatants, facilities, weapons, irrealis verbs...); ``acled.tsv`` the
ACLED event type of each sub-event type. Loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError

POS_GROUPS = {"V": frozenset({"VERB"}), "N": frozenset({"NOUN", "PROPN"})}
VALUE_CONSTRAINTS = frozenset(
    {"obj", "notobj", "mod", "notmod", "gov", "notctx", "subj", "notsubj", "dep", "notdep", "prep",
     "arg"}
)
FLAG_CONSTRAINTS = frozenset({"agent", "comp", "intrans"})


class LexiconError(SitrepError):
    """A lexicon file is malformed."""


@dataclass(frozen=True)
class TriggerEntry:
    lemmas: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    acled: str | None
    weight: int
    values: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    flags: frozenset[str] = frozenset()

    def pos_ok(self, pos: str) -> bool:
        return (self.pos == "*" and pos in ("VERB", "NOUN", "PROPN")) or pos in POS_GROUPS.get(
            self.pos, frozenset()
        )


@dataclass(frozen=True)
class RefineRule:
    cue: tuple[str, ...]
    where: str
    applies_to: str
    mode: str | None
    acled: str | None
    priority: int


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, list[TriggerEntry]]
    """Entries by their first lemma, longest first."""
    refine: list[RefineRule]
    classes: dict[str, frozenset[str]]
    acled_types: dict[str, str]
    known_words: frozenset[str] = frozenset()
    """Common English words (the spaCy model's lemma index): a lower-cased word outside it is
    probably a name, which is how names are told from nouns in case-less text."""

    def cls(self, name: str) -> frozenset[str]:
        return self.classes.get(name, frozenset())

    def mutual(self, word: str) -> bool:
        """A word that names fighting between two sides ("clash", "fighting", "battle"): all
        its one-word entries are ACLED armed clashes, so "with X" and "between X and Y" name
        the sides."""
        entries = [e for e in self.triggers.get(word, ()) if len(e.lemmas) == 1]
        return bool(entries) and all(e.acled == "Armed clash" for e in entries)


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != width:
            raise LexiconError(f"{path.name}:{number}: expected {width} TAB-separated fields")
        rows.append((number, parts))
    return rows


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value


def parse_constraints(
    text: str, where: str, classes: dict[str, set[str]] | None = None
) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """``obj=a|@weapon;agent`` -> ({"obj": ("a", <the weapon class>...)}, {"agent"})."""
    values: dict[str, tuple[str, ...]] = {}
    flags: set[str] = set()
    if text in ("", "-"):
        return values, frozenset()
    for item in text.split(";"):
        item = item.strip()
        if "=" in item:
            key, _, rest = item.partition("=")
            if key not in VALUE_CONSTRAINTS:
                raise LexiconError(f"{where}: unknown constraint {key!r}")
            words: list[str] = []
            for value in (v.strip().lower() for v in rest.split("|") if v.strip()):
                if value.startswith("@"):
                    if classes is None or value[1:] not in classes:
                        raise LexiconError(f"{where}: unknown word class {value!r}")
                    words.extend(sorted(classes[value[1:]]))
                else:
                    words.append(value)
            values[key] = tuple(words)
        elif item in FLAG_CONSTRAINTS:
            flags.add(item)
        else:
            raise LexiconError(f"{where}: unknown constraint {item!r}")
    return values, frozenset(flags)


def load_lexicon(directory: Path) -> Lexicon:
    """Read the four lexicon files of ``directory``."""
    acled_types = {sub: kind for _, (sub, kind) in _rows(directory / "acled.tsv", 2)}
    classes: dict[str, set[str]] = {}
    for _, (name, words) in _rows(directory / "classes.tsv", 2):
        classes.setdefault(name, set()).update(w.lower() for w in words.split())
    triggers: dict[str, list[TriggerEntry]] = {}
    for number, (lemmas, pos, type_, mode, acled, weight, cons) in _rows(
        directory / "triggers.tsv", 7
    ):
        where = f"triggers.tsv:{number}"
        if pos not in ("V", "N", "*"):
            raise LexiconError(f"{where}: pos must be V, N or *")
        sub = _opt(acled)
        if sub is not None and sub not in acled_types:
            raise LexiconError(f"{where}: unknown ACLED sub-event type {sub!r}")
        values, flags = parse_constraints(cons, where, classes)
        entry = TriggerEntry(
            lemmas=tuple(lemmas.lower().split()),
            pos=pos,
            type=type_.upper(),
            mode=_opt(mode),
            acled=sub,
            weight=int(weight),
            values=values,
            flags=flags,
        )
        triggers.setdefault(entry.lemmas[0], []).append(entry)
    for entries in triggers.values():
        entries.sort(key=lambda e: -len(e.lemmas))  # stable: file order within a length
    refine: list[RefineRule] = []
    for number, (cue, where_, applies, mode, acled, priority) in _rows(
        directory / "refine.tsv", 6
    ):
        sub = _opt(acled)
        if sub is not None and sub not in acled_types:
            raise LexiconError(f"refine.tsv:{number}: unknown ACLED sub-event type {sub!r}")
        refine.append(
            RefineRule(tuple(cue.lower().split()), where_, applies, _opt(mode), sub, int(priority))
        )
    return Lexicon(
        triggers=triggers,
        refine=refine,
        classes={k: frozenset(v) for k, v in classes.items()},
        acled_types=acled_types,
    )


@lru_cache(maxsize=4)
def default_lexicon(directory: str | None = None, model: str | None = None) -> Lexicon:
    """The packaged lexicon (or the one in ``directory``), loaded once per process, with the
    common words of spaCy model package ``model`` when given."""
    if directory is not None:
        lex = load_lexicon(Path(directory))
    else:
        with resources.as_file(resources.files("sitrep") / "data" / "events") as path:
            lex = load_lexicon(Path(path))
    if model:
        lex = replace(lex, known_words=known_words(model))
    return lex


def known_words(model: str) -> frozenset[str]:
    """The words of the lemmatizer's index of spaCy model ``model`` (empty if unavailable)."""
    from sitrep.stages.nlp import load_model

    try:
        nlp = load_model(model)
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")
    except Exception:
        return frozenset()
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(str(w) for w in index.get(pos, []))
    return frozenset(words)
