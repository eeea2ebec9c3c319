"""The in-memory gazetteer: compact parallel arrays of places and a name -> places map.

One :class:`Gazetteer` holds every place the builder found (countries, first- and
second-level subdivisions, GeoNames populated places, curated regions) in parallel arrays,
so a quarter of a million places stay well under the memory budget, and a dict from
normalised name to the indexes of the places with that name. :meth:`Gazetteer.lookup` is a
dict access plus a tuple build per candidate: microseconds.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from sitrep.gazetteer.names import normalize

Feature = Literal["country", "admin1", "admin2", "populated_place", "region", "other"]
FEATURES: tuple[Feature, ...] = (
    "country", "admin1", "admin2", "populated_place", "region", "other",
)
FEATURE_CODE: dict[Feature, int] = {name: code for code, name in enumerate(FEATURES)}


@lru_cache(maxsize=262_144)
def _main_key(name: str) -> str:
    return normalize(name)


class Entry(NamedTuple):
    """One place of the gazetteer, as a lookup returns it."""

    row: int
    """Position in the index's arrays."""
    name: str
    geonameid: str | None
    lat: float | None
    lon: float | None
    country: str | None
    """ISO 3166-1 alpha-3 code."""
    admin1: str | None
    feature: Feature
    population: int
    capital: bool
    coarse: bool = False
    """Its coordinates are only a rough position (a US county placed at its state's middle)."""
    match: int = 2
    """How the looked-up name matched: 2 the place's main name, 1 a spelling of it (an
    alternate name close to the main one), 0 another name (a historical or foreign name)."""


@dataclass
class Gazetteer:
    """Places in parallel arrays plus the name index (built by :mod:`sitrep.gazetteer.build`)."""

    fingerprint: str = ""
    names: list[str] = field(default_factory=list)
    lat: array[float] = field(default_factory=lambda: array("d"))
    lon: array[float] = field(default_factory=lambda: array("d"))
    population: array[int] = field(default_factory=lambda: array("q"))
    feature: array[int] = field(default_factory=lambda: array("b"))
    country: array[int] = field(default_factory=lambda: array("H"))
    admin1: array[int] = field(default_factory=lambda: array("I"))
    geonameid: array[int] = field(default_factory=lambda: array("q"))
    capitals: set[int] = field(default_factory=set)
    coarse: set[int] = field(default_factory=set)
    """Places whose coordinates are only a rough position."""
    namesake: dict[int, int] = field(default_factory=dict)
    """Coarse place -> the town of its name inside it ("Orange County" -> Orange,
    California): a finer point for the output, not used to resolve."""
    countries: list[str] = field(default_factory=lambda: [""])
    """Table of ISO3 codes; index 0 means no country."""
    admin1_names: list[str] = field(default_factory=lambda: [""])
    """Table of first-level subdivision names; index 0 means unknown."""
    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Normalised name -> places; an index ``i`` stored as ``~i`` (negative) marks a name that
    is not a spelling of the place's main name (``Entry.match == 0``)."""
    demonyms: dict[str, str] = field(default_factory=dict)
    """Normalised demonym or adjective ('azerbaijani') -> ISO3."""
    country_entry: dict[str, int] = field(default_factory=dict)
    """ISO3 -> index of the country's own entry."""

    def __len__(self) -> int:
        return len(self.names)

    # building ------------------------------------------------------------------------
    def add(
        self,
        name: str,
        *,
        lat: float | None,
        lon: float | None,
        feature: Feature,
        country: str | None,
        population: int = 0,
        geonameid: int = 0,
        admin1: str | None = None,
    ) -> int:
        """Append one place and return its index (names are added with :meth:`add_name`)."""
        index = len(self.names)
        self.names.append(name)
        self.lat.append(float("nan") if lat is None else lat)
        self.lon.append(float("nan") if lon is None else lon)
        self.population.append(population)
        self.feature.append(FEATURE_CODE[feature])
        self.country.append(self._code(self.countries, country))
        self.admin1.append(self._code(self.admin1_names, admin1))
        self.geonameid.append(geonameid)
        return index

    _tables: dict[int, dict[str, int]] = field(default_factory=dict, repr=False)

    def _code(self, table: list[str], value: str | None) -> int:
        if not value:
            return 0
        lookup = self._tables.get(id(table))
        if lookup is None:
            lookup = self._tables[id(table)] = {v: i for i, v in enumerate(table)}
        code = lookup.get(value)
        if code is None:
            code = lookup[value] = len(table)
            table.append(value)
        return code

    def add_name(self, name: str, index: int, *, other: bool = False) -> None:
        """Index ``name`` for place ``index``; ``other``: not a spelling of its main name.

        An abbreviation ending in a period ("Calif.", "D.C.") keeps the period in its key, so
        that it matches only where the text has it ("Man." but not "Man")."""
        key = normalize(name)
        if not key:
            return
        if name.endswith(".") and len(key.replace(" ", "")) <= 5:
            key += "."
        current = self.keys.get(key, ())
        if index in current or ~index in current:
            return
        self.keys[key] = (*current, ~index if other else index)

    def set_admin1(self, index: int, admin1: str) -> None:
        self.admin1[index] = self._code(self.admin1_names, admin1)

    def freeze(self) -> None:
        """Drop build-only state before pickling."""
        self._tables = {}

    # reading -------------------------------------------------------------------------
    def entry(self, index: int, match: int = 2) -> Entry:
        lat, lon = self.lat[index], self.lon[index]
        known = lat == lat  # NaN marks a place without coordinates
        gid = self.geonameid[index]
        return Entry(
            row=index,
            name=self.names[index],
            geonameid=str(gid) if gid > 0 else None,
            lat=lat if known else None,
            lon=lon if known else None,
            country=self.countries[self.country[index]] or None,
            admin1=self.admin1_names[self.admin1[index]] or None,
            feature=FEATURES[self.feature[index]],
            population=self.population[index],
            capital=index in self.capitals,
            coarse=index in self.coarse,
            match=match,
        )

    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name`` (any spelling the index knows), most populous first."""
        key = normalize(name)
        if name.endswith(".") and key + "." in self.keys:
            return self.lookup_key(key + ".")
        return self.lookup_key(key)

    def lookup_key(self, key: str) -> list[Entry]:
        """Like :meth:`lookup` for an already normalised key."""
        found = []
        for stored in self.keys.get(key, ()):
            if stored < 0:
                found.append(self.entry(~stored, 0))
            else:
                main = _main_key(self.names[stored])
                found.append(self.entry(stored, 2 if main == key else 1))
        found.sort(key=lambda e: -e.population)
        return found

    def has_key(self, key: str) -> bool:
        return key in self.keys

    def demonym(self, word: str) -> str | None:
        """The ISO3 code of a demonym or country adjective ('Azerbaijani' -> 'AZE')."""
        return self.demonyms.get(normalize(word))
