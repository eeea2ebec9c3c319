"""sitrep: structured, verifiable conflict-event data from news reports, offline.

>>> import sitrep
>>> result = sitrep.extract("Shelling hit the town on Monday.", published="2023-09-19")
>>> result.to_dict()["schema"]
'sitrep/1'

``extract`` runs the configured default pipeline on one text; :class:`Pipeline` runs it on
batches (``Pipeline().extract_many(docs, workers=2)``).
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.errors import (
    ConfigError,
    EvalError,
    IngestError,
    ModelLoadError,
    PipelineError,
    SitrepError,
    StageError,
    StageOrderError,
    StoreError,
    UnknownStageError,
)
from sitrep.pipeline import Document, Pipeline
from sitrep.schema import (
    SCHEMA_VERSION,
    Actor,
    ArticleResult,
    Count,
    Event,
    Place,
    Quote,
    Source,
    Span,
    Time,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ArticleResult",
    "ConfigError",
    "Count",
    "Document",
    "EvalError",
    "Event",
    "IngestError",
    "ModelLoadError",
    "Pipeline",
    "PipelineError",
    "Place",
    "Quote",
    "SitrepError",
    "Source",
    "Span",
    "StageError",
    "StageOrderError",
    "StoreError",
    "Time",
    "UnknownStageError",
    "__version__",
    "extract",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(
    text: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
) -> ArticleResult:
    """Run the default pipeline on one article and return its ``sitrep/1`` result.

    ``published`` (``YYYY-MM-DD``) anchors relative dates; without it they keep relative
    values and the result carries a warning saying so.
    """
    from sitrep.stages.ingest.records import document_from_fields

    doc = document_from_fields(
        text=text, published=published, url=url, title=title, outlet=outlet, id=id, origin="api"
    )
    return _default_pipeline()(doc).to_result()
