"""Number parsing for casualty figures (issue 6): digits, words, vague words, qualifiers, ranges."""

from __future__ import annotations

import pytest

from sitrep.stages.extract.numbers import find_quantities, parse_number, quantity_table


def one(text: str) -> tuple[str, int, int | None, int | None, str]:
    found = [q for q in find_quantities(text) if not q.measure]
    assert len(found) == 1, found
    q = found[0]
    return text[q.start:q.end], q.best, q.low, q.high, q.qualifier


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("120,000", 120000),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("Eleven", 11),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("1.5 million", 1_500_000),
        ("no number here", None),
    ],
)
def test_parse_number_reads_digits_words_and_collectives(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_qualifiers_set_low_and_high() -> None:
    assert one("At least 13 people") == ("At least 13", 13, 13, None, "at_least")
    assert one("more than 20 wounded") == ("more than 20", 20, 20, None, "more_than")
    assert one("up to 30 dead") == ("up to 30", 30, None, 30, "up_to")
    assert one("nearly 50 people") == ("nearly 50", 50, None, 50, "nearly")
    assert one("no fewer than 16 persons") == ("no fewer than 16", 16, 16, None, "at_least")


def test_ranges_take_the_conservative_end_as_best() -> None:
    assert one("between 10 and 15 people died") == ("between 10 and 15", 10, 10, 15, "range")
    assert one("5-7 killed") == ("5-7", 5, 5, 7, "range")
    assert one("two to three soldiers") == ("two to three", 2, 2, 3, "range")


def test_a_toll_that_rose_from_one_figure_to_another_is_the_later_figure() -> None:
    assert one("the toll rose from 10 to 30") == ("30", 30, None, None, "exact")


def test_vague_quantifiers_follow_the_documented_convention() -> None:
    table = quantity_table()["vague"]
    assert table["dozens"]["best"] == 12  # ACLED
    assert table["hundreds"]["best"] == 100  # ACLED
    assert one("dozens were hurt")[1:] == (12, 12, None, "vague")
    assert one("hundreds of thousands fled")[1] == 100_000


def test_measures_dates_ages_and_years_are_not_counts() -> None:
    text = "the 27 year old, aged 27, on September 19, in 1991, a 44-day war, 5 km away, 10%"
    assert all(q.measure for q in find_quantities(text))
    assert not any(q.measure for q in find_quantities("120,000 Armenians live there"))


def test_every_vague_entry_has_a_best_figure_and_a_source() -> None:
    for word, entry in quantity_table()["vague"].items():
        assert isinstance(entry["best"], int), word
        assert entry["source"], word
