"""Document container, stage registry and runner."""

from sitrep.pipeline.document import Document, content_hash
from sitrep.pipeline.registry import (
    BatchStage,
    Stage,
    StageInfo,
    check_order,
    get,
    register,
    registered,
)
from sitrep.pipeline.runner import Pipeline

__all__ = [
    "BatchStage",
    "Document",
    "Pipeline",
    "Stage",
    "StageInfo",
    "check_order",
    "content_hash",
    "get",
    "register",
    "registered",
]
