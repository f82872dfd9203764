"""All tunable settings of a build in one place, with their defaults."""
from __future__ import annotations

from dataclasses import dataclass, field

SECTION_HEADINGS: dict[str, str] = {
    "objectives": "Objectives",
    "concessions": "Concessions",
    "risks": "Risks",
}
"""The three sections every briefing has, in document order."""


@dataclass(frozen=True)
class BriefingOptions:
    """Options for :func:`briefing.build_briefing`; every default lives here."""

    words_per_section: int = 150
    title: str | None = None
    event: str | None = None
    # dedup: two sentences are one point when this share of the smaller one's
    # content words is shared (same measure a reader applies to "says it again").
    duplicate_overlap: float = 0.7
    # select: a candidate sharing this share of content words with a chosen point is
    # redundant and never chosen.
    redundancy_overlap: float = 0.5
    # aspects: minimum frame score for a sentence to belong to a section at all.
    min_aspect_score: float = 2.5
    # sentences shorter or longer than this (in words) are not briefing points.
    min_sentence_words: int = 6
    max_sentence_words: int = 60
    sections: tuple[str, ...] = field(default=tuple(SECTION_HEADINGS))
    # parties: the meeting's sides as the user names them ("Lakeland", "Norvia"); points are
    # grouped under these. Empty: the most mentioned countries of the articles.
    parties: tuple[str, ...] = ()
    # select: points the user dropped (by edits.point_key) are never chosen, so the next
    # best point takes their words instead of leaving the section short.
    leave_out: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.words_per_section < 10:
            raise ValueError("words_per_section must be at least 10")
