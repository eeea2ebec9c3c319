"""The geo scorer: recognition P/R/F1 (exact, overlap), acc@161 km, median error."""

from __future__ import annotations

import pytest

from sitrep.evaluation.tasks.geo import is_toponym, score_geo
from sitrep.schema import ArticleResult, Mentions, Place, Span

TEXT = "Shelling hit Brask and Kardon, and the city of Lundby. Russian troops left."


def place(start: int, end: int, lat: float | None, lon: float | None) -> Place:
    return Place(span=Span.of(TEXT, start, end), name=TEXT[start:end], lat=lat, lon=lon,
                 feature="populated_place" if lat is not None else "other",
                 score=0.9 if lat is not None else 0.0)


def gold(start: int, end: int, lat: float | None, lon: float | None, kind: str | None = None):
    return {"start": start, "end": end, "text": TEXT[start:end], "lat": lat, "lon": lon,
            "kind": kind, "geonameid": None, "country": None}


RECORDS = [{"text": TEXT, "published": None, "gold": {"toponyms": [
    gold(13, 18, 45.0, 20.0),                               # Brask
    gold(23, 29, 10.0, -60.0),                              # Kardon
    gold(39, 53, 44.0, 21.0, kind="Literal_Expression"),    # "city of Lundby": not a toponym
    gold(51, 53, None, None),                               # a sliver of "Lundby", no coords
    gold(55, 62, None, None, kind="Demonym"),               # Russian
]}}]


def results(*places: Place) -> list[ArticleResult]:
    return [ArticleResult(id="a", mentions=Mentions(places=list(places)))]


def test_is_toponym_leaves_out_generic_expressions():
    assert is_toponym({"kind": "Literal"}) and is_toponym({"kind": None})
    assert not is_toponym({"kind": "Non_Toponym"})


def test_perfect_recognition_and_resolution():
    metrics = score_geo(RECORDS, results(
        place(13, 18, 45.0, 20.0), place(23, 29, 10.0, -60.0), place(47, 53, None, None),
        place(55, 62, None, None)))
    assert metrics["gold"] == 4 and metrics["gold_coords"] == 2
    assert metrics["overlap_f1"] == pytest.approx(1.0)
    assert metrics["exact_recall"] == pytest.approx(3 / 4)
    assert metrics["acc161"] == pytest.approx(1.0)
    assert metrics["median_km"] == pytest.approx(0.0)


def test_far_resolution_counts_wrong_and_misses_count_end_to_end():
    metrics = score_geo(RECORDS, results(place(13, 18, 45.0, 23.0)))  # ~236 km east
    assert metrics["resolved"] == 1
    assert metrics["acc161"] == 0.0 and metrics["acc161_resolved"] == 0.0
    assert 200 < metrics["median_km"] < 260
    assert metrics["overlap_recall"] == pytest.approx(1 / 4)
    assert metrics["overlap_precision"] == pytest.approx(1.0)


def test_nouns_metrics_leave_demonyms_out():
    metrics = score_geo(RECORDS, results(place(13, 18, 45.0, 20.0), place(23, 29, 10.0, -60.0),
                                         place(47, 53, None, None)))
    assert metrics["overlap_recall"] == pytest.approx(3 / 4)
    assert metrics["overlap_recall_nouns"] == pytest.approx(1.0)


def test_lenient_precision_forgives_predictions_on_any_annotation():
    metrics = score_geo(RECORDS, results(place(39, 43, None, None)))  # "city" of the expression
    assert metrics["overlap_precision"] == 0.0
    assert metrics["lenient_precision"] == pytest.approx(1.0)
