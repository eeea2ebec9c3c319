"""Victims and targets a report names apart from the event: "the victims were identified as
X and Y", "among the dead are X", "X was the victim", "the bodies of X and Y were found",
"among the injured are X", "those who were kidnapped are X", "the target was the X factory".

Reports often tell an attack in one sentence and name who was harmed in another. A sentence
that names people as the victims, the dead or the hostages (a copula, or ``identify ... as``,
with a victim noun or a harmed-participle phrase on the other side: "the wounded reporters
are X and Y", "X and Y were the missionaries killed", "one of the students killed was X"), or
a colon after a clause of harm ("the following policemen died: major X, captain Y"), gives
those names as victims of the nearest event of violence at or before it (an ASSAULT: the
same sentence's, else the latest earlier one); so does a sentence that names people spoken of
before ("they are X, Y and Z", "he is X, a student", "the other person is X") where that event
has a victim. The hostages a group released, will release or is holding, those the police
rescued, and those whose kidnappers the report speaks of ("x was released by the guerrillas",
"the police rescued x", "the kidnappers of x"),
are victims of the nearest kidnapping (the first, if none comes before); with no kidnapping in
the report, a release names no one. Only phrases that look like names are taken,
a title or an age before them dropped ("19-year-old X"): "the victims were peasants" adds
nothing the event does not already say.

A victim named in part ("ibarguen quintal", "velarde") where the document introduces the
person by a longer name ("tomas ibarguen quintal") is given that name too, as a second victim
span at the place the full name is written (the keys name victims in full): a run of two to
five name-like words (no dictionary word but a first name before a name, no title, no
nationality adjective) that holds the partial name. Names listed after a victim the parse
gave alone ("killed x, y, 38, and z") are victims too, read off the tokens up to a new clause
(a verb: "who was kidnapped in"); a bracket, the title before a name ("and peasant leader x"),
an item that is a noun phrase ("; a minor known as x;") and a possessor ("x's driver") are
passed over, and an age before dictionary words makes them a name ("40-year-old victor hills").
A passive of harm the parse left without a subject ("x, a manager, and y, a director, were
kidnapped") takes the names of two words or more listed before its auxiliary;
a victim's name the parse cut short ("killing maria [jacinta quintal], 42") runs on over the
name-like words up to the next comma, semicolon or "and". A speaker's name in brackets before
a frame ("(ojeda) among the injured are X") does not hide it. A name in apposition to a victim
noun ("the other victim, x, is recovering") is a victim too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.stages.extract.actors_knowledge import demonym_adjectives
from sitrep.stages.extract.events_harm import DIE_VERBS
from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_merge import Draft, asserted_attacks, attack_at_or_before
from sitrep.stages.extract.events_modality import lemma
from sitrep.stages.extract.events_roles import Role
from sitrep.stages.extract.events_syntax import (
    patient_role,
    phrase_bounds,
    pobjs,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

VICTIM_NOUNS = frozenset({"victim", "dead", "body", "corpse", "casualty", "hostage",
                          "deceased", "captive", "injured", "wounded", "kidnapped"})
HARMED = frozenset({"dead", "murder", "kill", "slay", "kidnap", "abduct", "wound", "injure",
                    "assassinate", "execute"})  # "the murdered inspector", "the dead men"


def _harmed(token: Token) -> bool:
    """Does this phrase name the harmed: "the victims", "the dead men", "the kidnapped man",
    "those who were kidnapped", "the missionaries killed", "one of the students killed"?"""
    if token.lower_ == "one":
        return any(_harmed(o) for _, o in pobjs(token, ("of",)))
    return lemma(token) in VICTIM_NOUNS or token.lower_ in VICTIM_NOUNS or any(
        c.dep_ in ("amod", "compound") and (lemma(c) in HARMED or c.lower_ in HARMED
                                            or c.lower_ in VICTIM_NOUNS)  # "wounded"
        for c in token.lefts) or any(
        ((c.dep_ == "relcl" and any(g.dep_ == "nsubjpass" for g in c.children))
         or (c.dep_ == "acl" and c.tag_ == "VBN")) and lemma(c) in HARMED
        for c in token.rights)


NAME_LINKS = frozenset({"de", "del", "la", "y", "da", "dos", "van", "von"})  # "ruiz y ruiz"
SEPARATORS = frozenset({",", ";", "and"})
AGE_WORDS = frozenset({"year", "years", "old"})  # "19-year-old x"
COLON = re.compile(":")


def _titles(lex: Lexicon) -> frozenset[str]:
    """Words before a name that are not part of it: titles, class words, determiners."""
    return lex.cls("title") | lex.cls("civilian") | lex.cls("determiner")


def _inside_word(token: Token) -> bool:
    """A hyphen or slash joining two words with no space ("19-year-old")."""
    return token.text in ("-", "/") and not token.whitespace_ and token.i > 0 and not (
        token.doc[token.i - 1].whitespace_)


def _name_like(token: Token, lex: Lexicon) -> bool:
    if token.ent_type_ == "PERSON":
        return True
    if not token.is_alpha or len(token) < 2:
        return False
    if lex.known_words:  # lower-cased text: a word the dictionary does not know is a name
        return token.lower_ not in lex.known_words and lemma(token) not in lex.known_words
    return token.pos_ == "PROPN"


def _word_of_name(token: Token, titles: frozenset[str]) -> bool:
    """Could this word be part of a personal name (no digit, function word or class word)?"""
    return token.pos_ in ("PROPN", "NOUN", "ADJ", "VERB", "X") and token.is_alpha and (
        len(token) > 1) and not token.is_stop and token.lower_ not in titles and (
        lemma(token) not in titles)


def _bare(chunk: list[Token], titles: frozenset[str]) -> tuple[list[Token], bool]:
    """The words of a list item that could be a name: those after its last title or class
    word ("guatemalan political leader x", "mormon missionaries x y") and after an age
    ("19-year-old x"); and whether an age went before them (which makes the item a person
    even where every word of the name is a dictionary word: "40-year-old victor hills")."""
    last_title = max((k for k, t in enumerate(chunk) if lemma(t) in titles
                      or t.lower_ in titles), default=-1)
    chunk = chunk[last_title + 1:]
    aged = False
    while chunk and (chunk[0].like_num or chunk[0].lower_ in AGE_WORDS
                     or _inside_word(chunk[0])):
        aged = aged or chunk[0].lower_ in AGE_WORDS
        chunk = chunk[1:]
    return chunk, aged


def _names(head: Token, lex: Lexicon, start: int | None = None) -> list[tuple[int, int]]:
    """Token ranges of the personal names in the list that starts at ``head``'s phrase (or
    at token ``start``): "x, y, and z", "x, 38, and y", "x, a union leader; y", "19-year-old
    x" (the lower-cased parse seldom gets such lists right, so they are read off the tokens:
    runs of name-like words between commas, semicolons and "and", a title or an age before
    them dropped)."""
    doc = head.doc
    titles = _titles(lex)
    found: list[tuple[int, int]] = []
    chunk: list[Token] = []
    skipping = False  # after a function word, until the next comma: "x, a teacher, and y"
    for i in range(head.left_edge.i if start is None else start, head.sent.end + 1):
        token = doc[i] if i < head.sent.end else None
        ends = token is None or token.lower_ in SEPARATORS or (
            token.is_punct and not _inside_word(token))
        if not ends and token is not None and not (token.is_stop and token.lower_ not in
                                                   NAME_LINKS):
            if not skipping:
                chunk.append(token)
            continue
        chunk, aged = _bare(chunk, titles)
        if chunk and all(_word_of_name(t, titles) or (t.lower_ in NAME_LINKS and 0 < k < len(
                chunk) - 1) for k, t in enumerate(chunk)) and (
                len(chunk) > 1 or _name_like(chunk[0], lex)) and (aged or any(
                _name_like(t, lex) or t.pos_ == "PROPN" for t in chunk)):
            found.append((chunk[0].i, chunk[-1].i + 1))
        chunk = []
        if token is None or (token.is_punct and token.text not in (",", ";")):
            break  # the end of the list: a full stop, a bracket, a quote
        skipping = not ends  # a function word ("were", "a") ends the name; skip to a comma
    return found


VICTIMS_NAMED = frozenset({"victim", "victims", "hostage", "hostages", "casualty",
                           "casualties"})  # nouns that say who was harmed
FRAME_VERBS = frozenset({"identify", "find", "be", "become"})
FRAME_FORMS = frozenset({"identify", "identifies", "identified", "identifying", "find", "finds",
                         "found", "finding", "be", "is", "are", "was", "were", "been", "being",
                         "'s", "become", "becomes", "became", "becoming"})


def named_victims(parse: SpacyDoc, lex: Lexicon,
                  given: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Token ranges of the names a sentence gives as victims (module docstring); the names it
    gives to people spoken of before ("they are x, y and z") go to ``given``."""
    heads: list[tuple[int, int]] = []
    for token in parse:
        if token.lower_ in VICTIMS_NAMED and token.pos_ == "NOUN":  # "the other victim, x,"
            heads.extend(r for a in token.children if a.dep_ == "appos" and a.i > token.i
                         for r in _names(a, lex)[:1])
            continue
        if token.lower_ not in FRAME_FORMS or lemma(token) not in FRAME_VERBS:
            continue  # cheap test first: most tokens frame nothing
        kids = {c.dep_: c for c in token.children}
        if lemma(token) == "identify":  # "the victims were identified as X", "identified the
            subject = kids.get("nsubjpass") or kids.get("dobj")  # dead men as X"
            if subject is None or not _harmed(subject):
                continue
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    heads.extend(_names(obj, lex))
        elif lemma(token) == "find":  # "the bodies of X and Y were found", "X was found dead"
            for found_ in (c for c in token.children if c.dep_ in ("nsubjpass", "dobj")):
                if lemma(found_) in ("body", "corpse"):
                    heads.extend(r for _, o in pobjs(found_, ("of",)) for r in _names(o, lex))
                elif any(c.lower_ == "dead" for c in token.children
                         if c.dep_ in ("oprd", "acomp", "advmod", "xcomp")):
                    heads.extend(_names(found_, lex))
        elif lemma(token) in ("be", "become") and token.pos_ in ("AUX", "VERB"):
            subject, attr = kids.get("nsubj"), kids.get("attr")
            if subject is None:
                continue
            # "among the dead are X"; after a speaker's name in brackets ("(x) among the
            # injured are Y") the parse takes the name for the subject and hangs "among" on it
            among = [o for p in (*token.children, *subject.children)
                     if p.dep_ == "prep" and p.lower_ == "among"
                     for o in p.children if o.dep_ == "pobj"]
            if attr is not None and _harmed(subject):  # "the victims were X and Y"
                heads.extend(_names(attr, lex))
            elif attr is not None and (lemma(attr) == "victim" or _harmed(attr)):
                heads.extend(_names(subject, lex))  # "X was the victim"
            elif any(_harmed(o) for o in among):  # "among the dead are X", "X was among them"
                heads.extend(_names(attr if attr is not None else subject, lex))
            elif given is not None and attr is not None and attr.i > token.i and _identifies(
                    subject, attr, lex):
                given.extend(_names(attr, lex))
    heads.extend(_listed_after_colon(parse, lex))
    return heads


