"""Name keys: spelling variants meet, abbreviations expand."""

from __future__ import annotations

from sitrep.gazetteer.names import is_latin, normalize


def test_normalize_folds_case_accents_and_punctuation():
    assert normalize("Nagorno-Karabakh") == normalize("nagorno karabakh") == "nagorno karabakh"
    assert normalize("Laçın") == "lacin"
    assert normalize("Xankəndi") == "xankendi"


def test_normalize_drops_apostrophes_and_expands_saint():
    assert normalize("Cote d'Ivoire") == "cote divoire"
    assert normalize("St. Petersburg") == normalize("Saint Petersburg") == "saint petersburg"
    assert normalize("Ft. Worth") == "fort worth"


def test_is_latin_rejects_other_scripts():
    assert is_latin("Ağdam")
    assert not is_latin("Москва")
