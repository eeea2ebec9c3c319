"""The runner keeps each document's failure to itself and carries on with the batch."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.errors import StageError, StageOrderError, UnknownStageError
from sitrep.pipeline import Document, Pipeline
from sitrep.pipeline.registry import check_order, get, register

CONFIG: dict[str, Any] = {"pipeline": {"stages": [], "batch_size": 4, "workers": 1}}


class Upper:
    """Sets user_data['upper']; raises on texts containing 'boom'."""

    def __call__(self, doc: Document) -> Document:
        if "boom" in doc.text:
            raise ValueError("cannot shout this")
        if "refuse" in doc.text:
            raise StageError("test.upper.v1", "refused", "the text asks to be refused")
        doc.user_data["upper"] = doc.text.upper()
        return doc


class Length:
    """Needs what Upper assigns."""

    def __call__(self, doc: Document) -> Document:
        doc.user_data["length"] = len(doc.user_data["upper"])
        return doc


class Independent:
    def __call__(self, doc: Document) -> Document:
        doc.user_data["seen"] = True
        return doc


class BadReturn:
    def __call__(self, doc: Document) -> Any:
        return "not a document"


register("test.upper.v1", requires=["doc.text"], assigns=["test.upper"])(lambda c: Upper())
register("test.length.v1", requires=["test.upper"], assigns=["test.length"])(lambda c: Length())
register("test.independent.v1", requires=["doc.text"], assigns=["test.seen"])(
    lambda c: Independent()
)
register("test.bad-return.v1", requires=["doc.text"], assigns=["test.bad"])(lambda c: BadReturn())

STAGES = ["test.upper.v1", "test.length.v1", "test.independent.v1"]


def test_failing_stage_marks_only_its_document_and_the_batch_goes_on():
    pipeline = Pipeline(STAGES, CONFIG)
    docs = [Document(text="calm"), Document(text="boom"), Document(text="quiet")]
    out = list(pipeline.pipe(docs))
    assert [d.user_data.get("length") for d in out] == [4, None, 5]
    bad = out[1]
    errors = [w for w in bad.warnings if w.level == "error"]
    assert len(errors) == 1
    assert errors[0].stage == "test.upper.v1"
    assert errors[0].code == "exception"
    assert "cannot shout this" in errors[0].message


def test_stages_that_need_a_failed_stage_are_skipped_with_a_warning():
    doc = Pipeline(STAGES, CONFIG)(Document(text="boom"))
    skipped = [w for w in doc.warnings if w.code == "skipped"]
    assert [w.stage for w in skipped] == ["test.length.v1"]
    assert doc.user_data["seen"] is True  # the independent stage still ran


def test_stage_error_keeps_its_code_and_reason():
    result = Pipeline(STAGES, CONFIG)(Document(text="please refuse")).to_result()
    assert result.failed
    error = next(w for w in result.warnings if w.level == "error")
    assert (error.stage, error.code) == ("test.upper.v1", "refused")


def test_stage_returning_something_else_is_an_error_record():
    doc = Pipeline(["test.bad-return.v1"], CONFIG)(Document(text="x"))
    assert doc.failed_stages == ["test.bad-return.v1"]
    assert "not the Document" in doc.warnings[0].message


def test_check_order_names_the_missing_requirement_and_its_provider():
    with pytest.raises(StageOrderError, match=r"test\.upper.*comes from test\.upper\.v1"):
        check_order(["test.length.v1", "test.upper.v1"])


def test_unknown_stage_is_reported_with_the_registered_names():
    with pytest.raises(UnknownStageError, match=r"nlp\.spacy\.v1"):
        get("extract.nothing.v1")


def test_stage_names_must_carry_a_version():
    with pytest.raises(ValueError, match="version"):
        register("test.unversioned")(lambda c: Upper())


def test_duplicate_stage_in_pipeline_is_refused():
    with pytest.raises(StageOrderError, match="twice"):
        check_order(["test.upper.v1", "test.upper.v1"])


def test_results_keep_input_order_and_ids():
    pipeline = Pipeline(["test.upper.v1"], CONFIG)
    docs = [Document(text=f"text {i}", id=f"d{i}") for i in range(10)]
    assert [r.id for r in pipeline.extract_many(docs, batch_size=3)] == [
        f"d{i}" for i in range(10)
    ]


def test_models_load_only_when_a_stage_is_first_used():
    pipeline = Pipeline(["nlp.spacy.v1"], {**CONFIG, "nlp": {}})
    assert pipeline._stages is None
    assert pipeline.names == ["nlp.spacy.v1"]


def test_document_id_defaults_to_its_content_hash():
    doc = Document(text="same text")
    assert doc.id == Document(text="same text").id == doc.hash[:16]
