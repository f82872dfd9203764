"""Stage 5: score each candidate for objectives, concessions and risks.

What separates the sections is the *frame* of a sentence, not its topic: a party
wanting something, a party offering something (often hedged: "could offer", "is
prepared to"), or a hedged bad outcome ("could derail", "warned that"). The cue
phrases are data (``resources/cues/*.txt``); this module only matches them on stems,
adds the weight of modality, and lets a sentence that opens with "These" or "Such"
inherit the frame of the one before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from .documents import Candidate

Tokenizer = Callable[[str], list[str]]

ANAPHORA = frozenset({"these", "those", "such", "this", "they", "it", "that"})
INHERIT_SHARE = 0.8


@dataclass(frozen=True)
class CuePhrase:
    weight: float
    parts: tuple[tuple[str, ...], ...]  # runs of stems; runs may have up to GAP words between them


GAP = 4


def compile_cues(cues: Iterable[tuple[float, str]], stemmer: Tokenizer) -> list[CuePhrase]:
    """Stem every cue; forms that stem alike ("plan to", "plans to") count once, at the higher weight."""
    best: dict[tuple[tuple[str, ...], ...], float] = {}
    for weight, phrase in cues:
        parts = tuple(tuple(stemmer(run)) for run in phrase.split("...") if run.strip())
        if parts:
            best[parts] = max(weight, best.get(parts, 0.0))
    return [CuePhrase(w, p) for p, w in best.items()]


def _find_run(tokens: list[str], run: tuple[str, ...], start: int, stop: int) -> int:
    n = len(run)
    for i in range(start, min(stop, len(tokens) - n + 1)):
        if tokens[i:i + n] == list(run):
            return i + n
    return -1


def match_at(tokens: list[str], cue: CuePhrase) -> int:
    """Index where the cue first matches, or -1."""
    first = cue.parts[0]
    for i in range(len(tokens) - len(first) + 1):
        if tokens[i:i + len(first)] != list(first):
            continue
        end = i + len(first)
        ok = True
        for run in cue.parts[1:]:
            end = _find_run(tokens, run, end, end + GAP + 1)
            if end < 0:
                ok = False
                break
        if ok:
            return i
    return -1


def matches(tokens: list[str], cue: CuePhrase) -> bool:
    return match_at(tokens, cue) >= 0


class AspectScorer:
    """Frame scores of a sentence per section; plain callable with its resources passed in."""

    def __init__(self, cues: Mapping[str, Iterable[tuple[float, str]]], modals: frozenset[str],
                 stemmer: Tokenizer, mitigators: frozenset[str] = frozenset()) -> None:
        self.stemmer = stemmer
        self.cues = {k: compile_cues(v, stemmer) for k, v in cues.items()}
        self.modals = frozenset(modals)
        self.mitigators = frozenset(t for m in mitigators for t in stemmer(m))

    def __call__(self, text: str) -> dict[str, float]:
        tokens = self.stemmer(text)
        raw_words = set(re.findall(r"[a-z]+", text.lower()))
        hedged = bool(raw_words & self.modals)
        scores: dict[str, float] = {k: 0.0 for k in self.cues}
        for key, cues in self.cues.items():
            for cue in cues:
                at = match_at(tokens, cue)
                if at < 0:
                    continue
                # "to deter threats", "avoid a trade war": a risk word that is the object
                # of a mitigating verb describes an aim, not a risk.
                if key == "risks" and "objectives" in scores and self.mitigators & set(tokens[max(0, at - 3):at]):
                    scores["objectives"] += cue.weight
                else:
                    scores[key] += cue.weight
        # Modality turns a plan into an offer and a problem into a risk.
        if hedged:
            for key in ("concessions", "risks"):
                if scores.get(key, 0.0) > 0:
                    scores[key] += 1.0
        return scores


def opens_with_anaphor(text: str) -> bool:
    first = re.match(r"\W*(\w+)", text)
    return bool(first and first.group(1).lower() in ANAPHORA)


def score_candidates(candidates: list[Candidate], scorer: AspectScorer, sections: Iterable[str],
                     min_score: float) -> None:
    """Set ``scores`` and ``section`` on every candidate (section None = background)."""
    sections = tuple(sections)
    for cand in candidates:
        scores = scorer(cand.text)
        prev = cand.first.previous
        if prev and opens_with_anaphor(cand.text):
            before = scorer(prev)
            for k in sections:
                scores[k] = scores.get(k, 0.0) + INHERIT_SHARE * before.get(k, 0.0)
        cand.scores = {k: scores.get(k, 0.0) for k in sections}
        best = max(sections, key=lambda k: cand.scores[k])
        cand.section = best if cand.scores[best] >= min_score else None
