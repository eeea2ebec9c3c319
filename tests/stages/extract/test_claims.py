"""extract.claims.v1: who asserts each event and how firmly (issue 7).

Events are made by hand here (the events stage is tested on its own): a trigger word and its
sentence.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import get
from sitrep.schema import Actor, Claim, Event, Span
from sitrep.stages.extract.claims import make_claims
from sitrep.stages.extract.quotes import make_quotes

Run = Callable[..., Document]


def event_at(text: str, trigger: str, occurrence: int = 0, eid: str = "e1") -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    end = start + len(trigger)
    s_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    s_end = text.find(".", end)
    s_end = len(text) if s_end < 0 else s_end + 1
    return Event(
        id=eid, type="ASSAULT", trigger=Span.of(text, start, end),
        sentence=Span.of(text, s_start, s_end),
    )


@pytest.fixture(scope="module")
def run() -> Run:
    nlp = get("nlp.spacy.v1").factory({})
    quotes = make_quotes({})
    claims = make_claims({})

    def _run(text: str, events: list[Event], actors: list[Actor] | None = None) -> Document:
        doc = nlp(Document(text=text))
        doc.actors = actors or []
        doc = quotes(doc)
        doc.events = events
        return claims(doc)

    return _run


def statuses(claims: list[Claim]) -> list[str]:
    return [c.status for c in claims]


def test_event_inside_a_quote_is_reported_by_its_speaker(run: Run) -> None:
    text = "The ministry said that rebels shelled the village overnight."
    actor = Actor(id="a1", span=Span.of(text, 4, 12), name="Ministry", kind="organisation")
    doc = run(text, [event_at(text, "shelled")], [actor])
    (claim,) = doc.events[0].claims
    assert claim.status == "reported"
    assert claim.by == "a1"
    assert claim.quote == doc.quotes[0].id
    assert claim.span.text == "said"


def test_denial_verb_makes_a_denied_claim(run: Run) -> None:
    text = "The army denied that its troops had attacked the convoy."
    doc = run(text, [event_at(text, "attacked")])
    assert statuses(doc.events[0].claims) == ["denied"]


def test_accusation_makes_an_alleged_claim(run: Run) -> None:
    text = "The rebels accused the army of shelling the market."
    doc = run(text, [event_at(text, "shelling")])
    assert statuses(doc.events[0].claims) == ["alleged"]
    assert doc.events[0].claims[0].span.text == "accused"


def test_allegedly_makes_an_unattributed_allegation(run: Run) -> None:
    text = "Two mines exploded after an attack allegedly organized by the rebels."
    doc = run(text, [event_at(text, "attack")])
    (claim,) = doc.events[0].claims
    assert claim.status == "alleged"
    assert claim.by is None and claim.quote is None
    assert claim.span.text == "allegedly"


def test_blame_on_an_anaphor_applies_to_the_previous_sentence_event(run: Run) -> None:
    text = (
        "Four police officers died in an attack with mortars near the border. "
        "The government attributed the episodes to a sabotage group and opened a case."
    )
    actor = Actor(id="a7", span=Span.of(text, text.index("The government"),
                                         text.index("The government") + 14),
                  name="Government", kind="organisation")
    doc = run(text, [event_at(text, "attack")], [actor])
    blame = [c for c in doc.events[0].claims if c.span.text == "attributed"]
    assert blame and blame[0].status == "alleged" and blame[0].by == "a7"


@pytest.mark.parametrize(
    "denial",
    [
        "The rebels denied the attack.",
        "The rebels denied carrying out the attack.",
        "The rebels denied responsibility for the attack.",
        "The rebels denied the allegations.",
    ],
)
def test_a_denial_of_the_attack_reaches_the_event_of_the_sentence_before(
    run: Run, denial: str
) -> None:
    text = "Rebels shelled the market of Dorvan on Monday. " + denial
    events = [event_at(text, "shelled")]
    if "attack" in denial:
        events.append(event_at(text, "attack", eid="e2"))
    doc = run(text, events)
    assert "denied" in statuses(doc.events[0].claims)
    assert all("denied" in statuses(e.claims) for e in doc.events)


def test_an_event_noun_with_its_own_target_is_another_event(run: Run) -> None:
    text = "Rebels shelled the market on Monday. The army denied the attack on the convoy."
    doc = run(text, [event_at(text, "shelled"), event_at(text, "attack", eid="e2")])
    assert doc.events[0].claims == []
    assert statuses(doc.events[1].claims) == ["denied"]


def test_blame_does_not_reach_events_two_sentences_back(run: Run) -> None:
    text = (
        "An attack hit the town. Markets closed early on Monday. "
        "The government blamed the incident on rebels."
    )
    doc = run(text, [event_at(text, "attack")])
    assert doc.events[0].claims == []


def test_so_called_before_the_trigger_is_a_hedge(run: Run) -> None:
    text = "The so-called operation killed at least 30 civilians."
    doc = run(text, [event_at(text, "operation")])
    (claim,) = doc.events[0].claims
    assert (claim.status, claim.span.text, claim.by) == ("alleged", "so-called", None)


def test_scare_quoted_trigger_is_alleged(run: Run) -> None:
    text = "Troops began an “operation” in the hills on Tuesday."
    doc = run(text, [event_at(text, "operation")])
    assert statuses(doc.events[0].claims) == ["alleged"]
    assert doc.events[0].claims[0].span.text == "“operation”"


def test_plain_statement_of_fact_has_no_claims(run: Run) -> None:
    text = "Artillery shelled the town on Monday."
    doc = run(text, [event_at(text, "shelled")])
    assert doc.events[0].claims == []


def test_claims_stage_leaves_documents_without_events_alone() -> None:
    doc = Document(text="Nothing happened.")
    assert make_claims({})(doc).events == []


def test_intention_is_not_a_claim_that_the_event_happened(run: Run) -> None:
    text = "The rebels vowed to attack the base."
    doc = run(text, [event_at(text, "attack")])
    assert doc.quotes and doc.events[0].claims == []


def test_claims_follow_every_merged_mention_of_an_event(run: Run) -> None:
    text = (
        "A rocket hit the market on Monday. "
        "Officials said the strike killed four people."
    )
    event = event_at(text, "hit")
    strike = text.index("strike")
    nlp_doc = run(text, [])  # parse once to get the quotes
    nlp_doc.events = [event]
    nlp_doc.user_data["extract.events.v1"] = {
        "mentions": {"e1": [(event.trigger.start, event.trigger.end), (strike, strike + 6)]}
    }
    doc = make_claims({})(nlp_doc)
    assert [c.span.text for c in doc.events[0].claims] == ["said"]


def test_denial_reported_inside_a_quote_keeps_its_own_claim(run: Run) -> None:
    text = "The mayor said the army denied that it shelled the market."
    doc = run(text, [event_at(text, "shelled")])
    claims = doc.events[0].claims
    assert "denied" in statuses(claims)
    denial = next(c for c in claims if c.status == "denied")
    assert denial.span.text == "denied"
    assert denial.quote == doc.quotes[0].id
    assert "reported" in statuses(claims)
