"""``sitrep extract``: one sitrep/1 object per article on stdout, errors on stderr."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema

from sitrep.export.flat import FLAT_COLUMNS
from support import SEED, read_jsonl, sitrep

SCHEMA = json.loads(
    (Path(__file__).parent.parent.parent / "docs" / "sitrep-1.schema.json").read_text("utf-8")
)


def test_extract_seed_prints_one_object_that_validates_against_the_committed_schema():
    outcome = sitrep("extract", str(SEED), "--no-progress")
    assert outcome.code == 0, outcome.stderr
    (result,) = read_jsonl(outcome.stdout)
    jsonschema.validate(result, SCHEMA)
    assert result["published"] == "2023-09-19"
    for group in ("places", "times", "actors", "quotes"):
        for mention in result["mentions"][group]:  # type: ignore[index]
            span = mention.get("span") or mention.get("content")
            assert SEED.read_text("utf-8")[span["start"] : span["end"]] == span["text"]


def test_extract_reads_stdin():
    outcome = sitrep("extract", "-", "--published", "2024-01-02", "--no-progress",
                     stdin="Shelling hit the town on Monday.")
    assert outcome.code == 0
    (result,) = read_jsonl(outcome.stdout)
    assert result["published"] == "2024-01-02"


def test_extract_json_is_one_array(fixtures: Path):
    outcome = sitrep("extract", str(fixtures / "articles.csv"), "--format", "json",
                     "--no-progress")
    assert outcome.code == 0
    assert [r["id"] for r in json.loads(outcome.stdout)] == ["c1", "c2"]


def test_extract_csv_has_the_flat_columns(fixtures: Path):
    outcome = sitrep("extract", str(fixtures / "shelling-report.txt"), "--format", "csv",
                     "--no-progress")
    assert outcome.code == 0
    reader = csv.DictReader(io.StringIO(outcome.stdout))
    assert reader.fieldnames == FLAT_COLUMNS


def test_extract_bad_line_exits_1_and_keeps_the_good_lines(fixtures: Path, tmp_path: Path):
    errors = tmp_path / "errors.jsonl"
    outcome = sitrep("extract", str(fixtures / "articles.jsonl"), "--errors", str(errors),
                     "--no-progress")
    assert outcome.code == 1
    assert [r["id"] for r in read_jsonl(outcome.stdout)] == ["r1", "r3"]
    assert "articles.jsonl:2: ingest: bad_json:" in outcome.stderr
    (record,) = read_jsonl(errors.read_text("utf-8"))
    assert record["code"] == "bad_json"


def test_unknown_stage_is_a_usage_error_with_one_line():
    outcome = sitrep("extract", "-", "--set", 'pipeline.stages=["nope.v1"]', stdin="x")
    assert outcome.code == 2
    assert outcome.stderr.strip().startswith("error: no stage named 'nope.v1'")
