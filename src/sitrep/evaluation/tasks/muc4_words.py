"""How the MUC-4 mapping reads a phrase: its words as GRIT normalises them, a word-class test
that takes plurals too ("buses", "missionaries", "gunmen"), and the count words shared by the
incident rules (:mod:`~sitrep.evaluation.tasks.muc4_incidents`) and the role-filler rules
(:mod:`~sitrep.evaluation.tasks.muc4_fillers`)."""

from __future__ import annotations

from sitrep.evaluation.tasks.grit import normalise

NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                     "ten"})
VAGUE = frozenset({"several", "some", "many", "few", "various", "numerous"})


def _words(text: str) -> list[str]:
    return normalise(text).split()


def _in_class(word: str, words: frozenset[str]) -> bool:
    return (word in words or word.rstrip("s") in words
            or (word.endswith("es") and word[:-2] in words)  # "buses", "branches"
            or (word.endswith("ies") and word[:-3] + "y" in words)  # "missionaries"
            or (word.endswith("men") and word[:-3] + "man" in words))  # "gunmen"

