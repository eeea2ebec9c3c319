"""The stage registry: versioned names, factories and what each stage needs and sets.

A stage is a callable ``(Document) -> Document``, optionally with
``pipe(docs, batch_size) -> Iterator[Document]`` for batched work. Its factory takes the
stage's configuration section (a dict) and returns it; models load in the factory, never at
import time. Built-in stages register exactly as third-party ones do::

    @register("extract.places.v1", requires=["doc.nlp"], assigns=["mentions.places"],
              config="places")
    def make_places(config: dict) -> Stage: ...

Requirement keys are plain strings. Ingest provides ``doc.text``, ``doc.published`` and
``doc.source``; each stage's ``assigns`` names what it fills (``doc.nlp``,
``mentions.places``, ``events``, ``events.fatalities``, ...). Third-party packages register
through the ``sitrep.stages`` entry-point group (each entry point a module to import).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, Protocol, runtime_checkable

from sitrep.errors import PipelineError, StageOrderError, UnknownStageError
from sitrep.modules import iter_modules
from sitrep.pipeline.document import Document

INGEST_PROVIDES = ("doc.text", "doc.published", "doc.source")

# Packages whose modules register the built-in stages: every module under them is imported
# on first lookup (never at ``import sitrep``), so a new stage module needs no list entry.
BUILTIN_PACKAGES = ("sitrep.stages",)


@runtime_checkable
class Stage(Protocol):
    def __call__(self, doc: Document) -> Document: ...


@runtime_checkable
class BatchStage(Stage, Protocol):
    def pipe(self, docs: Iterable[Document], batch_size: int) -> Iterator[Document]: ...


Factory = Callable[[dict[str, Any]], Stage]


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Factory
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    config: str | None = None
    """Name of the configuration section passed to the factory."""
    description: str = ""
    module: str = field(default="", compare=False)


_REGISTRY: dict[str, StageInfo] = {}
_loaded = False


def register(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    config: str | None = None,
    description: str = "",
) -> Callable[[Factory], Factory]:
    """Register a stage factory under a versioned name such as ``extract.places.v1``."""
    parts = name.split(".")
    if len(parts) < 2 or not parts[-1].startswith("v") or not parts[-1][1:].isdigit():
        raise ValueError(f"stage name {name!r} must end in a version such as '.v1'")

    def decorator(factory: Factory) -> Factory:
        summary = description or next(iter((factory.__doc__ or "").strip().splitlines()), "")
        _REGISTRY[name] = StageInfo(
            name=name,
            factory=factory,
            requires=tuple(requires),
            assigns=tuple(assigns),
            config=config,
            description=summary,
            module=factory.__module__,
        )
        return factory

    return decorator


def _load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    modules = [module for package in BUILTIN_PACKAGES for module in iter_modules(package)]
    modules += [entry.value for entry in metadata.entry_points(group="sitrep.stages")]
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception as exc:
            raise PipelineError(
                f"stage module {module} cannot be imported: {type(exc).__name__}: {exc}"
            ) from exc
    _loaded = True


def get(name: str) -> StageInfo:
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise UnknownStageError(f"no stage named {name!r} (registered: {known})") from None


def registered() -> list[StageInfo]:
    _load_builtins()
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def check_order(names: Iterable[str]) -> list[StageInfo]:
    """The stages for ``names``, after checking each one's requirements are met in order.

    Raises :class:`StageOrderError` naming the first stage whose requirement no earlier
    stage (or ingest) provides, and :class:`UnknownStageError` for an unknown name.
    """
    available = set(INGEST_PROVIDES)
    infos: list[StageInfo] = []
    seen: set[str] = set()
    for name in names:
        info = get(name)
        if name in seen:
            raise StageOrderError(f"stage {name!r} appears twice")
        seen.add(name)
        missing = [req for req in info.requires if req not in available]
        if missing:
            providers = {req: [i.name for i in registered() if req in i.assigns] for req in missing}
            hint = "; ".join(
                f"{req} comes from {', '.join(p) if p else 'no registered stage'}"
                for req, p in providers.items()
            )
            raise StageOrderError(f"stage {name!r} requires {', '.join(missing)} ({hint})")
        available.update(info.assigns)
        infos.append(info)
    return infos
