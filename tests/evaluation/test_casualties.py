"""The casualties eval task (issue 6): metrics per gold/casualties/README.md."""

from __future__ import annotations

from typing import Any

from sitrep.evaluation.tasks.casualties import date_matches, score_casualties, victims, within
from sitrep.schema import ArticleResult, Count, Event, EventDate, EventLocation, Place, Span

TEXT = "Gunmen killed 13 people in Kabul."


def _record(deaths: int, injured: int | None) -> dict[str, Any]:
    return {
        "text": TEXT,
        "published": "2016-01-06",
        "gold": {
            "deaths": deaths, "injured": injured, "lat": 34.53, "lon": 69.17,
            "country_iso3": "AFG", "start_date": "2016-01-06",
        },
    }


def _result(deaths: int | None) -> ArticleResult:
    kabul = Place(
        span=Span.of(TEXT, 27, 32), name="Kabul", lat=34.5, lon=69.2, country="AFG",
        feature="populated_place", score=0.9,
    )
    event = Event(
        id="e1", type="ASSAULT", trigger=Span.of(TEXT, 7, 13), sentence=Span.of(TEXT, 0, 33),
        fatalities=Count(best=deaths) if deaths is not None else None,
        location=EventLocation(place=kabul, precision=1),
        date=EventDate(value="2016-01-06", precision="day"),
    )
    return ArticleResult(id="x", published="2016-01-06", events=[event])


def test_within_tolerance_is_one_or_ten_percent() -> None:
    assert within(14, 13) and not within(15, 13)
    assert within(110, 100) and not within(111, 100)


def test_wad_victims_leave_out_the_combatants_the_text_counts() -> None:
    assert victims({"killed": 7, "killed_combatants": 2}, "killed") == 5
    assert victims({"killed": 7, "killed_combatants": 7}, "killed") == 7
    assert victims({"killed": None}, "killed") == 0


def test_dates_match_at_the_gold_precision() -> None:
    assert date_matches("2016-01-06", "2016-01")
    assert not date_matches("2016", "2016-01")
    assert not date_matches(None, "2016")


def test_scores_deaths_injured_place_and_date() -> None:
    records = [_record(13, 0), _record(5, None)]
    metrics = score_casualties(records, [_result(13), _result(None)])
    assert metrics["deaths_exact"] == 0.5
    assert metrics["deaths_n"] == 2
    assert metrics["injured_exact"] == 1.0  # no injured figure: 0, as WAD codes it
    assert metrics["injured_n"] == 1
    assert metrics["location_acc161"] == 1.0
    assert metrics["country_accuracy"] == 1.0
    assert metrics["start_date_exact"] == 1.0
