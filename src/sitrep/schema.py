"""The ``sitrep/1`` output contract: the single source of truth.

Every shape sitrep emits for an article (CLI JSONL lines, the Python API, the store and the
exports) is one of the pydantic models below. They mirror ``SCHEMA.md`` field for field; a
field added here (never renamed) is an additive change within ``sitrep/1``. The JSON Schema in
``docs/sitrep-1.schema.json`` is generated from :class:`ArticleResult` by
``sitrep schema`` and a test fails when it drifts.

Offsets are Python string indices (code points) into the article text, end-exclusive.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal["sitrep/1"] = "sitrep/1"

Precision = Literal["minute", "hour", "day", "week", "month", "year", "decade"]
ISO3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code")]


class Model(BaseModel):
    """Base for every contract model: unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A slice of the article text: ``text[start:end] == span.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``, with its text filled in."""
        return cls(start=start, end=end, text=text[start:end])


class Source(Model):
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None


class Place(Model):
    span: Span
    name: str
    geonameid: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    country: ISO3 | None = None
    admin1: str | None = None
    feature: Literal["country", "admin1", "admin2", "populated_place", "region", "other"]
    score: float = Field(ge=0, le=1, description="resolution confidence, 0..1")


class Time(Model):
    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str = Field(description='TimeML value, e.g. "2023-09-19", "P9M", "2020"')
    precision: Precision | None = None


class Actor(Model):
    id: str
    span: Span
    name: str = Field(description='canonical name, e.g. "Military Forces of Azerbaijan"')
    kind: Literal["person", "organisation", "state", "armed_group", "population", "other"]
    country: ISO3 | None = None
    sector: str | None = Field(
        default=None, description="PLOVER sector code: GOV, MIL, COP, REB, CVL, ..."
    )
    role: str | None = None
    affiliation: str | None = Field(default=None, description="id of the actor this one belongs to")


class Speaker(Model):
    span: Span | None = None
    actor: str | None = Field(default=None, description="actor id")
    name: str | None = None


class Quote(Model):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    content: Span
    cue: Span | None = None
    speaker: Speaker


class Mentions(Model):
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


class AcledCategory(Model):
    event_type: str
    sub_event_type: str


class EventDate(Model):
    """When an event happened; ``span`` is null when the date is the publication date's."""

    value: str
    precision: Precision | None = None
    span: Span | None = None
    basis: Literal["text", "publication"] = Field(
        default="text", description="'publication': no time expression governs the event"
    )
    time_precision: Literal[1, 2, 3] | None = Field(
        default=None, description="ACLED time precision: 1 day, 2 week or range, 3 month or vaguer"
    )


class EventLocation(Model):
    place: Place
    precision: Literal[1, 2, 3] = Field(
        description="1 exact town, 2 near/part of region, 3 larger region"
    )


class Participant(Model):
    role: Literal["source", "target", "victim", "object", "instrument"]
    span: Span
    actor: str | None = None


class Count(Model):
    best: int | None = Field(default=None, ge=0)
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    civilians: int | None = Field(default=None, ge=0)
    combatants: int | None = Field(default=None, ge=0)
    spans: list[Span] = Field(default_factory=list)


class Claim(Model):
    by: str | None = Field(default=None, description="actor id")
    quote: str | None = Field(default=None, description="quote id")
    status: Literal["reported", "alleged", "denied", "disputed"]
    span: Span


class Event(Model):
    id: str
    type: str = Field(description="PLOVER event type: ASSAULT, COERCE, PROTEST, ACCUSE, ...")
    mode: str | None = None
    acled: AcledCategory | None = None
    trigger: Span
    sentence: Span
    date: EventDate | None = None
    location: EventLocation | None = None
    participants: list[Participant] = Field(default_factory=list)
    fatalities: Count | None = None
    injured: Count | None = None
    abducted: Count | None = None
    arrested: Count | None = None
    displaced: Count | None = None
    claims: list[Claim] = Field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    confidence: float = Field(default=0.5, ge=0, le=1)


class WarningRecord(Model):
    """Something skipped or uncertain in one document, and why.

    ``code`` and ``message`` are the contract; ``stage`` names the stage that raised it and
    ``level`` tells a warning (the result is still usable) from an error (a stage failed).
    """

    code: str
    message: str
    stage: str | None = None
    level: Literal["warning", "error"] = "warning"


class ArticleResult(Model):
    """What sitrep emits for one input article."""

    schema_: Literal["sitrep/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    source: Source = Field(default_factory=Source)
    language: str = "en"
    mentions: Mentions = Field(default_factory=Mentions)
    events: list[Event] = Field(default_factory=list)
    warnings: list[WarningRecord] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, object]:
        """The contract's JSON shape (``schema`` key, nulls kept)."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @property
    def failed(self) -> bool:
        """True when any stage failed on this article (an error-level warning)."""
        return any(w.level == "error" for w in self.warnings)


class DocumentError(Model):
    """A document that produced no result at all (it could not be read), and why."""

    source: str = Field(description="file path, with :line for JSONL/CSV records, or '-'")
    stage: str
    code: str
    reason: str


def json_schema() -> dict[str, object]:
    """The JSON Schema of one article result, as committed under ``docs/``."""
    schema = ArticleResult.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "https://sitrep.dev/schema/sitrep-1.schema.json"
    schema["title"] = "sitrep/1 article result"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"

