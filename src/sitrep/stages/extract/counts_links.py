"""How a number is tied to a casualty word: the words, and the three ways of linking them.

:func:`find_triggers` marks the casualty words of a sentence (lexicon verbs, adjectives and
nouns; "shot dead", "hacked to death", "fatally shot"; never a verb of intent, a modal or a
negated verb). A number's noun phrase is then linked to one of them :func:`backward`
("killing 11", "the death of six", "the toll rose to 30"), :func:`forward` ("13 people were
killed", "six inmates dead"; an active verb with an object after it means the number counts
the perpetrators) or through the parse (:func:`dependency`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from sitrep.stages.extract.counts_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

TOLL_NOUNS = frozenset({"toll", "tally", "total", "count"})
BE_FORMS = frozenset(
    [
        "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "get", "got", "gets",
        "getting", "become", "became",
    ]
)
HAVE_FORMS = frozenset(["have", "has", "had", "having", "'ve"])
SKIP_ADVERBS = frozenset(
    [
        "reportedly", "allegedly", "also", "all", "both", "later", "since", "now", "so", "far",
        "already", "each", "either", "critically", "seriously", "slightly", "fatally", "badly",
        "mortally", "gravely", "severely", "lightly", "confirmed", "believed", "feared", "thought",
        "presumed", "said", "reported", "known", "found", "left", "to", "have", "been", "not",
        "yet", "apparently", "just", "still", "initially", "subsequently",
    ]
)
NP_WORDS = frozenset(
    ["other", "others", "more", "people", "persons", "of", "the", "a", "an", "among"]
)


@dataclass(frozen=True)
class Trigger:
    """A casualty word of a sentence (``start``/``end``: its characters, a phrase's whole)."""

    category: str
    kind: str  # verb, intr, adj, noun
    token: int  # index of the token whose dependencies tell the roles
    start: int
    end: int


# -- triggers ----------------------------------------------------------------------------
INTENT_VERBS = frozenset(
    {
        "threaten", "vow", "plan", "try", "attempt", "want", "seek", "intend", "aim", "plot",
        "hope", "promise", "pledge", "warn", "prepare", "order", "urge", "call", "demand"
    }
)


def _unreal(tok: Token) -> bool:
    """A verb that reports no harm done: "threatened to kill", "could be killed", "was not
    hurt"."""
    for child in tok.children:
        if child.dep_ == "neg" or child.tag_ == "MD":
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and tok.tag_ == "VB" \
                and tok.head.lemma_.lower() in INTENT_VERBS:
            return True
    return False


def find_triggers(sent: SpacySpan, lex: Lexicon) -> dict[int, Trigger]:
    """Casualty words of a sentence, keyed by every token index they cover."""
    found: dict[int, Trigger] = {}
    doc = sent.doc
    for tok in sent:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        trig: Trigger | None = None
        is_verb = tok.tag_.startswith("VB")
        if is_verb and _unreal(tok):
            continue
        if is_verb and any(c.lower_ in {"fatally", "mortally"} for c in tok.children):
            found[tok.i] = Trigger("killed", "verb", tok.i, tok.idx, tok.idx + len(tok))
            continue
        if is_verb and lemma in lex.verbs:
            trig = Trigger(lex.verbs[lemma], "verb", tok.i, tok.idx, tok.idx + len(tok))
        elif is_verb and lemma in lex.intransitive:
            trig = Trigger(lex.intransitive[lemma], "intr", tok.i, tok.idx, tok.idx + len(tok))
        elif low in lex.adjectives and tok.pos_ in {"ADJ", "VERB", "NOUN"}:
            prev = doc[tok.i - 1] if tok.i > sent.start else None
            if low == "dead" and prev is not None and prev.tag_.startswith("VB") \
                    and prev.lemma_ not in {"be", "leave", "find", "declare", "pronounce"}:
                # "shot dead": the verb takes the roles
                trig = Trigger("killed", "verb", prev.i, prev.idx, tok.idx + len(tok))
                found[prev.i] = trig
            else:
                trig = Trigger(lex.adjectives[low], "adj", tok.i, tok.idx, tok.idx + len(tok))
        elif lemma in TOLL_NOUNS and tok.pos_ == "NOUN" and any(
            c.lemma_ in {"death", "casualty", "fatality"} for c in tok.children
        ):
            trig = Trigger("killed", "noun", tok.i, tok.idx, tok.idx + len(tok))
        elif tok.pos_ in {"NOUN", "PROPN", "ADJ"} and (lemma in lex.nouns or low in lex.nouns):
            category = lex.nouns.get(lemma) or lex.nouns[low]
            prev = doc[tok.i - 1] if tok.i > sent.start else None
            verb = None
            if low in {"death", "deaths"} and prev is not None and prev.lower_ == "to":
                if prev.head.tag_.startswith("VB") and prev.head.i < prev.i:
                    verb = prev.head  # "hacked an elderly priest to death"
                elif tok.i >= sent.start + 2 and doc[tok.i - 2].tag_.startswith("VB"):
                    verb = doc[tok.i - 2]  # "hacked to death"
            if verb is not None:
                trig = Trigger("killed", "verb", verb.i, verb.idx, verb.idx + len(verb))
                found[verb.i] = trig
                found[tok.i - 1] = trig
            elif lemma in {"life", "lives"} and tok.head.lemma_ not in {"lose", "claim", "take"}:
                trig = None
            else:
                trig = Trigger(category, "noun", tok.i, tok.idx, tok.idx + len(tok))
        elif is_verb and tok.i + 1 < sent.end and \
                f"{lemma} {doc[tok.i + 1].lower_}" in lex.killed_verb_particles:
            nxt = doc[tok.i + 1]
            trig = Trigger("killed", "verb", tok.i, tok.idx, nxt.idx + len(nxt))
            found[nxt.i] = trig
        if trig is not None:
            found.setdefault(tok.i, trig)
    return found


# -- linking a number to a casualty word -------------------------------------------------
def _is_active_with_object(doc: SpacyDoc, trig_tok: Token, sent_end: int) -> bool:
    """True for "bombers killed 12 people" (the NP before the verb is the perpetrator)."""
    if trig_tok.tag_ == "VBG":
        return True
    if any(c.dep_ in {"auxpass"} for c in trig_tok.children):
        return False
    nxt_i = trig_tok.i + 1
    # skip the particle of "shot dead" / "gunned down"
    while nxt_i < sent_end and doc[nxt_i].lower_ in {"dead", "down"}:
        nxt_i += 1
    if nxt_i >= sent_end:
        return False
    nxt = doc[nxt_i]
    if nxt.ent_type_ in {"DATE", "TIME"}:
        return False
    if nxt.pos_ in {"DET", "NUM", "PRON", "PROPN"} or nxt.like_num:
        return True
    if nxt.pos_ in {"NOUN", "ADJ"} and nxt.lower_ not in {"today", "yesterday", "tonight"}:
        return True
    after = doc[nxt_i + 1] if nxt_i + 1 < sent_end else None
    if nxt.lower_ == "at":
        return after is not None and after.lower_ in {"least", "most"}
    if nxt.lower_ in {"more", "over", "nearly", "about", "around", "some", "up", "almost"}:
        return after is not None and (after.like_num or after.lower_ in {"than", "to"})
    return False


def _passive_filler(doc: SpacyDoc, j: int, sent_end: int) -> bool:
    tok = doc[j]
    if tok.tag_ == "VBN" or tok.pos_ == "CCONJ" or tok.ent_type_ in {"DATE", "TIME"}:
        return True
    return tok.pos_ == "ADP" and j + 1 < sent_end and doc[j + 1].ent_type_ in {"DATE", "TIME"}


def forward(
    doc: SpacyDoc, first: int, last: int, sent: SpacySpan, triggers: dict[int, Trigger],
    numbers: set[int],
) -> Trigger | Literal[False] | None:
    """The casualty word after the number's noun phrase; False when the NP is an agent."""
    saw_be = False
    saw_have = False
    saw_verbish = False
    saw_noun = False
    steps = 0
    j = last + 1
    while j < sent.end and steps < 9:
        tok = doc[j]
        trig = triggers.get(j)
        if trig is not None and tok.dep_ == "amod" and tok.head.i == j + 1 and not saw_be \
                and tok.head.ent_type_ not in {"DATE", "TIME"}:
            # "eight displaced people were slain": a later casualty word wins over the
            # adjective; "six dead people", "six decapitated bodies" keep it
            later = any(
                k in triggers and triggers[k].kind != "noun" and triggers[k].token != j
                for k in range(j + 1, min(sent.end, j + 12))
            )
            if later:
                trig = None
            else:
                return replace(trig, kind="adj")
        if trig is not None:
            if trig.kind == "noun":
                if saw_be or saw_verbish or steps > 3 or saw_noun:
                    return None
                return trig
            if trig.kind == "verb":
                head = doc[trig.token]
                if saw_be:
                    chained = triggers.get(trig.token + 2)
                    if trig.token + 2 < sent.end and doc[trig.token + 1].lower_ == "and" \
                            and chained is not None and chained.category == "killed":
                        return chained  # "were kidnapped and killed": the final harm
                    return trig
                if saw_have or head.tag_ in {"VBD", "VBZ", "VBP", "VBG"}:
                    if _is_active_with_object(doc, head, sent.end):
                        return False
                    return trig if not saw_have else False
                if _is_active_with_object(doc, head, sent.end):
                    return False  # a past participle with an object: a mistagged past tense
                return trig
            return trig
        if tok.lower_ in {"–", "—", "-", "(", ","} and not saw_be and not saw_have:
            closer = _parenthetical_end(doc, j, sent.end)
            if closer is not None:
                j = closer + 1
                continue
        if tok.lower_ == "with" and not saw_be:
            # "19 others with severe gun and machete injuries"
            for k in range(j + 1, min(sent.end, j + 7)):
                ktrig = triggers.get(k)
                if ktrig is not None:
                    return ktrig if ktrig.kind == "noun" and ktrig.category == "injured" \
                        else None
            return None
        if saw_be and j not in numbers and _passive_filler(doc, j, sent.end):
            # "were shot and killed", "were attacked and killed", "were on Monday killed"
            steps += 1
            j += 1
            continue
        if j in numbers or tok.is_punct or tok.pos_ in {"CCONJ", "SCONJ"}:
            return None
        low = tok.lower_
        if low in BE_FORMS:
            saw_be = True
        elif low in HAVE_FORMS:
            saw_have = True
        elif low in SKIP_ADVERBS or tok.pos_ in {"ADV", "PART"} or low in NP_WORDS:
            if tok.tag_ == "VBN":
                saw_verbish = True
        elif tok.pos_ in {"ADJ", "NOUN", "PROPN", "DET"} or tok.tag_ == "PRP$" \
                or (tok.tag_ == "VBN" and tok.dep_ == "amod"):
            if saw_be or saw_have:
                return None
            saw_noun = saw_noun or (tok.pos_ in {"NOUN", "PROPN"} and low not in NP_WORDS)
        else:
            return None
        steps += 1
        j += 1
    return None


PARENTHETICAL_STARTS = frozenset(
    {
        "including", "among", "most", "mostly", "many", "all", "some", "mainly", "both", "of",
        "whom", "them"
    }
)


def _parenthetical_end(doc: SpacyDoc, j: int, sent_end: int) -> int | None:
    """The closing mark of an aside that opens at token ``j`` ("– two civilians and four
    police officers –", "(two children)", ", including two children,"), if it closes soon."""
    opener = doc[j].lower_
    if opener == ",":
        if j + 1 >= sent_end or doc[j + 1].lower_ not in PARENTHETICAL_STARTS:
            return None
        closers = {","}
    elif opener == "(":
        closers = {")"}
    else:
        closers = {"–", "—", "-"}
    for k in range(j + 1, min(sent_end, j + 26)):
        if doc[k].lower_ in closers:
            return k
    if opener == ",":
        # ", mostly women and children killed by armed men": the aside runs to the verb
        for k in range(j + 1, min(sent_end, j + 10)):
            if doc[k].tag_ in {"VBN", "VBD"} or doc[k].lower_ in BE_FORMS:
                return k - 1
    return None


_TOLL_GAP = frozenset(
    [
        "rose", "has", "have", "had", "risen", "climbed", "jumped", "increased", "reached",
        "stands", "stood", "stand", "is", "was", "now", "to", "at", "of", "reach", "rise", "climb",
        "climbing", "rising", "hit", "hits", "jumps", "passed", "topped", "put", "puts",
        "reportedly", "has", "since", "further",
    ]
)


def backward(
    doc: SpacyDoc, first: int, sent: SpacySpan, triggers: dict[int, Trigger],
) -> tuple[Trigger, bool] | None:
    """The casualty word right before the number; the bool says it is a running total."""
    j = first - 1
    steps = 0
    while j >= sent.start and steps < 3:
        tok = doc[j]
        trig = triggers.get(j)
        if trig is not None:
            if trig.kind == "verb" and doc[trig.token].tag_ in {"VBG", "VBD", "VBN", "VBZ",
                                                               "VBP", "VB"}:
                return trig, False
            if trig.kind == "noun" and doc[trig.token].lemma_ in TOLL_NOUNS:
                return trig, True
            if trig.kind == "intr" and doc[trig.token].lower_ in {"flee", "fled"}:
                return None
            return None
        if tok.lower_ == "of" and j - 1 >= sent.start:
            trig = triggers.get(j - 1)
            if trig is not None and trig.kind == "noun":
                return trig, doc[trig.token].lemma_ in TOLL_NOUNS
            return None
        if tok.pos_ in {"DET", "ADV"} or tok.lower_ in {"another", "some", "other", "a", "an"}:
            steps += 1
            j -= 1
            continue
        break
    # "the death toll rose to 30", "a toll of 30", "raising the toll in the blast to 16"
    if first - 1 < sent.start or doc[first - 1].lower_ not in _TOLL_GAP:
        return None
    for j in range(first - 1, max(sent.start, first - 10) - 1, -1):
        tok = doc[j]
        trig = triggers.get(j)
        if trig is not None and trig.kind == "noun" and tok.lemma_ in TOLL_NOUNS:
            return trig, True
        if tok.like_num or tok.is_punct or (trig is not None and trig.kind != "noun"):
            return None
    return None


def _passive_trigger(tok: Token, triggers: dict[int, Trigger]) -> Trigger | None:
    """A casualty verb or adjective in passive or predicate use below ``tok``
    ("were feared killed", "were found dead", "who had been killed", "killed in the blast")."""
    trig = triggers.get(tok.i)
    if trig is None or trig.token != tok.i:
        return None
    if trig.kind in {"adj", "intr"}:
        return trig
    if trig.kind != "verb":
        return None
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return trig
    if tok.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in tok.children) \
            and not any(c.dep_ == "aux" and c.lower_ in HAVE_FORMS for c in tok.children):
        return trig
    return None


