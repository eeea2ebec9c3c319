"""The bundled example article through the whole default pipeline: the acceptance checks of
issues 3 (places), 5 (events and actors), 6 (casualties) and 7 (quotes and claims).

Nothing in ``src/`` is written for this text; these tests check that the general mechanisms
get it right.
"""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.evaluation.matching import haversine_km
from sitrep.pipeline import Document, Pipeline
from sitrep.schema import Actor, ArticleResult, Event
from support import SEED

TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result() -> ArticleResult:
    (out,) = Pipeline().extract_many([Document(text=TEXT, published="2023-09-19")])
    assert not out.failed, out.warnings
    return out


def actors_by_id(result: ArticleResult) -> dict[str, Actor]:
    return {actor.id: actor for actor in result.mentions.actors}


def sentence_of(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def paragraph_of(phrase: str) -> tuple[int, int]:
    start = TEXT.rfind("\n", 0, TEXT.index(phrase)) + 1
    end = TEXT.find("\n", start)
    return start, len(TEXT) if end < 0 else end


def events_in(result: ArticleResult, phrase: str) -> list[Event]:
    """Events whose trigger lies in the paragraph where ``phrase`` first occurs."""
    start, end = paragraph_of(phrase)
    return [e for e in result.events if start <= e.trigger.start and e.trigger.end <= end]


# -- issue 3: places ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "lat", "lon", "tolerance_km"),
    [
        ("Stepanakert", 39.815, 46.752, 25),
        ("Agdam", 39.99, 46.93, 40),
        ("Lachin", 39.64, 46.55, 40),
        ("Baku", 40.38, 49.89, 25),
        ("Yerevan", 40.18, 44.51, 25),
        ("Moscow", 55.75, 37.62, 25),
        ("Nagorno-Karabakh", 39.9, 46.7, 100),
    ],
)
def test_seed_places_resolve_to_the_right_coordinates(
    result: ArticleResult, name: str, lat: float, lon: float, tolerance_km: float
):
    mentions = [p for p in result.mentions.places if p.span.text == name]
    assert mentions, f"{name} was not found as a place"
    for place in mentions:
        assert place.lat is not None and place.lon is not None, f"{name} unresolved"
        assert haversine_km(lat, lon, place.lat, place.lon) <= tolerance_km, place


def test_seed_demonyms_are_not_places(result: ArticleResult):
    assert not [p for p in result.mentions.places if p.span.text in {"Azerbaijani", "Armenian"}]


# -- issue 5: events and actors -----------------------------------------------------------
def test_seed_operation_is_an_event_by_azerbaijan(result: ArticleResult):
    actors = actors_by_id(result)
    events = events_in(result, "The Azerbaijani Ministry of Defense announced this Tuesday")
    operations = [e for e in events if "operation" in e.trigger.text.lower()]
    assert operations, [e.trigger.text for e in events]
    sources = [actors[p.actor] for e in operations for p in e.participants
               if p.role == "source" and p.actor in actors]
    assert any(a.country == "AZE" for a in sources)


def test_seed_bombardment_is_located_in_the_capital_of_the_enclave(result: ArticleResult):
    events = [e for e in result.events if e.trigger.text.lower().startswith("bombardment")]
    assert events
    located = [e.location.place for e in events if e.location]
    assert any(
        p.lat is not None and p.lon is not None and haversine_km(39.815, 46.752, p.lat, p.lon) < 25
        for p in located
    ), located


def test_seed_mine_explosions_and_the_mortar_attack_are_events(result: ArticleResult):
    assert any(e.trigger.text.lower().startswith("explosion") for e in result.events)
    events = events_in(result, "The Ministry of Defense announced the start of action after")
    attacks = [e for e in events if e.trigger.text.lower() == "attack"]
    assert attacks, [e.trigger.text for e in events]
    places = [e.location.place for e in attacks if e.location]
    assert any(
        p.lat is not None and p.lon is not None and haversine_km(39.99, 46.93, p.lat, p.lon) < 40
        for p in places
    ), places


def test_seed_verbal_events_of_the_officials(result: ArticleResult):
    types = {e.type for e in result.events}
    assert {"ACCUSE", "REQUEST"} <= types, types
    accusations = events_in(result, "Authorities in Nagorno-Karabakh accused Baku")
    assert any(e.type == "ACCUSE" for e in accusations)


def test_seed_threatened_nullification_is_not_a_ceasefire_event(result: ArticleResult):
    start = TEXT.index("threaten to nullify the ceasefire")
    end = start + len("threaten to nullify the ceasefire")
    threatened = [e for e in result.events if start <= e.trigger.start and e.trigger.end <= end]
    assert all(e.hypothetical or e.negated for e in threatened), [
        (e.type, e.trigger.text) for e in threatened
    ]


def test_seed_spokesperson_is_affiliated_to_the_foreign_ministry(result: ArticleResult):
    actors = actors_by_id(result)
    people = [a for a in result.mentions.actors if a.name.endswith("Zakharova")]
    assert people
    person = people[0]
    assert person.kind == "person"
    assert person.affiliation in actors
    ministry = actors[person.affiliation]
    assert ministry.country == "RUS" and "Foreign" in ministry.name


# -- issue 6: casualties ------------------------------------------------------------------
def attack_event(result: ArticleResult) -> Event | None:
    events = events_in(result, "The Ministry of Defense announced the start of action after")
    with_deaths = [e for e in events if e.fatalities and e.fatalities.best]
    return with_deaths[0] if with_deaths else None


def test_seed_attack_carries_six_dead_two_of_them_civilians(result: ArticleResult):
    event = attack_event(result)
    assert event is not None and event.fatalities is not None
    assert event.fatalities.best == 6
    assert event.fatalities.civilians == 2


def test_seed_attack_claims_are_attributed_to_the_azerbaijani_side(result: ArticleResult):
    actors = actors_by_id(result)
    event = attack_event(result)
    assert event is not None
    claimants = [actors[c.by] for c in event.claims if c.by in actors]
    assert any(a.country == "AZE" for a in claimants), event.claims
    assert any(c.status == "alleged" for c in event.claims), event.claims


# -- issue 7: quotes ----------------------------------------------------------------------
def speaker_of(result: ArticleResult, phrase: str) -> Any:
    start, end = sentence_of(phrase)
    for quote in result.mentions.quotes:
        if quote.content.start <= end and start <= quote.content.end:
            return quote.speaker
    return None


def test_seed_spokesperson_quotes_are_hers(result: ArticleResult):
    actors = actors_by_id(result)
    for phrase in ("We are deeply concerned about the sharp escalation",
                   "The Russian peacekeeping contingent continues to fulfill"):
        speaker = speaker_of(result, phrase)
        assert speaker is not None and speaker.actor in actors, phrase
        actor = actors[speaker.actor]
        assert actor.name.endswith("Zakharova"), (phrase, actor)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Russian peacekeepers deployed in the region must take clear", "ARM"),
        ("At this time, the capital, Stepanakert, and other cities", None),
    ],
)
def test_seed_ministry_statements_are_attributed_to_the_ministries(
    result: ArticleResult, phrase: str, country: str | None
):
    actors = actors_by_id(result)
    speaker = speaker_of(result, phrase)
    assert speaker is not None and speaker.actor in actors, phrase
    actor = actors[speaker.actor]
    assert "Foreign Ministry" in actor.name or "Ministry of Foreign" in actor.name, actor
    if country:
        assert actor.country == country, actor
