"""Filters of the times stage: which candidates are times, and what their extent is.

The patterns of :mod:`times_rules` mark the words a parse must confirm (``Candidate.checks``);
:func:`plausible` vetoes a candidate whose key word is not a date word here: a lower-case
month or weekday, "May" the modal, "March" the verb, "2000 troops", "Resolution 1701", "USA
Today", an electric current, "Now," opening a sentence, "year-end bonuses".
:func:`prenominal_start` leaves the article out of an expression that modifies the next noun.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from sitrep.stages.extract.counts_lexicon import lexicon as counts_lexicon
from sitrep.stages.extract.times_lexicon import load_lexicon
from sitrep.stages.extract.times_select import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

# Temporal prepositions and modifiers that make a bare month name ("in May") a date when
# there is no parse to tell a month from a verb or a modal.
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|of|since|until|till|by|from|to|through|during|before|after|early|late|mid|last|this|next|and)\W*$",
    re.I,
)
_COUNT_WORDS = re.compile(
    r"(?:about|around|some|nearly|almost|over|than|least|to|up|only|just)\s*$", re.I
)
# "from 2009 to", "between 2014 and": what comes next ends a span of years, not a count.
_YEAR_SPAN = re.compile(
    r"\b(?:from|between)\s+(?:1[6-9]|20)\d\d\s+(?:to|and|until|through)\s*$", re.I
)
# Prepositions after which a four-digit number before a plural noun is still a year.
_YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "until", "till", "before", "after", "by", "during", "from", "through"}
)
# Around a capitalised time word: what makes it the start of a sentence or part of a name.
_OPENS_SENTENCE = re.compile(r"(?:[.!?:;(\[\n\"“‘'`]|^)\s*$")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.&'’-]*\s+$")
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")
_LONG_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_ARTICLE = re.compile(r"the\s+", re.I)
# "No. 1922", "Nos. 1922", "# 1922", "number 1922": what follows is a number, not a year.
_NUMBER_SIGN = re.compile(r"(?:\b(?:No|Nos|Nr)\.?|#|\bnumber)\s*$", re.I)


def span_tokens(parse: SpacyDoc, start: int, end: int) -> list[Token]:
    """The parse's tokens covering the characters ``start:end`` (widened to whole tokens)."""
    span = parse.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def plausible(
    cand: Candidate, text: str, parse: SpacyDoc | None, published: date | None = None
) -> bool:
    """Veto candidates whose key word is not a date word here (case, parse, counts)."""
    for start, end, what in cand.checks:
        word = text[start:end]
        if what in ("month", "weekday") and not (word[:1].isupper()):
            return False
        tokens = span_tokens(parse, start, end) if parse is not None else []
        if what == "month":
            if tokens:
                tok = tokens[0]
                if tok.tag_ == "MD" or (tok.pos_ == "VERB" and cand.rule == "month"):
                    return False
            elif (
                cand.rule == "month"
                and word.lower() in ("may", "march")
                and not _MONTH_CONTEXT.search(text[max(0, start - 12) : start])
            ):
                return False
        elif what == "year":
            if not _plausible_year(text, start, end, tokens, published):
                return False
        elif what == "vague" and (_noun_current(word, tokens) or _discourse_now(text, start, end)):
            return False
        elif what == "season" and tokens and tokens[0].pos_ not in ("NOUN", "PROPN"):
            return False  # "prices fall", "troops spring into action"
        elif what == "name" and _in_name(text, start, end, tokens):
            return False
        elif what == "prenominal" and tokens and _modifies_next_noun(tokens[-1]):
            return False  # "year-end net", "year-end bonuses": a modifier, not a date
        elif what == "frequency" and tokens and _publication(tokens[0]):
            return False  # "the state daily Granma", "the weekly said": a newspaper
    return True


