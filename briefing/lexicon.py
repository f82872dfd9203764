"""The lexicon: access to the language resources shipped as data files in ``briefing/resources``."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def read_resource(name: str) -> str:
    return resources.files("briefing.resources").joinpath(name).read_text(encoding="utf-8")


def resource_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a resource file."""
    out = []
    for line in read_resource(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    return frozenset(line.lower() for line in resource_lines("abbreviations.txt"))


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for line in resource_lines("stopwords.txt") for w in line.split())


@lru_cache(maxsize=None)
def pattern_list(name: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions of a resource file, one per line, case ignored."""
    return tuple(re.compile(line, re.IGNORECASE) for line in resource_lines(name))


def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    return pattern_list("boilerplate.txt")


@lru_cache(maxsize=None)
def cue_list(name: str) -> tuple[tuple[float, str], ...]:
    """``(weight, phrase)`` pairs of ``cues/<name>.txt``."""
    cues = []
    for line in resource_lines(f"cues/{name}.txt"):
        weight, _, phrase = line.partition(" ")
        cues.append((float(weight), phrase.strip().lower()))
    return tuple(cues)


@lru_cache(maxsize=None)
def kinded_lists(name: str) -> dict[str, tuple[str, ...]]:
    """The lists of a resource file of ``kind = a | b | c`` lines, by kind, longest entry
    first (so that an alternation of them matches the longest)."""
    out: dict[str, list[str]] = {}
    for line in resource_lines(name):
        kind, _, values = line.partition(" = ")
        out.setdefault(kind.strip(), []).extend(v.strip() for v in values.split(" | ") if v.strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=None)
def opening_pattern(name: str, *kinds: str) -> re.Pattern[str] | None:
    """The phrases of ``kinds`` in a ``kind = a | b`` file as one pattern for the start of a
    lower-case text, whole words only. The phrases keep the order of the lists (longest
    first), so a match finds the phrase a scan of them would, in one pass instead of a
    pattern per phrase. None when the lists are empty."""
    lists = kinded_lists(name)
    phrases = [p for kind in kinds for p in lists.get(kind, ())]
    return re.compile("|".join(rf"{re.escape(p)}\b" for p in phrases)) if phrases else None


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    return frozenset(w.lower() for line in resource_lines(name) for w in line.split())


@lru_cache(maxsize=None)
def valence_lexicon() -> dict[str, float]:
    """Word valence (-4..4) from the VADER lexicon (Hutto and Gilbert, 2014), shipped in vaderSentiment.

    Only single words are kept; an empty map if the package is missing, so scoring
    still works from the cue lists alone.
    """
    try:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(
            encoding="utf-8", errors="replace")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out