def dependency(
    doc: SpacyDoc, node: Token, triggers: dict[int, Trigger], lex: Lexicon
) -> tuple[Trigger, bool] | Literal[False] | None:
    """The casualty word governing the number's noun phrase in the parse; the bool says the
    noun phrase was reached through a coordination ("nine men and four women")."""
    walked = _walk(node, triggers, lex)
    if walked is not None:
        return walked
    for noun in (node, *node.conjuncts):
        for child in noun.children:
            if child.dep_ in {"acl", "relcl"}:
                trig = _passive_trigger(child, triggers)
                if trig is not None:
                    return trig, noun is not node
    return None


def _walk(
    node: Token, triggers: dict[int, Trigger], lex: Lexicon
) -> tuple[Trigger, bool] | Literal[False] | None:
    cur = node
    via_conj = False
    for _ in range(5):
        dep = cur.dep_
        head = cur.head
        if head.i == cur.i:
            return None
        if head.dep_ in {"aux", "auxpass"} and head.head.i != head.i:
            head = head.head  # "Eight persons were on Monday killed": were -> killed
            dep = "nsubjpass" if dep == "nsubj" else dep
        trig = triggers.get(head.i)
        if trig is not None and trig.token == head.i:
            if trig.kind == "verb":
                if dep in {"nsubjpass", "dobj", "obj", "oprd", "attr", "dative", "appos"}:
                    return trig, via_conj
                if dep == "nsubj":
                    has_pass = any(c.dep_ == "auxpass" for c in head.children)
                    return (trig, via_conj) if has_pass else False
                return None
            if trig.kind in {"intr", "adj"} and dep in {"nsubj", "nsubjpass", "amod", "npadvmod"}:
                return trig, via_conj
            if trig.kind == "noun" and dep in {"nummod", "compound", "amod", "prep", "nmod"}:
                return trig, via_conj
        if dep == "pobj" and head.lower_ == "by":
            return False
        if dep == "dobj" and head.lemma_ in {"include", "comprise"}:
            # "The dead included six civilians and eight security forces"
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            strig = triggers.get(subj.i) if subj is not None else None
            if strig is not None and strig.kind in {"noun", "adj"}:
                return strig, True
        if dep == "pobj" and head.lower_ in {"with", "alongside", "besides"}:
            verb = head.head.head if head.head.lower_ in {"along", "together"} else head.head
            trig = triggers.get(verb.i)
            if trig is not None and trig.token == verb.i:
                return trig, True  # "was killed along with his wife and 10 other people"
        if dep == "conj" and head.pos_ in {"NOUN", "PROPN", "NUM"}:
            via_conj = True
            cur = head
            continue
        if dep in {"nsubj", "nsubjpass", "dobj"} and head.pos_ in {"VERB", "AUX"}:
            for child in head.children:
                if child.i == cur.i:
                    continue
                ctrig = triggers.get(child.i)
                if ctrig is not None and ctrig.kind == "adj" and child.dep_ in {
                    "acomp", "oprd", "xcomp", "ccomp", "advcl", "amod", "dep", "conj"
                }:
                    return ctrig, via_conj
                if dep != "dobj" and child.dep_ in {"xcomp", "oprd", "ccomp", "acl", "advcl"} \
                        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
                    ptrig = _passive_trigger(child, triggers)
                    if ptrig is not None and child.i > cur.i:
                        return ptrig, via_conj
                if child.dep_ == "npadvmod":  # "were last night killed"
                    for grandchild in child.children:
                        ptrig = _passive_trigger(grandchild, triggers)
                        if grandchild.dep_ == "acl" and ptrig is not None:
                            return ptrig, via_conj
                if child.dep_ in {"dobj", "prep"}:
                    noun = child
                    if child.dep_ == "prep":
                        noun = next((c for c in child.children if c.dep_ == "pobj"), child)
                    of = next((c for c in noun.children if c.dep_ == "prep"
                               and c.lower_ == "of"), None)
                    if of is not None and noun.lemma_ in {"degree", "kind", "type", "form"}:
                        noun = next((c for c in of.children if c.dep_ == "pobj"), noun)
                    entry = lex.objects.get(noun.lemma_.lower()) or lex.objects.get(noun.lower_)
                    if entry is not None and dep == "nsubj" and \
                            head.lemma_.lower() in entry[1]:
                        ctrig = triggers.get(noun.i) or Trigger(
                            entry[0], "noun", noun.i, noun.idx, noun.idx + len(noun)
                        )
                        return replace(ctrig, category=entry[0]), via_conj
            return None
        if dep in {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "pcomp"}:
            return None
        cur = head
    return None