def _in_name(text: str, start: int, end: int, tokens: list[Token]) -> bool:
    """A capitalised time word inside a name: "USA Today", "Russia TODAY", "The Daily Beast",
    "Politics Now", "the GREEN Spring Cleanup". The word is capitalised, does not open a
    sentence, and a capitalised word is next to it; a title-case headline does not count."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if tokens and tokens[0].is_sent_start:
        return False
    before = text[max(0, start - 40) : start]
    if not before.strip() or _OPENS_SENTENCE.search(before):
        return False
    if not (_CAPITALISED_BEFORE.search(before) or _CAPITALISED_AFTER.match(text, end)):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    words = _LONG_WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    capitalised = sum(1 for w in words if w[:1].isupper())
    return not (words and capitalised >= 0.7 * len(words))  # a headline in title case


def prenominal_start(text: str, parse: SpacyDoc | None, start: int, end: int) -> int:
    """ "the [third-quarter] loss", "the [two-day] rally": an expression that modifies the next
    noun leaves the article to that noun's phrase (TimeML's extent has no determiner)."""
    article = _ARTICLE.match(text, start, end)
    if article is None or parse is None:
        return start
    tokens = span_tokens(parse, start, end)
    return article.end() if tokens and _modifies_next_noun(tokens[-1]) else start


def _modifies_next_noun(tok: Token) -> bool:
    return tok.dep_ in ("amod", "compound", "nmod") and tok.head.i == tok.i + 1


# Where a frequency word stands for a noun phrase of its own: it names a publication.
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "ROOT"})


def _publication(tok: Token) -> bool:
    """ "daily" or "weekly" naming a newspaper, not a frequency: before the paper's name ("the
    Communist Party daily Granma", "the weekly Der Spiegel") or standing for a noun phrase
    ("the daily reported", "an interview with the weekly"). A frequency modifies a verb or
    a common noun ("patrols the area daily", "a daily curfew", "on a daily basis")."""
    if tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        return True
    return (
        tok.pos_ != "ADV"  # "patrols the border daily", parsed as the object's head
        and tok.dep_ in _NOMINAL_DEPS
        and any(c.dep_ == "det" for c in tok.children)
    )


def _discourse_now(text: str, start: int, end: int) -> bool:
    """ "Now, ..." opening a sentence is a discourse marker ("Now, he says, it looks like..."),
    not the present time ("Now the court has ruled" is)."""
    return (
        text[start:end] == "Now"
        and text[end : end + 1] == ","
        and bool(_OPENS_SENTENCE.search(text[max(0, start - 40) : start]))
    )


def _noun_current(word: str, tokens: list[Token]) -> bool:
    """ "current" as a noun (an electric or ocean current) is not a time reference."""
    return word.lower() == "current" and bool(tokens) and tokens[0].pos_ == "NOUN"


def _plausible_year(
    text: str, start: int, end: int, tokens: list[Token], published: date | None = None
) -> bool:
    """A four-digit number is a year unless it counts something ("about 1500", "2000 troops")."""
    if text[end : end + 2][:1] == "." and text[end + 1 : end + 2].isdigit():
        return False
    if text[start - 1 : start] in ("$", "#", "£", "€"):
        return False
    if _NUMBER_SIGN.search(text[max(0, start - 8) : start]):
        return False  # "Lodge No. 1871", "Resolution #1973": a number, not a year
    number = text[start:end]
    far = published is not None and number.isdigit() and abs(int(number) - published.year) > 2
    if tokens and far and _after_name(tokens[0]):
        return False  # "Resolution 1701" (an event of the time, "WWDC 2005", keeps its year)
    is_date_entity = any(t.ent_type_ == "DATE" for t in tokens)
    counted = _COUNT_WORDS.search(text[max(0, start - 12) : start])
    if counted and _YEAR_SPAN.search(text[max(0, start - 24) : start]):
        counted = None  # "from 2009 to 2011": the end of a span of years
    if counted and text[start - 1 : start] != "-" and not is_date_entity:
        return False
    if tokens:
        tok = tokens[0]
        if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and not is_date_entity:
            return False
        if _counts_next_word(tok):
            return False
    return True


def _counts_next_word(tok: Token) -> bool:
    """"2000 soldiers crossed", "this month 1990 people fled": a number right before a plural
    noun naming people counts them, whatever the entity tagger or the parse made of the words
    around (the people nouns are the casualty lexicon's, ``data/counts/lexicon.toml``). A year
    still modifies such a noun after a determiner, a possessive or a time preposition ("the
    1948 refugees", "the country's 1990 conscripts", "in 2000 soldiers were deployed")."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].tag_ != "NNS":
        return False
    noun = doc[tok.i + 1].lemma_.lower()
    if noun not in ("people", "person") and noun not in counts_lexicon().persons:
        return False
    if tok.i == 0:
        return True
    before = doc[tok.i - 1]
    return before.tag_ not in ("DT", "PRP$", "POS") and before.lower_ not in _YEAR_PREPOSITIONS


def _after_name(tok: Token) -> bool:
    """A four-digit number right after a proper noun is part of a name, not a year
    ("Resolution 1701", "the Russell 2000 index", "Windows 2000"): TimeML does not mark
    numbers in names. The caller asks only for numbers more than two years from the
    publication year: a name with the year of its event ("WWDC 2005", "Euro 2016") is
    reported around that year, and its year is a date. A calendar word before it keeps the
    year ("Christmas 2001", "Fiscal 2020"; lexicon ``year_names``); a year before a name
    stays one ("his 1987 Chevrolet")."""
    if tok.i == 0 or tok.is_sent_start:
        return False
    prev = tok.nbor(-1)
    if prev.whitespace_ != " " or prev.is_sent_start or prev.pos_ != "PROPN":
        return False
    if not prev.text[:1].isupper() or any(c.isdigit() for c in prev.text):
        return False
    word = re.sub(r"['’]s$", "", prev.lower_).strip(".")
    return word not in load_lexicon().calendar_words
