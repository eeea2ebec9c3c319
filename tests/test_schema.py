"""The sitrep/1 contract: the committed JSON Schema matches the models, and output validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from sitrep.schema import ArticleResult, Event, Span, json_schema, json_schema_text

SCHEMA_FILE = Path(__file__).parent.parent / "docs" / "sitrep-1.schema.json"


def test_committed_json_schema_matches_the_models():
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == json_schema_text(), (
        "docs/sitrep-1.schema.json is out of date: run `sitrep schema > docs/sitrep-1.schema.json`"
    )


def test_schema_forbids_unknown_fields():
    with pytest.raises(ValidationError):
        ArticleResult.model_validate({"id": "a", "events": [], "colour": "red"})


def test_span_of_takes_the_text_slice():
    span = Span.of("Shelling hit the town", 13, 21)
    assert (span.start, span.end, span.text) == (13, 21, "the town")


def test_span_end_before_start_is_rejected():
    with pytest.raises(ValidationError):
        Span(start=5, end=2, text="")


def test_minimal_result_uses_the_contract_field_names():
    data = ArticleResult(id="x", published="2023-09-19").to_dict()
    assert data["schema"] == "sitrep/1"
    assert set(data) == {
        "schema", "id", "published", "source", "language", "mentions", "events", "warnings"
    }
    assert set(data["mentions"]) == {"places", "times", "actors", "quotes"}  # type: ignore[arg-type]
    jsonschema.validate(data, json_schema())


def test_an_event_with_counts_validates_against_the_schema():
    text = "Two soldiers were killed."
    event = Event(
        id="e1",
        type="ASSAULT",
        trigger=Span.of(text, 18, 24),
        sentence=Span.of(text, 0, len(text)),
        fatalities={"best": 2, "combatants": 2, "spans": [Span.of(text, 0, 3)]},
    )
    result = ArticleResult(id="x", events=[event])
    jsonschema.validate(json.loads(result.to_json()), json_schema())


def test_bad_published_format_is_rejected():
    with pytest.raises(ValidationError):
        ArticleResult(id="x", published="19/09/2023")
