"""The pipeline runner: stages in order over batches of documents, failures kept per document.

A stage that raises on one document marks that document with an error record (stage, code,
reason) and the batch carries on: the other documents are untouched, and later stages that
need what the failed stage assigns are skipped for that document with a warning saying so.
A batch stage (one with ``pipe``) that raises is re-run document by document, so one bad
document cannot take its batch down with it.

With ``workers > 1`` batches go to worker processes, each of which builds the pipeline (and
loads the models) once.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from sitrep import config as config_module
from sitrep.errors import PipelineError, StageError
from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import Stage, StageInfo, check_order
from sitrep.schema import ArticleResult, Source


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Pipeline:
    """Stages built from the configuration, run over documents.

    >>> pipeline = Pipeline()                      # the configured default stages
    >>> results = pipeline.extract_many([Document(text="...")])  # doctest: +SKIP
    """

    def __init__(
        self,
        stages: Iterable[str] | None = None,
        config: dict[str, Any] | None = None,
    ) -> None:
        self.config = config if config is not None else config_module.load()
        names = list(stages) if stages is not None else list(self.config["pipeline"]["stages"])
        self.infos: list[StageInfo] = check_order(names)
        self._stages: list[Stage] | None = None
        self.timings: dict[str, float] = {info.name: 0.0 for info in self.infos}
        """Seconds spent in each stage in this process so far (for benchmarks)."""

    @property
    def stages(self) -> list[Stage]:
        """The built stages. Built (models loaded) on first use, so a pipeline that only hands
        documents to worker processes never loads the models itself."""
        if self._stages is None:
            built: list[Stage] = []
            for info in self.infos:
                section = dict(self.config.get(info.config, {})) if info.config else {}
                stage = info.factory(section)
                if not callable(stage):
                    raise PipelineError(f"factory of {info.name!r} returned {stage!r}, not a stage")
                built.append(stage)
            self._stages = built
        return self._stages

    @property
    def names(self) -> list[str]:
        return [info.name for info in self.infos]

    @property
    def batch_size(self) -> int:
        return int(self.config["pipeline"].get("batch_size", 16))

    # -- one stage ---------------------------------------------------------------------
    def _blocked(self, info: StageInfo, doc: Document) -> bool:
        """Skip ``info`` for ``doc`` when an earlier stage it depends on failed there."""
        for failed in doc.failed_stages:
            failed_info = next((i for i in self.infos if i.name == failed), None)
            lost = set(failed_info.assigns) if failed_info else set()
            needed = lost.intersection(info.requires)
            if needed:
                doc.warn(
                    info.name,
                    "skipped",
                    f"not run: it needs {', '.join(sorted(needed))} from {failed}, which failed",
                )
                return True
        return False

    def _run_one(self, info: StageInfo, stage: Stage, doc: Document) -> Document:
        try:
            out = stage(doc)
            if not isinstance(out, Document):
                raise PipelineError(
                    f"stage returned {type(out).__name__}, not the Document it was given"
                )
            return out
        except StageError as exc:
            self._fail(doc, info.name, exc.code, exc.reason)
        except Exception as exc:  # a bug in a stage must not take the batch down
            self._fail(doc, info.name, "exception", f"{type(exc).__name__}: {exc}")
        return doc

    @staticmethod
    def _fail(doc: Document, stage: str, code: str, reason: str) -> None:
        doc.warn(stage, code, reason, level="error")
        doc.failed_stages.append(stage)

    def _run_stage(self, info: StageInfo, stage: Stage, batch: list[Document]) -> list[Document]:
        started = time.perf_counter()
        try:
            return self._run_stage_untimed(info, stage, batch)
        finally:
            self.timings[info.name] += time.perf_counter() - started

    def _run_stage_untimed(
        self, info: StageInfo, stage: Stage, batch: list[Document]
    ) -> list[Document]:
        ready = [doc for doc in batch if not self._blocked(info, doc)]
        pipe = getattr(stage, "pipe", None)
        if pipe is not None and len(ready) > 1:
            try:
                done = list(pipe(ready, batch_size=len(ready)))
                if len(done) == len(ready) and all(isinstance(d, Document) for d in done):
                    return batch
            except Exception:  # noqa: S110 - isolate the bad document below
                pass
        for doc in ready:
            self._run_one(info, stage, doc)
        return batch

    # -- documents ---------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        for info, stage in zip(self.infos, self.stages, strict=True):
            self._run_stage(info, stage, [doc])
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[Document]:
        """Run every stage over ``docs`` in batches, in this process, keeping their order."""
        for batch in _batches(docs, batch_size or self.batch_size):
            for info, stage in zip(self.infos, self.stages, strict=True):
                self._run_stage(info, stage, batch)
            yield from batch

    def extract_many(
        self,
        docs: Iterable[Document],
        workers: int = 1,
        batch_size: int | None = None,
    ) -> Iterator[ArticleResult]:
        """Article results for ``docs``, in input order, with ``workers`` processes."""
        size = batch_size or self.batch_size
        if workers <= 1:
            for doc in self.pipe(docs, size):
                yield doc.to_result()
            return
        yield from _parallel(self.names, self.config, docs, workers, size)


# -- worker processes ------------------------------------------------------------------
_worker_pipeline: Pipeline | None = None


def _init_worker(names: list[str], config: dict[str, Any]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(names, config)


def _work(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert _worker_pipeline is not None, "worker not initialised"
    docs = [_from_wire(item) for item in batch]
    return [
        doc.to_result().model_dump(mode="json", by_alias=True)
        for doc in _worker_pipeline.pipe(docs, len(docs))
    ]


def _to_wire(doc: Document) -> dict[str, Any]:
    return {
        "text": doc.text,
        "id": doc.id,
        "published": doc.published,
        "source": doc.source.model_dump(),
        "language": doc.language,
        "origin": doc.origin,
        "warnings": [w.model_dump() for w in doc.warnings],
    }


def _from_wire(item: dict[str, Any]) -> Document:
    doc = Document(
        text=item["text"],
        id=item["id"],
        published=item["published"],
        source=Source(**item["source"]),
        language=item["language"],
        origin=item["origin"],
    )
    for warning in item["warnings"]:
        doc.warn(warning["stage"], warning["code"], warning["message"], warning["level"])
    return doc


def _parallel(
    names: list[str],
    config: dict[str, Any],
    docs: Iterable[Document],
    workers: int,
    batch_size: int,
) -> Iterator[ArticleResult]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(names, config),
    ) as pool:
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        for batch in _batches(docs, batch_size):
            pending.append(pool.submit(_work, [_to_wire(doc) for doc in batch]))
            while len(pending) > 2 * workers:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())


def _collect(future: Future[list[dict[str, Any]]]) -> Iterator[ArticleResult]:
    for item in future.result():
        yield ArticleResult.model_validate(item)
