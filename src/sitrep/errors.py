"""One exception hierarchy for sitrep.

::

    SitrepError                    anything sitrep raises on purpose
    ├── ConfigError                a bad configuration file or --set override
    ├── PipelineError              a pipeline that cannot be built or run
    │   ├── UnknownStageError      no stage registered under that name
    │   └── StageOrderError        a stage needs what no earlier stage assigns
    ├── StageError                 one stage failed on one document (code + reason)
    │   └── IngestError            a document could not be read (empty, binary, too big, ...)
    ├── ModelLoadError             the spaCy model (or other packaged data) is missing
    ├── StoreError                 the SQLite store cannot be opened or migrated
    └── EvalError                  an unknown eval task or an unreadable gold file

Library code raises these and never prints or exits; the CLI turns them into a one-line
message and an exit code (2 for usage and setup errors), the runner turns a
:class:`StageError` into a per-document record and carries on with the batch.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class ConfigError(SitrepError):
    pass


class PipelineError(SitrepError):
    pass


class UnknownStageError(PipelineError):
    pass


class StageOrderError(PipelineError):
    pass


class StageError(SitrepError):
    """A stage failed on one document. ``code`` is a short machine-readable slug."""

    def __init__(self, stage: str, code: str, reason: str) -> None:
        super().__init__(f"{stage}: {code}: {reason}")
        self.stage = stage
        self.code = code
        self.reason = reason


class IngestError(StageError):
    """A document could not be read; it yields a :class:`~sitrep.schema.DocumentError`."""

    def __init__(self, code: str, reason: str, stage: str = "ingest") -> None:
        super().__init__(stage, code, reason)


class ModelLoadError(SitrepError):
    pass


class StoreError(SitrepError):
    pass


class EvalError(SitrepError):
    pass
