"""The eval task ``case`` (metrics of gold/events/README.md): CASE 2021 task 2 snippets.

Each snippet's label is the ACLED sub-event type of its most confident event (earliest on
ties); no event (or none with an ACLED category) is the label ``NONE``.
Weighted F1 over the gold classes on the 25 ACLED classes (``subtask == 1``, headline) and
on all 30 (where our five missing classes can only be wrong), micro precision of the labels
we give, and accuracy of the ACLED event type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sitrep.evaluation.framework import Metrics, task
from sitrep.evaluation.matching import prf
from sitrep.schema import ArticleResult, Event

EVENTS_ONLY = ("nlp.spacy.v1", "extract.events.v1")


def primary_event(events: Iterable[Event], need_acled: bool = False) -> Event | None:
    """The most confident event (earliest on ties), optionally among those with an ACLED type."""
    best: Event | None = None
    for event in events:
        if event.negated or event.hypothetical or (need_acled and event.acled is None):
            continue
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """Weighted F1 over the gold classes, and macro F1 over them."""
    classes = Counter(gold)
    total = sum(classes.values())
    weighted = macro = 0.0
    for label, n in classes.items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        n_pred = sum(1 for p in pred if p == label)
        f = prf(tp, n_pred, n)[2]
        weighted += n / total * f
        macro += f / len(classes)
    return weighted, macro


@task(
    "case",
    stages=EVENTS_ONLY,
    description="CASE 2021 task 2: ACLED sub-event type of news snippets (weighted F1)",
    headline=["weighted_f1", "label_precision", "event_type_accuracy"],
)
def score_case(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    gold_all: list[str] = []
    pred_all: list[str] = []
    acled_subset: list[int] = []
    type_ok = type_n = 0
    for i, (record, result) in enumerate(zip(records, results, strict=True)):
        gold = record["gold"]
        event = primary_event(result.events, need_acled=True)
        predicted = event.acled if event is not None else None
        gold_all.append(str(gold.get("acled_sub_event_type") or gold.get("subtype")))
        pred_all.append(predicted.sub_event_type if predicted else "NONE")
        if gold.get("subtask") == 1:
            acled_subset.append(i)
            type_n += 1
            type_ok += bool(predicted and predicted.event_type == gold.get("acled_event_type"))
    gold_1 = [gold_all[i] for i in acled_subset]
    pred_1 = [pred_all[i] for i in acled_subset]
    weighted, macro = weighted_f1(gold_1, pred_1) if gold_1 else (0.0, 0.0)
    weighted_30, _ = weighted_f1(gold_all, pred_all) if gold_all else (0.0, 0.0)
    given = [(g, p) for g, p in zip(gold_1, pred_1, strict=True) if p != "NONE"]
    correct = sum(1 for g, p in given if g == p)
    return {
        "weighted_f1": weighted,
        "macro_f1": macro,
        "accuracy": sum(g == p for g, p in zip(gold_1, pred_1, strict=True)) / len(gold_1)
        if gold_1 else 0.0,
        "label_precision": correct / len(given) if given else 0.0,
        "label_coverage": len(given) / len(gold_1) if gold_1 else 0.0,
        "event_type_accuracy": type_ok / type_n if type_n else 0.0,
        "weighted_f1_30_classes": weighted_30,
        "snippets_acled": len(gold_1),
    }

