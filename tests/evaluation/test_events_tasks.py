"""The muc4, case and plover eval tasks: scoring on hand-made results (no model, no gold files)."""

from __future__ import annotations

from typing import Any

from sitrep.evaluation.framework import get_task
from sitrep.evaluation.tasks.case import score_case, weighted_f1
from sitrep.evaluation.tasks.grit import _max_matching, normalise
from sitrep.evaluation.tasks.muc4 import score_muc4
from sitrep.evaluation.tasks.muc4_incidents import muc_incident
from sitrep.evaluation.tasks.plover import score_plover
from sitrep.schema import AcledCategory, Actor, ArticleResult, Event, Mentions, Participant, Span

TEXT = "guerrillas of the fmln attacked the farm with dynamite and killed mayor juan perez."


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def event(text: str, trigger: str, type_: str = "ASSAULT", mode: str | None = None,
          sub: str | None = "Attack", kind: str = "Violence against civilians",
          parts: tuple[tuple[str, str, str | None], ...] = (), **flags: Any) -> Event:
    return Event(
        id="e1",
        type=type_,
        mode=mode,
        acled=AcledCategory(event_type=kind, sub_event_type=sub) if sub else None,
        trigger=span(text, trigger),
        sentence=Span.of(text, 0, len(text)),
        participants=[Participant(role=r, span=span(text, s), actor=a) for r, s, a in parts],  # type: ignore[arg-type]
        **flags,
    )


def result(text: str, *events: Event, actors: list[Actor] | None = None) -> ArticleResult:
    return ArticleResult(id="d", events=list(events), mentions=Mentions(actors=actors or []))


def test_tasks_are_registered_with_events_stage() -> None:
    for name in ("muc4", "case", "plover"):
        spec = get_task(name)
        assert spec.stages is not None and spec.stages[-1] == "extract.events.v1"
        assert spec.stages[0] == "nlp.spacy.v1"


def test_normalise_drops_case_punctuation_and_articles() -> None:
    assert normalise('The "Santo Tomas" farm, a target.') == "santo tomas farm target"


def test_matching_is_one_to_one() -> None:
    assert _max_matching(["fmln", "urng"], [{"fmln", "farabundo marti"}]) == 1
    assert _max_matching(["fmln", "fmln"], [{"fmln"}, {"fmln"}]) == 2
    assert _max_matching([], [{"x"}]) == 0


def test_incident_mapping() -> None:
    assert muc_incident(event(TEXT, "attacked")) == "attack"
    assert muc_incident(event(TEXT, "attacked", mode="abduct")) == "kidnapping"
    assert muc_incident(event(TEXT, "attacked", sub="Remote explosive/landmine/IED")) == "bombing"
    assert muc_incident(event(TEXT, "attacked", sub="Armed clash", kind="Battles")) is None
    assert muc_incident(event(TEXT, "attacked", hypothetical=True)) is None
    assert muc_incident(event(TEXT, "attacked", type_="ACCUSE", sub=None)) is None


def test_muc4_scores_role_fillers_per_role() -> None:
    record = {"text": TEXT, "gold": {
        "templates": [{"incident_type": "attack"}],
        "extracts": {
            "PerpInd": [[["guerrillas", 0]]],
            "PerpOrg": [[["fmln", 18]]],
            "Target": [[["farm", 36]]],
            "Victim": [[["juan perez", 72]]],
            "Weapon": [[["dynamite", 46]]],
        },
    }}
    ev = event(TEXT, "attacked", parts=(
        ("source", "guerrillas", None), ("source", "fmln", None), ("object", "the farm", None),
        ("victim", "mayor juan perez", None), ("instrument", "dynamite", None),
    ))
    metrics = score_muc4([record], [result(TEXT, ev)])
    assert metrics["micro_f1"] == 1.0
    assert metrics["incident_doc_accuracy"] == 1.0
    empty = score_muc4([record], [result(TEXT)])
    assert empty["micro_recall"] == 0.0 and empty["incident_doc_recall"] == 0.0


def test_muc4_unnamed_victims_and_non_facilities_are_not_fillers() -> None:
    text = "rebels killed five peasants near the outskirts."
    record = {"text": text, "gold": {"templates": [], "extracts": {}}}
    ev = event(text, "killed", parts=(("victim", "five peasants", None),
                                      ("object", "outskirts", None)))
    metrics = score_muc4([record], [result(text, ev)])
    assert metrics["predicted_entities"] == 0


def test_muc4_aircraft_is_a_military_target_unless_said_to_be_civil() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels fired at the helicopter and at a private plane."
    ev = event(text, "fired", parts=(("object", "the helicopter", None),
                                     ("object", "a private plane", None)))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == ["private plane"]


def test_muc4_a_bare_plural_event_acting_on_no_one_is_no_incident() -> None:
    text = "the country suffers terrorist attacks by the rebels."
    generic = event(text, "attacks", parts=(("source", "the rebels", None),))
    assert muc_incident(generic) is None
    text = "the two attacks by the rebels killed a judge."
    counted = event(text, "attacks", parts=(("source", "the rebels", None),))
    assert muc_incident(counted) == "attack"
    text = "terrorist attacks on the bank continued."
    acted = event(text, "attacks", parts=(("object", "the bank", None),))
    assert muc_incident(acted) == "attack"
    # any plural that names only its doers, uncounted, is violence in general too
    text = "the people suffer the terrorists' attacks."
    doers = event(text, "attacks", parts=(("source", "terrorists", None),))
    assert muc_incident(doers) is None
    text = "the people suffer the attacks."
    assert muc_incident(event(text, "attacks")) == "attack"  # no one named: left as it is


