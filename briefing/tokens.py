"""Word-level views of a sentence shared by the scoring stages."""
from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalize_for_match(text: str) -> str:
    """Lower case, straight quotes, single spaces: two sentences equal under this are one."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


def words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text.translate(_QUOTES))]


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stem(word)


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def content_stems(text: str, stop: frozenset[str]) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no one-letter tokens)."""
    return [stem(w) for w in words(text) if w not in stop and len(w) > 1 and not w.isdigit()]
