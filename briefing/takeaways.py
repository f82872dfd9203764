"""Key takeaways: the three to five strongest points across the sections.

Computed from the model at render time (never stored), so an edited briefing always has
takeaways that match its sections. Scores are only comparable within a section, so each
point is measured against the best of its own section, with a bonus for every further
article that reports it; pinned points count as strongest, and a point whose subject
points back to an earlier sentence ("He will ...", "These may ..."), names a time only
that sentence gives ("collapsed later that year"), opens with a list position ("Third,
...") or is an item of a bulleted list ("fund a training institute", after "Vellmar is
prepared to:") counts less, since a takeaway is read on its own (unless its label names
the party the pronoun stands for). Every non-empty section gives at least one takeaway,
then the strongest of the rest fill up to the maximum, as long as the box stays short
enough to read at a glance (``TAKEAWAY_WORDS``): with 45-word sentences, five takeaways
would fill page 1 with what the sections say again below it. A point only one article
reports (and not pinned) counts less once that article gives a takeaway (``SOURCE_REPEAT_FACTOR``):
over our 66 article sets, 22 boxes took three or more of their lines from one article
(``tianjin_sco`` all five), which reads as that article's summary; with 0.8, 13 do,
and a point more than a quarter stronger than the others still wins.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .discourse import adds_to_previous, names_time_before, opens_with
from .lexicon import stopwords
from .model import Briefing, Point
from .parties import grouped_by_party, leans_on_context
from .tokens import stem

MIN_TAKEAWAYS = 3
MAX_TAKEAWAYS = 5
# a point below this share of the strength of the weakest per-section pick is not worth
# a takeaway of its own, unless needed to reach MIN_TAKEAWAYS
RELATIVE_FLOOR = 0.8
CONTEXT_PENALTY = 0.6  # strength kept by a point that needs the sentence before it
# A word in at most this many points of the briefing names one matter ("lenders"); two
# takeaways of one section sharing such a word report one matter twice.
DISTINCTIVE_POINTS = 2
MIN_POINTS_FOR_BOX = 6  # a briefing shorter than this is its own summary; a box would repeat all of it
TAKEAWAY_WORDS = 120  # beyond the minimum, a takeaway is added only while the box stays within this
SOURCE_REPEAT_FACTOR = 0.8  # near-equal points from other articles go first


@dataclass(frozen=True)
class Takeaway:
    section_key: str
    heading: str
    point: Point
    strength: float

    @property
    def label(self) -> str:
        """What a takeaway is, in every output: "Concessions · Valdora"."""
        party = self.point.party if grouped_by_party(self.section_key) else None
        return self.heading + (f" · {party}" if party else "")


def point_strength(point: Point, best_score: float, labelled: bool = False) -> float:
    """``labelled``: the takeaway's label names the point's party ("Objectives · Kestria"),
    so a point that needs the sentence before only to say who ("It also wants ...") reads
    on its own."""
    relative = point.score / best_score if best_score > 0 else 0.0
    strength = relative + 0.25 * math.log2(max(point.support, 1))
    says_who = labelled and point.party is not None and point.lead_in_says_who
    # "Third, ...": alone, a fragment of a list the reader never saw
    if (leans_on_context(point.text) and not says_who) or opens_with(point.text, "enumerator", comma=True) \
            or names_time_before(point.text) or adds_to_previous(point.text) or point.finishes_lead_in:
        strength *= CONTEXT_PENALTY
    return strength + (1.0 if point.pinned else 0.0)


def _matter_words(text: str, stop: frozenset[str]) -> frozenset[str]:
    """Stems of the lower-case content words: what a point is about, not who (names are
    capitalised; the first word is read in lower case, as "Lenders" is "lenders")."""
    text = text.lstrip(" \"'\u201c\u2018")
    text = text[:1].lower() + text[1:]
    return frozenset(stem(w) for w in re.findall(r"\b[a-z][a-z-]{3,}\b", text) if w not in stop)


def _spread_strength(takeaway: Takeaway, chosen: list[Takeaway]) -> float:
    """Strength, less for a point only one article reports when that article already gives
    a takeaway: a box drawn from one article reads as that article's summary."""
    sources = takeaway.point.sources
    if len(sources) != 1 or takeaway.point.pinned:
        return takeaway.strength
    repeats = any(c.point.sources == sources for c in chosen)
    return takeaway.strength * (SOURCE_REPEAT_FACTOR if repeats else 1.0)


def _words(takeaways: list[Takeaway]) -> int:
    return sum(len(t.point.text.split()) for t in takeaways)


def key_takeaways(briefing: Briefing, minimum: int = MIN_TAKEAWAYS, maximum: int = MAX_TAKEAWAYS,
                  min_points: int = MIN_POINTS_FOR_BOX) -> list[Takeaway]:
    """The strongest points, in section order and, within a section, strongest first.

    Five lines are read as five different matters, so a point sharing a distinctive word
    with a stronger takeaway of its section ("Lenders holding back $4.1 billion could
    pull out" and "Lenders who have frozen part of the financing") is passed over.
    """
    if sum(len(s.points) for s in briefing.sections) < min_points:
        return []
    stop = stopwords()
    matter = {id(p): _matter_words(p.text, stop) for s in briefing.sections for p in s.points}
    spread = Counter(w for words in matter.values() for w in words)
    ranked: list[list[Takeaway]] = []
    for section in briefing.sections:
        if not section.points:
            continue
        best = max((p.score for p in section.points), default=0.0)
        labelled = grouped_by_party(section.key)
        items = [Takeaway(section.key, section.heading, p, point_strength(p, best, labelled))
                 for p in section.points]
        items.sort(key=lambda t: -t.strength)
        ranked.append(items)
    chosen: list[Takeaway] = []
    for items in ranked[:maximum]:
        chosen.append(max(items, key=lambda t: _spread_strength(t, chosen)))
    picked = {id(t) for t in chosen}
    rest = [t for items in ranked for t in items if id(t) not in picked]
    floor = RELATIVE_FLOOR * min((t.strength for t in chosen), default=0.0)
    while rest and len(chosen) < maximum:
        t = max(rest, key=lambda t: _spread_strength(t, chosen))  # the first of equals, as ranked
        rest.remove(t)
        distinctive = {w for w in matter[id(t.point)] if spread[w] <= DISTINCTIVE_POINTS}
        if any(c.section_key == t.section_key and distinctive & matter[id(c.point)] for c in chosen):
            continue
        if len(chosen) < minimum:
            chosen.append(t)
        elif t.strength >= floor and _words(chosen) + _words([t]) <= TAKEAWAY_WORDS:
            chosen.append(t)
    order = {s.key: i for i, s in enumerate(briefing.sections)}
    chosen.sort(key=lambda t: (order[t.section_key], -t.strength))
    return chosen
