"""Worker processes: the same results as one process, in input order."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Document, Pipeline


@pytest.mark.slow
def test_two_workers_give_the_same_results_in_order():
    config = {"pipeline": {"stages": ["nlp.spacy.v1"], "batch_size": 2, "workers": 2}, "nlp": {}}
    texts = [f"Shelling hit village number {i} on Monday." for i in range(7)]
    serial = list(Pipeline(config=config).extract_many([Document(text=t) for t in texts]))
    parallel = list(
        Pipeline(config=config).extract_many([Document(text=t) for t in texts], workers=2)
    )
    assert [r.id for r in parallel] == [r.id for r in serial]
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in serial]
