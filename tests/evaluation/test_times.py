"""The ``times`` eval task: TempEval-3 span, type and value scores."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.evaluation import get_task
from sitrep.evaluation.tasks.times import annotated_extent, score_times
from sitrep.pipeline.document import Document
from sitrep.schema import ArticleResult, Span, Time

TEXT = "Talks began on Tuesday and lasted two days."


def record(*timexes: tuple[str, str, str]) -> dict[str, Any]:
    gold = []
    for text, type_, value in timexes:
        start = TEXT.index(text)
        gold.append(
            {"start": start, "end": start + len(text), "text": text, "type": type_, "value": value}
        )
    return {"text": TEXT, "published": "2023-09-19", "gold": {"timexes": gold}}


def result(*times: tuple[str, str, str], text: str = TEXT) -> ArticleResult:
    doc = Document(text=text, published="2023-09-19")
    for phrase, type_, value in times:
        start = text.index(phrase)
        doc.times.append(
            Time(span=Span.of(text, start, start + len(phrase)), type=type_, value=value)
        )  # type: ignore[arg-type]
    return doc.to_result()


GOLD = record(("Tuesday", "DATE", "2023-09-19"), ("two days", "DURATION", "P2D"))


def test_identical_predictions_score_one_everywhere() -> None:
    metrics = score_times(
        [GOLD], [result(("Tuesday", "DATE", "2023-09-19"), ("two days", "DURATION", "P2D"))]
    )
    for name in ("strict_f1", "relaxed_f1", "type_f1", "value_f1"):
        assert metrics[name] == pytest.approx(1.0)


def test_overlapping_span_counts_as_relaxed_but_not_strict_hit() -> None:
    metrics = score_times(
        [GOLD], [result(("on Tuesday", "DATE", "2023-09-19"), ("two days", "DURATION", "P2D"))]
    )
    assert metrics["strict_f1"] == pytest.approx(0.5)
    assert metrics["relaxed_f1"] == pytest.approx(1.0)
    assert metrics["value_f1"] == pytest.approx(1.0)


def test_value_f1_is_value_accuracy_times_relaxed_f1() -> None:
    # One of two relaxed hits has the wrong value, and one gold expression is missed.
    gold = record(
        ("Tuesday", "DATE", "2023-09-19"), ("two days", "DURATION", "P2D"), ("lasted", "DATE", "X")
    )
    metrics = score_times(
        [gold], [result(("Tuesday", "DATE", "2023-09-12"), ("two days", "DURATION", "P2D"))]
    )
    relaxed_f1 = 2 * 1.0 * (2 / 3) / (1.0 + 2 / 3)
    assert metrics["value_accuracy"] == pytest.approx(0.5)
    assert metrics["value_f1"] == pytest.approx(0.5 * relaxed_f1)
    assert metrics["type_f1"] == pytest.approx(relaxed_f1)


def test_annotated_extent_ends_after_the_title_and_n_sentences() -> None:
    text = "Title line\nFirst one. Mr. Smith spoke. Third one. Fourth one."
    assert text[: annotated_extent(text, 2)].endswith("Mr. Smith spoke.")
    assert annotated_extent(text, 10) == len(text)


def test_extent_scoring_ignores_predictions_after_the_annotated_sentences() -> None:
    text = "Title\nTalks began on Tuesday. They went on. Then more. And more. Talks resumed Friday."
    gold = {
        "text": text,
        "published": "2023-09-19",
        "gold": {
            "timexes": [
                {
                    "start": text.index("Tuesday"),
                    "end": text.index("Tuesday") + 7,
                    "text": "Tuesday",
                    "type": "DATE",
                    "value": "2023-09-19",
                }
            ]
        },
    }
    predicted = result(
        ("Tuesday", "DATE", "2023-09-19"), ("Friday", "DATE", "2023-09-15"), text=text
    )
    assert score_times([gold], [predicted])["relaxed_precision"] == pytest.approx(0.5)
    assert score_times([gold], [predicted], body_sentences=4)["relaxed_precision"] == pytest.approx(
        1.0
    )


def test_times_tasks_are_registered_with_the_times_stage() -> None:
    for name in ("times", "times-extent"):
        assert get_task(name).stages == ("nlp.spacy.v1", "extract.times.v1")


@pytest.mark.slow
def test_times_on_timebank_sample_stays_above_floor() -> None:
    from sitrep.evaluation import evaluate
    from support import GOLD

    gold = GOLD / "dates" / "timebank.jsonl"
    if not gold.is_file():
        pytest.skip("gold data not available")
    report = evaluate("times", gold, limit=40)
    assert report.metrics["relaxed_f1"] >= 0.85
    assert report.metrics["value_f1"] >= 0.70


def test_extent_does_not_depend_on_where_the_gold_timexes_are() -> None:
    text = "Title\nOne. Two. Three. Four. Talks resumed Friday."
    start = text.index("Friday")
    gold = {
        "text": text,
        "published": "2023-09-19",
        "gold": {
            "timexes": [
                {"start": start, "end": start + 6, "text": "Friday", "type": "DATE", "value": "X"}
            ]
        },
    }
    predicted = result(("Friday", "DATE", "2023-09-15"), text=text)
    metrics = score_times([gold], [predicted], body_sentences=4)
    assert (metrics["predicted"], metrics["gold"]) == (0, 1)
