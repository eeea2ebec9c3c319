"""From an :class:`~sitrep.schema.ArticleResult` to the store's row values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sitrep.schema import Actor, ArticleResult, Event
from sitrep.store.dates import date_range


def event_key(content_hash: str, event_id: str) -> str:
    """The store-wide id of an event: its article's content hash prefix and its own id.

    Stable across runs (the same text gives the same key) and unique across articles even when
    two inputs reuse an article id.
    """
    return f"{content_hash[:16]}:{event_id}"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class EventRow:
    values: dict[str, Any]
    """Column -> value of the ``events`` row (without ``article_pk``)."""
    actors: list[tuple[str, str | None, str, str | None, str | None]]
    """``event_actors`` rows: (role, actor id, name, country, sector)."""


def referenced_actors(event: Event, actors: dict[str, Actor]) -> dict[str, dict[str, Any]]:
    """The article's actors that ``event`` names (participants and claimants), by id."""
    ids = [p.actor for p in event.participants] + [c.by for c in event.claims]
    out: dict[str, dict[str, Any]] = {}
    for actor_id in ids:
        if actor_id and actor_id in actors and actor_id not in out:
            actor = actors[actor_id]
            out[actor_id] = {
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "sector": actor.sector,
            }
    return out


def event_row(content_hash: str, position: int, event: Event, actors: dict[str, Actor]) -> EventRow:
    place = event.location.place if event.location else None
    covered = date_range(event.date.value) if event.date else None
    refs = referenced_actors(event, actors)
    values: dict[str, Any] = {
        "event_id": event_key(content_hash, event.id),
        "id": event.id,
        "position": position,
        "type": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled.event_type if event.acled else None,
        "acled_sub_event_type": event.acled.sub_event_type if event.acled else None,
        "date_value": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "date_start": covered[0] if covered else None,
        "date_end": covered[1] if covered else None,
        "place": place.name if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geo_precision": event.location.precision if event.location else None,
        "fatalities": event.fatalities.best if event.fatalities else None,
        "confidence": event.confidence,
        "negated": int(event.negated),
        "hypothetical": int(event.hypothetical),
        "actors": dumps(refs),
        "event": dumps(event.model_dump(mode="json")),
    }
    people: list[tuple[str, str | None, str, str | None, str | None]] = []
    for participant in event.participants:
        ref = refs.get(participant.actor or "")
        name = ref["name"] if ref else participant.span.text
        people.append(
            (
                participant.role,
                participant.actor,
                name,
                ref["country"] if ref else None,
                ref["sector"] if ref else None,
            )
        )
    return EventRow(values=values, actors=people)


def event_rows(content_hash: str, result: ArticleResult) -> list[EventRow]:
    actors = {actor.id: actor for actor in result.mentions.actors}
    return [
        event_row(content_hash, position, event, actors)
        for position, event in enumerate(result.events)
    ]
