"""Which sentences lean on the sentence before them.

"These may include ..." or "Sheila Smith noted that this proposal would ..." restate or
elaborate what came before: they inherit its frame (aspects) and add little that is new
once it is chosen (select).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .lexicon import kinded_lists, opening_pattern, resource_lines, word_list
from .tokens import stems

_WORDS = re.compile(r"[A-Za-z][\w’'-]*")
DEMONSTRATIVES = frozenset({"this", "these", "those", "such", "that"})
EARLY_WORDS = 16


def _points_back(words: list[str], i: int) -> bool:
    """Is words[i] a pointer back ("this proposal"), not a time ("this week")? A pronoun
    opens the sentence, or follows the preposition that does ("In it, the two sides ...")."""
    if words[i] in DEMONSTRATIVES:
        following = words[i + 1] if i + 1 < len(words) else ""
        return following not in word_list("time_nouns.txt")
    if i == 1 and words[0] in word_list("prepositions.txt"):
        return words[i] in word_list("object_pronouns.txt")  # not "For its part, Tarsk ..."
    return i == 0 and words[i] in word_list("anaphora.txt")


@lru_cache(maxsize=200_000)
def names_what_was_said(text: str) -> bool:
    """Opens with "The deal", "The proposal": a definite noun for something named just before."""
    words = [w.lower() for w in _WORDS.findall(text)[:2]]
    return len(words) == 2 and words[0] == "the" and words[1] in word_list("anaphoric_nouns.txt")


@lru_cache(maxsize=200_000)
def opens_with_anaphor(text: str) -> bool:
    words = [w.lower() for w in _WORDS.findall(text)[:2]]
    return names_what_was_said(text) or (bool(words) and _points_back(words, 0))


@lru_cache(maxsize=200_000)
def leans_on_previous(text: str) -> bool:
    """Opens with a pointer back, or names "this proposal" / "these steps" early on."""
    words = [w.lower() for w in _WORDS.findall(text)[:EARLY_WORDS]]
    for i, w in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if w == "that" and i > 0 and following not in word_list("anaphoric_nouns.txt"):
            continue  # "said that the ..." is a conjunction, not a pointer; "under that agreement" is one
        if _points_back(words, i):
            return True
    return False


@lru_cache(maxsize=200_000)
def elaborates_previous(text: str) -> bool:
    """Does the sentence comment on what the one before said ("This proposal would ...")?

    A sentence opening with a pronoun that is not a demonstrative ("It also wants ...")
    says something new about the same party instead, so it is a point of its own.
    """
    first = [w.lower() for w in _WORDS.findall(text)[:1]]
    if first and first[0] in word_list("anaphora.txt") and first[0] not in DEMONSTRATIVES:
        return False
    return leans_on_previous(text)


def repeats_a_noun_of(text: str, previous: str) -> bool:
    """Does the sentence open with "The <word>" where that word was in the sentence before?

    "... blocking a $1.2 billion loan. The loan would pay for ..." refers back: a definite
    noun phrase whose head was just named is usually the same thing (a classic
    coreference cue), so the sentence only makes sense after that one.
    """
    if not previous:
        return False
    words = _WORDS.findall(text)[:3]
    if len(words) < 2 or words[0].lower() != "the":
        return False
    # The head is the first common noun: "The loan", "The Tavonian offer".
    head = next((w for w in words[1:] if w[:1].islower()), None)
    return head is not None and bool(set(stems(head)) & set(stems(previous)))


# Words read for an opening phrase that names an owner ("At the top of its list is ...");
# aspects.OPENING_PHRASE_WORDS is another measure, of a short linking phrase before a comma.
OWNER_PHRASE_WORDS = 6


@lru_cache(maxsize=1)
def personal_pronouns() -> frozenset[str]:
    """"it", "they", "its", "his": pointers back that stand for a party, not for what was said."""
    return word_list("anaphora.txt") - DEMONSTRATIVES


@lru_cache(maxsize=200_000)
def owner_is_before(text: str) -> bool:
    """Does an opening phrase speak of "its list" or "their demands" with no owner in sight?

    "At the top of its list is ..." belongs to someone named in an earlier sentence. In
    "For its part, Kordavia could ..." the owner follows the comma, and in "Japan wants its
    ..." it comes first, so neither needs the sentence before.
    """
    words = _WORDS.findall(text)[:OWNER_PHRASE_WORDS]
    if not words or words[0].lower() not in word_list("prepositions.txt"):
        return False
    if not any(w.lower() in personal_pronouns() for w in words):
        return False
    opening = text.split(",", 1)[0]
    return len(_WORDS.findall(opening)) > OWNER_PHRASE_WORDS


def aside_pattern(relatives: Iterable[str]) -> re.Pattern[str] | None:
    """An aside after a subject opened by one of ``relatives``: ", who leads the delegation,".
    None without words (nothing is an aside)."""
    words = "|".join(re.escape(w) for w in sorted(relatives))
    return re.compile(rf",\s+(?i:{words})\b[^,;:()\u2013\u2014]*,") if words else None


@lru_cache(maxsize=1)
def _time_pointer() -> re.Pattern[str]:
    phrases = sorted(resource_lines("time_pointers.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.IGNORECASE)


def names_time_before(text: str) -> bool:
    """Does the sentence name a time that only the sentence before gives ("before then")?"""
    return bool(_time_pointer().search(text))


def refers_back(text: str, previous: str) -> bool:
    """Needs the sentence before to be understood: a pointer back, or a noun it repeats."""
    return leans_on_previous(text) or repeats_a_noun_of(text, previous)


def elaborates(text: str, previous: str) -> bool:
    """Comments on what the sentence before said, rather than adding a point of its own."""
    return elaborates_previous(text) or repeats_a_noun_of(text, previous)


@lru_cache(maxsize=200_000)
def continues_previous(text: str) -> bool:
    """Does the sentence carry on the frame of the one before ("These may include ...")?

    A pronoun, or a demonstrative with a word like "proposal" or "move", points back at
    what was just said; "This summit" or "These talks" name the event instead.
    """
    words = [w.lower() for w in _WORDS.findall(text)[:2]]
    if not words or words[0] not in word_list("anaphora.txt"):
        return False
    if words[0] not in DEMONSTRATIVES or len(words) < 2:
        return True
    following = words[1]
    return following in word_list("pointing_continuations.txt") or following in word_list("anaphoric_nouns.txt")


@lru_cache(maxsize=1)
def subject_aside() -> re.Pattern[str] | None:
    """An aside after a subject: ", who leads the delegation,"."""
    return aside_pattern(word_list("cues/relative_pronouns.txt"))


def strip_opening(text: str) -> str:
    """The sentence from its subject on: opening connectives and introductory phrases dropped."""
    introducer = opening_pattern("clause_openers.txt", "introducer")
    connective = opening_pattern("clause_openers.txt", "connective")
    s = text.lstrip("“\"‘' ")
    for _ in range(3):
        low = s.lower()
        comma = s.find(",")
        if introducer and introducer.match(low) and 0 < comma and len(s[:comma].split()) <= 25:
            # "Speaking at the summit, which opens on Monday, Rivas ...": the phrase runs on
            aside = subject_aside().match(s, comma) if subject_aside() else None
            s = s[aside.end() if aside else comma + 1:].lstrip()
            continue
        conn = connective.match(low) if connective else None
        if conn:
            s = s[conn.end():].lstrip(" ,")
            continue
        break
    return s


_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)(\s*,)?")


def opens_with(text: str, kind: str, *, comma: bool = False) -> bool:
    """Is the first word of ``text`` an opener of ``kind`` in ``resources/clause_openers.txt``
    ("Third, ..." an enumerator; "After 12 rounds of talks" an introducer)? ``comma``: only
    when a comma follows that word."""
    first = _FIRST_WORD.match(text)
    return (bool(first) and (first.group(2) is not None or not comma)
            and first.group(1).lower() in kinded_lists("clause_openers.txt").get(kind, ()))


ADDITIVE_REACH = 5  # "Beijing is also seeking ...", "The deal would also open ..."


def adds_to_previous(text: str) -> bool:
    """Does the sentence add to something said before it ("It also wants ...")? Read first,
    or alone, its "also" points at nothing."""
    additive = kinded_lists("clause_openers.txt").get("additive", ())
    return any(w.lower() in additive for w in _WORDS.findall(text)[:ADDITIVE_REACH])


ANNOUNCER_MAX_WORDS = 10  # "Three dangers stand out for the talks this spring." (9); a longer one says more


@lru_cache(maxsize=200_000)
def announces_a_list(text: str) -> bool:
    """Does a short sentence only count what comes next ("Two obstacles remain.")?

    Read as a point it names nothing; the items it announces are the points."""
    if ":" in text or len(_WORDS.findall(text)) > ANNOUNCER_MAX_WORDS:
        return False
    # "Despite the progress, several obstacles remain.": an opening phrase only links it
    words = [w.lower() for w in _WORDS.findall(strip_opening(text))]
    kinds = kinded_lists("list_announcers.txt")
    if not words or words[0] not in kinds["count"]:
        return False  # "The two risks are a clash and a walkout." names them
    item = next((i for i in (1, 2) if i < len(words) and words[i] in kinds["item"]), None)
    if item is None:
        return False
    following = words[item + 1] if item + 1 < len(words) else ""
    return following not in kinds["names_them"]  # "Three risks are a clash, ..." names them

