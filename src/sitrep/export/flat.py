"""One row per event, ACLED-like: the table behind ``--format csv`` and Parquet exports.

Actor 1 is the event's first ``source`` participant and actor 2 its first ``target`` (else
``victim``), each with the country and PLOVER sector of the actor it resolves to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitrep.schema import ArticleResult, Count, Event

ActorInfo = Mapping[str, Any]
"""What a row needs of an actor: ``name``, ``country`` and ``sector``."""

FLAT_COLUMNS: list[str] = [
    "event_id",
    "article_id",
    "published",
    "event_date",
    "date_precision",
    "time_precision",
    "date_basis",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "actor1",
    "actor1_country",
    "actor1_sector",
    "actor2",
    "actor2_country",
    "actor2_sector",
    "location",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "civilian_fatalities",
    "injured",
    "claims",
    "negated",
    "hypothetical",
    "confidence",
    "trigger",
    "sentence",
    "url",
    "title",
    "outlet",
]


def _actor_fields(
    event: Event, roles: tuple[str, ...], actors: Mapping[str, ActorInfo]
) -> tuple[Any, Any, Any]:
    for role in roles:
        for participant in event.participants:
            if participant.role != role:
                continue
            actor = actors.get(participant.actor or "")
            if actor is not None:
                return actor["name"], actor.get("country"), actor.get("sector")
            return participant.span.text, None, None
    return None, None, None


def _claimant(actor_id: str | None, actors: Mapping[str, ActorInfo]) -> str | None:
    actor = actors.get(actor_id) if actor_id else None
    return str(actor["name"]) if actor else None


def _best(count: Count | None) -> int | None:
    return count.best if count is not None else None


def flat_row(
    article: Mapping[str, Any],
    event: Event,
    actors: Mapping[str, ActorInfo],
    event_id: str | None = None,
) -> dict[str, Any]:
    """The row of ``event``; ``article`` gives ``id``, ``published``, ``url``, ``title`` and
    ``outlet``; ``event_id`` defaults to the event's id within its article."""
    actor1 = _actor_fields(event, ("source",), actors)
    actor2 = _actor_fields(event, ("target", "victim"), actors)
    place = event.location.place if event.location else None
    claims = "; ".join(
        f"{claim.status}:{_claimant(claim.by, actors) or claim.span.text}"
        for claim in event.claims
    )
    return {
        "event_id": event_id or event.id,
        "article_id": article.get("id"),
        "published": article.get("published"),
        "event_date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "time_precision": event.date.time_precision if event.date else None,
        "date_basis": event.date.basis if event.date else None,
        "type": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled.event_type if event.acled else None,
        "acled_sub_event_type": event.acled.sub_event_type if event.acled else None,
        "actor1": actor1[0],
        "actor1_country": actor1[1],
        "actor1_sector": actor1[2],
        "actor2": actor2[0],
        "actor2_country": actor2[1],
        "actor2_sector": actor2[2],
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "geo_precision": event.location.precision if event.location else None,
        "fatalities": _best(event.fatalities),
        "fatalities_low": event.fatalities.low if event.fatalities else None,
        "fatalities_high": event.fatalities.high if event.fatalities else None,
        "civilian_fatalities": event.fatalities.civilians if event.fatalities else None,
        "injured": _best(event.injured),
        "claims": claims or None,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "confidence": event.confidence,
        "trigger": event.trigger.text,
        "sentence": event.sentence.text,
        "url": article.get("url"),
        "title": article.get("title"),
        "outlet": article.get("outlet"),
    }


def flat_rows(result: ArticleResult) -> list[dict[str, Any]]:
    """The flat rows of every event in ``result``."""
    actors = {
        actor.id: {"name": actor.name, "country": actor.country, "sector": actor.sector}
        for actor in result.mentions.actors
    }
    article = {
        "id": result.id,
        "published": result.published,
        "url": result.source.url,
        "title": result.source.title,
        "outlet": result.source.outlet,
    }
    return [flat_row(article, event, actors) for event in result.events]
