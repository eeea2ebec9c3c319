"""The on-disk cache: built once, named by the sources' fingerprint, stale files removed."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitrep.gazetteer as gazetteer_module
from sitrep.gazetteer import Gazetteer, build, cache_dir, cache_path, cache_status, load


@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def build_index() -> Gazetteer:
        calls.append(1)
        gaz = Gazetteer(fingerprint="test")
        index = gaz.add("Testville", lat=1.0, lon=2.0, feature="populated_place",
                        country="ABC", population=10)
        gaz.add_name("Testville", index)
        gaz.freeze()
        return gaz

    monkeypatch.setattr(gazetteer_module, "build_index", build_index)
    gazetteer_module._load_path.cache_clear()
    return calls


def test_cache_dir_prefers_config_then_environment(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "env"))
    assert cache_dir({}) == tmp_path / "env"
    assert cache_dir({"places": {"cache_dir": str(tmp_path / "cfg")}}) == tmp_path / "cfg"
    assert cache_dir({"cache_dir": str(tmp_path / "section")}) == tmp_path / "section"


def test_status_reports_an_unbuilt_cache_without_building(tmp_path: Path, fake_build: list[int]):
    ok, detail = cache_status({"places": {"cache_dir": str(tmp_path)}})
    assert ok and "not built yet" in detail
    assert fake_build == []


def test_first_load_builds_then_reuses_the_cache(tmp_path: Path, fake_build: list[int]):
    config = {"cache_dir": str(tmp_path)}
    assert load(config).lookup("Testville")[0].country == "ABC"
    assert cache_path(tmp_path).exists()
    _, seconds = build(tmp_path)
    assert seconds == 0.0 and fake_build == [1]
    ok, detail = cache_status({"places": {"cache_dir": str(tmp_path)}})
    assert ok and str(cache_path(tmp_path)) in detail


def test_a_rebuild_removes_stale_cache_files(tmp_path: Path, fake_build: list[int]):
    stale = tmp_path / "gazetteer-0000000000000000.pkl"
    tmp_path.mkdir(exist_ok=True)
    stale.write_bytes(b"old")
    build(tmp_path)
    assert not stale.exists() and cache_path(tmp_path).exists()


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path, fake_build: list[int]):
    cache_path(tmp_path).write_bytes(b"not a pickle")
    assert load({"cache_dir": str(tmp_path)}).lookup("Testville")
    assert fake_build == [1]


def test_fingerprint_changes_with_the_curated_files(monkeypatch: pytest.MonkeyPatch):
    import importlib

    build_module = importlib.import_module("sitrep.gazetteer.build")

    before = build_module.fingerprint()
    original = build_module._data_text
    monkeypatch.setattr(build_module, "_data_text",
                        lambda name: original(name) + ("\n# edited" if name == "regions.tsv"
                                                        else ""))
    assert build_module.fingerprint() != before


@pytest.mark.slow
def test_real_index_builds_and_resolves_alternate_and_curated_names(tmp_path: Path):
    import resource

    _, seconds = build(tmp_path, force=True)
    assert seconds < 120
    gazetteer_module._load_path.cache_clear()
    gaz = load({"cache_dir": str(tmp_path)})
    assert gaz.lookup("Yerevan")[0].country == "ARM"
    assert any(e.feature == "region" for e in gaz.lookup("Gaza Strip"))
    assert gaz.lookup("Calif.")[0].name == "California"
    assert gaz.demonym("Azerbaijani") == "AZE"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 2_000_000  # KiB, whole test
