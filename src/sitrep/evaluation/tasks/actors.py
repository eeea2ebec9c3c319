"""The eval task ``actors``: does the actors stage find the PLOVER gold actors?

For each gold source and target actor of ``gold/events/plover_gsr.jsonl`` with a code, the
record counts as found when one of the article's actor mentions has that code (its ISO3
``country``; ``IGO``/``NGO`` gold codes match an actor with that sector) and, for the
``code_sector_recall``, also the gold sector (its first three letters: ``CVLalb`` is CVL).
This measures the actor lexicon and composition apart from event participant linking, which
the ``plover`` task scores. Run: ``sitrep eval actors gold/events/plover_gsr.jsonl``.
"""

from __future__ import annotations

from typing import Any

from sitrep.evaluation.framework import task
from sitrep.schema import Actor, ArticleResult

INTERNATIONAL = ("IGO", "NGO")


def _has_code(actor: Actor, code: str) -> bool:
    if code in INTERNATIONAL:
        return actor.sector == code
    return actor.country == code


@task(
    "actors",
    stages=("nlp.spacy.v1", "extract.places.v1", "extract.actors.v1"),
    description="PLOVER gold actors found among the actor mentions (country code and sector)",
    headline=["code_recall", "code_sector_recall"],
)
def score_actors(
    records: list[dict[str, Any]], results: list[ArticleResult]
) -> dict[str, float | int]:
    coded = code_ok = sector_n = sector_ok = mentions = 0
    for record, result in zip(records, results, strict=True):
        actors = result.mentions.actors
        mentions += len(actors)
        for role in ("source", "target"):
            for gold in record["gold"].get(role) or []:
                code = gold.get("code")
                if not code or code == "***":
                    continue
                coded += 1
                code_ok += any(_has_code(a, code) for a in actors)
                sector = gold.get("sector")
                if sector and sector != "***":
                    sector_n += 1
                    sector_ok += any(
                        _has_code(a, code) and a.sector == sector[:3] for a in actors
                    )
    return {
        "code_recall": code_ok / coded if coded else 0.0,
        "code_sector_recall": sector_ok / sector_n if sector_n else 0.0,
        "gold_actors": coded,
        "gold_actors_with_sector": sector_n,
        "mentions_per_document": mentions / len(results) if results else 0.0,
    }
