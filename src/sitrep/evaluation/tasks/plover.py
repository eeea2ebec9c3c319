"""The eval task ``plover`` (metrics of gold/events/README.md): PLOVER gold standard records.

The first event of each record against the gold event. The gold standard records are PLOVER
0.5; sitrep emits the PLOVER 2021 types (``CAMEO2PLOVER-2021.txt``), so gold DEMAND is read
as REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE and FIGHT as ASSAULT. Source and target are
correct when an actor linked to a participant of that role (for the target: our target,
victim or object) has the gold code (country) or sector.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sitrep.evaluation.framework import Metrics, task
from sitrep.schema import Actor, ArticleResult, Event

# Actors give participants their country and sector; places and times do not change these
# metrics, so they are left out to keep the evaluation quick.
WITH_ACTORS = ("nlp.spacy.v1", "extract.actors.v1", "extract.events.v1")


PLOVER_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
               "FIGHT": "ASSAULT"}
MODE_2021 = {"demo-org": "demo", "demo-spon": "demo", "strike-hun": "hunger",
             "strike-gen": "boycott", "riot-spon": "riot", "primitive": "beat"}


def first_event(events: Iterable[Event]) -> Event | None:
    for event in sorted(events, key=lambda e: e.trigger.start):
        if not (event.negated or event.hypothetical):
            return event
    return None


PLOVER_ROLES = {"source": ("source",), "target": ("target", "victim", "object")}


def _role_actors(event: Event, role: str, actors: dict[str, Actor]) -> list[Actor]:
    """Actors of a PLOVER role: its target is whoever is acted upon (our target, victim or
    object)."""
    return [actors[p.actor] for p in event.participants
            if p.role in PLOVER_ROLES[role] and p.actor is not None and p.actor in actors]


@task(
    "plover",
    stages=WITH_ACTORS,
    description="PLOVER gold standard records: event type, mode, source/target code and sector",
    headline=["event_type_accuracy", "event_type_precision", "source_code_accuracy"],
)
def score_plover(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    n = type_ok = predicted = mode_n = mode_ok = 0
    slots = {f"{role}_{what}": [0, 0] for role in ("source", "target") for what in
             ("code", "sector")}
    for record, result in zip(records, results, strict=True):
        gold = record["gold"]
        gold_type = PLOVER_2021.get(gold["event"], gold["event"])
        event = first_event(result.events)
        n += 1
        predicted += event is not None
        type_ok += event is not None and event.type == gold_type
        if gold.get("mode"):
            mode_n += 1
            mode_ok += event is not None and event.mode == MODE_2021.get(gold["mode"], gold["mode"])
        actors = {a.id: a for a in result.mentions.actors}
        for role in ("source", "target"):
            gold_actors = gold.get(role) or []
            mine = _role_actors(event, role, actors) if event is not None else []
            codes = {a.get("code") for a in gold_actors if a.get("code")}
            sectors = {a.get("sector") for a in gold_actors if a.get("sector")}
            if codes:
                slots[f"{role}_code"][1] += 1
                slots[f"{role}_code"][0] += any(a.country in codes for a in mine)
            if sectors:
                slots[f"{role}_sector"][1] += 1
                slots[f"{role}_sector"][0] += any(a.sector in sectors for a in mine)
    metrics: Metrics = {
        "event_type_accuracy": type_ok / n if n else 0.0,
        "event_type_precision": type_ok / predicted if predicted else 0.0,
        "event_coverage": predicted / n if n else 0.0,
        "mode_accuracy": mode_ok / mode_n if mode_n else 0.0,
    }
    for name, (ok, total) in slots.items():
        metrics[f"{name}_accuracy"] = ok / total if total else 0.0
    return metrics

