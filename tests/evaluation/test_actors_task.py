"""The ``actors`` eval task: gold PLOVER actors counted as found by country code and sector."""

from __future__ import annotations

from sitrep.evaluation import get_task
from sitrep.schema import Actor, ArticleResult, Mentions, Span

TEXT = "UN envoys met Serbian police."


def result_with(*actors: Actor) -> ArticleResult:
    return ArticleResult(id="x", mentions=Mentions(actors=list(actors)))


def test_actor_code_and_sector_recall():
    police = Actor(id="a1", span=Span.of(TEXT, 14, 28), name="Police of Serbia",
                   kind="organisation", country="SRB", sector="COP")
    envoys = Actor(id="a2", span=Span.of(TEXT, 0, 9), name="United Nations",
                   kind="organisation", sector="IGO")
    record = {"gold": {"source": [{"code": "IGO", "sector": "***"}],
                       "target": [{"code": "SRB", "sector": "MILsrb"}, {"code": "***"}]}}
    metrics = get_task("actors").scorer([record], [result_with(police, envoys)])
    assert metrics["code_recall"] == 1.0  # IGO by sector, SRB by country
    assert metrics["gold_actors_with_sector"] == 1
    assert metrics["code_sector_recall"] == 0.0  # police, not the military
