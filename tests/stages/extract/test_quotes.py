"""extract.quotes.v1: direct, indirect and mixed quotes; marks; speakers (issue 7)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import get
from sitrep.schema import Actor, Quote, Span
from sitrep.stages.extract import quotes_lexicon
from sitrep.stages.extract.quotes import NAME, make_quotes
from sitrep.stages.extract.quotes_marks import quote_spans

Run = Callable[..., Document]


@pytest.fixture(scope="module")
def run() -> Run:
    nlp = get("nlp.spacy.v1").factory({})
    stage = make_quotes({})

    def _run(text: str, actors: list[Actor] | None = None) -> Document:
        doc = nlp(Document(text=text))
        if actors:
            doc.actors = actors
        return stage(doc)

    return _run


def only(doc: Document) -> Quote:
    assert len(doc.quotes) == 1, [q.content.text for q in doc.quotes]
    return doc.quotes[0]


def test_direct_quote_before_attribution_has_speaker_and_cue(run: Run) -> None:
    doc = run("“The talks have failed,” the foreign minister said on Monday.")
    quote = only(doc)
    assert quote.kind == "direct"
    assert quote.content.text == "“The talks have failed,”"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.span is not None and quote.speaker.span.text == "the foreign minister"


def test_the_name_right_before_said_speaks_when_the_parse_took_another_subject(
    run: Run,
) -> None:
    doc = run(
        "KYIV, March 3 (Wire) - Missiles struck an apartment block in Odesa overnight, "
        "killing at least 12 people, including five children, regional governor Petro "
        "Lanko said on Saturday."
    )
    quote = only(doc)
    assert quote.speaker.span is not None
    assert quote.speaker.span.text == "regional governor Petro Lanko"
    assert quote.content.text.startswith("Missiles struck")  # the dateline is no content
    assert quote.content.text.endswith("including five children")


def test_a_clause_before_a_semicolon_is_not_the_next_verbs_content(run: Run) -> None:
    doc = run(
        'Norland says the so-called "counter-terrorist operation" killed at least 30 '
        "civilians; Southland disputes the figure."
    )
    contents = {q.cue.text: q.content.text for q in doc.quotes if q.cue is not None}
    assert contents["disputes"] == "the figure"
    assert contents["says"].endswith("killed at least 30 civilians")


def test_so_called_is_no_speech_verb(run: Run) -> None:
    doc = run('The so-called "peace mission" entered the town.')
    assert doc.quotes == []


def test_a_closing_guillemet_parsed_as_subject_is_not_the_speaker(run: Run) -> None:
    doc = run(
        "Rebels attacked the village on Tuesday, the governor said. "
        "«We will not surrender,» the commander told reporters. Residents fled."
    )
    quote = next(q for q in doc.quotes if q.kind == "direct")
    assert quote.speaker.span is not None and quote.speaker.span.text == "the commander"


def test_direct_quote_after_colon_takes_the_verb_before_it(run: Run) -> None:
    doc = run('The general told reporters: "We will hold the bridge at any cost."')
    quote = only(doc)
    assert quote.content.text == '"We will hold the bridge at any cost."'
    assert quote.speaker.span is not None and quote.speaker.span.text == "The general"


def test_said_that_gives_the_clause_as_indirect_content(run: Run) -> None:
    doc = run("The ministry said that two soldiers were wounded near the border.")
    quote = only(doc)
    assert quote.kind == "indirect"
    assert quote.content.text == "that two soldiers were wounded near the border"
    assert quote.speaker.name == "The ministry"


def test_according_to_makes_its_object_the_speaker(run: Run) -> None:
    doc = run("Three villages were shelled overnight, according to local officials.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.speaker.span is not None and quote.speaker.span.text == "local officials"
    assert quote.content.text == "Three villages were shelled overnight"


def test_sentence_initial_according_to_keeps_the_clause_the_parse_put_in_its_source(
    run: Run,
) -> None:
    doc = run("According to local radio host Anna Borova, the move reeks of desperation.")
    quote = only(doc)
    assert quote.speaker.span is not None
    assert quote.speaker.span.text == "local radio host Anna Borova"
    assert quote.content.text == "the move reeks of desperation"


def test_a_clause_after_a_phrase_between_it_and_said_is_the_content(run: Run) -> None:
    doc = run("The governor said after the meeting he would not accept the terms if they "
              "were offered.")
    quote = only(doc)
    assert quote.content.text == "he would not accept the terms if they were offered"
    assert quote.speaker.name == "The governor"


def test_a_that_clause_hung_on_the_hearer_is_the_content(run: Run) -> None:
    doc = run("In Lviv last week, the minister told a meeting of regional leaders that few "
              "officials understood the risks of the offensive better than mayors.")
    quote = only(doc)
    assert quote.content.text.startswith("that few officials understood")
    assert quote.speaker.name == "the minister"


def test_coordinated_infinitives_share_the_content(run: Run) -> None:
    quote = only(run("The governor wants to triple the size of the police force, grow the "
                     "militia and create a new reserve program."))
    assert quote.content.text.endswith("create a new reserve program")
    doc = run("The minister vowed to rebuild the bridge and said the road would reopen.")
    assert sorted(q.content.text for q in doc.quotes) == ["the road would reopen",
                                                          "to rebuild the bridge"]


def test_told_to_attributes_the_order(run: Run) -> None:
    quote = only(run("The commander told his officers to withdraw from the town."))
    assert quote.content.text == "his officers to withdraw from the town"
    assert quote.speaker.name == "The commander"


def test_accused_of_takes_the_prepositional_object(run: Run) -> None:
    doc = run("The rebels accused the army of shelling the market.")
    quote = only(doc)
    assert "shelling the market" in quote.content.text
    assert quote.speaker.name == "The rebels"


def test_quote_inside_reported_clause_makes_one_mixed_quote(run: Run) -> None:
    doc = run("The mayor said the city was facing “a humanitarian catastrophe” after the floods.")
    quote = only(doc)
    assert quote.kind == "mixed"
    assert "“a humanitarian catastrophe”" in quote.content.text


def test_quote_going_on_after_its_attribution_is_one_quote(run: Run) -> None:
    text = "“We are ready,” the commander said. “The enemy will not pass.”"
    quote = only(run(text))
    assert quote.content.text == text[: text.index("”") + 1] + text[text.index("”") + 1 :]
    assert quote.content.end == len(text)


def test_quote_running_over_paragraphs_is_one_quote(run: Run) -> None:
    text = (
        "The envoy said:\n\n"
        "“The ceasefire is holding in the north.\n\n"
        "“But the south remains very dangerous for civilians.”"
    )
    quote = only(run(text))
    assert quote.content.start == text.index("“")
    assert quote.content.end == len(text)
    assert quote.speaker.name == "The envoy"


def test_pronoun_speaker_takes_the_previous_named_speaker(run: Run) -> None:
    text = (
        "“The situation is grave,” said Anna Petrova, the agency spokeswoman.\n\n"
        "“We need access to the wounded,” she added."
    )
    doc = run(text)
    assert len(doc.quotes) == 2
    second = doc.quotes[1]
    assert second.speaker.span is not None and second.speaker.span.text == "she"
    assert second.speaker.name == doc.quotes[0].speaker.name


def test_definite_role_noun_refers_back_to_the_named_speaker(run: Run) -> None:
    text = (
        "“Talks will resume,” said Anna Petrova, a senior diplomat.\n\n"
        "The diplomat stated that both sides had agreed to a prisoner exchange."
    )
    doc = run(text)
    assert len(doc.quotes) == 2
    assert doc.quotes[1].speaker.name == doc.quotes[0].speaker.name


def test_speaker_resolves_to_the_actor_mention(run: Run) -> None:
    text = "“We are concerned,” said Anna Petrova, the agency spokeswoman."
    start = text.index("Anna")
    actor = Actor(
        id="a1", span=Span.of(text, start, start + len("Anna Petrova")), name="Anna Petrova",
        kind="person", affiliation="a2",
    )
    quote = only(run(text, actors=[actor]))
    assert quote.speaker.actor == "a1"
    assert quote.speaker.name == "Anna Petrova"


def test_transcript_lines_are_attributed_to_their_label(run: Run) -> None:
    text = "Interview transcript\n\nHOST: Will the troops leave?\n\nGENERAL: Not this year."
    doc = run(text)
    speakers = [q.speaker.span.text for q in doc.quotes if q.speaker.span]
    assert speakers == ["HOST", "GENERAL"]


def test_quote_ids_are_sequential_and_spans_match_the_text(run: Run) -> None:
    text = (
        "The army said it had repelled an attack. “Nobody was hurt,” a spokesman said.\n\n"
        "According to witnesses, the shooting lasted an hour."
    )
    doc = run(text)
    assert [q.id for q in doc.quotes] == [f"q{i}" for i in range(1, len(doc.quotes) + 1)]
    assert len(doc.quotes) == 3
    for quote in doc.quotes:
        for span in (quote.content, quote.cue, quote.speaker.span):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_unbalanced_mark_degrades_one_quote_and_warns(run: Run) -> None:
    text = (
        "“We will not withdraw, the colonel said.\n\n"
        "The bridge fell at noon. “It is ours,” a soldier said."
    )
    doc = run(text)
    assert any(w.code == "unbalanced_quote" and w.stage == NAME for w in doc.warnings)
    good = [q for q in doc.quotes if q.content.text == "“It is ours,”"]
    assert good and good[0].speaker.span is not None
    assert good[0].speaker.span.text == "a soldier"


def test_stray_closing_mark_warns_and_keeps_other_quotes(run: Run) -> None:
    text = "Fighting resumed” at dawn. “Stay indoors,” the police said."
    doc = run(text)
    assert any(w.code == "stray_quote_mark" for w in doc.warnings)
    assert [q.content.text for q in doc.quotes] == ["“Stay indoors,”"]


def test_document_without_parse_warns_instead_of_failing() -> None:
    doc = make_quotes({})(Document(text="“Hello,” he said."))
    assert doc.quotes == []
    assert [w.code for w in doc.warnings] == ["no_parse"]


def test_short_unattributed_quote_marks_are_scare_quotes_not_quotes(run: Run) -> None:
    doc = run("Troops entered the town in an “operation” that lasted hours.")
    assert all(q.content.text != "“operation”" for q in doc.quotes)
    assert doc.user_data[NAME]["scare"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said «ceasefire now» twice.", ["«ceasefire now»"]),
        ("He said „ceasefire now“ twice.", ["„ceasefire now“"]),
        ('He said "ceasefire now" twice.', ['"ceasefire now"']),
        ("“They told us ‘leave now’ and we left,” she said.",
         ["“They told us ‘leave now’ and we left,”"]),
        ("It’s a ‘humanitarian pause’, officials’ words.", ["‘humanitarian pause’"]),
    ],
)
def test_quote_marks_pair_in_every_style(text: str, expected: list[str]) -> None:
    spans, problems = quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == expected
    assert problems == []


def test_lexicon_loads_every_file() -> None:
    lex = quotes_lexicon.load_lexicon()
    assert lex.verbs["say"].status == "reported"
    assert lex.verbs["deny"].status == "denied"
    assert "of" in lex.verbs["accuse"].preps
    assert lex.cues[("according", "to")] == "reported"
    assert lex.hedges[("allegedly",)] == "alleged"
    assert "episode" in lex.anaphors and "diplomat" in lex.speakers


def test_lexicon_rejects_an_unknown_status() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        quotes_lexicon._status("maybe", "verbs.tsv 'say'")


def test_random_quote_marks_never_break_the_stage(run: Run) -> None:
    """Odd and unbalanced marks in any order: spans stay valid, nothing raises."""
    rng = random.Random(7)
    pieces = [*'"\'“”‘’„‟«»‹›`', "''", "``", "\n\n", ":", " said ", " — ", "according to "]
    words = ["the", "army", "said", "that", "rebels", "shelled", "town", "he", "claimed"]
    for _ in range(40):
        text = " ".join(
            rng.choice(pieces) if rng.random() < 0.3 else rng.choice(words)
            for _ in range(rng.randint(1, 30))
        )
        doc = run(text)
        for quote in doc.quotes:
            for span in (quote.content, quote.cue, quote.speaker.span):
                if span is not None:
                    assert text[span.start : span.end] == span.text


def test_actor_in_a_trailing_phrase_is_not_the_speaker(run: Run) -> None:
    text = "Tensions between Ruritania and its neighbour threaten to wreck the truce."
    start = text.index("Ruritania")
    actor = Actor(id="a1", span=Span.of(text, start, start + 9), name="Ruritania", kind="state")
    for quote in run(text, actors=[actor]).quotes:
        assert quote.speaker.actor is None


def test_claim_noun_with_that_clause_is_attributed_to_its_possessor(run: Run) -> None:
    doc = run("The rebels rejected the government's claim that the town was calm.")
    quotes = [q for q in doc.quotes if q.cue is not None and q.cue.text == "claim"]
    assert not quotes  # inside "rejected": kept for the claims stage, not listed
    nested = doc.user_data[NAME]["nested"]
    assert [tuple(n["content"]) for n in nested] == [(doc.text.index("that"), len(doc.text) - 1)]
    doc = run("The government's claim that the town was calm was false.")
    quotes = [q for q in doc.quotes if q.cue is not None and q.cue.text == "claim"]
    assert quotes and quotes[0].content.text == "that the town was calm"
    assert quotes[0].speaker.span is not None
    assert quotes[0].speaker.span.text == "The government"


def test_quote_signed_with_a_dash_is_attributed_to_the_name(run: Run) -> None:
    quote = only(run("“We only want to go home.” ― Amal Haddad"))
    assert quote.speaker.span is not None and quote.speaker.span.text == "Amal Haddad"
    assert quote.cue is not None and quote.cue.text == "―"


def test_typewriter_double_quotes_pair(run: Run) -> None:
    quote = only(run("``The road is closed,'' the officer said."))
    assert quote.content.text == "``The road is closed,''"
    assert quote.speaker.span is not None and quote.speaker.span.text == "the officer"


def test_parenthetical_attribution_takes_the_whole_sentence(run: Run) -> None:
    text = "The convoy, the official said, was turned back at the checkpoint."
    quote = only(run(text))
    assert quote.content.start == 0
    assert quote.content.text.endswith("checkpoint")


def test_attribution_inside_another_content_is_not_a_quote_of_its_own(run: Run) -> None:
    doc = run("The mayor said she believed that the bridge would reopen in May.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.content.text == "she believed that the bridge would reopen in May"


def test_talking_about_a_topic_attributes_the_topic(run: Run) -> None:
    doc = run("The governor talked about the drought for an hour.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "talked"
    assert quote.content.text == "the drought"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The governor"


def test_calling_someone_something_attributes_the_label(run: Run) -> None:
    doc = run("The senator sees the treaty as a mistake.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "sees"
    assert quote.content.text.startswith("the treaty as a mistake")


def test_cue_noun_with_a_preposition_and_a_pronoun_owner(run: Run) -> None:
    doc = run("His criticism of the new curfew angered the council.")
    quotes = [q for q in doc.quotes if q.cue is not None and q.cue.text == "criticism"]
    assert quotes and quotes[0].content.text == "the new curfew"
    assert quotes[0].speaker.span is not None and quotes[0].speaker.span.text == "His"


def test_light_verb_subject_holds_the_noun_content(run: Run) -> None:
    doc = run("The minister made the case that the dam must be rebuilt.")
    quotes = [q for q in doc.quotes if q.cue is not None and q.cue.text == "case"]
    assert quotes and quotes[0].content.text == "that the dam must be rebuilt"
    assert quotes[0].speaker.span is not None and quotes[0].speaker.span.text == "The minister"


def test_quote_right_after_the_verb_is_the_content(run: Run) -> None:
    doc = run('Asked about the shelling, the commander said, "We did not fire first."')
    quote = next(q for q in doc.quotes if q.cue is not None and q.cue.text == "said")
    assert quote.content.text == '"We did not fire first."'
    assert quote.kind == "direct"


def test_misread_lemma_still_finds_the_verb(run: Run) -> None:
    doc = run("The farmers are hoping to sell the harvest before winter.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "hoping"
    assert quote.content.text == "to sell the harvest before winter"


def test_evidential_hedge_has_no_speaker_and_keeps_its_clause(run: Run) -> None:
    doc = run("The convoy appears to have left the city before dawn.")
    quote = only(doc)
    assert quote.speaker.span is None
    assert quote.cue is not None and quote.cue.text == "appears"
    assert quote.content.text == "The convoy appears to have left the city before dawn"


def test_writing_about_a_topic_attributes_it(run: Run) -> None:
    doc = run("Last year the envoy wrote about the refugee camps.")
    quote = only(doc)
    assert quote.content.text == "the refugee camps"


def test_relative_pronoun_is_the_source_and_speaks_for_its_antecedent(run: Run) -> None:
    doc = run("Officials met the farmers, who said the river had flooded their fields.")
    quote = only(doc)
    assert quote.speaker.span is not None and quote.speaker.span.text == "who"
    assert quote.speaker.name == "farmers"


def test_subject_reaches_a_verb_after_by(run: Run) -> None:
    doc = run("The ministry reacted by saying the talks would resume.")
    quote = next(q for q in doc.quotes if q.cue is not None and q.cue.text == "saying")
    assert quote.speaker.span is not None and quote.speaker.span.text == "The ministry"


def test_stance_adjective_after_a_copula(run: Run) -> None:
    doc = run("The governor was critical of the evacuation order.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "critical"
    assert quote.content.text == "the evacuation order"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The governor"


def test_it_is_clear_that_is_the_writers_voice(run: Run) -> None:
    doc = run("It is clear that the rebels withdrew from the town.")
    assert doc.quotes == []


def test_imperative_is_not_an_attribution(run: Run) -> None:
    doc = run("Consider the cost of the new bridge.")
    assert doc.quotes == []


def test_seeing_without_a_predicate_is_not_an_attribution(run: Run) -> None:
    doc = run("The pilots saw the smoke over the harbour.")
    assert doc.quotes == []


def test_content_stops_at_a_paragraph_break(run: Run) -> None:
    doc = run("The minister said the talks had failed\n\nRefugees crossed the border on Monday.")
    quote = only(doc)
    assert quote.content.text == "the talks had failed"


def test_one_content_is_one_attribution() -> None:
    from sitrep.stages.extract.quotes import _dedupe
    from sitrep.stages.extract.quotes_context import Relation

    first = Relation(cue=(20, 27), speaker=(10, 19), speaker_head=3, content=(0, 9),
                     status="reported", kind="direct", from_mark=True)
    second = Relation(cue=(29, 40), speaker=None, speaker_head=None, content=(0, 9),
                      status="reported", kind="direct", from_mark=True)
    assert _dedupe([first, second]) == [first]


def test_parenthetical_attribution_stays_in_its_paragraph(run: Run) -> None:
    doc = run(
        "The talks failed, the envoy said, but the ceasefire held\n\n"
        "Aid convoys reached the city on Monday."
    )
    quote = only(doc)
    assert quote.content.text == "The talks failed, the envoy said, but the ceasefire held"


def test_content_does_not_end_on_a_conjunction(run: Run) -> None:
    doc = run("The governor said the roads were closed and warned that more rain was coming.")
    said = next(q for q in doc.quotes if q.cue is not None and q.cue.text == "said")
    assert said.content.text == "the roads were closed"


def test_quote_cut_by_its_attribution_with_a_comma_is_one_quote(run: Run) -> None:
    text = "“If the bridge falls,” the commander says, “the town is cut off from the coast.”"
    quote = only(run(text))
    assert quote.content.start == 0 and quote.content.end == len(text)
    assert quote.cue is not None and quote.cue.text == "says"
    assert quote.speaker.span is not None and quote.speaker.span.text == "the commander"


def test_quote_after_a_second_attribution_verb_stays_apart(run: Run) -> None:
    text = "“The bridge is lost,” the commander said, adding later, “We will return.”"
    doc = run(text)
    assert not any(q.content.start == 0 and q.content.end == len(text) for q in doc.quotes)


def test_attribution_inside_a_transcript_line_is_its_own(run: Run) -> None:
    text = (
        "Debate transcript.\n\n"
        "SMITH: Well, look. I have said for years that the border towns need more doctors.\n\n"
        "JONES: We disagree."
    )
    doc = run(text)
    contents = [q.content.text for q in doc.quotes]
    assert "that the border towns need more doctors" in contents
    assert "We disagree." in contents


def test_participle_after_the_attribution_is_its_own_quote(run: Run) -> None:
    doc = run(
        "The convoy reached the city at dawn, a local official said, adding that the road "
        "remained closed."
    )
    by_cue = {q.cue.text: q for q in doc.quotes if q.cue is not None}
    assert by_cue["said"].content.text == "The convoy reached the city at dawn"
    assert by_cue["adding"].content.text == "that the road remained closed"


def test_comma_flanked_attribution_keeps_its_speaker(run: Run) -> None:
    doc = run("Whatever the talks achieve, officials said, could be undone by new shelling.")
    quote = only(doc)
    assert quote.speaker.span is not None and quote.speaker.span.text == "officials"


def test_complement_after_the_verb_wins_over_one_before_it(run: Run) -> None:
    doc = run(
        "More than six in 10 said they were not looking forward to the talks; "
        "46 percent said they were unenthusiastic about the ceasefire."
    )
    contents = {q.content.text for q in doc.quotes}
    assert "they were unenthusiastic about the ceasefire" in contents
    assert "they were not looking forward to the talks" in contents


def test_gerund_subject_clause_after_said_is_the_content(run: Run) -> None:
    doc = run(
        "Since last spring, Mr. Lee and other leaders have said cutting that output must be a "
        "key part of their program to revive growth."
    )
    quote = only(doc)
    assert quote.content.text.startswith("cutting that output must be")


def test_quote_cut_by_attribution_with_a_participle_keeps_both(run: Run) -> None:
    text = (
        "“We held the line,” the commander said, noting that it was mined. "
        "“We will hold it again and again, whatever they send.”"
    )
    doc = run(text)
    by_cue = {q.cue.text: q for q in doc.quotes if q.cue is not None}
    assert by_cue["said"].content.start == 0 and by_cue["said"].content.end == len(text)
    assert by_cue["noting"].content.text == "that it was mined"


def test_quote_after_a_reported_sentence_inherits_its_speaker(run: Run) -> None:
    text = (
        "The governor said the convoy had reached the valley on time. "
        "“I really believe the worst is behind us and the roads will open soon.”"
    )
    doc = run(text)
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker.span is not None and direct[0].speaker.span.text == "The governor"


def test_quote_after_another_sentence_inherits_no_speaker(run: Run) -> None:
    text = (
        "The governor said the convoy had reached the valley on time. The roads stayed shut. "
        "“I really believe the worst is behind us and the roads will open soon.”"
    )
    direct = [q for q in run(text).quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker.span is None


def test_speaker_before_the_verb_when_the_parse_gives_no_subject(run: Run) -> None:
    doc = run(
        "Alarmed by the unrest in Oregon, Senator Paul Kessler, the minority leader, said that "
        "he spoke with the governor on Tuesday."
    )
    quote = only(doc)
    assert quote.speaker.span is not None and "Paul Kessler" in quote.speaker.span.text


def test_expected_in_the_passive_attributes_the_clause_to_nobody(run: Run) -> None:
    doc = run("The ceasefire is expected to hold through the weekend.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "expected"
    assert quote.speaker.span is None
    assert quote.content.text == "The ceasefire is expected to hold through the weekend"


def test_passive_judgement_with_as_attributes_the_clause_to_nobody(run: Run) -> None:
    doc = run("The truce had generally been viewed as a threat to the rebels.")
    quote = only(doc)
    assert quote.cue is not None and quote.cue.text == "viewed"
    assert quote.speaker.span is None
    assert quote.content.text == "The truce had generally been viewed as a threat to the rebels"


def test_accused_takes_the_object_with_its_charge(run: Run) -> None:
    quote = only(run("The governor accused the rebels of shelling the market."))
    assert quote.content.text == "the rebels of shelling the market"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The governor"


def test_agentless_passive_keeps_its_prepositional_content(run: Run) -> None:
    quote = only(run("The envoy was asked about the ceasefire talks."))
    assert quote.content.text == "the ceasefire talks"
    assert quote.speaker.span is None


def test_passive_naming_or_recipient_is_no_attribution(run: Run) -> None:
    assert not run("The case was referred to the prosecutor.").quotes
    assert not run("The operation was called Northern Shield.").quotes


def test_sentence_initial_poll_is_the_source_of_its_sentence(run: Run) -> None:
    quote = only(run("In the latest poll, the ruling party leads by five points."))
    assert quote.content.text == "the ruling party leads by five points"
    assert quote.speaker.span is not None and quote.speaker.span.text == "the latest poll"
    assert quote.cue is not None and quote.cue.text == "In"


def test_poll_inside_the_sentence_is_no_source(run: Run) -> None:
    assert not run("The ruling party leads in the latest poll by five points.").quotes


def test_as_clause_attributes_its_host_clause(run: Run) -> None:
    quote = only(run("As the ministry noted, the border crossing stayed closed."))
    assert quote.content.text == "the border crossing stayed closed"
    assert quote.speaker.span is not None and quote.speaker.span.text == "the ministry"


def test_temporal_as_clause_is_no_attribution(run: Run) -> None:
    doc = run("As the convoy continued north, the bridge collapsed.")
    assert not doc.quotes


def test_cue_noun_with_preposition_mention(run: Run) -> None:
    quote = only(run("The commander made no mention of the prisoners."))
    assert quote.content.text == "the prisoners"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The commander"


def test_order_takes_its_infinitive(run: Run) -> None:
    quote = only(run("The council ordered the army to withdraw from the town."))
    assert quote.content.text == "the army to withdraw from the town"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The council"


def test_quote_is_not_bridged_over_a_long_attribution(run: Run) -> None:
    doc = run('"It is a trap," said Ana Pereira, a lawyer who has represented the families of'
              ' the missing for years, "and everyone knows it."')
    first = doc.quotes[0]
    assert first.content.text == '"It is a trap,"'
    assert first.speaker.span is not None and first.speaker.span.text == "Ana Pereira"


def test_quote_is_bridged_over_a_short_attribution(run: Run) -> None:
    quote = only(run('"It is a trap," said Ana Pereira, a lawyer, "and everyone knows it."'))
    assert quote.content.text.startswith('"It is a trap,"')
    assert quote.content.text.endswith('"and everyone knows it."')


def test_rubric_before_a_colon_is_no_speaker(run: Run) -> None:
    doc = run("BREAKING: Rebels Seize The Northern Airport\n\nThe airport fell on Monday.")
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.text == ":"]


def test_title_case_headline_verb_splits_source_and_content(run: Run) -> None:
    doc = run("Army Chief Slams Plan To Close The Border\n\nThe plan was announced on Monday.")
    quote = next(q for q in doc.quotes if q.cue is not None and q.cue.text == "Slams")
    assert quote.content.text == "Plan To Close The Border"
    assert quote.speaker.span is not None and quote.speaker.span.text == "Army Chief"


def test_headline_with_a_preposition_before_the_noun_is_no_attribution(run: Run) -> None:
    doc = run("Talks In Northern States Collapse Again\n\nNo deal was reached.")
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.text == "States"]


def test_participle_naming_a_noun_is_no_attribution(run: Run) -> None:
    assert not run("The rebels formed a militia called Northern Shield.").quotes


def test_responded_by_keeps_the_reply_as_its_content(run: Run) -> None:
    quote = only(run("The ministry responded by saying the talks would resume."))
    assert quote.cue is not None and quote.cue.text == "responded"
    assert quote.content.text == "saying the talks would resume"


def test_report_before_a_named_speaker_leaves_the_attribution_to_the_speaker(run: Run) -> None:
    quote = only(run("In its latest report, the agency said 40 civilians were killed."))
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.span is not None and quote.speaker.span.text == "the agency"


def test_made_it_clear_attributes_the_clause(run: Run) -> None:
    quote = only(run("The general made it clear the army would stay."))
    assert quote.content.text == "the army would stay"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The general"


def test_prepositional_content_after_the_object(run: Run) -> None:
    quote = only(run("The reporter asked the envoy about the ceasefire."))
    assert quote.content.text == "the ceasefire"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The reporter"


def test_said_yes_and_said_so_are_contents(run: Run) -> None:
    quote = only(run("Everyone but the mayor said yes."))
    assert quote.content.text == "yes"
    quote = only(run("The ministry said so."))
    assert quote.content.text == "so"


def test_called_for_takes_the_clause_after_for(run: Run) -> None:
    quote = only(run("The mayor called for the police chief to resign."))
    assert quote.content.text == "the police chief to resign"


def test_in_favor_of_belongs_to_the_subject_of_its_verb(run: Run) -> None:
    quote = only(run("The council voted in favor of the ceasefire plan."))
    assert quote.content.text == "the ceasefire plan"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The council"


def test_conjoined_that_clause_stays_in_the_content(run: Run) -> None:
    quote = only(run("Officials said witnesses saw a gun and that one was found nearby."))
    assert quote.content.text == "witnesses saw a gun and that one was found nearby"


def test_a_verb_that_also_names_a_physical_act_is_speech_only_when_used_for_speech(
        run: Run) -> None:
    for text in ("Militants attacked the army base on Monday, killing four soldiers.",
                 "Rebels blasted the bridge with explosives.",
                 "The checkpoint was attacked by gunmen before dawn.",
                 "Troops defended the town against the offensive.",
                 "Militants Attacked Army Base In North Of Country"):
        assert run(text).quotes == [], text
    quote = only(run("The minister attacked the plan as reckless."))
    assert quote.cue is not None and quote.cue.text == "attacked"
    assert quote.content.text.startswith("the plan")
    assert only(run("Senator Attacks Plan To Close Border Crossings")).cue is not None


def test_a_clause_led_by_a_subordinator_is_the_setting_not_the_content() -> None:
    import spacy
    from spacy.tokens import Doc

    from sitrep.stages.extract.quotes_content import verb_content

    # '"We stay," he said as some booed.' with "booed" parsed as the verb's complement
    words = ['"', "We", "stay", ",", '"', "he", "said", "as", "some", "booed", "."]
    heads = [6, 2, 6, 6, 6, 6, 6, 9, 9, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "mark", "nsubj",
            "ccomp", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    content = verb_content(doc[6], quotes_lexicon.load_lexicon(), "say")
    assert content is not None and 2 in content and 9 not in content


def test_a_comma_inside_the_closing_quote_mark_still_leads_an_adjunct(run: Run) -> None:
    doc = run('The mayor said the claim is "a distortion," describing the report as biased.')
    contents = [q.content.text for q in doc.quotes]
    assert 'the claim is "a distortion,"' in contents
    assert not any("biased" in c and "claim" in c for c in contents)


def test_an_action_or_plan_wants_nothing(run: Run) -> None:
    doc = run(
        "The operation aims to expel the armed groups. Tensions threaten to end the truce. "
        "Rebels threaten to attack the town. The report recommends that troops withdraw."
    )
    assert [(q.cue.text if q.cue else None, q.speaker.span.text if q.speaker.span else None)
            for q in doc.quotes] == [("threaten", "Rebels"), ("recommends", "The report")]


def test_a_sourcing_remark_is_no_attribution(run: Run) -> None:
    for text in ("The officer, who requested anonymity to discuss the raid, gave no details.",
                 "A resident, who declined to be named, fled the town.",
                 "One aide, who did not want to speak on the record, left early."):
        assert [q.cue.text for q in run(text).quotes if q.cue] == [], text
    quote = only(run("The officer requested reinforcements for the border post."))
    assert quote.content.text == "reinforcements for the border post"


def test_called_on_takes_the_addressee_and_the_infinitive(run: Run) -> None:
    quote = only(run("The envoy called on both sides to respect the ceasefire."))
    assert quote.content.text == "both sides to respect the ceasefire"


def test_a_condition_after_the_content_stays_in_it(run: Run) -> None:
    quote = only(run("The rebels promised a ceasefire if the army withdraws from the city."))
    assert quote.content.text == "a ceasefire if the army withdraws from the city"


def test_a_conjoined_speech_verb_of_another_form_stays_in_the_content(run: Run) -> None:
    quote = only(run("The official said the militia would withdraw and support the truce."))
    assert quote.content.text == "the militia would withdraw and support the truce"


def test_a_quote_parted_by_a_long_attribution_keeps_both_parts_and_the_speaker(run: Run) -> None:
    doc = run('"We saw it," said Anna Berg, a nurse who has worked at the district hospital '
              'since the war began, "and the shelling went on through the whole night."')
    contents = [q.content.text for q in doc.quotes]
    assert contents == ['"We saw it,"', '"and the shelling went on through the whole night."']
    assert all(q.speaker.name == "Anna Berg" for q in doc.quotes)
    assert doc.quotes[0].cue is not None and doc.quotes[0].cue.text == "said"


def test_a_verb_outside_the_lexicon_with_a_speaker_and_a_that_clause_attributes_it(
    run: Run,
) -> None:
    for text, cue, content, speaker in (
        ("The minister groused that the convoy had been delayed for days.", "groused",
         "that the convoy had been delayed for days", "The minister"),
        ("She griped to reporters that the aid had not arrived.", "griped",
         "that the aid had not arrived", "She"),
        ("They resent that the army took their land.", "resent",
         "that the army took their land", "They"),
    ):
        quote = only(run(text))
        assert quote.cue is not None and quote.cue.text == cue, text
        assert quote.content.text == content, text
        assert quote.speaker.span is not None and quote.speaker.span.text == speaker, text


def test_the_open_that_clause_frame_needs_a_speaker_and_no_structural_verb(run: Run) -> None:
    assert run("The storm proved that the dam was weak.").quotes == []  # no person says it
    assert run("The new rules mean that the border stays closed.").quotes == []
    # a causative or result verb (nonverbs.tsv), even with a person as subject
    assert run("They ensured that the convoy passed the checkpoint.").quotes == []
    assert "ensure" in quotes_lexicon.load_lexicon().nonverbs


def test_quote_marks_inside_markup_tags_are_no_quotes(run: Run) -> None:
    # an embedded post's tag: its attribute values are quoted, but they are no speech
    text = (
        '<tweet tweet-author="@valleywatch" tweet-date="January 19, 2016\n">Shelling resumed'
        " near the dam at dawn, and the bridge is gone.<tweet/>."
    )
    assert quote_spans(text)[0] == []
    assert run(text).quotes == []


def test_the_name_of_a_markup_tag_is_no_cue(run: Run) -> None:
    text = (
        "Governors sent their condolences:\n\n"
        '<tweet pic="" author="GovValley" timestamp="1449075600" tweet_id="672151859491016704">'
        "Praying for the families in the valley tonight.</tweet>."
    )
    doc = run(text)
    assert all(q.cue is None or q.cue.text != "tweet" for q in doc.quotes)
    assert all("timestamp" not in q.content.text for q in doc.quotes)


def test_a_signature_on_the_line_after_a_quote_is_its_speaker(run: Run) -> None:
    text = (
        "Local officials were cautious.\n\n"
        '"We will never surrender the valley, whatever it costs us."\n\n'
        "- Maria Okafor, in a radio address."
    )
    quote = only(run(text))
    assert quote.kind == "direct"
    assert quote.speaker.span is not None and quote.speaker.span.text == "Maria Okafor"
    assert quote.cue is not None and quote.cue.text == "-"


def test_a_subheading_between_dashes_signs_no_quote(run: Run) -> None:
    text = '"We will never surrender the valley, whatever it costs us."\n\n– A long winter –.'
    quote = only(run(text))
    assert quote.speaker.span is None


def test_citing_makes_the_cited_thing_the_content(run: Run) -> None:
    quote = only(run("The defence minister resigned on Friday, citing threats against his family."))
    assert quote.content.text == "threats against his family"
    assert quote.speaker.span is not None and quote.speaker.span.text == "The defence minister"


def test_a_verb_with_a_quote_drops_its_disjoint_parsed_slot() -> None:
    from sitrep.stages.extract.quotes import _one_per_cue
    from sitrep.stages.extract.quotes_context import Relation

    # 'The governor accused X of Y, "..."': the quote copy and the parsed slot share the cue
    parsed = Relation(cue=(13, 21), speaker=(0, 12), speaker_head=1, content=(22, 50),
                      status="alleged")
    quoted = Relation(cue=(13, 21), speaker=(0, 12), speaker_head=1, content=(52, 90),
                      status="alleged", kind="direct", from_mark=True)
    assert _one_per_cue([parsed, quoted]) == [quoted]
    # two overlapping readings of one cue: the longer stays
    holding = Relation(cue=(13, 21), speaker=(0, 12), speaker_head=1, content=(22, 95),
                       status="alleged")
    assert _one_per_cue([holding, quoted]) == [holding]
    # another verb's slot stays
    other = Relation(cue=(100, 104), speaker=None, speaker_head=None, content=(105, 120),
                     status="reported")
    assert _one_per_cue([other, quoted]) == [other, quoted]


def test_a_programme_name_in_title_case_does_not_cut_a_quote(run: Run) -> None:
    # the quoted programme name is no one's words: the quote goes on after it
    text = (
        "Talks stalled on Monday.\n\n"
        '"We will hold the valley," the governor said on "Morning Report." "The bridge is next."'
    )
    quote = only(run(text))
    assert quote.content.text.endswith('"The bridge is next."')
    assert quote.speaker.span is not None and quote.speaker.span.text == "the governor"


def test_a_statement_saying_speaks_for_whoever_issued_it(run: Run) -> None:
    quote = only(run("The ministry issued a statement saying that the border crossing was closed."))
    assert quote.speaker.span is not None and quote.speaker.span.text == "The ministry"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [  # the dateline parsed as the subject; the dateline inside the subject's phrase
        ("KHARKIV, May 3 (Wire) — Former defence minister Petro Marchenko told reporters that"
         " the bridge was gone.", "Former defence minister Petro Marchenko"),
        ("Kyiv (Wire) - Defence minister Petro Marchenko accused the rebels of shelling the"
         " bridge.", "Defence minister Petro Marchenko"),
    ],
)
def test_a_dateline_is_not_the_speaker(run: Run, line: str, speaker: str) -> None:
    quote = only(run("Ceasefire holds.\n\n" + line))
    assert quote.speaker.span is not None and quote.speaker.span.text == speaker


def test_a_hyphen_in_a_party_label_is_no_dateline(run: Run) -> None:
    quote = only(run("Ceasefire holds.\n\nSen. Ann Lee (R-Ore.) said the bridge would reopen."))
    assert quote.speaker.span is not None and quote.speaker.span.text == "Sen. Ann Lee"


def test_a_title_case_exclamation_is_still_a_quote(run: Run) -> None:
    # capitalized like a name, but "!" makes it an utterance
    text = (
        "Talks stalled on Monday.\n\nAfter a long pause in the hall, the mayor turned to the"
        ' crowd. "What A Night For The Valley!" he shouted.'
    )
    quote = only(run(text))
    assert quote.cue is not None and quote.cue.text == "shouted"


def test_a_speech_verb_tagged_as_a_noun_still_introduces_its_quote(run: Run) -> None:
    # "read" heads the sentence with the quote as its clause: a verb, whatever the tagger says
    text = (
        "That did not sit well with the editors.\n\n“If she wants to be the next president, she"
        " should act like one, and come to the valley,” the editorial read.\n\nThe paper said more."
    )
    quote = next(q for q in run(text).quotes if q.content.text.startswith("“If she"))
    assert quote.cue is not None and quote.cue.text == "read"
    assert quote.speaker.span is not None and "editorial" in quote.speaker.span.text
