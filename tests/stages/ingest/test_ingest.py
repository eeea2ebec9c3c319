"""Ingest: every readable document comes through, every bad one becomes a clear error record."""

from __future__ import annotations

import io
from pathlib import Path

from sitrep.pipeline import Document
from sitrep.schema import DocumentError
from sitrep.stages.ingest import read_documents


def split(items: list[Document | DocumentError]) -> tuple[list[Document], list[DocumentError]]:
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, DocumentError)]
    return docs, errors


def test_messy_folder_keeps_good_documents_and_reports_each_bad_one(messy_folder: Path):
    docs, errors = split(list(read_documents([str(messy_folder)])))
    assert sorted(d.id for d in docs if d.id in {"r1", "r3"}) == ["r1", "r3"]
    assert any("Artillery shelling" in d.text for d in docs)
    assert len(docs) == 3
    codes = {Path(e.source.split(":")[0]).name: e.code for e in errors}
    assert codes == {
        "empty.txt": "empty",
        "photo.txt": "binary",
        "feed.jsonl": "bad_json",
        "huge.txt": "too_large",
    }
    assert all(e.stage == "ingest" and e.reason for e in errors)


def test_malformed_jsonl_line_is_reported_with_its_line_number(fixtures: Path):
    docs, errors = split(list(read_documents([str(fixtures / "articles.jsonl")])))
    assert [d.id for d in docs] == ["r1", "r3"]
    assert len(errors) == 1
    assert errors[0].source.endswith("articles.jsonl:2")
    assert errors[0].code == "bad_json"


def test_jsonl_fields_become_document_fields(fixtures: Path):
    doc = next(iter(read_documents([str(fixtures / "articles.jsonl")])))
    assert isinstance(doc, Document)
    assert doc.published == "2024-05-10"
    assert doc.source.url == "https://example.org/r1"
    assert doc.source.title == "Protesters arrested"
    assert doc.source.outlet == "Example Wire"


def test_csv_rows_are_documents(fixtures: Path):
    docs, errors = split(list(read_documents([str(fixtures / "articles.csv")])))
    assert not errors
    assert [(d.id, d.published) for d in docs] == [("c1", "2024-06-04"), ("c2", "2024-06-08")]
    assert docs[1].source.url is None


def test_html_gives_body_title_author_and_date(fixtures: Path):
    docs, errors = split(list(read_documents([str(fixtures / "shelling-report.html")])))
    assert not errors
    doc = docs[0]
    assert "Artillery shelling hit a residential district" in doc.text
    assert "Copyright" not in doc.text
    assert doc.source.title == "Shelling hits residential district"
    assert doc.source.author == "Anna Reporter"
    assert doc.published == "2024-03-04"


def test_publication_date_is_taken_from_an_iso_date_in_the_file_name(tmp_path: Path):
    path = tmp_path / "report-2023-09-19.txt"
    path.write_text("Clashes were reported near the border.", encoding="utf-8")
    doc = next(iter(read_documents([str(path)])))
    assert isinstance(doc, Document)
    assert doc.published == "2023-09-19"


def test_stdin_is_read_as_one_document():
    stdin = io.BytesIO(b"Shelling hit the town on Monday.")
    docs, errors = split(list(read_documents(["-"], stdin=stdin)))
    assert not errors
    assert docs[0].text == "Shelling hit the town on Monday."
    assert docs[0].origin == "-"


def test_encodings_are_detected(tmp_path: Path):
    text = "Les forces ont bombardé la ville de Hama à l'aube, selon l'armée syrienne."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    docs, errors = split(list(read_documents([str(tmp_path)])))
    assert not errors
    assert [d.text.strip() for d in docs] == [text, text]


def test_text_over_the_configured_limit_is_too_large(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    config = {"ingest": {"max_chars": 50}}
    _docs, errors = split(list(read_documents([str(path)], config)))
    assert [e.code for e in errors] == ["too_large"]
    assert "50" in errors[0].reason


def test_missing_path_is_not_found():
    _docs, errors = split(list(read_documents(["/no/such/place.txt"])))
    assert [e.code for e in errors] == ["not_found"]


def test_unparseable_published_keeps_the_document_with_a_warning(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Troops withdrew.", "published": "sometime"}\n', encoding="utf-8")
    docs, errors = split(list(read_documents([str(path)])))
    assert not errors
    assert docs[0].published is None
    assert [w.code for w in docs[0].warnings] == ["bad_published"]
