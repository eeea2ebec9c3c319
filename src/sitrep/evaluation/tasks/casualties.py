"""The ``casualties`` eval task: deaths and injured of atrocity events (``gold/casualties``, WAD).

Per ``gold/casualties/README.md``, over the records whose gold value is not null:

- ``deaths_exact`` / ``deaths_within``: the article's predicted death count equals ``deaths``
  / is within max(1, 0.1 x gold) of it; ``injured_exact`` / ``injured_within`` the same over
  records with an integer ``injured`` (0 included). The prediction is
  :func:`~sitrep.stages.extract.counts.article_casualties` (events' counts plus unattached
  figures) less the combatants among them where the text gives their number, because WAD
  counts the (non-combatant) victims of atrocities ("seven people, including two soldiers,
  were killed" is coded 5); an article with no figure of a category predicts 0 for it,
  which is how WAD codes "none reported";
- ``location_acc161`` (haversine <= 161 km from the gold point) and ``country_accuracy``,
  from the location of the event with the largest death count, else of the first event with
  one, else the first resolved place of the article;
- ``start_date_exact``: the event's date (else the first DATE expression, else the
  publication date) equals ``start_date`` at the gold precision. WAD's start date is usually
  the publication date, which is also the fallback, so this one is optimistic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sitrep.evaluation.framework import Metrics, task
from sitrep.evaluation.matching import haversine_km
from sitrep.schema import ArticleResult, Event, Place

T = TypeVar("T")

STAGES = (
    "nlp.spacy.v1",
    "extract.places.v1",
    "extract.times.v1",
    "extract.actors.v1",
    "extract.events.v1",
    "extract.counts.v1",
)
ACCURATE_KM = 161.0


def victims(counts: dict[str, int | None], category: str) -> int:
    """WAD's figure: the non-combatant victims. The article's count less the combatants
    among them where the text says how many ("seven people, including two soldiers": 5);
    no figure at all is 0."""
    total = counts.get(category) or 0
    combatants = counts.get(f"{category}_combatants") or 0
    return total - combatants if 0 < combatants < total else total


def within(pred: int, gold: int) -> bool:
    """|pred - gold| <= max(1, 0.1 x gold), the README's tolerance."""
    return abs(pred - gold) <= max(1.0, 0.1 * gold)


def _main_event(events: list[Event]) -> Event | None:
    best: tuple[int, Event] | None = None
    for event in events:
        deaths = event.fatalities.best if event.fatalities is not None else None
        if deaths and (best is None or deaths > best[0]):
            best = (deaths, event)
    return best[1] if best is not None else None


def _from_events(events: list[Event], get: Callable[[Event], T | None]) -> T | None:
    """``get`` of the deadliest event, else of the first event that has a value."""
    main = _main_event(events)
    for event in ([main] if main is not None else []) + events:
        value = get(event)
        if value is not None:
            return value
    return None


def predicted_place(result: ArticleResult) -> Place | None:
    """The event's place (the deadliest event first), else the article's first resolved one."""
    place = _from_events(result.events, lambda e: e.location.place if e.location else None)
    if place is not None:
        return place
    for place in result.mentions.places:
        if place.lat is not None and place.lon is not None:
            return place
    return None


def predicted_date(result: ArticleResult) -> str | None:
    """The event's date, else the first DATE expression, else the publication date."""
    value = _from_events(result.events, lambda e: e.date.value if e.date else None)
    if value is not None:
        return value
    for time in result.mentions.times:
        if time.type == "DATE" and time.value[:4].isdigit():
            return time.value
    return result.published


def date_matches(pred: str | None, gold: str) -> bool:
    """True when ``pred`` is ``gold`` at the gold's precision (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return pred is not None and len(pred) >= len(gold) and pred[:len(gold)] == gold


@task(
    "casualties",
    stages=STAGES,
    description="Deaths and injured per event (WAD), plus the event's place and start date",
    headline=["deaths_exact", "deaths_within", "injured_exact", "injured_within"],
)
def score_casualties(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    """Deaths / injured exact and within-tolerance accuracy; location, country and date."""
    from sitrep.stages.extract.counts import article_casualties

    deaths_n = deaths_ok = deaths_near = 0
    injured_n = injured_ok = injured_near = 0
    loc_n = loc_ok = country_n = country_ok = date_n = date_ok = 0
    for record, result in zip(records, results, strict=True):
        gold = record["gold"]
        counts = article_casualties(result)
        killed = victims(counts, "killed")
        injured = victims(counts, "injured")
        if gold.get("deaths") is not None:
            deaths_n += 1
            deaths_ok += killed == int(gold["deaths"])
            deaths_near += within(killed, int(gold["deaths"]))
        if gold.get("injured") is not None:
            injured_n += 1
            injured_ok += injured == int(gold["injured"])
            injured_near += within(injured, int(gold["injured"]))
        place = predicted_place(result)
        if gold.get("lat") is not None and gold.get("lon") is not None:
            loc_n += 1
            loc_ok += (
                place is not None
                and place.lat is not None
                and place.lon is not None
                and haversine_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= ACCURATE_KM
            )
        if gold.get("country_iso3"):
            country_n += 1
            country_ok += place is not None and place.country == gold["country_iso3"]
        if gold.get("start_date"):
            date_n += 1
            date_ok += date_matches(predicted_date(result), str(gold["start_date"]))
    metrics: Metrics = {
        "deaths_exact": deaths_ok / deaths_n if deaths_n else 0.0,
        "deaths_within": deaths_near / deaths_n if deaths_n else 0.0,
        "deaths_n": deaths_n,
        "injured_exact": injured_ok / injured_n if injured_n else 0.0,
        "injured_within": injured_near / injured_n if injured_n else 0.0,
        "injured_n": injured_n,
        "location_acc161": loc_ok / loc_n if loc_n else 0.0,
        "country_accuracy": country_ok / country_n if country_n else 0.0,
        "start_date_exact": date_ok / date_n if date_n else 0.0,
    }
    return metrics
