"""The eval task ``muc4`` (metrics of gold/events/README.md): MUC-4 role fillers and incidents.

Role-filler entity micro P/R/F1 as in GRIT's scorer (:mod:`~sitrep.evaluation.tasks.grit`).
Our events become MUC-4 incidents by the rules of :mod:`~sitrep.evaluation.tasks.muc4_incidents`
(events of other types fill no role), and the participants of those incidents become role
fillers by the rules of :mod:`~sitrep.evaluation.tasks.muc4_fillers` and
:mod:`~sitrep.evaluation.tasks.muc4_perpetrators`.
Precision is reported beside recall, and ``incident_doc_precision``/``_recall`` say how often a
document we give an incident has one in the key, and the reverse. ``incident_doc_accuracy``
is the share of the key's incident documents whose incident types we give exactly
(:func:`~sitrep.evaluation.tasks.muc4_incidents.muc_types`; a compound key type such as
"bombing / attack" is given by either).
"""

from __future__ import annotations

from typing import Any

from sitrep.evaluation.framework import Metrics, task
from sitrep.evaluation.matching import prf
from sitrep.evaluation.tasks.grit import _gold_entities, _max_matching
from sitrep.evaluation.tasks.muc4_fillers import MUC_ROLES, muc_fillers
from sitrep.evaluation.tasks.muc4_incidents import muc_types
from sitrep.schema import ArticleResult
from sitrep.stages.extract.events_lexicon import default_lexicon

# Actors give participants their country and sector; places and times do not change these
# metrics, so they are left out to keep the evaluation quick.
WITH_ACTORS = ("nlp.spacy.v1", "extract.actors.v1", "extract.events.v1")


def _gold_types(record: dict[str, Any]) -> set[str]:
    types: set[str] = set()
    for template in record["gold"].get("templates", []):
        types.update(t.strip() for t in str(template.get("incident_type", "")).split("/"))
    return {t for t in types if t}


@task(
    "muc4",
    stages=WITH_ACTORS,
    description="MUC-4 role-filler entities (GRIT micro P/R/F1) and incident types",
    headline=["micro_f1", "micro_precision", "micro_recall", "incident_doc_accuracy"],
)
def score_muc4(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    lex = default_lexicon()
    counts = {role: [0, 0, 0] for role in MUC_ROLES}  # matched, predicted, gold
    doc_tp = doc_pred = doc_gold = type_ok = 0
    for record, result in zip(records, results, strict=True):
        fillers = muc_fillers(result, lex)
        for role in MUC_ROLES:
            gold = _gold_entities(record, role)
            pred = fillers[role]
            counts[role][0] += _max_matching(pred, gold)
            counts[role][1] += len(pred)
            counts[role][2] += len(gold)
        gold_types = _gold_types(record)
        actors = {a.id: a for a in result.mentions.actors}
        pred_types = muc_types(result, actors)
        doc_pred += bool(pred_types)
        doc_gold += bool(gold_types)
        doc_tp += bool(pred_types) and bool(gold_types)
        if record["gold"].get("templates"):
            compound = [set(str(t.get("incident_type", "")).split(" / "))
                        for t in record["gold"]["templates"]]
            type_ok += all(any(alt in pred_types for alt in alts) for alts in compound) and all(
                any(p in alts for alts in compound) for p in pred_types
            )
    metrics: Metrics = {}
    total = [0, 0, 0]
    for role in MUC_ROLES:
        matched, n_pred, n_gold = counts[role]
        p, r, f = prf(matched, n_pred, n_gold)
        metrics[f"{role}_precision"], metrics[f"{role}_recall"], metrics[f"{role}_f1"] = p, r, f
        total = [a + b for a, b in zip(total, counts[role], strict=True)]
    p, r, f = prf(*total)
    p_doc, r_doc, _ = prf(doc_tp, doc_pred, doc_gold)
    metrics.update(
        micro_precision=p,
        micro_recall=r,
        micro_f1=f,
        incident_doc_precision=p_doc,
        incident_doc_recall=r_doc,
        incident_doc_accuracy=type_ok / doc_gold if doc_gold else 0.0,
        predicted_entities=total[1],
        gold_entities=total[2],
    )
    return metrics

