"""The ``times`` eval task: TempEval-3 Task A metrics on TIMEX3 gold (``gold/dates``).

Predicted and gold time expressions are paired one-to-one within each document, exact spans
first, then largest overlap (:func:`~sitrep.evaluation.matching.match_spans`). Counts are
micro-averaged over the file:

- strict span P/R/F1: a prediction whose (start, end) equals a gold span;
- relaxed span P/R/F1: a prediction overlapping a gold span by at least one character;
- type accuracy = relaxed hits with the gold type / relaxed hits; type F1 = accuracy x relaxed F1;
- value accuracy = relaxed hits with exactly the gold TimeML value / relaxed hits;
  **value F1** = value accuracy x relaxed F1 (the official scorer's ``performance_value``).

``times-extent`` is the same scorer for corpora annotated only at the start of each article
(MEANTIME: title, dateline and first sentences): predictions after the title and the first
four body sentences are not counted. The extent depends on the text only, never on where the
gold timexes are. Its numbers are reported beside, never instead of, the full-text ``times``
numbers.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.evaluation.framework import Metrics, task
from sitrep.evaluation.matching import match_spans, prf
from sitrep.schema import ArticleResult

# A sentence ends at . ! or ? (and a closing quote) before white space and a capital or digit,
# unless the word before the full stop is an initial or a common abbreviation.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Gov|Sen|Rep|Lt|Sgt|Capt|Prof|Inc|Corp|Co|Ltd|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K))\.[\"”’']?$"
)


def annotated_extent(text: str, body_sentences: int) -> int:
    """End offset of the title line plus the first ``body_sentences`` sentences after it."""
    newline = text.find("\n")
    position = newline + 1 if newline >= 0 else 0
    if body_sentences <= 0:
        return max(newline, 0)
    count = 0
    for match in _SENTENCE_END.finditer(text, position):
        if _ABBREVIATION.search(text[max(0, match.start() - 6) : match.start()]):
            continue
        count += 1
        if count >= body_sentences:
            return match.start()
    return len(text)


def score_times(
    records: list[dict[str, Any]], results: list[ArticleResult], body_sentences: int | None = None
) -> Metrics:
    """TempEval-3 span, type and value scores of ``results`` against the gold ``records``.

    With ``body_sentences``, predictions after the title and that many sentences are not
    counted (for corpora annotated only at the start of each document, such as MEANTIME).
    """
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for record, result in zip(records, results, strict=True):
        gold = record["gold"].get("timexes", [])
        pred = result.mentions.times
        if body_sentences is not None:
            limit = annotated_extent(record["text"], body_sentences)
            pred = [p for p in pred if p.span.start < limit]
        n_gold += len(gold)
        n_pred += len(pred)
        matches = match_spans(
            [(int(g["start"]), int(g["end"])) for g in gold],
            [(p.span.start, p.span.end) for p in pred],
        )
        for match in matches:
            g, p = gold[match.gold], pred[match.pred]
            relaxed += 1
            strict += int(match.exact)
            type_ok += int(g["type"] == p.type)
            value_ok += int(g["value"] == p.value)
    sp, sr, sf = prf(strict, n_pred, n_gold)
    rp, rr, rf = prf(relaxed, n_pred, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    return {
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": sf,
        "relaxed_precision": rp,
        "relaxed_recall": rr,
        "relaxed_f1": rf,
        "type_accuracy": type_acc,
        "type_f1": type_acc * rf,
        "value_accuracy": value_acc,
        "value_f1": value_acc * rf,
        "gold": n_gold,
        "predicted": n_pred,
    }


def score_times_extent(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    """The ``times`` metrics counting only predictions in the title and first 4 sentences."""
    return score_times(records, results, body_sentences=MEANTIME_BODY_SENTENCES)


# MEANTIME annotates the title, the dateline and the first sentences of each article; the
# dateline is not in the gold text (it is the DCT). With this module's sentence splitter,
# every one of its 368 timexes lies in the title or the first 4 body sentences (74 of them in
# the 4th, none after it), so the extent is the title plus 4 body sentences: the title,
# dateline and 4 sentences of the original files.
MEANTIME_BODY_SENTENCES = 4

task(
    "times",
    stages=["nlp.spacy.v1", "extract.times.v1"],
    description="time expressions: TempEval-3 strict/relaxed span F1, type and value F1",
    headline=["value_f1", "relaxed_f1", "strict_f1", "type_f1"],
)(score_times)

task(
    "times-extent",
    stages=["nlp.spacy.v1", "extract.times.v1"],
    description="times metrics inside the annotated extent (title + 4 sentences; for MEANTIME)",
    headline=["value_f1", "relaxed_f1", "strict_f1", "type_f1"],
)(score_times_extent)
