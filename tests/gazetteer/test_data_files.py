"""The curated data files of sitrep/data/places load and reject malformed lines."""

from __future__ import annotations

import pytest

from sitrep.gazetteer.build import (
    load_aliases,
    load_country_points,
    load_demonyms,
    load_regions,
    similar,
)
from sitrep.stages.extract.places_candidates import nonplaces


def test_regions_file_loads_with_valid_coordinates_and_features():
    regions = load_regions()
    assert len(regions) > 100
    names = {r.name for r in regions}
    assert {"Gaza Strip", "Donbas", "Darfur", "Kashmir", "Middle East"} <= names
    for region in regions:
        assert -90 <= region.lat <= 90 and -180 <= region.lon <= 180


def test_regions_loader_names_the_bad_line():
    with pytest.raises(ValueError, match=r"regions\.tsv:2"):
        load_regions("# header\nSomewhere\tXX\tregion\t1\t2\n")
    with pytest.raises(ValueError, match="unknown feature"):
        load_regions("Somewhere\tABC\tplanet\t1\t2\n")
    with pytest.raises(ValueError, match="out of range"):
        load_regions("Somewhere\tABC\tregion\t100\t2\n")


def test_country_points_and_aliases():
    points = load_country_points()
    assert points["USA"].lat == pytest.approx(39.76)
    assert "Britain" in points["GBR"].aliases
    with pytest.raises(ValueError):
        load_country_points("US\t1\t2\n")


def test_demonyms_map_adjectives_to_countries():
    demonyms = load_demonyms()
    assert demonyms["azerbaijani"] == "AZE"
    assert demonyms["russians"] == "RUS"


def test_aliases_file_loads():
    aliases = load_aliases()
    assert ("Calif.", "USA", "California") in aliases
    with pytest.raises(ValueError):
        load_aliases("Calif.\tUS\tCalifornia\n")


def test_nonplaces_file_loads_normalised_words():
    words = nonplaces()
    assert "monday" in words and "police" in words


def test_similar_tells_spellings_from_other_names():
    assert similar("Aghdam", "Agdam")
    assert similar("Moscou", "Moscow")
    assert not similar("Julia", "Plovdiv")


def test_curated_counties_of_great_britain_load_as_second_level_divisions():
    from sitrep.gazetteer.build import load_regions

    counties = {r.name: r for r in load_regions() if r.country == "GBR" and r.feature == "admin2"}
    assert {"Hampshire", "Norfolk", "Cheshire"} <= set(counties)
    assert all(49.5 < r.lat < 61 and -8.5 < r.lon < 2 for r in counties.values())
