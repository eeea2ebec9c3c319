"""The ``extract.actors.v1`` stage: persons, organisations, states, armed groups and populations.

Mentions come from a lexicon built from open data (see :mod:`.actors_knowledge`), composed over
the spaCy tokens by a few general patterns:

- a country, nationality adjective, possessive, capital, organisation or place qualifying an
  institution or group noun: "the Azerbaijani Ministry of Defense", "Armenia's Foreign Ministry",
  "Authorities in <place>", "Rwandan rebels", "Hungarian and Romanian officials";
- persons with roles: a role phrase before or after a name ("Prime Minister <name>",
  "<name>, Russian Foreign Ministry spokesman"), or a role of a country alone ("Montenegro's
  prime minister", resolved through the date-bounded leaders list when it names one person);
- countries acting as states ("Russia stated"), capitals and seats of government acting as the
  government ("Baku attributed", "the Kremlin said"), peoples ("six Azerbaijanis"),
  international organisations and armed groups;
- mentions of the same actor share an id: same canonical identity, a surname repeating a full
  name, definite descriptions ("the ministry", "the diplomat") and subject pronouns ("he said")
  resolved to the most recent compatible actor.

Every mention becomes one :class:`~sitrep.schema.Actor` record with its own span. Matching is
case-insensitive for common nouns; proper names need a capital unless the whole text is in
one case (MUC-4 wire texts), where acronyms that are also English words are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import Actor
from sitrep.stages.extract.actors_knowledge import Knowledge, load_knowledge
from sitrep.stages.extract.actors_mentions import ActorExtractor, Options, is_caseless

__all__ = [
    "NAME",
    "ActorsStage",
    "Options",
    "actor_at",
    "actors_in",
    "is_caseless",
    "make_actors",
]

NAME = "extract.actors.v1"


class ActorsStage:
    """Find actor mentions; sets ``doc.actors``."""

    name = NAME

    def __init__(self, know: Knowledge, options: Options) -> None:
        self.know = know
        self.options = options

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            doc.warn(NAME, "no_parse", "no spaCy parse (run nlp.spacy.v1 first): no actors")
            return doc
        doc.actors = ActorExtractor(self.know, doc, self.options).run()
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


@register(NAME, requires=["doc.nlp"], assigns=["mentions.actors"], config="actors")
def make_actors(config: dict[str, Any]) -> ActorsStage:
    """Actors (persons, organisations, states, armed groups, populations) with country, sector,
    role and affiliation (``mentions.actors``).

    Config (section ``actors``): ``max_name_tokens`` (4), ``anaphors`` (true),
    ``unknown_organisations`` (true); see :class:`Options`.
    """
    options = Options(
        max_name_tokens=int(config.get("max_name_tokens", 4)),
        anaphors=bool(config.get("anaphors", True)),
        unknown_organisations=bool(config.get("unknown_organisations", True)),
    )
    return ActorsStage(load_knowledge(), options)


# -- helpers for other stages ------------------------------------------------------------------


def _is_affiliation_of_overlapping(actor: Actor, others: list[Actor]) -> bool:
    return any(o is not actor and o.affiliation == actor.id for o in others)


def actor_at(doc: Document, start: int, end: int) -> Actor | None:
    """The actor mention whose span overlaps or contains the char range ``[start, end)``.

    Among several, a person is preferred to the organisation or state it belongs to, then the
    mention overlapping the range most, then the earliest.
    """
    overlapping = (
        [a for a in doc.actors if a.span.start < end and start < a.span.end]
        if end > start
        else [a for a in doc.actors if a.span.start <= start < a.span.end]
    )
    if not overlapping:
        return None
    top = [
        a for a in overlapping if not _is_affiliation_of_overlapping(a, overlapping)
    ] or overlapping

    def score(a: Actor) -> tuple[int, int]:
        overlap = min(a.span.end, end) - max(a.span.start, start)
        return (-overlap, a.span.start)

    return min(top, key=score)


def actor_id_at(doc: Document, start: int, end: int) -> str | None:
    """The id of :func:`actor_at`'s actor, or None."""
    actor = actor_at(doc, start, end)
    return actor.id if actor is not None else None


def actors_in(doc: Document, start: int, end: int) -> list[Actor]:
    """Every actor mention lying inside the char range ``[start, end)``, in text order."""
    return sorted(
        (a for a in doc.actors if start <= a.span.start and a.span.end <= end),
        key=lambda a: (a.span.start, a.span.end),
    )
