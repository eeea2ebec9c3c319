"""The casualty lexicon (``sitrep/data/counts/lexicon.toml``), loaded once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CATEGORIES = ("killed", "injured", "abducted", "arrested", "displaced")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    """transitive verb lemma -> category"""
    intransitive: dict[str, str]
    adjectives: dict[str, str]
    nouns: dict[str, str]
    objects: dict[str, tuple[str, frozenset[str]]]
    """object noun -> (category, verbs it goes with)"""
    killed_after_verb: tuple[str, ...]
    killed_verb_particles: frozenset[str]
    civilians: frozenset[str]
    combatants: frozenset[str]
    persons: frozenset[str]
    not_people: frozenset[str]
    increment: frozenset[str]
    total: frozenset[str]
    breakdown: tuple[str, ...]
    speech_verbs: frozenset[str]
    alleged: frozenset[str]
    denied: frozenset[str]
    related_types: dict[str, frozenset[str]]


def _words(items: list[str]) -> frozenset[str]:
    return frozenset(item.lower() for item in items)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The casualty words of the data file."""
    raw = tomllib.loads(
        resources.files("sitrep").joinpath("data/counts/lexicon.toml").read_text("utf-8")
    )
    verbs: dict[str, str] = {}
    intransitive: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    nouns: dict[str, str] = {}
    objects: dict[str, tuple[str, frozenset[str]]] = {}
    for category in CATEGORIES:
        table = raw["categories"][category]
        for word in table.get("verbs", []):
            verbs.setdefault(word, category)
        for word in table.get("intransitive", []):
            intransitive.setdefault(word, category)
        for word in table.get("adjectives", []):
            adjectives.setdefault(word, category)
        for word in table.get("nouns", []):
            nouns.setdefault(word, category)
        for word in table.get("objects", []):
            objects.setdefault(word, (category, _words(table.get("object_verbs", []))))
    victims = raw["victims"]
    markers = raw["markers"]
    attribution = raw["attribution"]
    return Lexicon(
        verbs=verbs,
        intransitive=intransitive,
        adjectives=adjectives,
        nouns=nouns,
        objects=objects,
        killed_after_verb=tuple(raw["phrases"]["killed_after_verb"]),
        killed_verb_particles=_words(raw["phrases"]["killed_verb_particles"]),
        civilians=_words(victims["civilians"]),
        combatants=_words(victims["combatants"]),
        persons=_words(victims["persons"]) | _words(victims["civilians"])
        | _words(victims["combatants"]),
        not_people=_words(victims["not_people"]),
        increment=_words(markers["increment"]),
        total=_words(markers["total"]),
        breakdown=tuple(markers["breakdown"]),
        speech_verbs=_words(attribution["speech_verbs"]),
        alleged=_words(attribution["alleged"]),
        denied=_words(attribution["denied"]),
        related_types={k: frozenset(v) for k, v in raw["related_types"].items()},
    )