def test_weighted_f1_weights_by_gold_frequency() -> None:
    weighted, macro = weighted_f1(["a", "a", "b"], ["a", "a", "a"])
    f_a = 2 * (2 / 3) * 1 / (2 / 3 + 1)
    assert abs(weighted - 2 / 3 * f_a) < 1e-9
    assert abs(macro - f_a / 2) < 1e-9


def test_case_takes_the_most_confident_acled_event() -> None:
    text = "Militants shelled the town and kidnapped two men."
    low = event(text, "kidnapped", mode="abduct", sub="Abduction/forced disappearance",
                confidence=0.4)
    high = event(text, "shelled", sub="Shelling/artillery/missile attack",
                 kind="Explosions/Remote violence", confidence=0.8)
    gold = {"subtask": 1, "subtype": "ART_MISS_ATTACK",
            "acled_event_type": "Explosions/Remote violence",
            "acled_sub_event_type": "Shelling/artillery/missile attack"}
    metrics = score_case([{"text": text, "gold": gold}], [result(text, low, high)])
    assert metrics["weighted_f1"] == 1.0 and metrics["event_type_accuracy"] == 1.0
    none = score_case([{"text": text, "gold": gold}], [result(text)])
    assert none["weighted_f1"] == 0.0 and none["label_coverage"] == 0.0


def test_plover_reads_old_types_as_plover_2021_and_scores_actors() -> None:
    text = "Hungary demanded that Romania release the prisoners."
    hungary = Actor(id="a1", span=span(text, "Hungary"), name="Hungary", kind="state",
                    country="HUN", sector="GOV")
    ev = event(text, "demanded", type_="REQUEST", sub=None,
               parts=(("source", "Hungary", "a1"), ("target", "Romania", None)))
    gold = {"event": "DEMAND", "mode": None,
            "source": [{"text": "Hungary", "code": "HUN", "sector": "GOV"}],
            "target": [{"text": "Romania", "code": "ROU", "sector": None}]}
    metrics = score_plover([{"text": text, "gold": gold}], [result(text, ev, actors=[hungary])])
    assert metrics["event_type_accuracy"] == 1.0
    assert metrics["source_code_accuracy"] == 1.0 and metrics["source_sector_accuracy"] == 1.0
    assert metrics["target_code_accuracy"] == 0.0


def test_muc4_victims_drop_titles_aliases_groups_and_perpetrators_drop_things() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = ("a bomb explosion killed msgr jose ruiz alias el cura, two women and the union "
            "members of fenastra near the market.")
    union = Actor(id="a1", span=span(text, "fenastra"), name="Fenastra", kind="organisation")
    ev = event(text, "killed", parts=(
        ("source", "a bomb explosion", None),
        ("victim", "msgr jose ruiz alias el cura", None),
        ("victim", "two women", None),
        ("victim", "fenastra", "a1"),
    ))
    fillers = muc_fillers(result(text, ev, actors=[union]), default_lexicon())
    assert fillers["Victim"] == ["jose ruiz"]
    assert fillers["PerpOrg"] == [] and fillers["PerpInd"] == []


def test_muc4_pronoun_or_title_victim_is_the_person_it_refers_to() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "judge ana vela left the court. gunmen shot her and wounded missionaries."
    judge = Actor(id="a1", span=span(text, "her"), name="Ana Vela", kind="person")
    ev = event(text, "shot", parts=(
        ("victim", "her", "a1"), ("victim", "missionaries", None),  # a plural class word
    ))
    assert muc_fillers(result(text, ev, actors=[judge]), default_lexicon())["Victim"] == [
        "ana vela"]


