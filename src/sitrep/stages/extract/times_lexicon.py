"""The time-expression lexicon: month, weekday, number, unit and holiday words.

Read from ``sitrep/data/times/lexicon.toml`` (format in that folder's README.md) once per
process; :mod:`times_rules <sitrep.stages.extract.times_rules>` builds its patterns from it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    vague_references: dict[str, tuple[str, str]]
    sets: dict[str, str]
    holidays: dict[str, str]
    holidays_nth_weekday: dict[str, tuple[int, int, int]]
    tense: dict[str, frozenset[str]]
    named_days: tuple[str, ...] = ()
    holidays_easter: dict[str, int] = field(default_factory=dict)
    """Movable feasts: days from Easter Sunday; the weeks of ``easter_weeks`` are ISO weeks."""
    easter_weeks: tuple[str, ...] = ()
    year_names: frozenset[str] = frozenset()
    """Capitalised words a year may follow in a date ("AD 1066"); see :attr:`calendar_words`."""

    @property
    def full_months(self) -> list[str]:
        """Month names that are not a prefix of a longer one ("may", "june", "september")."""
        return [m for m in self.months if not any(o != m and o.startswith(m) for o in self.months)]

    @cached_property
    def calendar_words(self) -> frozenset[str]:
        """Every word of a month, weekday, season or holiday name, and ``year_names``: the
        capitalised words a year may follow in a date."""
        names = [
            *self.months, *self.weekdays, *self.weekday_abbreviations, *self.seasons,
            *self.holidays, *self.holidays_nth_weekday, *self.holidays_easter,
            *self.easter_weeks, *self.parts_of_day,
        ]
        words = {re.sub(r"['’]s$", "", w).strip(".") for name in names for w in name.split()}
        return frozenset(words) | self.year_names

    @property
    def month_abbreviations(self) -> list[str]:
        full = set(self.full_months)
        return [m for m in self.months if m not in full]


def read_lexicon(text: str) -> Lexicon:
    """Parse the lexicon TOML (the format in ``data/times/README.md``)."""
    data: dict[str, Any] = tomllib.loads(text)
    return Lexicon(
        months={k: int(v) for k, v in data["months"].items()},
        weekdays={k: int(v) for k, v in data["weekdays"].items()},
        weekday_abbreviations={k: int(v) for k, v in data["weekday_abbreviations"].items()},
        numbers={k: int(v) for k, v in data["numbers"].items()},
        vague_numbers=tuple(data["vague_numbers"]["words"]),
        ordinals={k: int(v) for k, v in data["ordinals"].items()},
        units={k: str(v) for k, v in data["units"].items()},
        parts_of_day={k: str(v) for k, v in data["parts_of_day"].items()},
        seasons={k: str(v) for k, v in data["seasons"].items()},
        vague_references={k: (str(v[0]), str(v[1])) for k, v in data["vague_references"].items()},
        sets={k: str(v) for k, v in data["sets"].items()},
        holidays={k: str(v) for k, v in data["holidays"].items()},
        holidays_nth_weekday={
            k: (int(v[0]), int(v[1]), int(v[2])) for k, v in data["holidays_nth_weekday"].items()
        },
        tense={k: frozenset(str(w) for w in v) for k, v in data["tense"].items()},
        named_days=tuple(str(w) for w in data.get("named_days", {}).get("names", [])),
        holidays_easter={
            k: int(v) for k, v in data.get("holidays_easter", {}).items() if k != "weeks"
        },
        easter_weeks=tuple(str(w) for w in data.get("holidays_easter", {}).get("weeks", [])),
        year_names=frozenset(str(w) for w in data.get("year_names", {}).get("words", [])),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    path = resources.files("sitrep").joinpath("data", "times", "lexicon.toml")
    return read_lexicon(path.read_text(encoding="utf-8"))


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any white space."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def number_value(text: str, lexicon: Lexicon) -> int | None:
    """The integer a number word or numeral stands for ("twenty-four", "44", "a"); None if vague."""
    phrase = re.sub(r"\s+", " ", text.lower().strip())
    if phrase in lexicon.numbers:
        return lexicon.numbers[phrase]
    words = re.split(r"[\s-]+", text.lower().replace(",", ""))
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    total = 0
    for word in words:
        if word in ("and",):
            continue
        if word == "hundred":
            total = max(total, 1) * 100
            continue
        value = lexicon.numbers.get(word)
        if value is None:
            return None
        total += value
    return total
