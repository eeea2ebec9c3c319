"""Configuration: packaged defaults, then a user file, then --set overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import config
from sitrep.errors import ConfigError


def test_defaults_name_the_pipeline_and_ingest_limit():
    loaded = config.load()
    assert loaded["pipeline"]["stages"][0] == "nlp.spacy.v1"
    assert loaded["ingest"]["max_chars"] == 2_000_000


def test_user_file_overrides_defaults_and_set_overrides_the_file(tmp_path: Path):
    user = tmp_path / "sitrep.toml"
    user.write_text("[pipeline]\nbatch_size = 4\nworkers = 3\n", encoding="utf-8")
    loaded = config.load(user, ["pipeline.workers=2", "ingest.max_chars=10"])
    assert loaded["pipeline"]["batch_size"] == 4
    assert loaded["pipeline"]["workers"] == 2
    assert loaded["ingest"]["max_chars"] == 10
    assert loaded["pipeline"]["stages"][0] == "nlp.spacy.v1"


def test_set_value_that_is_not_toml_is_a_string():
    loaded = config.load(None, ["nlp.model=my_model"])
    assert loaded["nlp"]["model"] == "my_model"


def test_malformed_override_is_a_config_error():
    with pytest.raises(ConfigError):
        config.load(None, ["no-equals-sign"])


def test_missing_config_file_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError):
        config.load(tmp_path / "missing.toml")
