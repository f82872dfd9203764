"""Word-level views of a sentence shared by the scoring stages."""
from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)
# Any capital or small letter, not only A-Z and a-z: "Kerem Öztürk" is a name too.
UPPER = "[" + "".join(re.escape(chr(c)) for c in range(0x2FF) if chr(c).isupper() and chr(c).isalpha()) + "]"
LOWER = "[" + "".join(re.escape(chr(c)) for c in range(0x2FF) if chr(c).islower() and chr(c).isalpha()) + "]"
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@lru_cache(maxsize=65536)
def normalize_for_match(text: str) -> str:
    """Lower case, straight quotes, single spaces: two sentences equal under this are one.

    Remembered (bounded): dedup and selection key every sentence by it on every rebuild.
    """
    return " ".join(text.translate(_QUOTES).split()).lower()


def raw_words(text: str) -> list[str]:
    """The words of ``text`` as written (capitals kept), one per entry of ``words``."""
    return _TOKEN.findall(text.translate(_QUOTES))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of ``words`` stands in ``text`` (the quote translation keeps lengths)."""
    return [m.span() for m in _TOKEN.finditer(text.translate(_QUOTES))]


def words(text: str) -> list[str]:
    return [w.lower() for w in raw_words(text)]


_DOUBLE_OK = frozenset("lsz")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light inflectional stem: hope, hopes, hoped, hoping -> hop.

    Only inflections are removed, so "critical" stays apart from "critics" and
    "investment" from "invest" (Porter's stemmer conflates both pairs).
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    elif w.endswith("es") and len(w) > 4 and w[-3] in "sxzh":
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou" and w[-1] not in _DOUBLE_OK:
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def content_stems(text: str, stop: frozenset[str]) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no one-letter tokens)."""
    return [stem(w) for w in words(text) if w not in stop and len(w) > 1 and not w.isdigit()]


@lru_cache(maxsize=200_000)
def content_stem_set(text: str, stop: frozenset[str]) -> frozenset[str]:
    """The distinct content stems: what dedup and selection compare.

    Immutable, so one remembered copy serves every build in the process; a rebuild after
    one new article computes only that article's sets.
    """
    return frozenset(content_stems(text, stop))


@lru_cache(maxsize=200_000)
def concept_set(text: str, stop: frozenset[str]) -> frozenset[str]:
    """Content stems plus the numbers: what a briefing point states.

    "$750 million due on July 14" says more than "a large payment due soon"; figures are
    the facts a reader checks first, so selection counts them as concepts (dedup does not:
    two reports of one fact often round a number differently).
    """
    return content_stem_set(text, stop) | {w for w in words(text) if w.isdigit()}