def toll_of(parsed: SpacyDoc, last: int, triggers: dict[int, Trigger]) -> tuple[
    Trigger, bool
] | None:
    """"The death toll from the attack ... has risen to 6": the verb's subject is a toll."""
    num = parsed[last]
    node = num.head if num.dep_ in {"nummod", "quantmod"} else num
    if node.dep_ != "pobj" or node.head.lower_ not in {"to", "at", "of"}:
        return None
    verb = node.head.head
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            continue
        trig = triggers.get(child.i)
        if trig is not None and trig.kind == "noun" and child.lemma_ in TOLL_NOUNS:
            return trig, True
        if child.lemma_ in {"number", "toll", "total", "tally", "figure"}:
            # "the number of victims who were killed in the blasts increased to 20"
            for tok in child.subtree:
                trig = triggers.get(tok.i)
                if trig is not None and trig.category == "killed":
                    return trig, True
    return None


def unsplit_partner(
    parsed: SpacyDoc, found: Trigger, triggers: dict[int, Trigger]
) -> Trigger | None:
    """The other verb of "killed or injured 12" / "killing and wounding dozens", if any."""
    i = found.token
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if a < 0 or a >= len(parsed) or parsed[b].lower_ not in {"or", "and", "and/or"}:
            continue
        other = triggers.get(a)
        if other is not None and other.kind == "verb" and other.category != found.category:
            if a > i and parsed[a + 1 if a + 1 < len(parsed) else a].like_num is False \
                    and not any(t.like_num for t in parsed[a + 1:a + 4]):
                continue
            return other
    return None
