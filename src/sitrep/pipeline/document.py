"""The document container that every stage reads and fills.

A :class:`Document` is created by ingest from one input article, passes through the stages in
order, and ends as an :class:`~sitrep.schema.ArticleResult`. Stages append contract models
(``Place``, ``Time``, ``Actor``, ``Quote``, ``Event``) to its lists, so what a stage produces
is already in the output shape; anything a later stage needs that is not part of the contract
(indexes, links between mentions) goes in ``doc.user_data`` under the stage's name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sitrep.schema import (
    Actor,
    ArticleResult,
    Event,
    Mentions,
    Place,
    Quote,
    Source,
    Time,
    WarningRecord,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc


def content_hash(text: str) -> str:
    """The sha256 of the article text: the store's idempotency key and the default id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    text: str
    id: str = ""
    published: str | None = None
    source: Source = field(default_factory=Source)
    language: str = "en"
    origin: str = "-"
    """Where the document came from (path, ``path:line``, ``-``), for error reports."""

    nlp: SpacyDoc | None = None
    """The spaCy parse, set by the ``nlp`` stage."""

    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)
    user_data: dict[str, Any] = field(default_factory=dict)
    failed_stages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.hash[:16]

    @property
    def hash(self) -> str:
        cached = self.user_data.get("_hash")
        if cached is None:
            cached = self.user_data["_hash"] = content_hash(self.text)
        return str(cached)

    def warn(
        self,
        stage: str,
        code: str,
        message: str,
        level: Literal["warning", "error"] = "warning",
    ) -> None:
        """Record something skipped or uncertain in this document, and why."""
        self.warnings.append(WarningRecord(code=code, message=message, stage=stage, level=level))

    @property
    def failed(self) -> bool:
        return bool(self.failed_stages)

    def to_result(self) -> ArticleResult:
        return ArticleResult(
            id=self.id,
            published=self.published,
            source=self.source,
            language=self.language,
            mentions=Mentions(
                places=self.places, times=self.times, actors=self.actors, quotes=self.quotes
            ),
            events=self.events,
            warnings=self.warnings,
        )
