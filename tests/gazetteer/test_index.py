"""The in-memory index: lookups by any spelling, most populous first, match quality."""

from __future__ import annotations

import time

from sitrep.gazetteer import Gazetteer


def tiny() -> Gazetteer:
    gaz = Gazetteer()
    big = gaz.add("Springfield", lat=39.8, lon=-89.6, feature="populated_place",
                  country="USA", population=114_000, geonameid=4250542, admin1="Illinois")
    small = gaz.add("Springfield", lat=37.2, lon=-93.3, feature="populated_place",
                    country="USA", population=16_000, geonameid=4409896)
    gaz.add_name("Springfield", big)
    gaz.add_name("Springfield", small)
    gaz.add_name("Old Town", small, other=True)
    gaz.freeze()
    return gaz


def test_lookup_returns_most_populous_first_with_fields():
    found = tiny().lookup("springfield")
    assert [e.population for e in found] == [114_000, 16_000]
    assert found[0].geonameid == "4250542"
    assert found[0].admin1 == "Illinois"
    assert found[0].country == "USA"
    assert found[0].match == 2


def test_lookup_marks_names_that_are_not_the_main_one():
    (entry,) = tiny().lookup("Old Town")
    assert entry.name == "Springfield" and entry.match == 0


def test_unknown_name_gives_nothing_and_places_without_coordinates_have_none():
    gaz = tiny()
    assert gaz.lookup("Nowhere") == []
    index = gaz.add("Lost", lat=None, lon=None, feature="region", country=None)
    gaz.add_name("Lost", index)
    (entry,) = gaz.lookup("Lost")
    assert entry.lat is None and entry.country is None and entry.geonameid is None


def test_lookup_takes_well_under_a_millisecond():
    gaz = tiny()
    started = time.perf_counter()
    for _ in range(1000):
        gaz.lookup("Springfield")
    assert (time.perf_counter() - started) / 1000 < 0.001


def test_county_town_is_the_namesake_town_of_the_same_state():
    from sitrep.gazetteer.build import _county_town

    gaz = tiny()
    assert _county_town(gaz, "Springfield County", "Illinois") == 0
    assert _county_town(gaz, "Springfield County", "Ohio") is None
    assert _county_town(gaz, "Springfield", "Illinois") is None  # no type word: no namesake
    assert _county_town(gaz, "Old Town County", "Illinois") is None
