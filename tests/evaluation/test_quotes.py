"""The ``quotes`` eval task: matching and scores on hand-made gold (issue 7)."""

from __future__ import annotations

from typing import Any

from sitrep.evaluation.framework import get_task
from sitrep.evaluation.tasks.quotes import match_attributions, score_quotes
from sitrep.schema import ArticleResult, Mentions, Quote, Span, Speaker

TEXT = "“We will stay,” the mayor said. Police said two men were arrested."


def span(text: str, part: str) -> dict[str, Any]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def result(quotes: list[Quote]) -> ArticleResult:
    return ArticleResult(id="t", mentions=Mentions(quotes=quotes))


def quote(qid: str, content: str, cue: str | None, speaker: str | None) -> Quote:
    def of(part: str) -> Span:
        start = TEXT.index(part)
        return Span.of(TEXT, start, start + len(part))

    return Quote(
        id=qid, kind="direct", content=of(content), cue=of(cue) if cue else None,
        speaker=Speaker(span=of(speaker) if speaker else None),
    )


GOLD = {
    "text": TEXT,
    "gold": {
        "attributions": [
            {"source": span(TEXT, "the mayor"), "cue": span(TEXT, "said"),
             "content": span(TEXT, "“We will stay,”")},
            {"source": span(TEXT, "Police"), "cue": span(TEXT, "said two") | {"text": "said"},
             "content": span(TEXT, "two men were arrested")},
        ]
    },
}
GOLD["gold"]["attributions"][1]["cue"]["end"] = GOLD["gold"]["attributions"][1]["cue"]["start"] + 4


def test_match_needs_half_of_the_longer_span() -> None:
    assert match_attributions([[(0, 10)]], [[(0, 5)]]) == [(0, 0)]
    assert match_attributions([[(0, 10)]], [[(0, 4)]]) == []
    assert match_attributions([[(0, 10)]], [[(0, 20)]]) == [(0, 0)]
    assert match_attributions([[(0, 10)]], [[(0, 21)]]) == []


def test_match_is_one_to_one_best_overlap_first() -> None:
    assert match_attributions([[(0, 10)]], [[(0, 8)], [(0, 10)]]) == [(0, 1)]


def test_discontinuous_gold_counts_only_its_fragments() -> None:
    gold = [[(0, 10), (20, 30)]]  # 20 characters of content, 30 of outer bounds
    assert match_attributions(gold, [[(0, 30)]]) == [(0, 0)]
    assert match_attributions(gold, [[(0, 9)]]) == []


def test_scores_attribution_source_and_cue() -> None:
    predicted = [
        quote("q1", "“We will stay,”", "said", "the mayor"),
        quote("q2", "two men were arrested", "said two", None),
        quote("q3", "Police", None, None),
    ]
    metrics = score_quotes([GOLD], [result(predicted)])
    assert metrics["attribution_precision"] == round(2 / 3, 4)
    assert metrics["attribution_recall"] == 1.0
    assert metrics["source_accuracy"] == 0.5
    assert metrics["cue_accuracy"] == 1.0
    assert metrics["exact_cue_accuracy"] == 0.5
    assert metrics["exact_recall"] == 1.0


def test_no_predictions_score_zero_without_dividing_by_zero() -> None:
    metrics = score_quotes([GOLD], [result([])])
    assert metrics["attribution_f1"] == 0.0
    assert metrics["source_accuracy"] == 0.0
    assert metrics["gold"] == 2


def test_task_is_registered_with_the_quote_stages() -> None:
    spec = get_task("quotes")
    assert spec.stages is not None and "extract.quotes.v1" in spec.stages
    assert spec.headline[0] == "attribution_f1"
