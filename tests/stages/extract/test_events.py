"""extract.events.v1: triggers typed in PLOVER and ACLED terms, participants, modality, merging."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import get
from sitrep.schema import Event
from sitrep.stages.extract.events_lexicon import (
    LexiconError,
    default_lexicon,
    load_lexicon,
    parse_constraints,
)

Extract = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def nlp_stage() -> Any:
    return get("nlp.spacy.v1").factory({})


@pytest.fixture(scope="module")
def extract(nlp_stage: Any) -> Extract:
    def run(text: str, **config: Any) -> list[Event]:
        stage = get("extract.events.v1").factory(config)
        doc = stage(nlp_stage(Document(text=text, published="2024-03-04")))
        for event in doc.events:  # every span is evidence: it slices the text exactly
            assert text[event.trigger.start : event.trigger.end] == event.trigger.text
            assert text[event.sentence.start : event.sentence.end] == event.sentence.text
            for part in event.participants:
                assert text[part.span.start : part.span.end] == part.span.text
        return doc.events

    return run


def roles(event: Event, role: str) -> list[str]:
    return [p.span.text for p in event.participants if p.role == role]


# --- lexicon -------------------------------------------------------------------------------
def test_lexicon_loads_with_known_acled_categories() -> None:
    lex = default_lexicon()
    assert "attack" in lex.triggers and "kidnap" in lex.triggers
    assert all(
        entry.acled is None or entry.acled in lex.acled_types
        for entries in lex.triggers.values()
        for entry in entries
    )
    assert lex.acled_types["Air/drone strike"] == "Explosions/Remote violence"
    assert len(lex.acled_types) == 25
    assert "soldier" in lex.cls("combatant") and "bomb" in lex.cls("weapon")


def test_constraint_class_reference_expands_to_the_class() -> None:
    values, flags = parse_constraints("obj=town|@extra;agent", "t", {"extra": {"camp"}})
    assert values["obj"] == ("town", "camp") and flags == {"agent"}


def test_unknown_constraint_or_class_is_an_error() -> None:
    with pytest.raises(LexiconError):
        parse_constraints("colour=red", "t")
    with pytest.raises(LexiconError):
        parse_constraints("obj=@nothing", "t", {})


def test_malformed_lexicon_row_names_file_and_line(tmp_path: Path) -> None:
    source = Path(__file__).parents[3] / "src" / "sitrep" / "data" / "events"
    for name in ("acled.tsv", "refine.tsv", "classes.tsv"):
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "triggers.tsv").write_text("attack\tV\tASSAULT\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"triggers.tsv:1"):
        load_lexicon(tmp_path)


# --- triggers, types and participants ---------------------------------------------------------
def test_attack_with_mortars_is_shelling_with_source_and_instrument(extract: Extract) -> None:
    (event,) = extract("Rebels attacked the village with mortars on Monday.")
    assert (event.type, event.mode) == ("ASSAULT", "heavy-weapons")
    assert event.acled is not None
    assert event.acled.event_type == "Explosions/Remote violence"
    assert event.acled.sub_event_type == "Shelling/artillery/missile attack"
    assert roles(event, "source") == ["Rebels"]
    assert roles(event, "instrument") == ["mortars"]
    assert event.id == "e1"


def test_the_two_sides_of_a_clash(extract: Extract) -> None:
    (event,) = extract("Clashes erupted between police and protesters in the capital.")
    assert roles(event, "source") == ["police"] and roles(event, "victim") == ["protesters"]
    (event,) = extract("Government troops clashed with rebels near the border.")
    assert "Government troops" in roles(event, "source")
    assert roles(event, "victim") + roles(event, "target") == ["rebels"]
    (event,) = extract("Fighting between government troops and rebels killed 20.")
    assert "government troops" in roles(event, "source")
    assert "rebels" in roles(event, "victim") + roles(event, "target")
    (event,) = extract("The minister met with rebel leaders.")
    assert roles(event, "target") == ["rebel leaders"]


def test_the_event_itself_is_not_its_source(extract: Extract) -> None:
    (event,) = extract("A loud blast destroyed the office in the capital.")
    assert roles(event, "source") == [] and roles(event, "object") == ["office"]
    (event,) = extract("The explosion killed five people.")
    assert roles(event, "source") == [] and roles(event, "victim") == ["five people"]
    (event,) = extract("Two suicide bombers killed five people.")
    assert "Two suicide bombers" in roles(event, "source")
    (event,) = extract("A Saudi-led coalition air strike on a bus killed six civilians.")
    assert roles(event, "source") == ["Saudi-led coalition air strike"]
    (event,) = extract("Israeli air strikes killed 12 people in the city.")
    assert roles(event, "source") == ["Israeli"]


def test_a_bare_number_before_a_participle_is_who_it_happened_to(extract: Extract) -> None:
    events = extract("Officials said 29 people were injured and 37 arrested in the capital.")
    arrest = next(e for e in events if e.trigger.text == "arrested")
    assert roles(arrest, "source") == []
    assert "37" in [p.span.text for p in arrest.participants]


def test_what_happened_where_the_victims_died_is_the_same_event(extract: Extract) -> None:
    (event,) = extract("Two more people were killed in the region, where a drone struck a car.")
    assert roles(event, "victim") == ["Two more people"]
    assert roles(event, "instrument") == ["drone"]
    events = extract("Rebels were killed in the town, where soldiers had killed five civilians.")
    assert len(events) == 2  # an earlier occurrence at that place


def test_a_group_pronoun_doer_is_the_group_named_before(extract: Extract) -> None:
    import sitrep

    result = sitrep.extract("Police said gunmen attacked the village on Monday. They killed "
                            "five people. A bomb exploded near the market. It killed three "
                            "people.", published="2024-06-06")
    gunmen = next(a.id for a in result.mentions.actors if a.span.text == "gunmen")
    first, second = [e for e in result.events if e.trigger.text == "killed"]
    assert [(p.span.text, p.actor) for p in first.participants if p.role == "source"] == [
        ("They", gunmen)]
    assert [p for p in second.participants if p.role == "source"] == []  # the bomb: no one


def test_a_war_summed_up_is_no_event(extract: Extract) -> None:
    assert extract("The war erupted in 2023 and has killed tens of thousands of people.") == []
    assert extract("Violence in the region has displaced 40,000 people since 2019.") == []
    (event,) = extract("Rebels have killed 12 soldiers since Monday.")  # someone's deed
    assert roles(event, "source") == ["Rebels"]


def test_the_nationality_of_the_attacking_weapon_is_the_source(extract: Extract) -> None:
    (event,) = extract("Russian drones and missiles pounded the power grid overnight.")
    assert roles(event, "source") == ["Russian"]
    assert roles(event, "instrument") == ["Russian drones", "missiles"]
    (event,) = extract("Russian-made missiles hit the town.")  # a maker, not the attacker
    assert roles(event, "source") == []
    (event,) = extract("Air defences shot down 41 Ukrainian drones.")  # a weapon acted on
    assert roles(event, "source") == ["Air defences"]


def test_an_event_noun_describing_a_crew_is_no_event(extract: Extract) -> None:
    for text in (
        "Two attack helicopters flew over the town.",
        "Riot police guarded the embassy.",
        "Police questioned members of a kidnapping gang.",
        "Officials blamed a sabotage group for the outage.",
    ):
        assert [e.trigger.text for e in extract(text) if e.type in ("ASSAULT", "PROTEST")] == []
    (event,) = extract("The bombing campaign lasted three weeks.")
    assert event.trigger.text == "bombing"


@pytest.mark.parametrize(
    "dateline", ["VELMORA (Wire) — ", "VELMORA, May 2 (Wire) - ", "VELMORA, Tarsland -- "]
)
def test_the_place_of_a_dateline_is_never_the_source(extract: Extract, dateline: str) -> None:
    (event,) = extract(dateline + "Militants attacked a police station on Monday.")
    assert roles(event, "source") == ["Militants"]
    (event,) = extract(dateline + "A police station was attacked on Monday.")
    assert "VELMORA" not in roles(event, "source")


def test_attack_on_an_army_base_is_an_armed_clash_and_on_villagers_an_attack(
    extract: Extract,
) -> None:
    (clash,) = extract("Militants attacked an army base near the border.")
    (attack,) = extract("Militants attacked villagers near the border.")
    assert clash.acled is not None and clash.acled.sub_event_type == "Armed clash"
    assert attack.acled is not None and attack.acled.sub_event_type == "Attack"
    assert roles(attack, "victim") == ["villagers"]


def test_lower_cased_text_is_coded_like_mixed_case(extract: Extract) -> None:
    text = "Guerrillas kidnapped the mayor on Friday."
    upper = [(e.type, e.mode, e.acled) for e in extract(text)]
    lower = [(e.type, e.mode, e.acled) for e in extract(text.lower())]
    assert upper == lower
    assert upper[0][:2] == ("ASSAULT", "abduct")


def test_word_with_a_non_event_sense_needs_its_constraint(extract: Extract) -> None:
    assert extract("The company will fire the manager after the audit.") == []
    (event,) = extract("The army fired rockets at the town.")
    assert event.acled is not None
    assert event.acled.sub_event_type == "Shelling/artillery/missile attack"


def test_burning_strafing_and_sacking_are_violence(extract: Extract) -> None:
    burning = extract("police investigated the burning of five buses last week.")
    assert any(e.type == "ASSAULT" and "five buses" in roles(e, "object") for e in burning)
    strafed = extract("a helicopter strafed a camp of displaced persons.")
    assert strafed and strafed[0].acled and strafed[0].acled.sub_event_type == "Air/drone strike"
    sacked = extract("the guerrillas sacked two pharmacies and several stores.")
    assert sacked and sacked[0].acled
    assert sacked[0].acled.sub_event_type == "Looting/property destruction"
    assert not extract("the minister was sacked yesterday.")  # dismissed, not plundered


def test_an_attack_in_words_is_criticism(extract: Extract) -> None:
    said = extract("The admiral harshly attacked the president of the neighbouring country.")
    assert said and said[0].type == "ACCUSE"
    fought = extract("Rebels attacked the town at dawn.")
    assert fought and fought[0].type == "ASSAULT"


def test_accusation_and_the_alleged_event_both_have_their_parties(extract: Extract) -> None:
    accuse, shelling = extract("The foreign minister accused the rebels of shelling the city.")
    assert accuse.type == "ACCUSE" and accuse.acled is None
    assert roles(accuse, "source") == ["foreign minister"]
    assert roles(accuse, "target") == ["rebels"]
    assert shelling.mode == "heavy-weapons" and roles(shelling, "source") == ["rebels"]
    assert roles(shelling, "object") == ["city"]


def test_protest_dispersed_with_tear_gas_is_protest_with_intervention(extract: Extract) -> None:
    events = extract("Police fired tear gas to disperse protesters in the capital.")
    assert events and all(e.type == "PROTEST" for e in events)
    assert events[0].acled is not None
    assert events[0].acled.sub_event_type == "Protest with intervention"


# --- modality ----------------------------------------------------------------------------
def test_threatened_nullification_of_a_ceasefire_is_no_event(extract: Extract) -> None:
    text = "Tensions between the two countries threaten to nullify the ceasefire."
    assert extract(text) == []
    (kept,) = extract(text, keep_hypothetical=True)
    assert kept.hypothetical and kept.type == "RETREAT" and kept.confidence < 0.5


def test_negated_and_future_attacks_are_flagged_and_left_out(extract: Extract) -> None:
    assert extract("The army did not attack the town.") == []
    (negated,) = extract("The army did not attack the town.", keep_negated=True)
    assert negated.negated
    conditional = "If the rebels attack the town, the army will respond."
    assert [e.type for e in extract(conditional)] == []
    assert all(e.hypothetical for e in extract(conditional, keep_hypothetical=True))


def test_stated_intent_is_coded_as_threaten_or_agree(extract: Extract) -> None:
    (threat,) = extract("The farmers said they would blockade the capital.")
    assert (threat.type, threat.acled, threat.hypothetical) == ("THREATEN", None, False)
    (promise,) = extract("Finland will provide food aid to the refugees.")
    assert promise.type == "AGREE" and roles(promise, "source") == ["Finland"]


def test_must_under_a_speech_verb_is_a_request(extract: Extract) -> None:
    (request,) = extract("The minister said the rebels must release the hostages.")
    assert request.type == "REQUEST" and request.trigger.text == "must release"
    assert roles(request, "source") == ["minister"]
    assert roles(request, "target") == ["rebels"]


def test_definite_past_event_under_a_demand_is_kept(extract: Extract) -> None:
    events = extract("The party demanded an inquiry into the assassination of the mayor.")
    assert [e.type for e in events if e.type == "ASSAULT"] == ["ASSAULT"]


# --- merging ------------------------------------------------------------------------------
def test_killed_in_an_attack_is_one_event(extract: Extract) -> None:
    (event,) = extract("Five soldiers were killed in an attack by militants on Monday.")
    assert event.trigger.text == "attack"
    assert roles(event, "source") == ["militants"]
    assert roles(event, "victim") == ["Five soldiers"]


def test_later_definite_mention_joins_the_earlier_event(extract: Extract) -> None:
    events = extract(
        "The army launched an offensive against the rebels on Monday. "
        "The offensive has displaced thousands."
    )
    assert [e.trigger.text for e in events] == ["offensive"]
    separate = extract(
        "The army launched an offensive against the rebels on Monday. "
        "The offensive has displaced thousands.",
        merge=False,
    )
    assert len(separate) == 2


def test_mentions_with_different_sources_stay_apart(extract: Extract) -> None:
    events = extract("Rebels carried out an attack on Monday. The army's attack came a day later.")
    assert len(events) == 2


# --- the stage ------------------------------------------------------------------------------
def test_stage_without_a_parse_warns_and_adds_nothing() -> None:
    stage = get("extract.events.v1").factory({})
    doc = stage(Document(text="Rebels attacked the village."))
    assert doc.events == [] and doc.warnings[0].code == "no_parse"


def test_event_date_falls_back_to_publication_and_ids_count_up(extract: Extract) -> None:
    events = extract("Rebels attacked the village. Police arrested two men in the city.")
    assert [e.id for e in events] == ["e1", "e2"]
    assert [e.type for e in events] == ["ASSAULT", "COERCE"]
    assert events[1].acled is not None and events[1].acled.sub_event_type == "Arrests"
    assert events[0].date is not None
    assert (events[0].date.value, events[0].date.basis) == ("2024-03-04", "publication")


# --- the seed article (issue 5 acceptance) -------------------------------------------------------
@pytest.mark.slow
def test_seed_article_events(extract: Extract) -> None:
    from support import SEED

    events = extract(SEED.read_text(encoding="utf-8"))
    by_trigger = {e.trigger.text: e for e in events}
    assert by_trigger["operation"].type == "ASSAULT"
    bombardment = by_trigger["bombardment"]
    assert bombardment.mode == "heavy-weapons" and roles(bombardment, "instrument") == ["artillery"]
    explosion = by_trigger["explosion"]
    assert explosion.acled is not None
    assert explosion.acled.sub_event_type == "Remote explosive/landmine/IED"
    attacks = [e for e in events if e.trigger.text == "attack"]
    assert any("mortars" in roles(e, "instrument") for e in attacks)
    verbal = {(e.type, e.trigger.text) for e in events}
    assert {("REQUEST", "asked"), ("CONSULT", "called"), ("REQUEST", "appeals"),
            ("ACCUSE", "accused")} <= verbal
    assert not any(e.type == "RETREAT" for e in events)  # "threaten to nullify the ceasefire"


# --- sub-event precedence (issue 5) --------------------------------------------------------
def _acled(events: list[Event]) -> list[str]:
    return [e.acled.sub_event_type for e in events if e.acled is not None]


def test_territory_change_is_not_retyped_by_the_weapons_used(extract: Extract) -> None:
    events = extract("Army troops recaptured the town after two days of heavy artillery fire.")
    taken = [e for e in events if e.trigger.text == "recaptured"]
    assert _acled(taken) == ["Government regains territory"]


def test_protesters_throwing_stones_make_a_violent_demonstration(extract: Extract) -> None:
    violent = extract("Two protesters were killed when police fired on a crowd that threw "
                      "stones at the governor's office.")
    assert "Violent demonstration" in _acled(violent)
    peaceful = extract("Two protesters were killed when police fired on the crowd outside "
                       "the governor's office.")
    assert "Violent demonstration" not in _acled(peaceful)
    assert "Excessive force against protesters" in _acled(peaceful)


def test_purpose_clause_of_an_attack_is_not_asserted(extract: Extract) -> None:
    events = extract("The rebels launched an attack to capture the airport on Monday.")
    assert "Non-state actor overtakes territory" not in _acled(events)
    assert any(e.type == "ASSAULT" for e in events)


def test_missile_that_hits_and_units_that_pound_are_shelling(extract: Extract) -> None:
    assert "Shelling/artillery/missile attack" in _acled(
        extract("A ballistic missile hit the port in the early hours.")
    )
    assert "Shelling/artillery/missile attack" in _acled(
        extract("Artillery units pounded rebel positions near the river.")
    )
    assert _acled(extract("The minister pounded the table in anger.")) == []


def test_anti_aircraft_guns_are_not_an_air_strike(extract: Extract) -> None:
    events = extract("Militants attacked the garrison with anti-aircraft guns and mortars.")
    assert _acled(events)[:1] == ["Shelling/artillery/missile attack"]


def test_surrender_is_an_agreement_and_a_fire_exchange_a_clash(extract: Extract) -> None:
    assert _acled(extract("Forty rebels surrendered to the army on Sunday.")) == ["Agreement"]
    assert "Armed clash" in _acled(
        extract("Soldiers were engaged in a fire exchange with the gunmen since morning.")
    )


def test_object_parsed_as_a_clausal_subject_still_counts(extract: Extract) -> None:
    events = extract("Police discovered a large amount of ammunition believed to belong to "
                     "the gang.")
    assert _acled(events) == ["Disrupted weapons use"]


def test_claimed_responsibility_names_the_source(extract: Extract) -> None:
    claimed = extract("The liberation front claimed responsibility for the bombing of the "
                      "bridge.")
    bombing = next(e for e in claimed if e.trigger.text == "bombing")
    assert roles(bombing, "source") == ["liberation front"]
    held = extract("They hold the army responsible for the massacre of 80 villagers.")
    massacre = next(e for e in held if e.trigger.text == "massacre")
    assert roles(massacre, "source") == ["army"]
    attributed = extract("The murder was attributed to the cartel.")
    assert roles(attributed[0], "source") == ["cartel"]


def test_building_where_a_bomb_exploded_is_the_object_but_not_a_victims_place(
    extract: Extract,
) -> None:
    exploded = extract("A bomb exploded in front of the telephone company building.")
    assert roles(exploded[0], "object") == ["telephone company building"]
    killed = extract("Soldiers killed three farmers near the market on Monday.")
    assert roles(killed[0], "object") == []
    assert roles(killed[0], "victim") == ["three farmers"]


def test_attempt_to_assassinate_is_asserted(extract: Extract) -> None:
    events = extract("An attempt to assassinate the governor was thwarted on Monday.")
    assert [e.trigger.text for e in events] == ["assassinate"]


def test_possessor_of_a_murder_is_its_victim_and_of_an_attack_its_source(
    extract: Extract,
) -> None:
    murder = extract("Rebels protested the candidate's murder last week.")
    killing = next(e for e in murder if e.trigger.text == "murder")
    assert roles(killing, "victim") == ["candidate"] and roles(killing, "source") == []
    attack = extract("The army's attack on the village killed five.")
    assert "army" in roles(next(e for e in attack if e.trigger.text == "attack"), "source")


def test_what_an_attack_destroyed_or_set_on_fire_is_its_object(extract: Extract) -> None:
    exploded = extract("A bomb exploded in a narrow alley, destroying windows and water pipes.")
    assert roles(exploded[0], "object")[-2:] == ["windows", "water pipes"]
    fire = extract("The gunmen set fire to a grocery store.")
    assert "grocery store" in roles(fire[0], "object")
    used = extract("The terrorists used explosives against the town hall.")
    assert roles(used[0], "object") == ["town hall"]
    assert roles(used[0], "instrument") == ["explosives"]


def test_placed_or_hurled_explosives_are_a_bombing_with_their_instrument(
    extract: Extract,
) -> None:
    placed = extract("Three men placed a dynamite charge near the bank.")
    assert _acled(placed) == ["Remote explosive/landmine/IED"]
    assert roles(placed[0], "instrument") == ["dynamite charge"]
    assert roles(placed[0], "object") == ["bank"]
    hurled = extract("Gunmen hurled explosives at the residence of the judge.")
    assert _acled(hurled) == ["Remote explosive/landmine/IED"]
    assert _acled(extract("He placed the books on the table.")) == []


def test_unnamed_armed_men_act_for_the_group_the_article_names(nlp_stage: Any) -> None:
    text = ("The FMLN said on Monday that it would continue its offensive. "
            "The guerrillas attacked a police post in the north.")
    stages = [get(name).factory({}) for name in ("extract.actors.v1", "extract.events.v1")]
    doc = nlp_stage(Document(text=text, published="2024-03-04"))
    for stage in stages:
        doc = stage(doc)
    attack = next(e for e in doc.events if e.trigger.text == "attacked")
    assert roles(attack, "source") == ["guerrillas", "FMLN"]
    named = nlp_stage(Document(text="Rebels of the FMLN attacked a police post.", published=None))
    for stage in stages:
        named = stage(named)
    assert roles(named.events[0], "source").count("FMLN") == 1


def test_bomb_planted_under_a_bus_has_the_bus_as_object(extract: Extract) -> None:
    events = extract("A bomb exploded under a tourist bus in the port.")
    assert roles(events[0], "object") == ["tourist bus"]


def test_names_after_a_victim_phrase_and_a_comma_are_victims_too(extract: Extract) -> None:
    events = extract("checkpoint soldiers killed two foreign reporters, carlos mena and "
                     "julio prado, in two separate shootings late last night.")
    assert roles(events[0], "victim")[-2:] == ["carlos mena", "julio prado"]


def test_suspects_and_groups_that_claimed_an_attack_in_a_relative_clause_are_sources(
    extract: Extract,
) -> None:
    suspects = extract("The police arrested ten people suspected of having detonated a car "
                       "bomb near the embassy.")
    bomb = next(e for e in suspects if e.type == "ASSAULT")
    assert roles(bomb, "source") == ["ten people"]
    claimed = extract("The eln, which has claimed responsibility for the attacks on the "
                      "pipeline, rejected the offer.")
    attacks = next(e for e in claimed if e.trigger.text == "attacks")
    assert roles(attacks, "source") == ["eln"]


def test_who_died_in_an_explosion_is_its_victim(extract: Extract) -> None:
    events = extract("Inspector Juan Flores died in the explosion on Monday.")
    assert roles(events[0], "victim") == ["Inspector Juan Flores"]


def test_terrorist_act_and_sabotage_are_events(extract: Extract) -> None:
    assert _acled(extract("The ELN claimed the terrorist act in a pamphlet.")) == ["Attack"]
    assert _acled(extract("Guerrillas sabotaged pylons and transformers in the city.")) == [
        "Looting/property destruction"
    ]
    assert _acled(extract("The court ruled that the act was unconstitutional.")) == []


def test_relative_pronoun_stands_for_the_noun_it_modifies(extract: Extract) -> None:
    kidnapped = extract("The mayor, who was kidnapped on Monday, is safe.")
    assert roles(kidnapped[0], "victim") == ["mayor"]
    stolen = extract("The police found the car, which was stolen by rebels.")
    assert roles(stolen[0], "object") == ["car"]


def test_facility_phrase_keeps_its_of_phrase(extract: Extract) -> None:
    events = extract("Terrorists bombed the offices of the telephone company in Lima.")
    assert roles(events[0], "object") == ["offices of the telephone company"]


def test_who_perpetrated_or_carried_out_an_attack_is_its_source(extract: Extract) -> None:
    carried = extract("The attack was carried out by the guerrillas.")
    assert roles(carried[0], "source") == ["guerrillas"]
    staged = extract("The rebels staged an attack on the residence of the mayor.")  # "stag"
    assert roles(staged[0], "source") == ["rebels"]


def test_a_list_of_people_the_parser_chained_as_appositions_are_all_sources(
    extract: Extract,
) -> None:
    events = extract("He said that a colonel, two lieutenants, one second lieutenant, two "
                     "second sergeants, and two soldiers were involved in the massacre of "
                     "the priests.")
    massacre = next(e for e in events if e.trigger.text == "massacre")
    assert roles(massacre, "source")[-3:] == ["one second lieutenant", "two second sergeants",
                                             "two soldiers"]
    author = extract("Police said that Dr Juan Lopez was the perpetrator of the murder.")
    murder = next(e for e in author if e.trigger.text == "murder")
    assert roles(murder, "source") == ["Dr Juan Lopez"]


def test_who_took_part_in_claimed_or_was_behind_an_attack_is_its_source(
    extract: Extract,
) -> None:
    def sources(text: str, trigger: str) -> list[str]:
        event = next(e for e in extract(text) if e.trigger.text == trigger)
        return roles(event, "source")

    assert sources("The president said that members of the army participated in the "
                   "murder of the priests.", "murder") == ["members of the army", "army"]
    assert sources("The judge implicated four officers in the assassination of the mayor.",
                   "assassination") == ["four officers"]
    assert sources("Two soldiers were involved in the massacre of the peasants.",
                   "massacre") == ["Two soldiers"]
    assert sources("Ten suspects are believed to have participated in the murder of the "
                   "judge.", "murder") == ["Ten suspects"]
    assert sources("The party condemned the murder perpetrated in the capital by armed men.",
                   "murder") == ["armed men"]
    assert sources("The murder of the two missionaries was claimed by a guerrilla group.",
                   "murder") == ["guerrilla group"]
    assert sources("The bombing was the work of the rebels.", "bombing") == ["rebels"]
    assert sources("The bombing was a crude maneuver by the rebels.", "bombing") == ["rebels"]
    assert sources("The bombing was a response from the rebels.", "bombing") == ["rebels"]
    assert sources("The bombing was an act of the rebels.", "bombing") == []  # act of war
    assert sources("Police said the rebels were behind the attack.", "attack") == ["rebels"]


def test_setting_off_a_bomb_is_a_bombing_but_setting_off_for_a_city_is_not(
    extract: Extract,
) -> None:
    bombing = extract("Urban guerrillas set off a bomb at the bank.")
    assert bombing and bombing[0].acled is not None
    assert bombing[0].acled.sub_event_type == "Remote explosive/landmine/IED"
    assert roles(bombing[0], "object") == ["bank"]
    assert extract("The delegation set off for the capital.") == []


def test_who_an_including_phrase_names_shares_the_role_of_what_was_acted_upon(
    extract: Extract,
) -> None:
    on_verb = extract("gunmen killed 12 people, including the union leader maria ortiz.")
    assert "union leader maria ortiz" in roles(on_verb[0], "victim")
    on_noun = extract("rebels burned four houses, including the mayor's office, on monday.")
    assert "mayor's office" in roles(on_noun[0], "object")
    assert roles(on_noun[0], "victim") == []


def test_the_name_a_victim_is_identified_as_or_called_is_a_victim(extract: Extract) -> None:
    identified = extract("the gunmen killed a peasant identified as juan lopez.")
    assert "juan lopez" in roles(identified[0], "victim")
    named = extract("a woman named ana morel was killed in the same incident.")
    assert "ana morel" in roles(named[0], "victim")


def test_an_acronym_the_text_expands_is_an_organisation_not_a_victim(extract: Extract) -> None:
    text = ("a bomb exploded at the offices of the workers federation (fentra) on monday. "
            "the attack against fentra killed ten people.")
    acronym = [r for e in extract(text) for r in roles(e, "victim") + roles(e, "target")]
    assert "fentra" in acronym and "fentra" not in [
        r for e in extract(text) for r in roles(e, "victim")]
    plain = extract("a bomb exploded on monday. the attack against fentra killed ten people.")
    assert "fentra" in [r for e in plain for r in roles(e, "victim")]


def test_a_surname_the_parse_tags_a_verb_is_still_a_victim(extract: Extract) -> None:
    events = extract("an investigation into the murder of salvadoran union leader mario vega "
                     "torres in guatemala 2 days ago.")  # "torres" is tagged a verb (VBZ)
    murder = [e for e in events if e.trigger.text == "murder"]
    assert murder and any("vega torres" in r for r in roles(murder[0], "victim"))


def test_who_is_killed_in_a_place_of_whom_is_the_victim_not_a_town(extract: Extract) -> None:
    leaders = extract("the council condemned the murder in honduras of union leader ana ruiz.")
    murder = next(e for e in leaders if e.trigger.text == "murder")
    assert any("ana ruiz" in r for r in roles(murder, "victim"))
    town = extract("the council condemned the massacre in the town of valdora.")
    massacre = next(e for e in town if e.trigger.text == "massacre")
    assert roles(massacre, "victim") == []


def test_victims_named_in_a_later_sentence_join_the_attack(extract: Extract) -> None:
    text = ("gunmen attacked a bus near the town on monday. the victims were identified as "
            "tomas ibarguen soto, 38, and ramiro quintal.")
    attack = next(e for e in extract(text) if e.trigger.text == "attacked")
    assert {"tomas ibarguen soto", "ramiro quintal"} <= set(roles(attack, "victim"))
    among = extract("gunmen killed three peasants. among the dead is ramiro quintal, a teacher.")
    assert "ramiro quintal" in roles(among[0], "victim")
    # a list that names no one adds nothing; nor does a list before any attack
    plain = extract("gunmen killed three peasants. the victims were farmers from the valley.")
    assert roles(plain[0], "victim") == ["three peasants"]
    first = extract("the victims were identified as ramiro quintal. gunmen attacked a bus.")
    assert all("ramiro quintal" not in roles(e, "victim") for e in first)


def test_the_bodies_found_name_victims_and_a_list_ends_at_a_verb(extract: Extract) -> None:
    text = ("gunmen attacked the village on monday. the bodies of tomas ibarguen and ramiro "
            "quintal were found near the river.")
    attack = next(e for e in extract(text) if e.trigger.text == "attacked")
    assert {"tomas ibarguen", "ramiro quintal"} <= set(roles(attack, "victim"))


def test_what_an_explosion_damaged_destroyed_or_caused_damage_to_is_its_object(
        extract: Extract) -> None:
    blast = extract("the blast damaged the offices and destroyed some 20 food stands.")
    assert {"offices", "some 20 food stands"} <= set(roles(blast[0], "object"))
    caused = extract("the explosion caused damage to nearby houses and to parked vehicles.")
    assert {"nearby houses", "parked vehicles"} <= set(roles(caused[0], "object"))


def test_a_bomb_that_destroyed_or_damaged_something_is_an_explosion(extract: Extract) -> None:
    destroyed = extract("A bomb destroyed the branch of a savings bank on Mill Road.")
    assert destroyed and destroyed[0].acled is not None
    assert destroyed[0].acled.sub_event_type == "Remote explosive/landmine/IED"
    assert "branch of a savings bank" in roles(destroyed[0], "object")
    assert "bomb" in roles(destroyed[0], "instrument")
    # a storm or a fire that damages a house is no attack
    assert not extract("The storm damaged the roof of the school.")


def test_conjoined_passive_verbs_share_their_subject_and_agent(extract: Extract) -> None:
    events = extract("two farmers were abducted and later murdered by the rebels.")
    by_trigger = {e.trigger.text: e for e in events}
    for trigger in ("abducted", "murdered"):
        assert roles(by_trigger[trigger], "victim") == ["two farmers"]
        assert roles(by_trigger[trigger], "source") == ["rebels"]


def test_bomb_left_shots_fired_at_and_riddled_with_bullets_are_attacks(
        extract: Extract) -> None:
    left = extract("the bomb was left by two unknown men outside the bakery.")
    assert left and roles(left[0], "source") == ["two unknown men"]
    assert "bomb" in roles(left[0], "instrument")
    fired = extract("gunmen fired at the mayor's car on Tuesday.")
    assert fired and roles(fired[0], "source") == ["gunmen"]
    riddled = extract("the judge was riddled with bullets by three men.")
    assert riddled and roles(riddled[0], "victim") == ["judge"]
    assert not extract("the report was riddled with errors.")


def test_people_held_or_taken_hostage_are_abducted(extract: Extract) -> None:
    held = extract("The consul is being held hostage by members of a student league.")
    assert held and held[0].mode == "abduct"
    assert roles(held[0], "victim") == ["consul"]
    assert "members of a student league" in roles(held[0], "source")
    taken = extract("Gunmen took 20 people hostage in a bank.")
    assert taken and taken[0].mode == "abduct"
    assert roles(taken[0], "source") == ["Gunmen"]
    assert all(e.mode != "abduct" for e in extract("The union held talks with the minister."))


def test_who_survived_or_escaped_an_attack_was_its_victim(extract: Extract) -> None:
    survived = extract("The mayor survived an attack by gunmen.")
    assert survived and roles(survived[0], "victim") == ["mayor"]
    emerged = extract("Judge Ana Ruiz emerged unscathed from a bomb attack on Friday.")
    assert emerged and "Judge Ana Ruiz" in roles(emerged[0], "victim")


def test_those_who_were_kidnapped_are_named_victims(extract: Extract) -> None:
    text = ("Rebels kidnapped three tourists on Monday. Those who were kidnapped are "
            "Tomas Ferrand, 55, and Elena Vastrom, 35.")
    victims = {v for e in extract(text) for v in roles(e, "victim")}
    assert {"Tomas Ferrand", "Elena Vastrom"} <= victims


def test_a_clock_time_after_at_is_no_victim(extract: Extract) -> None:
    events = extract("At 0600 today, rebels set off a bomb in the lobby of the city hall.")
    assert events and not roles(events[0], "victim")
    assert "city hall" in roles(events[0], "object")


def test_what_a_report_names_as_the_target_joins_the_attack(extract: Extract) -> None:
    text = ("A bomb exploded in the industrial zone last night. According to the police, "
            "the target was the Orvana textile plant.")
    events = extract(text)
    assert events and "Orvana textile plant" in roles(events[0], "object")
    fire = extract("Gunmen opened fire on a convoy. The governor was the target.")
    assert fire and "governor" in roles(fire[0], "victim")
    assert "fire" not in roles(fire[0], "object")  # a word of the trigger is no participant


def test_what_was_damaged_by_or_as_a_result_of_an_explosion_is_its_object(
        extract: Extract) -> None:
    by = extract("several houses were destroyed by the blast.")
    assert "several houses" in roles(by[0], "object")
    result = extract("the offices were damaged as a result of the explosion.")
    assert "offices" in roles(result[0], "object")
    listed = extract("one office, one bus, and one transformer were damaged by the explosion.")
    assert {"one office", "one bus", "one transformer"} <= set(roles(listed[0], "object"))


def test_damage_told_apart_from_the_attack_is_the_attacks_object(extract: Extract) -> None:
    text = ("A bomb exploded near the Varsol bank on Sunday. It also destroyed a telephone "
            "booth. Two bank buildings and a restaurant were seriously damaged. A parked car "
            "sustained considerable damage, and the blast caused damage to nearby shops.")
    events = extract(text)
    assert len(events) == 1
    assert {"telephone booth", "Two bank buildings", "restaurant", "parked car",
            "nearby shops"} <= set(roles(events[0], "object"))
    two = extract("two bombs exploded at the house of judge tomas vela and at the offices of "
                  "lawyer ramiro soto.")
    assert {"house of judge tomas vela", "offices of lawyer ramiro soto"} <= set(
        roles(two[0], "object"))
    occurred = extract("one of the explosions occurred in the vicinity of the courts.")
    assert occurred and "courts" in roles(occurred[0], "object")
    onto = extract("unidentified men threw a bomb onto the consulate's premises.")
    assert onto and any("premises" in o for o in roles(onto[0], "object"))
    both = extract("the attacks on the offices of the party and on a telephone exchange "
                   "continued.")
    assert both and {"offices of the party", "telephone exchange"} <= set(
        roles(both[0], "object"))
    each = extract("three bombs went off in the capital, one at the central park, another at "
                   "the university, and another at a school for teachers.")
    assert {"central park", "university", "school"} <= set(roles(each[0], "object"))
    placed = extract("the bomb contained 150 grams of tnt and was placed in the back of the "
                     "telephone company building.")  # the subject is shared; a part is a place
    assert placed and "telephone company building" in roles(placed[0], "object")
    parts = extract("A bomb exploded near the bank. The blast shattered the windows of the "
                    "Orvana hotel. The strike followed the destruction of five power lines.")
    assert {"Orvana hotel", "five power lines"} <= set(roles(parts[0], "object"))
    spared = extract("A bomb exploded near the bank. The school was not damaged.")
    assert "school" not in roles(spared[0], "object")
    rebels = extract("A bomb exploded near the bank. Later, rebels destroyed a bridge.")
    assert "bridge" not in roles(rebels[0], "object")  # damage done by someone: its own event
    assert not extract("Several houses were damaged by the storm.")  # no attack, no event


def test_a_unit_of_explosive_is_the_explosive(extract: Extract) -> None:
    hurled = extract("ten men hurled dynamite sticks at the embassy.")
    assert hurled and hurled[0].acled is not None
    assert hurled[0].acled.sub_event_type == "Remote explosive/landmine/IED"
    assert "dynamite sticks" in roles(hurled[0], "instrument")


def test_an_amount_or_charges_of_explosive_is_the_instrument(extract: Extract) -> None:
    placed = extract("Terrorists placed 250 kg of dynamite in front of the building.")
    assert placed and "250 kg of dynamite" in roles(placed[0], "instrument")
    hurled = extract("The terrorists hurled several charges of dynamite at the bank.")
    assert hurled and "several charges of dynamite" in roles(hurled[0], "instrument")


def test_a_bomb_opposite_or_between_buildings_hit_them(extract: Extract) -> None:
    events = extract("A bomb exploded opposite a telephone exchange.")
    assert events and roles(events[0], "object") == ["telephone exchange"]
    events = extract("A bomb exploded between the store and the bank.")
    assert events and roles(events[0], "object") == ["store", "bank"]


def test_institutes_and_studios_are_facilities(extract: Extract) -> None:
    events = extract("A bomb exploded inside the cultural institute, near the studios.")
    assert events and roles(events[0], "object") == ["cultural institute", "studios"]


def test_agencies_institutions_and_cocktails(extract: Extract) -> None:
    events = extract("A bomb exploded in front of a travel agency and in two institutions.")
    assert events and roles(events[0], "object") == ["travel agency", "two institutions"]
    events = extract("Unknown men hurled a molotov cocktail that exploded outside the store.")
    assert events and roles(events[0], "instrument") == ["molotov cocktail"]


def test_a_place_hung_on_the_agent_is_where_the_event_hit(extract: Extract) -> None:
    events = extract("The bomb was placed by a young man at the telephone office.")
    assert events and roles(events[0], "object") == ["telephone office"]
    events = extract("The mayor, who was abducted by the rebels on the main road, is safe.")
    assert events and roles(events[0], "object") == []


def test_what_caused_an_explosion_is_its_instrument(extract: Extract) -> None:
    events = extract("Police said that the explosion was caused by a booby trap.")
    assert events and roles(events[0], "instrument") == ["booby trap"]
    events = extract("The explosion caused by a grenade wounded two students.")
    assert events and roles(events[0], "instrument") == ["grenade"]


def test_a_facility_noun_read_as_a_nationality_is_an_object(extract: Extract) -> None:
    events = extract("the commandos blew up at least three poles supporting power lines.")
    assert events and roles(events[0], "object") == ["at least three poles"]
    assert roles(events[0], "victim") == []


def test_a_place_word_where_a_bomb_went_off_is_no_object(extract: Extract) -> None:
    events = extract("A bomb exploded in the port of the city, near a hotel.")
    assert events and roles(events[0], "object") == ["hotel"]


def test_a_list_of_three_objects_read_as_an_apposition(extract: Extract) -> None:
    events = extract(
        "The rebels burned the post office, a gas station, and the school in the town.")
    assert events and {"post office", "gas station"} <= set(roles(events[0], "object"))


def test_the_windows_of_two_buildings_are_both_damaged(extract: Extract) -> None:
    events = extract("A bomb exploded downtown. The blast shattered the windows of a bank"
                     " and a hotel.")
    exploded = [e for e in events if e.trigger.text == "exploded"]
    assert exploded and {"bank", "hotel"} <= set(roles(exploded[0], "object"))


def test_a_passive_conjunct_shares_its_hosts_subject_as_object(extract: Extract) -> None:
    events = extract("She said that the union office was searched and destroyed by a bomb.")
    destroyed = [e for e in events if e.trigger.text == "destroyed"]
    assert destroyed and roles(destroyed[0], "object") == ["union office"]
    assert roles(destroyed[0], "instrument") == ["bomb"]


def test_mortar_rounds_fired_at_a_building_are_the_instrument(extract: Extract) -> None:
    events = extract("The guerrillas fired mortar rounds at the presidential palace.")
    assert events and roles(events[0], "instrument") == ["mortar rounds"]
    assert roles(events[0], "object") == ["presidential palace"]


def test_a_vehicle_loaded_with_explosives_is_the_instrument(extract: Extract) -> None:
    events = extract("A truck loaded with explosives exploded outside the bank.")
    exploded = [e for e in events if e.trigger.text == "exploded"]
    assert exploded and roles(exploded[0], "instrument") == ["truck loaded with explosives"]
    assert not roles(exploded[0], "source")


def test_a_victim_named_in_part_is_also_given_the_full_name_the_text_uses(
        extract: Extract) -> None:
    text = ("the murder of union leader tomas ibarguen quintal shocked the region. the police "
            "said ibarguen quintal was shot by two men.")
    shot = next(e for e in extract(text) if e.trigger.text == "shot")
    assert "tomas ibarguen quintal" in roles(shot, "victim")
    alone = extract("the police said ibarguen quintal was shot by two men.")
    assert roles(alone[0], "victim") == ["ibarguen quintal"]


def test_names_listed_after_a_victim_are_victims_until_a_new_clause(extract: Extract) -> None:
    killed = extract("gunmen killed tomas ibarguen quintal, ramiro velarde soto, 38, and ana "
                     "mora ruiz, a teacher, and then fled toward the hills.")
    victims = roles(next(e for e in killed if e.trigger.text == "killed"), "victim")
    assert {"tomas ibarguen quintal", "ramiro velarde soto", "ana mora ruiz"} <= set(victims)
    assert all("hills" not in v and "fled" not in v for v in victims)


def test_a_victim_list_runs_past_brackets_titles_and_noun_phrases(extract: Extract) -> None:
    def victims(text: str) -> set[str]:
        return {v for e in extract(text) for v in roles(e, "victim")}

    bracket = victims("gunmen killed tomas vela, leader of the workers front (wfx), and "
                      "journalist ana mora ruiz in the capital.")
    assert "ana mora ruiz" in bracket  # the bracket and the title are passed over
    assert not any("capital" in v for v in bracket)
    listed = victims("the bomb exploded, killing tomas vela ruiz, 42; a boy known as pepe; "
                     "ana mora quintal, and a policeman.")
    assert "ana mora quintal" in listed  # the list goes on past a noun phrase
    aged = victims("a bomb exploded in the market. the injured were 19-year-old tomas vela "
                   "and 40-year-old victor hills.")
    assert "victor hills" in aged  # dictionary words, but an age makes them a person
    owner = victims("the bomb exploded, killing tomas vela ruiz, 42; luz quintal's driver; "
                    "and a policeman.")
    assert "luz quintal" not in owner  # a possessor is no item of the list
    clause = victims("the bomb exploded, killing tomas vela ruiz, who was visiting rio "
                     "quintal, bogota.")
    assert not any("bogota" in v or "quintal" in v for v in clause)  # a clause ends the list


def test_the_person_behind_a_death_a_note_and_a_relative_clause(extract: Extract) -> None:
    def victims(text: str) -> set[str]:
        return {v for e in extract(text) for v in roles(e, "victim")}

    death = victims("he condemned the murders of judges and officials, including the death "
                    "of the party candidate, tomas vela ruiz.")
    assert "death" not in death and "tomas vela ruiz" in death
    note = victims("a bomb exploded. (sentence as published) ramiro soto was killed by a "
                   "bomb.")
    assert "ramiro soto" in note  # an editor's note opening the sentence is no part of it
    lives = victims("in the wake of criminal attacks that claimed the lives of candidate tomas "
                    "vela and a judge.")
    assert {"candidate tomas vela", "judge"} <= lives


def test_a_name_in_apposition_to_a_victim_or_a_victim_noun(extract: Extract) -> None:
    def victims(text: str) -> set[str]:
        return {v for e in extract(text) for v in roles(e, "victim")}

    mother = victims("a bomb exploded at the store. her mother, marta orozco lopez, was wounded "
                     "in the attack and is now being treated at the clinic.")
    assert "marta orozco lopez" in mother  # the name is tagged an adverb
    other = victims("a bomb exploded at the store. meanwhile, the other victim, giovanni "
                    "madrigal, is recovering in a hospital.")
    assert "giovanni madrigal" in other


def test_names_before_a_passive_the_parse_left_without_subject(extract: Extract) -> None:
    kidnapped = extract("along the road, gonzalo vasquez ardila, manager of the local agrarian "
                        "fund, and olindo mantilla ardila, a director of the company, were also "
                        "kidnapped.")
    victims = {v for e in kidnapped for v in roles(e, "victim")}
    assert {"gonzalo vasquez ardila", "olindo mantilla ardila"} <= victims
    assert not any("road" in v or "fund" in v for v in victims)


def test_victims_the_lower_cased_parse_hangs_oddly_on_the_verb(extract: Extract) -> None:
    kidnapped = extract("in the north, the eln kidnapped businessman sergio alvardo.")
    assert kidnapped and any("sergio alvardo" in v for v in roles(kidnapped[0], "victim"))
    gang = extract("a gang kidnapped cattleman manuel narciso vela ruiz, nephew of a mayor.")
    assert gang and any("manuel narciso vela ruiz" in v for v in roles(gang[0], "victim"))
    adjective = extract("marta luz lopez, manager of a newspaper, was killed by gunmen today.")
    assert adjective and "marta luz lopez" in roles(adjective[0], "victim")  # "lopez": ADJ
    foreign = extract("a bomb exploded. the wounded person was identified as irma de puentes, "
                      "who was treated at a clinic.")  # "irma": a foreign word (X)
    assert foreign and "irma de puentes" in roles(foreign[0], "victim")
    stolen = extract("the rebels used a stolen car.")
    assert all("car" not in roles(e, "victim") + roles(e, "object") for e in stolen)


def test_victims_named_in_lists_apart_from_the_attack(extract: Extract) -> None:
    def victims(text: str) -> set[str]:
        return {v for e in extract(text) for v in roles(e, "victim")}

    aged = victims("a bomb exploded in the market. the injured were 19-year-old tomas vela, "
                   "30-year-old ramiro soto, and 40-year-old ana mora.")
    assert {"tomas vela", "ramiro soto", "ana mora"} <= aged
    listed = victims("rebels raided the village. the following peasants were killed: tomas "
                     "vela ruiz, ramiro soto diaz, and corporal ana mora.")
    assert {"tomas vela ruiz", "ramiro soto diaz", "ana mora"} <= listed
    charged = victims("rebels raided the village. the case on murder and extortion: tomas "
                      "vela ruiz, ramiro soto diaz.")
    assert not charged & {"tomas vela ruiz", "ramiro soto diaz"}  # a charge, not a death
    killed = victims("rebels killed two men. american missionaries tomas vela and ramiro soto "
                     "were the missionaries killed.")
    assert {"tomas vela", "ramiro soto"} <= killed
    wounded = victims("a bomb exploded. the wounded reporters are cameraman tomas vela and "
                      "sound man ramiro soto.")
    assert {"tomas vela", "ramiro soto"} <= wounded
    one = victims("rebels killed three students. one of the students killed was ana mora.")
    assert "ana mora" in one
    lives = victims("the attacks claimed the lives of candidate tomas vela and two judges.")
    assert "candidate tomas vela" in lives
    escaped = victims("vice president tomas vela escaped unharmed from an attack tonight.")
    assert "vice president tomas vela" in escaped
    assert "candidate ana mora" in victims("candidate ana mora escaped a dynamite attack.")
    along = victims("rebels killed two peasants along with the village teacher.")
    assert {"two peasants", "village teacher"} <= along
    assert "mayor" in victims("the mayor was unhurt in the attack.")
    told = victims("four people were killed in the market. they are tomas vela ruiz, ana "
                   "mora, and policeman ramiro soto.")
    assert {"tomas vela ruiz", "ana mora"} <= told and any("ramiro soto" in v for v in told)
    one = victims("two students were kidnapped. he is tomas vela, a student of law.")
    assert "tomas vela" in one
    nobody = victims("a bomb exploded at the bank. he is tomas vela, the police chief.")
    assert "tomas vela" not in nobody  # the attack named no victim the name could give
    couple = victims("gunmen kidnapped a young couple, ana mora and tomas vela, at dawn.")
    assert {"ana mora", "tomas vela"} <= couple
    released = victims("guerrillas kidnapped two engineers in may. engineer tomas vela ruiz was "
                       "released today by the guerrillas.")
    assert any("tomas vela ruiz" in v for v in released)
    rescued = victims("guerrillas kidnapped an engineer in may. the police today rescued tomas "
                      "vela ruiz, who they found unharmed.")
    assert "tomas vela ruiz" in rescued
    held = victims("the rebels kidnapped a senator. the rebels are still holding ana mora, his "
                   "secretary.")
    assert "ana mora" in held
    captors = victims("gunmen kidnapped a publisher. the kidnappers of ramiro soto asked for "
                      "a ransom.")
    assert "ramiro soto" in captors
    no_kidnapping = victims("a bomb exploded. the judge released tomas vela on bail.")
    assert "tomas vela" not in no_kidnapping  # a release names hostages only of a kidnapping
    # a speaker's name in brackets before the frame, and a list with ages and semicolons
    speaker = victims("a bomb exploded at the station.  (ojeda) among the injured here are "
                      "tomas vela ruiz, 53; ramiro soto, 24; ana mora, and luz quintal.")
    assert {"tomas vela ruiz", "ramiro soto", "ana mora", "luz quintal"} <= speaker


def test_a_victims_name_the_parse_cut_short_is_read_to_the_comma(extract: Extract) -> None:
    killed = extract("the bomb exploded at 1100, killing maria jacinta quintal, 42; and "
                     "tomas vela ruiz, 19.")
    victims = {v for e in killed for v in roles(e, "victim")}
    assert "maria jacinta quintal" in victims and "maria" not in victims
    listed = extract("torrado's son, william; gustavo jacome quintero, a secretary; and "
                     "bodyguard jairo ortega, were also killed.")
    victims = {v for e in listed for v in roles(e, "victim")}
    assert {"william", "gustavo jacome quintero"} <= victims  # a semicolon ends a name


def test_victims_the_parse_reads_as_a_verb_an_attribute_or_remains(extract: Extract) -> None:
    def victims(text: str) -> set[str]:
        return {v for e in extract(text) for v in roles(e, "victim")}

    listed = victims("jesuits ignacio vela ruiz, ramiro soto, and joaquin mora, the first two "
                     "foreigners, were killed in the capital.")  # "ignacio": a verb
    assert "ignacio vela ruiz" in listed
    also = victims("a bomb exploded. also injured were lucio quintal and ana mora.")
    assert {"lucio quintal", "ana mora"} <= also
    bodies = victims("the bodies of tomas vela and ramiro soto were riddled with bullets.")
    assert {"tomas vela", "ramiro soto"} <= bodies
    named = victims("a foreigner named erika vela was killed in the same incident.")
    assert "erika vela" in named


def test_anonymous_attackers_keep_what_they_looked_like(extract: Extract) -> None:
    def sources(text: str) -> list[str]:
        return [s for e in extract(text) for s in roles(e, "source")]

    assert sources("the priests were murdered by men wearing olive drab uniforms on 15 "
                   "november.") == ["men wearing olive drab uniforms"]
    assert sources("two individuals wearing sports clothes who escaped into the night shot "
                   "the mayor.") == ["two individuals wearing sports clothes"]
    assert sources("rebels in the north shot the mayor.") == ["rebels"]  # not for everyone


def test_an_attack_told_in_a_past_relative_clause_happened(extract: Extract) -> None:
    events = extract("the government will investigate the attack that killed ten workers.")
    killed = next(e for e in events if e.trigger.text == "killed")
    assert not killed.hypothetical and roles(killed, "victim") == ["ten workers"]
    threat = extract("the rebels threatened to launch an attack that would kill the mayor.")
    assert all(e.hypothetical or e.type == "THREATEN" for e in threat)


def test_a_relative_clause_in_the_perfect_or_passive_past_happened(extract: Extract) -> None:
    events = extract("the rebels asked for a commission to receive the engineer, who has been "
                     "kidnapped by the front.")
    kidnapped = next(e for e in events if e.trigger.text == "kidnapped")
    assert not kidnapped.hypothetical
    future = extract("the rebels asked for a commission to free those who would be kidnapped.")
    assert all(e.hypothetical for e in future if e.trigger.text == "kidnapped")


def test_a_passive_verb_checks_its_by_agent_as_the_subject(extract: Extract) -> None:
    destroyed = extract("a telephone booth was destroyed by a bomb.")
    assert [(e.type, e.acled.sub_event_type if e.acled else None) for e in destroyed] == [
        ("ASSAULT", "Remote explosive/landmine/IED")]
    assert not any(e.type == "ASSAULT" for e in extract("the booth was destroyed by the wind."))


def test_may_after_a_day_number_is_a_month_not_a_modal(extract: Extract) -> None:
    dated = extract("on 11 may a bomb destroyed a building.")
    assert [(e.type, e.hypothetical) for e in dated] == [("ASSAULT", False)]
    assert all(e.type != "ASSAULT" or e.hypothetical
               for e in extract("the rebels may attack the town."))


def test_a_verb_that_names_is_no_request(extract: Extract) -> None:
    events = extract("three members of the gang called the hawks were arrested in connection "
                     "with the attack on the senator.")
    assert sorted(e.type for e in events) == ["ASSAULT", "COERCE"]
    assert not any(e.hypothetical for e in events)
    asked = extract("The UN called on both sides to respect the truce.")
    assert [e.type for e in asked] == ["REQUEST"]


def test_seizing_people_as_hostages_is_an_abduction(extract: Extract) -> None:
    seized = extract("the rebels seized the residents as hostages.")
    assert [(e.type, e.mode) for e in seized] == [("ASSAULT", "abduct")]
    assert [e.type for e in extract("the army seized the weapons.")] == ["COERCE"]


def test_a_passive_subject_the_parse_joined_to_the_noun_before(extract: Extract) -> None:
    events = extract("last night, there were new disturbances and terrorist bombs were set off.")
    assert [(e.type, e.acled.sub_event_type if e.acled else None) for e in events] == [
        ("ASSAULT", "Remote explosive/landmine/IED")]


def test_the_unit_a_soldier_is_from_acts_with_him(extract: Extract) -> None:
    fired = extract("a soldier from the fourth infantry detachment fired a rifle at a woman.")
    assert fired and "fourth infantry detachment" in roles(fired[0], "source")


def test_a_gerund_after_a_preposition_shares_the_clause_subject(extract: Extract) -> None:
    killing = extract("after killing the mayor, the rebels fled.")
    assert killing and roles(killing[0], "source") == ["rebels"]


def test_firing_on_someone_is_an_attack_but_not_a_dismissal_on_a_day(
    extract: Extract,
) -> None:
    fired = extract("the police fired on the crowd.")
    assert fired and roles(fired[0], "victim") == ["crowd"]
    assert extract("he was fired on monday.") == []


def test_setting_something_on_fire_is_arson(extract: Extract) -> None:
    burned = extract("the rebels set the house on fire.")
    assert burned and burned[0].acled is not None
    assert burned[0].acled.sub_event_type == "Looting/property destruction"
    assert roles(burned[0], "object") == ["house"]  # "fire" is how, not what
    assert extract("the court set a date for the hearing.") == []


def test_a_day_before_an_attack_is_when_not_who(extract: Extract) -> None:
    claimed = extract("the clandestine group esa has claimed responsibility for wednesday's "
                      "attack against the residence.")
    attack = next(e for e in claimed if e.trigger.text == "attack")
    assert any("esa" in s for s in roles(attack, "source"))
    assert all("wednesday" not in s for s in roles(attack, "source"))


def test_a_name_in_apposition_stands_for_the_source(extract: Extract) -> None:
    def sources(text: str, trigger: str) -> list[str]:
        return roles(next(e for e in extract(text) if e.trigger.text == trigger), "source")

    assert sources("colonel tomas vela, one of the men involved in the assassination of the "
                   "priests, was replaced.", "assassination") == ["colonel tomas vela"]
    assert sources("col tomas vela, the main person implicated in the murder of the priests, "
                   "was removed from his post.", "murder") == ["col tomas vela"]
    killed = extract("he grieved because ramiro soto, one of the priests who were killed, was "
                     "his teacher.")
    assert "ramiro soto" in {v for e in killed for v in roles(e, "victim")}


def test_denied_or_generic_involvement_names_no_source(extract: Extract) -> None:
    def sources(text: str, trigger: str) -> list[str]:
        event = next(e for e in extract(text) if e.trigger.text == trigger)
        return roles(event, "source")

    assert sources("The colonel denied that three advisers had participated in the attack on "
                   "the town.", "attack") == []
    assert sources("The prosecutor said that no other officers were involved in the murder "
                   "of the priests.", "murder") == []
    assert sources("The statement is a stunt to implicate us in the assassination of the "
                   "minister.", "assassination") == []
    assert sources("the police denied the involvement of the army in the massacre of the "
                   "peasants.", "massacre") == []


def test_involvement_of_a_list_and_misplaced_by_phrases_name_sources(extract: Extract) -> None:
    def sources(text: str, trigger: str) -> list[str]:
        event = next(e for e in extract(text) if e.trigger.text == trigger)
        return roles(event, "source")

    assert sources("the president confirmed the involvement of troops in the murder of the "
                   "priests.", "murder") == ["troops"]
    assert sources("the policemen were investigating the burning of five buses by rebels last "
                   "week.", "burning") == ["rebels"]
    assert "about 150 shining path members" in sources(
        "military sources reported that 35 people died in attacks by about 150 shining path "
        "members against 4 towns.", "attacks")
    listed = sources("the president charged that colonel juan perez, director of the academy, "
                     "two lieutenants, one corporal, and two soldiers of the army are "
                     "implicated in the assassination of the jesuits.", "assassination")
    assert {"two lieutenants", "one corporal", "two soldiers"} <= set(listed)


def test_attributed_action_and_active_attribution_name_sources(extract: Extract) -> None:
    def sources(text: str, trigger: str) -> list[str]:
        event = next(e for e in extract(text) if e.trigger.text == trigger)
        return roles(event, "source")

    assert "mafias" in sources("in another action attributed to the mafias, several men last "
                               "night wounded a watchman at an apartment building.", "wounded")
    assert sources("the authorities have attributed the murder to the drug mafias.",
                   "murder") == ["drug mafias"]
    assert sources("the mafia leaders masterminded the massacre of the peasants.",
                   "massacre")[:1] == ["mafia leaders"]
    assert sources("the assassination of the candidate was masterminded by the cartel.",
                   "assassination") == ["cartel"]


def test_who_claims_responsibility_in_another_sentence_is_the_attack_source(
    extract: Extract,
) -> None:
    claimed = extract("A bomb exploded at the bank in the capital. The ELN claimed responsibility.")
    assert roles(claimed[0], "source") == ["ELN"]
    action = extract("The guerrillas of the front claimed responsibility for the action in "
                     "which a bomb destroyed the bank.")
    assert roles(action[0], "source")[:1] == ["guerrillas"]
    nobody = extract("Rebels attacked the town. No group has claimed responsibility for it.")
    assert roles(nobody[0], "source") == ["Rebels"]
    denied = extract("A bomb exploded at the bank. The ELN denied that it had claimed "
                     "responsibility.")
    assert roles(denied[0], "source") == []
    spoken = extract("A bomb exploded at the bank. A spokesman for the ELN claimed "
                     "responsibility.")
    assert roles(spoken[0], "source") == ["ELN"]


def test_who_is_held_responsible_even_in_a_relative_clause_is_the_source(
    extract: Extract,
) -> None:
    held = extract("There were no casualties in this attack, for which the rebels are being held "
                   "responsible.")
    assert roles(held[0], "source") == ["rebels"]
    hold = extract("They reported the massacre, for which they hold the army responsible, of "
                   "80 people.")
    assert roles(hold[0], "source") == ["army"]
    claimed = extract("The bombing, for which the ELN claimed responsibility, destroyed the bank.")
    assert "ELN" in roles(claimed[0], "source")


def test_who_is_guilty_of_an_attack_is_its_source(extract: Extract) -> None:
    guilty = extract("The archbishop said that the soldiers were guilty of the murder of the "
                     "priests.")
    assert roles(guilty[0], "source") == ["soldiers"]
    found = extract("The colonel was found guilty of the assassination of the mayor.")
    assert roles(found[0], "source") == ["colonel"]


def test_the_gun_that_fired_the_bullets_is_an_instrument(extract: Extract) -> None:
    events = extract("Gunmen riddled the judge with bullets fired from automatic rifles.")
    riddled = [e for e in events if e.trigger.text == "riddled"]
    assert riddled and "automatic rifles" in roles(riddled[0], "instrument")


def test_weapon_fire_and_weapons_used_to_attack_are_instruments(extract: Extract) -> None:
    events = extract("Rebels attacked the town hall with rifle fire on Monday.")
    attacked = [e for e in events if e.trigger.text == "attacked"]
    assert attacked and roles(attacked[0], "instrument") == ["rifle fire"]
    events = extract("The rebels used mortars to attack the police station.")
    attack = [e for e in events if e.trigger.text == "attack"]
    assert attack and "mortars" in roles(attack[0], "instrument")
    assert "rebels" in roles(attack[0], "source")


def test_the_place_where_someone_was_killed_is_no_object(extract: Extract) -> None:
    events = extract("The mayor was killed at the airport yesterday.")
    assert events and roles(events[0], "object") == []
    events = extract("Gunmen shot the judge on the highway.")
    assert events and roles(events[0], "object") == []
    events = extract("Unknown men threw a grenade at the bus.")  # the bus is what was hit
    assert events and roles(events[0], "object") == ["bus"]


def test_things_damaged_as_a_participle_phrase_are_objects(extract: Extract) -> None:
    events = extract("A bomb exploded at the bank. Five houses damaged by the blast were "
                     "evacuated.")
    assert events and roles(events[0], "object") == ["bank", "Five houses"]
