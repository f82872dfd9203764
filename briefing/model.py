"""The one :class:`Briefing` model: built by the pipeline, edited in the window,
saved as JSON and rendered to Word and Markdown from here only."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

JSON_VERSION = 1


# Opens the "comments" property of every Word briefing written by render_docx; the
# .docx reader uses it to leave an earlier briefing in the input folder out of the sources.
BRIEFING_COMMENT = "Extractive briefing from"
# The PDF export's /Creator field, by which the PDF reader knows it the same way.
BRIEFING_CREATOR = "Extractive briefing generator"
# Why a reader leaves such a file out; an output may replace it, unlike an article.
OWN_BRIEFING_REASON = "a briefing written by this program, not an article"


def briefing_note(articles: int) -> str:
    """The line saying what a briefing is: the Word file's comments, the Markdown's last line.

    The readers know an earlier briefing left in the input folder by it, so a briefing
    never cites itself as a source.
    """
    return (f"{BRIEFING_COMMENT} {articles} article{'s' if articles != 1 else ''}: every point is a sentence "
            "quoted verbatim from the cited source.")


@dataclass
class Source:
    id: str
    title: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    words: int = 0
    # The article text's digest: tells apart two pasted texts with one title, which have
    # no path or link (see edits.source_key).
    content_hash: str | None = None


@dataclass
class Point:
    """A verbatim sentence. ``sources`` have this exact wording; ``related`` report it in other words."""

    text: str
    sources: list[str]
    related: list[str] = field(default_factory=list)
    score: float = 0.0
    party: str | None = None
    pinned: bool = False
    # The sentence before it in its first source, when the point leans on it ("These may
    # include ...", "The deal was blocked ...", "It also wants ..."), and whether that
    # sentence only says who "it" is, which the point's party heading says too.
    lead_in: str | None = None
    lead_in_says_who: bool = False
    # The lead-in as shown, muted, so the point can be understood: kept apart from
    # ``lead_in`` because where the point stands decides it (see edits.settle_lead_ins).
    context: str | None = None

    @property
    def support(self) -> int:
        return len(set(self.sources) | set(self.related))

    @property
    def finishes_lead_in(self) -> bool:
        """Is the point an item of a bulleted list, finishing its lead-in ("Vellmar is
        prepared to:" then "build a smelter ...")? Read alone, it says neither who nor what."""
        return bool(self.lead_in) and self.lead_in.rstrip().endswith(":")


@dataclass
class Section:
    key: str
    heading: str
    points: list[Point] = field(default_factory=list)
    # Candidate points (a sentence and its near-copies count once) that read as this
    # section, chosen or not (None: not recorded, as in files from older versions). An
    # empty section says which case it is: nothing of this kind in the articles, or
    # nothing of it short enough for the budget.
    candidates: int | None = None

    @property
    def empty_note(self) -> str:
        """What an empty section says: nothing was found, or nothing fitted; never "nothing is known"."""
        if self.candidates == 0:
            return f"No sentence of these articles reads as {self.heading.lower()}."
        return f"No sentence of these articles was chosen for {self.heading.lower()} at this length."


@dataclass
class Figure:
    """An amount, percentage or count stated in a source, with the sentence around it."""

    value: str
    context: str
    source: str
    kind: str = "amount"  # "amount", "percent", "count" or "duration"


@dataclass
class Quote:
    text: str
    speaker: str | None
    source: str


@dataclass
class Briefing:
    title: str
    event: str
    created: str
    sources: list[Source] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    marking: str | None = None
    words_per_section: int = 150

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = JSON_VERSION
        for sec in data["sections"]:
            for p, point in zip(sec["points"], self.section(sec["key"]).points):
                p["support"] = point.support
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Briefing":
        sections = [Section(key=s["key"], heading=s["heading"],
                            points=[_point_from_dict(p) for p in s.get("points", [])],
                            candidates=s.get("candidates"))
                    for s in data.get("sections", [])]
        return cls(
            title=data["title"], event=data.get("event", ""), created=data.get("created", ""),
            sources=[Source(**s) for s in data.get("sources", [])], sections=sections,
            figures=[Figure(**f) for f in data.get("figures", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            parties=list(data.get("parties", [])), marking=data.get("marking"),
            words_per_section=int(data.get("words_per_section", 150)),
        )

    @classmethod
    def from_json(cls, text: str) -> "Briefing":
        return cls.from_dict(json.loads(text))


def _point_from_dict(data: dict[str, Any]) -> Point:
    point = Point(**{k: v for k, v in data.items() if k in Point.__dataclass_fields__})
    if "lead_in" not in data:  # older files kept only the lead-in as shown
        point.lead_in = point.context
    return point
