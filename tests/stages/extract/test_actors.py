"""extract.actors.v1: actor mentions with country, sector, role, affiliation and shared ids."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import get
from sitrep.schema import Actor
from sitrep.stages.extract.actors import actor_at, actors_in, is_caseless
from sitrep.stages.extract.actors_knowledge import load_knowledge

Extract = Callable[..., Document]

# fmt: off
PLOVER_SECTORS = {
    "GOV", "MIL", "COP", "REB", "CVL", "OPP", "PTY", "JUD", "LEG", "SPY", "IGO", "NGO", "MED",
    "JRN", "EDU", "LAB", "BUS", "REL", "REF", "CRM", "ELI",
}
# fmt: on


@pytest.fixture(scope="module")
def extract() -> Extract:
    nlp = get("nlp.spacy.v1").factory({})
    stage = get("extract.actors.v1").factory({})

    def run(text: str, published: str | None = "2023-09-19") -> Document:
        doc = Document(text=text, published=published)
        return stage(nlp(doc))

    return run


def find(doc: Document, text: str) -> Actor:
    matches = [a for a in doc.actors if a.span.text == text]
    assert matches, f"no actor {text!r} in {[a.span.text for a in doc.actors]}"
    return matches[0]


def test_loader_reads_every_data_file() -> None:
    know = load_knowledge()
    assert len(know.countries) > 240
    assert know.countries["AZE"].name == "Azerbaijan"
    assert "aggression" in know.agentive_nouns
    assert "us" in know.caseless_ambiguous
    leaders = [t for terms in know.leaders_by_role.values() for t in terms]
    assert len(leaders) > 100
    for leader in leaders:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", leader.start)
        assert leader.end is None or leader.start <= leader.end
        assert leader.sector is None or leader.sector in PLOVER_SECTORS


def test_data_file_sectors_are_plover_codes() -> None:
    from sitrep.stages.extract.actors_knowledge import _rows

    files = (
        ("institutions.tsv", 3),
        ("organisations.tsv", 3),
        ("metonyms.tsv", 3),
        ("org_heads.tsv", 2),
        ("roles.tsv", 2),
    )
    for name, column in files:
        rows = _rows(name)
        assert rows, name
        for row in rows:
            sector = row[column].strip() if column < len(row) else ""
            assert sector in PLOVER_SECTORS or (name == "roles.tsv" and not sector), (name, row)


def test_nationality_adjective_qualifies_institution(extract: Extract) -> None:
    doc = extract("The Azerbaijani Ministry of Defense announced the start of an operation.")
    actor = find(doc, "Azerbaijani Ministry of Defense")
    assert (actor.name, actor.country, actor.sector, actor.kind) == (
        "Ministry of Defence of Azerbaijan",
        "AZE",
        "MIL",
        "organisation",
    )


def test_its_forces_belong_to_the_clause_subject(extract: Extract) -> None:
    doc = extract("Argentina apologized to Brazil for one of its gunboats.")
    assert find(doc, "its gunboats").country == "ARG"
    doc = extract("Hamas said its fighters had fired rockets.")  # a group's fighters: the group
    assert find(doc, "its fighters").id == find(doc, "Hamas").id
    doc = extract("Residents said their government had failed them.")  # no state named
    assert find(doc, "their government").country is None


def test_nationality_adjective_of_a_weapon_is_its_state(extract: Extract) -> None:
    doc = extract("A Turkish missile hit the base.")
    actor = find(doc, "Turkish")
    assert (actor.name, actor.country) == ("Turkey", "TUR")


def test_possessive_country_and_adjective_forms_share_an_id(extract: Extract) -> None:
    doc = extract(
        "Armenia's Foreign Ministry condemned the shelling. Later the Armenian Foreign Ministry "
        "said in a statement that talks had failed."
    )
    first = find(doc, "Armenia's Foreign Ministry")
    second = find(doc, "Armenian Foreign Ministry")
    assert first.id == second.id
    assert first.name == "Ministry of Foreign Affairs of Armenia"


def test_definite_description_links_to_the_named_institution(extract: Extract) -> None:
    doc = extract(
        "The Turkish Ministry of Defence announced new strikes on Monday. "
        "The ministry said the strikes targeted depots."
    )
    named = find(doc, "Turkish Ministry of Defence")
    anaphor = find(doc, "The ministry")
    assert anaphor.id == named.id
    assert anaphor.country == "TUR"


def test_person_apposition_gets_role_affiliation_and_sector(extract: Extract) -> None:
    doc = extract(
        "“We are deeply concerned,” said Anna Petrova, Russian Foreign Ministry spokeswoman. "
        "The diplomat added that talks would continue."
    )
    person = find(doc, "Anna Petrova")
    ministry = find(doc, "Russian Foreign Ministry")
    assert person.kind == "person"
    assert person.role == "spokesperson"
    assert person.affiliation == ministry.id
    assert (person.country, person.sector) == ("RUS", "GOV")
    assert find(doc, "The diplomat").id == person.id


def test_title_before_name_gives_role_and_country(extract: Extract) -> None:
    doc = extract("Georgian Prime Minister Ivan Kobadze called a meeting of the cabinet.")
    person = find(doc, "Ivan Kobadze")
    assert (person.role, person.country, person.sector) == ("prime minister", "GEO", "GOV")
    assert person.affiliation == find(doc, "Georgian").id


def test_subject_pronoun_links_to_the_recent_person(extract: Extract) -> None:
    doc = extract(
        "Defence Minister Omar Haddad visited the front on Sunday. "
        "“The situation is stable,” he said."
    )
    assert find(doc, "he").id == find(doc, "Omar Haddad").id


def test_a_definite_role_refers_back_to_the_person_whose_role_it_heads(extract: Extract) -> None:
    doc = extract(
        "Defence Minister Omar Haddad visited the front on Sunday. "
        "Later the minister told reporters the line would hold."
    )
    assert find(doc, "the minister").id == find(doc, "Omar Haddad").id


def test_surname_repeats_the_full_name(extract: Extract) -> None:
    doc = extract("Colonel Omar Haddad led the raid. Haddad told reporters it had succeeded.")
    assert find(doc, "Haddad").id == find(doc, "Omar Haddad").id


def test_capital_acting_is_the_government(extract: Extract) -> None:
    doc = extract("Moscow condemned the attack, and Washington's envoy left.")
    moscow = find(doc, "Moscow")
    assert (moscow.kind, moscow.country, moscow.sector) == ("state", "RUS", "GOV")
    assert find(doc, "Washington").country == "USA"


def test_capital_as_a_location_is_not_an_actor(extract: Extract) -> None:
    doc = extract("The talks were held in Moscow on Friday.")
    assert all(a.span.text != "Moscow" for a in doc.actors)


def test_a_dateline_is_not_an_actor(extract: Extract) -> None:
    doc = extract("MOSCOW, March 3 (Wire) - Police detained two men on Sunday.")
    assert all(a.span.text != "MOSCOW" for a in doc.actors)
    doc = extract("KYIV, Ukraine (Wire) - Police detained two men on Sunday.")
    assert all(a.span.text not in ("KYIV", "Ukraine") for a in doc.actors)


def test_country_as_location_is_not_an_actor_but_as_agent_is(extract: Extract) -> None:
    doc = extract("Troops were deployed in Mali. Algeria rejected the plan.")
    assert [a.span.text for a in doc.actors if a.kind == "state"] == ["Algeria"]


def test_seat_of_government_metonym(extract: Extract) -> None:
    doc = extract("The Kremlin said it would respond.")
    actor = find(doc, "Kremlin")
    assert (actor.country, actor.sector) == ("RUS", "GOV")


def test_conjoined_nationalities_both_qualify_the_group(extract: Extract) -> None:
    doc = extract("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.")
    assert {(a.country, a.sector) for a in doc.actors} >= {("HUN", "GOV"), ("ROU", "GOV")}


def test_plural_demonym_is_a_population(extract: Extract) -> None:
    doc = extract("Six Armenians were killed in the attack.")
    actor = find(doc, "Armenians")
    assert (actor.kind, actor.country, actor.sector) == ("population", "ARM", "CVL")


def test_armed_group_from_the_worldwide_list(extract: Extract) -> None:
    doc = extract("Al-Shabaab fighters attacked a base; Hezbollah denied involvement.")
    assert find(doc, "Hezbollah").country == "LBN"
    assert {a.sector for a in doc.actors} >= {"REB"}


def test_institution_word_modifying_a_thing_is_not_an_actor(extract: Extract) -> None:
    doc = extract(
        "The anti-terrorist operation hit military infrastructure after a press conference."
    )
    assert doc.actors == []


def test_leader_role_is_bounded_by_the_publication_date(extract: Extract) -> None:
    text = "Putin said the talks were useful."
    assert find(extract(text, published="2010-06-01"), "Putin").role == "prime minister"
    assert find(extract(text, published="2015-06-01"), "Putin").role == "president"


def test_country_role_without_a_name_resolves_to_the_office_holder(extract: Extract) -> None:
    doc = extract("Turkey's president said the border would stay open.", published="2020-01-01")
    actor = find(doc, "Turkey's president")
    assert actor.kind == "person" and actor.country == "TUR"
    assert actor.name.endswith("Erdogan")


def test_lowercase_text_is_matched_without_case(extract: Extract) -> None:
    doc = extract(
        "the guatemalan army said that guerrillas of the urng attacked a farm near the border."
    )
    assert is_caseless(doc.text)
    army = find(doc, "guatemalan army")
    assert (army.country, army.sector) == ("GTM", "MIL")
    assert find(doc, "urng").kind == "armed_group"
    group = find(doc, "guerrillas of the urng")
    assert (group.sector, group.country) == ("REB", "GTM")


def test_caseless_text_skips_acronyms_that_are_words(extract: Extract) -> None:
    doc = extract("the soldiers told us that it was quiet in the village until the evening hours.")
    assert all(a.country != "USA" for a in doc.actors)


def test_mixed_case_needs_capitals_for_names(extract: Extract) -> None:
    doc = extract("The Chinese delegation arrived. They served turkey and rice at the dinner.")
    assert all(a.country != "TUR" for a in doc.actors)


def test_spans_match_the_text_and_ids_are_sequential(extract: Extract) -> None:
    doc = extract(
        "Iraqi forces and Kurdish Peshmerga fighters retook the town, the Iraqi Defence Ministry "
        "said. Prime Minister Ali Kareem praised the troops. The UN Security Council met."
    )
    assert doc.actors
    ids = []
    for actor in doc.actors:
        assert doc.text[actor.span.start : actor.span.end] == actor.span.text
        if actor.id not in ids:
            ids.append(actor.id)
    assert ids == [f"a{i + 1}" for i in range(len(ids))]


def test_actor_at_prefers_the_person_to_its_affiliation(extract: Extract) -> None:
    text = "Anna Petrova, Russian Foreign Ministry spokeswoman, spoke."
    doc = extract(text)
    end = text.index(",", text.index("spokeswoman"))
    actor = actor_at(doc, 0, end)
    assert actor is not None and actor.span.text == "Anna Petrova"
    ministry = actor_at(doc, text.index("Russian"), text.index("spokeswoman"))
    assert ministry is not None and ministry.name == "Ministry of Foreign Affairs of Russia"
    assert actor_at(doc, len(text) - 6, len(text) - 1) is None


def test_actors_in_lists_mentions_inside_a_range(extract: Extract) -> None:
    text = "Israeli troops and Palestinian militants clashed. The UN called for calm."
    doc = extract(text)
    inside = actors_in(doc, 0, text.index("."))
    assert [a.sector for a in inside] == ["MIL", "REB"]
    assert actors_in(doc, 0, 3) == []


def test_document_without_parse_warns(extract: Extract) -> None:
    stage = get("extract.actors.v1").factory({})
    doc = stage(Document(text="No parse here."))
    assert doc.actors == []
    assert doc.warnings and doc.warnings[0].code == "no_parse"


def test_unknown_organisation_gets_sector_from_its_name(extract: Extract) -> None:
    doc = extract("The Rwandan Patriotic Front said its fighters had withdrawn.")
    actor = find(doc, "Rwandan Patriotic Front")
    assert (actor.kind, actor.country, actor.sector) == ("armed_group", "RWA", "REB")


def test_leader_out_of_office_is_a_former_leader(extract: Extract) -> None:
    doc = extract("Mugabe said the elections were unfair.", published="2019-01-10")
    actor = find(doc, "Mugabe")
    assert (actor.role, actor.sector, actor.country) == ("former president", "ELI", "ZWE")


def test_former_before_a_role_marks_an_elite(extract: Extract) -> None:
    doc = extract("Former Greek prime minister Nikos Alexis appeared in court.")
    actor = find(doc, "Nikos Alexis")
    assert (actor.role, actor.sector, actor.country) == ("former prime minister", "ELI", "GRC")


def test_nationality_qualifies_an_ethnic_community(extract: Extract) -> None:
    doc = extract("Iraqi Kurds protested in the city.")
    actor = find(doc, "Iraqi Kurds")
    assert (actor.name, actor.kind, actor.country) == ("Kurds of Iraq", "population", "IRQ")


def test_the_country_refers_to_the_most_recent_state(extract: Extract) -> None:
    doc = extract(
        "Kenyan President John Mwangi called a meeting of the country's Security Council. "
        "Earlier, the country closed its border."
    )
    council = find(doc, "the country's Security Council")
    assert (council.name, council.country) == ("Security Council of Kenya", "KEN")
    assert find(doc, "the country").country == "KEN"


def test_members_of_an_armed_group_are_the_group(extract: Extract) -> None:
    doc = extract("Hamas militants fired rockets, and Hamas later claimed the attack.")
    members = find(doc, "Hamas militants")
    assert (members.name, members.sector, members.country) == ("Hamas", "REB", "PSE")
    assert members.id == [a for a in doc.actors if a.span.text == "Hamas"][-1].id


def test_role_for_an_organisation_is_affiliated_to_it(extract: Extract) -> None:
    doc = extract("A spokesman for the Pentagon said the review was over.")
    person = find(doc, "spokesman for the Pentagon")
    pentagon = find(doc, "Pentagon")
    assert person.kind == "person" and person.affiliation == pentagon.id
    assert (person.country, person.sector) == ("USA", "MIL")


def test_role_word_as_a_modifier_is_not_a_person(extract: Extract) -> None:
    doc = extract("The official newspaper printed the decree.")
    assert all(a.kind != "person" for a in doc.actors)


def test_unidentified_gunmen_and_criminals_are_armed_groups(extract: Extract) -> None:
    doc = extract("Unidentified gunmen shot two guards, and bandits looted the market.")
    assert (find(doc, "Unidentified gunmen").sector, find(doc, "bandits").sector) == ("REB", "CRM")


def test_leader_alias_at_the_end_of_a_longer_name(extract: Extract) -> None:
    doc = extract("President Omar Hassan al-Bashir rejected the plan.", published="2005-01-01")
    leader = find(doc, "Omar Hassan al-Bashir")
    assert (leader.name, leader.country, leader.role) == ("Omar al-Bashir", "SDN", "president")
    relative = find(
        extract("Ivanka Trump visited the school.", published="2018-01-05"), "Ivanka Trump"
    )
    assert (relative.name, relative.role) == ("Ivanka Trump", None)


def test_abbreviated_military_titles_are_roles(extract: Extract) -> None:
    doc = extract("Lt. Gen. Prosper Avril resigned on Sunday.")
    assert (find(doc, "Prosper Avril").role, find(doc, "Prosper Avril").sector) == (
        "military officer",
        "MIL",
    )


def test_config_turns_off_anaphors_and_unknown_organisations() -> None:
    nlp = get("nlp.spacy.v1").factory({})
    stage = get("extract.actors.v1").factory({"anaphors": False, "unknown_organisations": False})
    doc = stage(nlp(Document(text="Colonel Omar Haddad met the Rwandan Patriotic Front. He left.")))
    assert [a.span.text for a in doc.actors] == ["Omar Haddad"]


def test_vice_and_deputy_roles_keep_their_country(extract: Extract) -> None:
    doc = extract("Taiwan's Vice Foreign Minister met envoys on Monday.")
    actor = find(doc, "Taiwan's Vice Foreign Minister")
    assert (actor.kind, actor.country, actor.role) == ("person", "TWN", "foreign minister")


def test_leader_named_administration_is_the_government(extract: Extract) -> None:
    doc = extract("The Bush administration rejected the proposal.", published="2003-05-01")
    actor = find(doc, "Bush administration")
    assert (actor.name, actor.country, actor.sector) == (
        "Government of United States",
        "USA",
        "GOV",
    )


def test_named_organisation_is_not_split_into_group_nouns(extract: Extract) -> None:
    doc = extract("The Kenyan Union of Nurses called a national strike.")
    union = find(doc, "Kenyan Union of Nurses")
    assert (union.kind, union.country, union.sector) == ("organisation", "KEN", "LAB")
    assert [a.span.text for a in doc.actors] == ["Kenyan Union of Nurses"]


def test_former_office_holder_is_not_the_current_one(extract: Extract) -> None:
    doc = extract("Russia's former president spoke at the forum.", published="2015-06-01")
    actor = find(doc, "Russia's former president")
    assert (actor.role, actor.sector) == ("former president", "ELI")
    assert "Putin" not in actor.name
