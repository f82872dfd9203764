"""A finished build and how its numbered sources map back to rows of the article list."""
from __future__ import annotations

from dataclasses import dataclass, field

from briefing import Briefing, BuildResult
from briefing.documents import Candidate, CleanArticle
from briefing.edits import point_key


@dataclass(frozen=True)
class Highlight:
    """A sentence of an article that a briefing point was taken from (or repeats)."""

    sentence: str
    section: str
    point: str  # point key, so the reader can mark the point selected in the preview


@dataclass
class BuildSnapshot:
    result: BuildResult
    entry_of_source: dict[str, int]  # source id in the briefing -> article list key
    _candidates: dict[str, Candidate] = field(default_factory=dict, init=False)
    _cleaned: dict[str, CleanArticle] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._candidates = {point_key(c.text): c for c in self.result.candidates}
        self._cleaned = {ca.article.id: ca for ca in self.result.cleaned}

    @property
    def source_of_entry(self) -> dict[int, str]:
        return {key: sid for sid, key in self.entry_of_source.items()}

    def cleaned(self, entry_key: int) -> CleanArticle | None:
        sid = self.source_of_entry.get(entry_key)
        return self._cleaned.get(sid) if sid is not None else None

    def highlights(self, entry_key: int, briefing: Briefing) -> list[Highlight]:
        """The sentences of one article used by ``briefing`` (as edited), with their section."""
        sid = self.source_of_entry.get(entry_key)
        if sid is None:
            return []
        out: list[Highlight] = []
        for section in briefing.sections:
            for point in section.points:
                key = point_key(point.text)
                cand = self._candidates.get(key)
                if cand is not None:
                    sentences = [m.text for m in cand.members if m.article_id == sid]
                else:
                    sentences = [point.text] if sid in point.sources else []
                out.extend(Highlight(s, section.key, key) for s in dict.fromkeys(sentences))
        return out

    def points_per_entry(self, briefing: Briefing) -> dict[int, int]:
        counts: dict[int, int] = {}
        for section in briefing.sections:
            for point in section.points:
                for sid in set(point.sources) | set(point.related):
                    key = self.entry_of_source.get(sid)
                    if key is not None:
                        counts[key] = counts.get(key, 0) + 1
        return counts