IDENTIFIED = frozenset({"he", "she", "they", "other", "one"})  # "he is x", "the other is x"


def _identifies(subject: Token, attr: Token, lex: Lexicon) -> bool:
    """Does "<subject> is <attr>" give a name to people the text spoke of before ("he is x, a
    student", "they are x, y and z", "the other person is x", "one of them is x")?"""
    words = {subject.lower_, *(c.lower_ for c in subject.children)}
    return (subject.lower_ in IDENTIFIED or (lemma(subject) == "person" and "other" in words)
            ) and any(t.pos_ == "PROPN" or _name_like(t, lex) for t in attr.subtree)


RELEASE_VERBS = frozenset({"release", "free", "rescue"})
CAPTOR_NOUNS = frozenset({"kidnapper", "abductor", "captor"})
HOSTAGE_STEMS = ("releas", "free", "rescu", "hold", "held", "kidnapper", "abductor", "captor")


def hostages(parse: SpacyDoc, lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of the names a report gives as someone's hostages, apart from the
    kidnapping: whom a group released, will release, rescued or is holding ("x and y were
    released by the guerrillas", "the eln will release x", "the eln is still holding x"), whose
    kidnappers or captors it speaks of ("the kidnappers of x")."""
    found: list[tuple[int, int]] = []
    for token in parse:
        if not token.lower_.startswith(HOSTAGE_STEMS):
            continue  # cheap test first: most tokens release or hold no one
        word = lemma(token)
        if word in RELEASE_VERBS and token.pos_ == "VERB":
            held = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        elif word == "hold" and token.pos_ == "VERB" and token.tag_ == "VBG" and any(
                c.dep_ == "aux" for c in token.children):  # "is (still) holding x"
            held = [c for c in token.children if c.dep_ == "dobj"]
        elif word in CAPTOR_NOUNS:  # "the kidnappers of x": the name that phrase holds
            titles = _titles(lex)
            found.extend((o.left_edge.i, o.i + 1) for p in token.children
                         if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"
                         and _strict_name(list(parse[o.left_edge.i:o.i + 1]), lex, titles))
            continue
        else:
            continue
        for head in held:
            found.extend(_names(head, lex))
    return found


def _listed_after_colon(parse: SpacyDoc, lex: Lexicon) -> list[tuple[int, int]]:
    """"the following policemen died: major x, captain y, and z": the names a colon lists
    after a clause that tells of harm (a verb of harm or death, a victim noun; not a charge
    such as "the case on murder: x, y")."""
    found: list[tuple[int, int]] = []
    colons = (parse.char_span(m.start(), m.end(), alignment_mode="expand")
              for m in COLON.finditer(parse.text))  # cheaper than every token
    for colon in (c[0] for c in colons if c is not None and len(c) and c[0].text == ":"
                  and c[0].i + 1 < len(parse)):
        clause = parse[colon.sent.start:colon.i] if colon.sent.start < colon.i else None
        if clause is None or not any(  # a verb of harm, not a charge ("case on murder:")
                t.lower_ in VICTIM_NOUNS
                or (t.pos_ == "VERB" and (lemma(t) in HARMED or lemma(t) in DIE_VERBS))
                or (t.pos_ == "NOUN" and lemma(t) in VICTIM_NOUNS) for t in clause):
            continue
        after = parse[colon.i + 1]
        found.extend(_names(after, lex, start=after.i))
    return found


def named_targets(parse: SpacyDoc, lex: Lexicon) -> list[tuple[str, Token]]:
    """What a sentence names as the target ("the target was the x factory", "x was the
    target"), with its role: a person is a victim, anything else an object."""
    found: list[tuple[str, Token]] = []
    for token in parse:
        if token.lower_ not in FRAME_FORMS or lemma(token) != "be":
            continue
        kids = {c.dep_: c for c in token.children}
        subject, attr = kids.get("nsubj"), kids.get("attr")
        if subject is None or attr is None:
            continue
        if lemma(subject) == "target":
            named = attr
        elif lemma(attr) == "target":
            named = subject
        else:
            continue
        if named.pos_ == "PRON" or named.like_num:
            continue
        role = patient_role(named, "ASSAULT", lex)
        if role in ("victim", "object"):
            found.append((role, named))
    return found


def _chars(parse: SpacyDoc, first: int, last: int) -> tuple[int, int]:
    """Character bounds of tokens ``first`` to ``last`` (exclusive)."""
    return parse[first].idx, parse[last - 1].idx + len(parse[last - 1].text)


def add_named_victims(drafts: list[Draft], parse: SpacyDoc, lex: Lexicon) -> None:
    """Give each name :func:`named_victims` finds, and each target :func:`named_targets`
    finds, to the nearest ASSAULT draft at or before it."""
    violent = asserted_attacks(drafts)
    if not violent:
        return
    given: list[tuple[int, int]] = []
    found = [("victim", *_chars(parse, first, last), last - 1)
             for first, last in named_victims(parse, lex, given)]
    found += [(role, *phrase_bounds(head, lex), head.i)
              for role, head in named_targets(parse, lex)]
    kidnappings = [d for d in violent if d.mode == "abduct"]
    for first, last in hostages(parse, lex) if kidnappings else ():
        kidnapping = attack_at_or_before(kidnappings, parse[first].sent.start) or kidnappings[0]
        start, end = _chars(parse, first, last)
        if not any(r.start <= start and end <= r.end for r in kidnapping.roles):
            kidnapping.roles.append(Role("victim", start, end, last - 1))
    named = {(parse[first].idx, last - 1) for first, last in given}
    found += [("victim", *_chars(parse, first, last), last - 1) for first, last in given]
    for role, start, end, head_i in found:
        draft = attack_at_or_before(violent, parse[head_i].sent.start)
        if draft is None:
            continue
        if (start, head_i) in named and not any(r.role == "victim" for r in draft.roles):
            continue  # "he is x": x is a victim only where the attack had one
        if any(r.start <= start and end <= r.end for r in draft.roles):
            continue
        draft.roles.append(Role(role, start, end, head_i))


def _name_runs(parse: SpacyDoc, lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of the runs of two to five words that could make a personal name, one
    of them at least unknown to the dictionary or tagged a proper noun ("tomas ibarguen
    quintal"): the full names a document introduces its people by."""
    titles = _titles(lex)
    demonyms = demonym_adjectives()
    wordy = [_word_of_name(t, titles) and t.lower_ not in demonyms for t in parse]
    named = [ok and (t.pos_ == "PROPN" or _name_like(t, lex)) for ok, t in zip(wordy, parse,
                                                                                strict=True)]
    runs: list[tuple[int, int]] = []
    current: list[int] = []
    for i in range(len(parse) + 1):
        if i < len(parse) and wordy[i] and (named[i] or (  # a known first name before a name
                parse[i].pos_ == "NOUN" and i + 1 < len(parse) and named[i + 1])):
            current.append(i)
            continue
        if i < len(parse) and current and parse[i].lower_ in NAME_LINKS:
            current.append(i)  # "ruiz y ruiz", "vela de soto"
            continue
        while current and not named[current[-1]]:  # "x massacre": a name ends in a name
            current.pop()
        while current and not named[current[0]] and current[0] > 0 and (
                parse[current[0] - 1].lower_ in lex.cls("determiner")
                or parse[current[0] - 1].tag_ in ("DT", "PRP$")):
            current.pop(0)  # "the television x", "this time x": no first name
        if 2 <= len(current) <= 5:
            runs.append((current[0], current[-1] + 1))
        current = []
    return runs


def complete_names(drafts: list[Draft], parse: SpacyDoc, lex: Lexicon) -> None:
    """A victim named in part ("ibarguen quintal", "velarde") where the document gives the
    full name elsewhere ("tomas ibarguen quintal") is also given by that full name."""
    if not any(r.role == "victim" for d in drafts for r in d.roles):
        return
    runs = [(r, tuple(t.lower_ for t in parse[r[0]:r[1]])) for r in _name_runs(parse, lex)]
    if not runs:
        return
    for draft in drafts:
        for role in [r for r in draft.roles if r.role == "victim"]:
            phrase = parse.char_span(role.start, role.end, alignment_mode="expand")
            best = _fuller(tuple(phrase.text.lower().split()), runs) if phrase else None
            if best is None:
                continue
            first, last = parse[best[0]], parse[best[1] - 1]
            span = (first.idx, last.idx + len(last.text))
            if all((r.start, r.end) != span for r in draft.roles):
                draft.roles.append(Role("victim", span[0], span[1], last.i))


def _fuller(words: tuple[str, ...],
            runs: list[tuple[tuple[int, int], tuple[str, ...]]]) -> tuple[int, int] | None:
    """The longest name run that holds the name at the end of ``words`` and more, unless the
    phrase already holds it."""
    for k in range(len(words)):
        tail = words[k:]  # the name after any title: "judge x y" -> "x y", then "y"
        fuller = [(len(run), bounds, run) for bounds, run in runs
                  if len(run) > len(tail) and _within(tail, run)]
        if fuller:
            _, bounds, run = max(fuller)
            return None if _within(run, words) else bounds
    return None


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _strict_name(chunk: list[Token], lex: Lexicon, titles: frozenset[str]) -> bool:
    """Is this run of words a personal name: name-like words (a dictionary word only as a
    first name before one), "de"/"y" inside, no title?"""
    def named(token: Token) -> bool:
        return _word_of_name(token, titles) and (
            _name_like(token, lex) or token.pos_ == "PROPN" or token.ent_type_ == "PERSON")

    return bool(chunk) and named(chunk[-1]) and all(
        named(t) or (0 < k < len(chunk) - 1 and t.lower_ in NAME_LINKS)
        or (k + 1 < len(chunk) and t.pos_ in ("NOUN", "PROPN") and _word_of_name(t, titles))
        for k, t in enumerate(chunk))


def _rest_of_name(parse: SpacyDoc, i: int, end: int, lex: Lexicon,
                  titles: frozenset[str]) -> int:
    """Where the name goes on after a victim ending at token ``i``: the name-like words up
    to a comma, "and" or the end of the sentence ("maria" + "jacinta quintal"), else ``i``."""
    if i == 0 or not (parse[i - 1].pos_ == "PROPN" or _name_like(parse[i - 1], lex)):
        return i
    grown = i
    while grown < end and parse[grown].is_alpha and _name_like(parse[grown], lex) and (
            not parse[grown].is_stop and parse[grown].lower_ not in titles):
        grown += 1
    if grown == end or parse[grown].lower_ in SEPARATORS or parse[grown].is_punct:
        return grown
    return i


def _lost_subjects(draft: Draft, parse: SpacyDoc, lex: Lexicon) -> list[tuple[int, int]]:
    """"x, a manager, and y, a director, were kidnapped", where the parse found no subject
    for the passive: the names of two words or more listed before its auxiliary."""
    verb = parse[draft.head]
    if draft.type != "ASSAULT" or verb.tag_ != "VBN" or lemma(verb) not in HARMED or any(
            r.role in ("victim", "object") for r in draft.roles):
        return []
    kids = [c for c in verb.children if c.dep_ in ("auxpass", "nsubjpass", "nsubj")]
    if [c.dep_ for c in kids] != ["auxpass"]:
        return []
    aux = kids[0]
    return [(a, b) for a, b in _names(verb, lex, start=verb.sent.start)
            if b <= aux.i and b - a > 1]


def extend_victim_lists(drafts: list[Draft], parse: SpacyDoc, lex: Lexicon) -> None:
    """"killed x y, z w, and v u": the names listed after a victim the parse gave alone are
    victims too (the lower-cased parse seldom links such lists); an apposition ("a union
    leader", "38") is passed over, a clause ("and wounded ...") ends the list. So are the
    names listed before a passive the parse found no subject for."""
    titles = _titles(lex)
    for draft in drafts:
        for first, last in _lost_subjects(draft, parse, lex):
            draft.roles.append(Role("victim", *_chars(parse, first, last), last - 1))
        for role in [r for r in draft.roles if r.role == "victim"]:
            head = parse[role.head]
            i = max(t.i for t in parse[head.i:].sent if t.idx < role.end) + 1 \
                if head.idx < role.end else head.i + 1
            end = head.sent.end
            grown = _rest_of_name(parse, i, end, lex, titles) if (
                role.start <= head.idx < role.end) else i
            if grown > i:  # "killing maria jacinta quintal, 42": the parse cut the name short
                draft.roles[draft.roles.index(role)] = role = replace(
                    role, end=parse[grown - 1].idx + len(parse[grown - 1]), head=grown - 1)
                i = grown
            if i >= end or parse[i].lower_ not in SEPARATORS:
                continue
            chunk: list[Token] = []
            skipping = False  # after a function word, until the next separator
            bracket = False  # "x, leader of the party (abc), and y": passed over
            phrase = False  # the item began with a determiner: "; a minor known as x;"
            for k in range(i + 1, end + 1):
                token = parse[k] if k < end else None
                if token is not None and (bracket or token.text == "("):
                    bracket = token.text != ")"
                    continue
                if token is not None and not phrase and token.pos_ in ("VERB", "AUX") and (
                        not _name_like(token, lex)):
                    break  # a new clause: "and wounded two others", "who was kidnapped in"
                ends = token is None or token.lower_ in SEPARATORS or (
                    token.is_punct and not _inside_word(token))
                if token is not None and not chunk and not skipping and not ends:
                    phrase = token.pos_ == "DET"
                if not ends and token is not None and not (token.is_stop and (
                        token.lower_ not in NAME_LINKS and token.lower_ not in titles)):
                    if not skipping:
                        chunk.append(token)
                    continue
                if token is not None and token.tag_ == "POS":
                    chunk = []  # "x, y's secretary": y is no item of the list
                chunk, aged = _bare(chunk, titles)
                if _strict_name(chunk, lex, titles) or (aged and len(chunk) > 1 and all(
                        _word_of_name(t, titles) for t in chunk)):
                    start, stop = chunk[0].idx, chunk[-1].idx + len(chunk[-1].text)
                    if all(not (r.start <= start and stop <= r.end) for r in draft.roles):
                        draft.roles.append(Role("victim", start, stop, chunk[-1].i))
                chunk = []
                if token is None or (token.is_punct and token.text not in (",", ";")):
                    break
                skipping = not ends  # "x, leader of the party, and y in z": "in z" is no name
                phrase = phrase and skipping
