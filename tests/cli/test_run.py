"""``sitrep run``: ingest, extract and store, with a summary; re-runs store nothing new."""

from __future__ import annotations

from pathlib import Path

from sitrep.store import Store
from support import sitrep


def test_run_stores_every_good_document_and_reports_every_bad_one(
    messy_folder: Path, tmp_path: Path
):
    db = tmp_path / "events.db"
    outcome = sitrep("run", str(messy_folder), "--db", str(db), "--no-progress")
    assert outcome.code == 1
    for name, code in [
        ("empty.txt", "empty"),
        ("photo.txt", "binary"),
        ("feed.jsonl:2", "bad_json"),
        ("huge.txt", "too_large"),
    ]:
        assert any(
            name in line and f"ingest: {code}:" in line for line in outcome.stderr.splitlines()
        ), (name, outcome.stderr)
    with Store(db) as store:
        assert store.counts()["articles"] == 3
        failures = store.db.execute("SELECT stage, code FROM failures ORDER BY code").fetchall()
    assert [tuple(f) for f in failures] == [
        ("ingest", "bad_json"),
        ("ingest", "binary"),
        ("ingest", "empty"),
        ("ingest", "too_large"),
    ]
    assert "stored" in outcome.stdout


def test_second_run_on_the_same_folder_stores_nothing_new_and_says_so(
    fixtures: Path, tmp_path: Path
):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("shelling-report.txt", "articles.csv"):
        (folder / name).write_bytes((fixtures / name).read_bytes())
    db = str(tmp_path / "events.db")
    first = sitrep("run", str(folder), "--db", db, "--no-progress")
    assert first.code == 0, first.stderr
    with Store(db) as store:
        stored = store.counts()
    second = sitrep("run", str(folder), "--db", db, "--no-progress")
    assert second.code == 0
    assert "nothing new" in second.stdout
    with Store(db) as store:
        assert store.counts() == stored
        assert stored["articles"] == 3