def test_muc4_victim_drops_a_class_word_before_the_name() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "soldiers murdered university student pablo serra and three peasants."
    ev = event(text, "murdered", parts=(
        ("victim", "university student pablo serra", None), ("victim", "three peasants", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Victim"] == ["pablo serra"]


def test_muc4_organisation_named_like_an_event_noun_is_still_a_perpetrator() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the popular liberation movement detonated a bomb; a bomb explosion hit the bank."
    ev = event(text, "detonated", sub="Remote explosive/landmine/IED", parts=(
        ("source", "the popular liberation movement", None),
        ("source", "a bomb explosion", None),
    ))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpOrg"] == ["popular liberation movement"]


def test_muc4_armed_forces_are_an_organisation_and_guerrillas_individuals() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the armed forces and the guerrillas attacked the kitchen."
    ev = event(text, "attacked", parts=(
        ("source", "the armed forces", None), ("source", "the guerrillas", None),
        ("object", "the kitchen", None),
    ))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpOrg"] == ["armed forces"] and fillers["PerpInd"] == ["guerrillas"]
    assert fillers["Target"] == ["kitchen"]


def test_muc4_a_surname_already_named_in_full_is_one_victim() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "gunmen killed rafael montes duarte; montes and a member of the party and only one"
    ev = event(text, "killed", parts=(
        ("victim", "rafael montes duarte", None), ("victim", "montes", None),
        ("victim", "a member of the party", None), ("victim", "only one", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Victim"] == [
        "rafael montes duarte"
    ]


def test_muc4_perpetrator_loses_its_hedge() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the minister was killed by alleged urban guerrillas."
    ev = event(text, "killed", parts=(("source", "alleged urban guerrillas", None),))
    assert muc_fillers(result(text, ev), default_lexicon())["PerpInd"] == ["urban guerrillas"]


def test_muc4_one_organisation_actor_is_one_perpetrator_entity() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the fmln attacked the base; the front attacked the farm."
    fmln = [Actor(id="a1", span=span(text, "fmln"), name="FMLN", kind="armed_group"),
            Actor(id="a1", span=span(text, "front"), name="FMLN", kind="armed_group")]
    ev = event(text, "attacked", parts=(("source", "fmln", "a1"), ("source", "front", "a1")))
    assert muc_fillers(result(text, ev, actors=fmln), default_lexicon())["PerpOrg"] == ["fmln"]


def test_muc4_victims_take_the_full_name_split_coordinations_and_skip_places() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = ("police said rosa elena quiroga was shot; quiroga, tomas ruiz and ana paz and "
            "san isidro province and inspector pablo mora died")
    ev = event(text, "shot", parts=(
        ("victim", "quiroga", None), ("victim", "tomas ruiz and ana paz", None),
        ("victim", "san isidro", None), ("victim", "isidro province", None),
        ("victim", "inspector pablo mora", None),
    ))
    people = [Actor(id="p1", span=span(text, "rosa elena quiroga"), name="Rosa Elena Quiroga",
                    kind="person")]
    assert muc_fillers(result(text, ev, actors=people), default_lexicon())["Victim"] == [
        "rosa elena quiroga", "tomas ruiz", "ana paz", "pablo mora"
    ]


def test_muc4_perpetrators_lose_counts_and_nest_and_military_sites_are_no_target() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = ("at least 50 rebels and members of the red cell and the red cell attacked the "
            "army convoy and the house of judge luis paz")
    ev = event(text, "attacked", parts=(
        ("source", "at least 50 rebels", None), ("source", "members of the red cell", None),
        ("source", "the red cell", None), ("object", "army convoy", None),
        ("object", "house of judge luis paz", None),
    ))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["rebels", "members of red cell"]
    assert fillers["Target"] == ["house of judge luis paz"]


def test_muc4_organisation_needs_an_actor_or_an_organisation_word() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "helicopter gunships and the red star movement attacked the farm"
    ev = event(text, "attacked", parts=(
        ("source", "helicopter gunships", None), ("source", "red star movement", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["PerpOrg"] == ["red star movement"]


def test_muc4_victim_loses_an_age_and_finds_a_possessive_full_name() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "26-year-old tomas ruiz died; pablo mora diaz's death; mora diaz was shot"
    ev = event(text, "shot", parts=(
        ("victim", "26-year-old tomas ruiz", None), ("victim", "mora diaz", None),
    ))
    people = [Actor(id="p1", span=span(text, "pablo mora diaz's"), name="Pablo Mora Diaz",
                    kind="person")]
    assert muc_fillers(result(text, ev, actors=people), default_lexicon())["Victim"] == [
        "tomas ruiz", "pablo mora diaz"
    ]


def test_muc4_weapon_loses_an_ordinal_or_month_the_parse_ran_over() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the fifth dynamite attack and the october grenades hit no one"
    ev = event(text, "attack", parts=(
        ("instrument", "fifth dynamite", None), ("instrument", "october grenades", None),
        ("victim", "no one", None),
    ))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["Weapon"] == ["dynamite", "grenades"] and fillers["Victim"] == []


def test_muc4_target_loses_a_leading_count_or_ordinal() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels burned half a dozen offices and the second bus"
    ev = event(text, "burned", parts=(
        ("object", "half a dozen offices", None), ("object", "the second bus", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == ["offices", "bus"]


def test_muc4_event_in_an_earlier_year_is_background_not_an_incident() -> None:
    old = "in 1984 the rebels killed the judge."
    clock = "at 1930 the rebels killed the judge."
    assert muc_incident(event(old, "killed"), "1989-10-23") is None
    assert muc_incident(event(old, "killed"), None) == "attack"  # no report date: no judgement
    assert muc_incident(event(clock, "killed"), "1989-10-23") == "attack"  # a clock time
    last_year = "on 30 december 1989 the rebels killed the judge."
    assert muc_incident(event(last_year, "killed"), "1990-01-03") == "attack"
    assert muc_incident(event(last_year, "killed"), "1990-06-03") is None
    record = {"text": old, "gold": {"templates": [{"incident_type": "attack"}], "extracts": {}}}
    res = ArticleResult(id="d", published="1989-10-23", events=[event(old, "killed")])
    assert score_muc4([record], [res])["incident_doc_recall"] == 0.0
    res = ArticleResult(id="d", published="1984-10-23", events=[event(old, "killed")])
    assert score_muc4([record], [res])["incident_doc_recall"] == 1.0


def test_muc4_event_last_year_or_years_ago_is_background() -> None:
    for text in ("the judge was killed by the rebels last year.",
                 "the judge was killed 10 years ago.", "over a year ago the rebels killed x."):
        assert muc_incident(event(text, "killed"), "1990-05-03") is None, text
    since = "x is the first judge killed since the war began 10 years ago."
    assert muc_incident(event(since, "killed"), "1990-05-03") == "attack"
    last_year = "the judge was killed by the rebels last year."  # maybe last december
    assert muc_incident(event(last_year, "killed"), "1990-01-03") == "attack"


def test_muc4_event_in_the_progressive_is_no_incident() -> None:
    for text, trigger in (("the air force is bombing poor neighborhoods.", "bombing"),
                          ("the fmln has been planting bombs.", "planting"),
                          ("the civilians were looting stores.", "looting")):
        assert muc_incident(event(text, trigger)) is None, text
    done = "the air force bombed poor neighborhoods."
    assert muc_incident(event(done, "bombed")) == "attack"
    noun = "the bombing of the bank is a crime."
    assert muc_incident(event(noun, "bombing")) == "attack"


def test_muc4_a_tally_in_the_perfect_since_a_time_is_no_incident() -> None:
    text = "the rebels have fired two missiles since the offensive began."
    assert muc_incident(event(text, "fired")) is None
    text = "the rebels have fired two missiles at the base."
    assert muc_incident(event(text, "fired")) == "attack"
    text = "the rebels fired two missiles since the base was empty."
    assert muc_incident(event(text, "fired")) == "attack"


def test_muc4_an_event_after_a_verb_of_going_on_is_no_incident() -> None:
    for text, trigger in (("so the rebels continue killing civilians.", "killing"),
                          ("the gangs keep attacking buses.", "attacking"),
                          ("the rebels continued to attack the town.", "attack")):
        assert muc_incident(event(text, trigger)) is None, text
    text = "the rebels attacked the town and continued on their way."
    assert muc_incident(event(text, "attacked")) == "attack"


def test_muc4_a_raid_is_a_search_unless_rebels_carry_it_out() -> None:
    text = "the police raided a house in the capital."
    police = Actor(id="a1", span=span(text, "police"), name="police", kind="organisation",
                   sector="MIL")
    raid = event(text, "raided", parts=(("source", "police", "a1"), ("object", "house", None)))
    assert muc_incident(raid, None, {"a1": police}) is None
    assert muc_incident(raid, None, {}) is None  # no raider named: a search too
    bare = event(text, "raided", parts=(("source", "police", "a1"),))
    assert muc_incident(bare, None, {"a1": police}) == "attack"  # no premises named
    text = "the guerrillas raided a house in the capital."
    rebels = Actor(id="a2", span=span(text, "guerrillas"), name="guerrillas",
                   kind="armed_group", sector="REB")
    raid = event(text, "raided", parts=(("source", "guerrillas", "a2"),
                                        ("object", "house", None)))
    assert muc_incident(raid, None, {"a2": rebels}) == "attack"
    text = "the police attacked a house in the capital."
    attack = event(text, "attacked", parts=(("source", "police", "a1"),
                                            ("object", "house", None)))
    assert muc_incident(attack, None, {"a1": police}) == "attack"


def test_muc4_taking_positions_or_control_is_a_move_of_the_war() -> None:
    gained = "Non-state actor overtakes territory"
    text = "the rebels took positions in the town and the mayor's office."
    positions = event(text, "took", sub=gained, kind="Battles",
                      parts=(("object", "positions", None),))
    assert muc_incident(positions) is None
    office = event(text, "took", sub=gained, kind="Battles",
                   parts=(("object", "positions", None), ("object", "mayor's office", None)))
    assert muc_incident(office) == "attack"
    text = "the army regained control of the hospital."
    control = event(text, "regained", sub="Government regains territory", kind="Battles",
                    parts=(("object", "control", None),))
    assert muc_incident(control) is None
    attacked = event(text, "regained", parts=(("object", "control", None),))
    assert muc_incident(attacked) == "attack"  # not a territory event


def test_muc4_effects_and_mentions_of_a_bombing_are_that_bombing() -> None:
    from sitrep.evaluation.tasks.muc4_incidents import muc_types

    bomb = "a bomb exploded at the bank."
    exploded = event(bomb, "exploded", sub="Remote explosive/landmine/IED",
                     parts=(("instrument", "bomb", None),))
    hurt = "three people were injured."
    injured = event(hurt, "injured")
    assert muc_types(result(bomb, exploded, injured), {}) == {"bombing"}
    assert muc_types(result(hurt, injured), {}) == {"attack"}  # no bombing in the document
    shot = "gunmen fired rifles at the mayor in the attack."
    rifles = event(shot, "attack", parts=(("instrument", "rifles", None),))
    assert muc_types(result(bomb, exploded, rifles), {}) == {"bombing", "attack"}
    murder = "the rebels murdered the judge."
    murdered = event(murder, "murdered")
    assert muc_types(result(bomb, exploded, murdered), {}) == {"bombing", "attack"}
    record = {"text": bomb, "gold": {"templates": [{"incident_type": "bombing"}],
                                     "extracts": {}}}
    res = ArticleResult(id="d", events=[exploded, injured])
    assert score_muc4([record], [res])["incident_doc_accuracy"] == 1.0


def test_muc4_an_event_in_a_question_is_no_incident() -> None:
    for text in ("what do you think of the attack on the bank?",
                 'he asked: "who attacked the bank?"'):
        assert muc_incident(event(text, "attack")) is None, text
    text = "the rebels attacked the bank."
    assert muc_incident(event(text, "attacked")) == "attack"


def test_muc4_an_event_to_stop_refrain_from_or_call_for_is_no_incident() -> None:
    for text, trigger in (("the rebels promise to refrain from attacks on buses.", "attacks"),
                          ("they will suspend sabotage of the power lines.", "sabotage"),
                          ("he was calling for the assassination of the general.",
                           "assassination")):
        assert muc_incident(event(text, trigger)) is None, text
    text = "the rebels stopped a bus and killed the driver."
    assert muc_incident(event(text, "killed")) == "attack"


def test_muc4_violence_against_a_whole_people_uncounted_is_no_incident() -> None:
    text = "the government bombed the civilian population and the salvadoran people."
    people = event(text, "bombed", parts=(("victim", "civilian population", None),
                                          ("victim", "salvadoran people", None)))
    assert muc_incident(people) is None
    text = "the rebels killed 17 people and the salvadoran people mourned."
    counted = event(text, "killed", parts=(("victim", "17 people", None),))
    assert muc_incident(counted) == "attack"
    text = "the rebels bombed the civilian population and the bank."
    bank = event(text, "bombed", parts=(("victim", "civilian population", None),
                                        ("object", "bank", None)))
    assert muc_incident(bank) == "attack"


def test_muc4_perpetrator_inside_its_actor_name_takes_the_whole_name() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "shining path members bombed the office."
    group = [Actor(id="a1", span=span(text, "shining path"), name="Shining Path",
                   kind="armed_group")]
    ev = event(text, "bombed", parts=(("source", "shining path members", "a1"),
                                      ("source", "path", "a1")))
    fillers = muc_fillers(result(text, ev, actors=group), default_lexicon())
    assert fillers["PerpOrg"] == ["shining path"]


def test_muc4_military_unit_installations_are_no_target() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels attacked the 4th brigade's installations and the barracks and a bank"
    ev = event(text, "attacked", parts=(
        ("object", "the 4th brigade's installations", None), ("object", "the barracks", None),
        ("object", "a bank", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == ["bank"]


def test_muc4_a_bare_noun_that_names_no_one_is_no_perpetrator_and_gunmen_are_people() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the group and the gunmen attacked the farm"
    ev = event(text, "attacked", parts=(("source", "the group", None),
                                        ("source", "the gunmen", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["gunmen"] and fillers["PerpOrg"] == []


def test_muc4_a_speaker_for_the_doers_is_no_perpetrator() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "an alleged spokesman and the gunmen burned the farm"
    ev = event(text, "burned", parts=(("source", "an alleged spokesman", None),
                                      ("source", "the gunmen", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["gunmen"]


def test_muc4_anonymous_perpetrators_keep_their_count() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "two men and at least 50 rebels and two suspected terrorists attacked the farm"
    ev = event(text, "attacked", parts=(("source", "two men", None),
                                        ("source", "at least 50 rebels", None),
                                        ("source", "two suspected terrorists", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["two men", "rebels", "terrorists"]


def test_muc4_perpetrators_keep_an_exact_number() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "two soldiers, four heavily armed individuals, several gunmen and several men shot him"
    ev = event(text, "shot", parts=(("source", "two soldiers", None),
                                    ("source", "four heavily armed individuals", None),
                                    ("source", "several gunmen", None),
                                    ("source", "several men", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["two soldiers", "four heavily armed individuals", "gunmen",
                                  "men"]  # a vague count is dropped, even from anonymous men


def test_an_attack_only_on_armed_forces_or_rebels_is_combat_no_incident() -> None:
    text = "rebels ambushed an army patrol and killed mayor ana ruiz."
    unit = Actor(id="a1", span=span(text, "army patrol"), name="army patrol",
                 kind="organisation", sector="MIL")
    mayor = Actor(id="a2", span=span(text, "ana ruiz"), name="ana ruiz", kind="person",
                  sector="GOV")
    officer = Actor(id="a3", span=span(text, "ana ruiz"), name="ana ruiz", kind="person",
                    sector="MIL")
    actors = {a.id: a for a in (unit, mayor, officer)}
    on_patrol = event(text, "ambushed", parts=(("target", "army patrol", "a1"),))
    assert muc_incident(on_patrol, None, actors) is None
    assert muc_incident(on_patrol) == "attack"  # without the actors: no judgement
    both = event(text, "ambushed", parts=(("target", "army patrol", "a1"),
                                          ("victim", "ana ruiz", "a2")))
    assert muc_incident(both, None, actors) == "attack"
    # a named officer murdered is an incident (an assassination), not combat
    officer_killed = event(text, "killed", parts=(("victim", "ana ruiz", "a3"),))
    assert muc_incident(officer_killed, None, actors) == "attack"
    # what it hit, named as the armed forces' or the rebels' (no actor needed), is combat too
    bombed = "the air force bombed guerrilla positions and a school near the army barracks."
    positions = event(bombed, "bombed", parts=(("object", "guerrilla positions", None),))
    assert muc_incident(positions, None, {}) is None
    barracks = event(bombed, "bombed", parts=(("object", "army barracks", None),))
    assert muc_incident(barracks, None, {}) is None
    school = event(bombed, "bombed", parts=(("object", "guerrilla positions", None),
                                            ("object", "school", None)))
    assert muc_incident(school, None, {}) == "attack"


def test_muc4_victim_drops_a_nationality_or_occupation_before_the_name() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "gunmen kidnapped peruvian tomas vela, cattleman rui soto and spaniard ana mora when"
    ev = event(text, "kidnapped", mode="abduct", sub="Abduction/forced disappearance", parts=(
        ("victim", "peruvian tomas vela", None), ("victim", "cattleman rui soto", None),
        ("victim", "spaniard ana mora", None), ("victim", "when", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Victim"] == [
        "tomas vela", "rui soto", "ana mora"]
    later = "the victim was named when ana mora arrived."
    ev = event(later, "named", parts=(("victim", "when ana mora", None),))
    assert muc_fillers(result(later, ev), default_lexicon())["Victim"] == ["ana mora"]


def test_muc4_people_lose_the_name_of_the_organisation_named_beside_them() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "frl guerrillas and frl members attacked the bank; the frl claimed it."
    ev = event(text, "attacked", parts=(
        ("source", "frl guerrillas", None), ("source", "frl members", None),
        ("source", "the frl", None), ("object", "the bank", None),
    ))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpOrg"] == ["frl"]
    assert fillers["PerpInd"] == ["guerrillas", "frl members"]  # "members" alone is no one


def test_muc4_a_victim_phrase_ending_in_a_building_or_organisation_word_is_no_name() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "gunmen attacked the valmora pipeline and killed rui soto."
    ev = event(text, "attacked", parts=(
        ("victim", "the valmora pipeline", None), ("victim", "rui soto", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Victim"] == ["rui soto"]


def test_muc4_a_victim_named_like_a_part_of_town_is_a_place() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "planes bombed northern valmora and the tres robles canton, killing rui soto."
    ev = event(text, "bombed", parts=(
        ("victim", "northern valmora", None), ("victim", "tres robles canton", None),
        ("victim", "rui soto", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Victim"] == ["rui soto"]


def test_muc4_a_weapon_loses_how_big_it_was() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "a powerful bomb, a 20-kg bomb, heavy mortars and machinegun fire hit the bank."
    ev = event(text, "hit", sub="Remote explosive/landmine/IED", parts=(
        ("instrument", "a powerful bomb", None), ("instrument", "a 20-kg bomb", None),
        ("instrument", "heavy mortars", None), ("instrument", "machinegun fire", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Weapon"] == [
        "bomb", "heavy mortars", "machinegun"]


def test_muc4_a_target_loses_a_list_or_estimate_lead_in() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels bombed namely a bank, approximately 25 vehicles or seven other buildings."
    ev = event(text, "bombed", sub="Remote explosive/landmine/IED", parts=(
        ("object", "namely a bank", None), ("object", "approximately 25 vehicles", None),
        ("object", "or seven other buildings", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == [
        "bank", "vehicles", "buildings"]


def test_muc4_rounds_are_the_gun_that_fired_them() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels fired three or four mortar rounds, rounds of cannon and bullets at the bank."
    ev = event(text, "fired", parts=(
        ("instrument", "four mortar rounds", None), ("instrument", "rounds of cannon", None),
        ("instrument", "bullets", None),
    ))
    text2 = text.replace("four mortar rounds", "or four mortar rounds")
    assert muc_fillers(result(text, ev), default_lexicon())["Weapon"] == ["mortar", "cannon"]
    ev2 = event(text2, "fired", parts=(("instrument", "or four mortar rounds", None),))
    assert muc_fillers(result(text2, ev2), default_lexicon())["Weapon"] == ["mortar"]


def test_muc4_artillery_and_landmines_are_no_weapons() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels attacked the town with artillery, mines and rifles."
    ev = event(text, "attacked", parts=(
        ("instrument", "artillery", None), ("instrument", "mines", None),
        ("instrument", "rifles", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Weapon"] == ["rifles"]


def test_muc4_a_transcribers_note_goes_from_weapons_and_targets() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "six (as heard) bombs hit the (words indistinct) bank."
    ev = event(text, "hit", sub="Remote explosive/landmine/IED", parts=(
        ("instrument", "six (as heard) bombs", None),
        ("object", "the (words indistinct) bank", None),
    ))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["Weapon"] == ["bombs"] and fillers["Target"] == ["bank"]


def test_muc4_a_numbered_house_is_a_target() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "a bomb damaged house number 72 and building 626."
    ev = event(text, "damaged", sub="Remote explosive/landmine/IED", parts=(
        ("object", "house number 72", None), ("object", "building 626", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == [
        "house number 72", "building 626"]


def test_muc4_an_amount_of_explosive_keeps_its_number() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels placed 20 kg of dynamite and two bombs at the bank."
    ev = event(text, "placed", sub="Remote explosive/landmine/IED", parts=(
        ("instrument", "20 kg of dynamite", None), ("instrument", "two bombs", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Weapon"] == [
        "20 kg of dynamite", "bombs"]


def test_muc4_a_target_loses_its_size_and_same() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels bombed a large gas station and the same pipeline."
    ev = event(text, "bombed", sub="Remote explosive/landmine/IED", parts=(
        ("object", "a large gas station", None), ("object", "the same pipeline", None),
    ))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == ["gas station",
                                                                          "pipeline"]


def test_muc4_a_part_of_an_organisation_is_the_organisation() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the valmora liberation front forces attacked the bank."
    front = Actor(id="a1", span=span(text, "valmora liberation front"),
                  name="valmora liberation front", kind="armed_group", sector="REB")
    ev = event(text, "attacked", parts=(
        ("source", "valmora liberation front forces", "a1"), ("object", "the bank", None),
    ))
    fillers = muc_fillers(result(text, ev, actors=[front]), default_lexicon())
    assert fillers["PerpOrg"] == ["valmora liberation front"]


def test_muc4_perpetrator_people_or_unit_lose_their_owner_but_a_thing_keeps_it() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the front's ana ruiz unit and the party's guerrillas and the army's response hit it"
    ev = event(text, "hit", parts=(("source", "the front's ana ruiz unit", None),
                                   ("source", "the party's guerrillas", None),
                                   ("source", "the army's response", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["ana ruiz unit", "guerrillas"]
    assert "response" not in fillers["PerpInd"] + fillers["PerpOrg"]


def test_muc4_a_common_noun_for_a_thing_is_no_perpetrator() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "shrapnel wounded the mayor while unidentified individuals and the eln fired."
    ev = event(text, "wounded", parts=(
        ("source", "shrapnel", None),
        ("source", "unidentified individuals", None),
        ("source", "eln", None),
    ))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["unidentified individuals"]
    assert fillers["PerpOrg"] == ["eln"]  # a known actor's name, though a dictionary word


def test_muc4_an_organisation_named_inside_a_perpetrator_phrase_is_a_perpetrator() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "a column of valmora front terrorists and drug gangs attacked the bank."
    actors = [
        Actor(id="a1", span=span(text, "valmora front terrorists"), name="valmora front",
              kind="armed_group"),
        Actor(id="a2", span=span(text, "valmora front"), name="valmora front",
              kind="armed_group"),
        Actor(id="a3", span=span(text, "gangs"), name="gangs", kind="armed_group"),
    ]
    ev = event(text, "attacked", parts=(
        ("source", "a column of valmora front terrorists", "a1"),
        ("source", "drug gangs", "a3"), ("object", "the bank", None),
    ))
    fillers = muc_fillers(result(text, ev, actors=actors), default_lexicon())
    assert fillers["PerpOrg"][0] == "valmora front"
    assert "gangs" not in fillers["PerpOrg"]  # a plain word inside the phrase names no one
    # the people keep the organisation's name where it is only named inside their phrase
    assert "column of valmora front terrorists" in fillers["PerpInd"]


def test_muc4_civilians_and_government_offices_are_no_perpetrators() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "peasants, the ministry and the frl attacked the bank."
    actors = [
        Actor(id="a1", span=span(text, "peasants"), name="peasants", kind="population",
              sector="CVL"),
        Actor(id="a2", span=span(text, "the ministry"), name="ministry", kind="organisation",
              sector="GOV"),
        Actor(id="a3", span=span(text, "the frl"), name="frl", kind="armed_group",
              sector="REB"),
    ]
    ev = event(text, "attacked", parts=(
        ("source", "peasants", "a1"), ("source", "the ministry", "a2"),
        ("source", "the frl", "a3"), ("object", "the bank", None),
    ))
    fillers = muc_fillers(result(text, ev, actors=actors), default_lexicon())
    assert fillers["PerpInd"] == []
    assert fillers["PerpOrg"] == ["frl"]


def test_muc4_an_incident_with_no_perpetrator_is_given_the_armed_group_named_beside_it() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "a bomb destroyed the bank; police blame the frl. the frl denied it."
    frl = [Actor(id="a1", span=Span.of(text, i, i + 3), name="frl", kind="armed_group",
                 sector="REB") for i in (text.index("frl"), text.rindex("frl"))]
    ev = event(text, "destroyed", parts=(("object", "the bank", None),
                                         ("instrument", "a bomb", None)))
    fillers = muc_fillers(result(text, ev, actors=frl), default_lexicon())
    assert fillers["PerpOrg"] == ["frl"]
    named = event(text, "destroyed", parts=(("object", "the bank", None),
                                            ("source", "police", None)))
    fillers = muc_fillers(result(text, named, actors=frl), default_lexicon())
    assert fillers["PerpOrg"] == ["police"]  # a perpetrator is named: no guess
    gunmen = "gunmen destroyed the bank; police blame the frl."
    frl2 = [Actor(id="a1", span=span(gunmen, "frl"), name="frl", kind="armed_group",
                  sector="REB")]
    people = event(gunmen, "destroyed", parts=(("object", "the bank", None),
                                               ("source", "gunmen", None)))
    fillers = muc_fillers(result(gunmen, people, actors=frl2), default_lexicon())
    assert fillers["PerpOrg"] == ["frl"]  # people alone: their organisation is guessed
    assert fillers["PerpInd"] == ["gunmen"]
    hit_nothing = event(text, "destroyed", parts=(("instrument", "a bomb", None),))
    assert muc_fillers(result(text, hit_nothing, actors=frl), default_lexicon())["PerpOrg"] == []
    # the victims' own group did not do it
    own = "tomas vela, candidate for the frl, was shot by a man dressed as a priest."
    group = [Actor(id="a1", span=span(own, "frl"), name="frl", kind="armed_group",
                   sector="REB")]
    shot = event(own, "shot", parts=(("victim", "tomas vela", None),))
    assert muc_fillers(result(own, shot, actors=group), default_lexicon())["PerpOrg"] == []
    by = "tomas vela, a judge, was shot this morning by the frl."
    group = [Actor(id="a1", span=span(by, "frl"), name="frl", kind="armed_group",
                   sector="REB")]
    shot = event(by, "shot", parts=(("victim", "tomas vela", None),))
    assert muc_fillers(result(by, shot, actors=group), default_lexicon())["PerpOrg"] == ["frl"]


def test_muc4_perpetrator_loses_a_date_or_lead_in_word_before_it() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "on 10 march alleged frl members and those gunmen attacked the bank"
    ev = event(text, "attacked", parts=(("source", "on 10 march alleged frl members", None),
                                        ("source", "those gunmen", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["frl members", "gunmen"]


def test_muc4_the_organisation_named_before_a_vehicle_or_weapon_is_its_perpetrator() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "six valmoran air force helicopters and a bomb explosion hit the village"
    ev = event(text, "hit", parts=(("source", "six valmoran air force helicopters", None),
                                   ("source", "a bomb explosion", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpOrg"] == ["valmoran air force"]
    assert fillers["PerpInd"] == []


def test_muc4_anonymous_perpetrators_keep_their_description() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "two men wearing military uniforms and a man dressed in combat gear shot him"
    ev = event(text, "shot", parts=(("source", "two men wearing military uniforms", None),
                                    ("source", "a man dressed in combat gear", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["two men wearing military uniforms",
                                  "man dressed in combat gear"]
    assert fillers["PerpOrg"] == ["military"]  # the uniform's institution, said only inside


def test_muc4_armoured_vehicles_and_what_a_raid_entered_are_no_targets() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "rebels burned two armored cars and a bus."
    ev = event(text, "burned", parts=(("object", "two armored cars", None),
                                      ("object", "a bus", None)))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == ["bus"]
    text = "gunmen raided a farm."
    ev = event(text, "raided", parts=(("source", "gunmen", None), ("object", "a farm", None)))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == []


def test_muc4_businesses_firms_stands_and_boxes_are_targets() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the bomb damaged nearby businesses, a fruit firm, food stands and a junction box."
    ev = event(text, "damaged", parts=tuple(("object", s, None) for s in (
        "nearby businesses", "a fruit firm", "food stands", "a junction box")))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == [
        "nearby businesses", "fruit firm", "food stands", "junction box"]


def test_muc4_a_firm_attacked_as_an_actor_is_a_target() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "a bomb attack against el tiempo newspaper and the union."
    ev = event(text, "attack", parts=(("victim", "el tiempo newspaper", None),
                                      ("target", "the union", None)))
    assert muc_fillers(result(text, ev), default_lexicon())["Target"] == ["el tiempo newspaper"]


def test_muc4_unidentified_people_are_perpetrators_unlike_a_population() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the judge was shot by unidentified people; four people burned the farm."
    people = [Actor(id="a1", span=span(text, "unidentified people"), name="people",
                    kind="population", sector="CVL"),
              Actor(id="a2", span=span(text, "four people"), name="people",
                    kind="population", sector="CVL")]
    ev = event(text, "shot", parts=(("source", "unidentified people", "a1"),
                                    ("source", "four people", "a2")))
    fillers = muc_fillers(result(text, ev, actors=people), default_lexicon())
    assert fillers["PerpInd"] == ["unidentified people"]


def test_muc4_members_of_an_organisation_and_a_rank_are_people() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "members of the salvadoran armed forces and one corporal killed the priests."
    forces = [Actor(id="a1", span=span(text, "salvadoran armed forces"),
                    name="Salvadoran Armed Forces", kind="organisation", sector="MIL")]
    ev = event(text, "killed", parts=(
        ("source", "members of the salvadoran armed forces", "a1"),
        ("source", "one corporal", None)))
    fillers = muc_fillers(result(text, ev, actors=forces), default_lexicon())
    assert fillers["PerpInd"] == ["members of salvadoran armed forces", "one corporal"]



def test_muc4_a_civilian_occupation_is_no_perpetrator() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "the watchman and a group of workers attacked the bank with the gunmen."
    ev = event(text, "attacked", parts=(("source", "the watchman", None),
                                        ("source", "a group of workers", None),
                                        ("source", "the gunmen", None)))
    fillers = muc_fillers(result(text, ev), default_lexicon())
    assert fillers["PerpInd"] == ["group of workers", "gunmen"]


def test_muc4_a_dictionary_word_inside_another_source_is_no_organisation() -> None:
    from sitrep.evaluation.tasks.muc4_fillers import muc_fillers
    from sitrep.stages.extract.events_lexicon import default_lexicon

    text = "drug traffickers and fmln guerrillas bombed the bank."
    crooks = [Actor(id="a1", span=span(text, "drug traffickers"), name="traffickers",
                    kind="armed_group", sector="CRM")]
    ev = event(text, "bombed", parts=(("source", "drug traffickers", "a1"),
                                      ("source", "drug", "a1"),
                                      ("source", "fmln guerrillas", None),
                                      ("source", "fmln", None)))
    fillers = muc_fillers(result(text, ev, actors=crooks), default_lexicon())
    assert fillers["PerpOrg"] == ["fmln"]
    assert fillers["PerpInd"] == ["drug traffickers", "guerrillas"]
