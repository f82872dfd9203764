"""Plain data types passed between the pipeline stages.

load -> :class:`Article`; clean -> :class:`CleanArticle`; sentences -> :class:`Sentence`;
dedup -> :class:`Candidate`; aspects -> scores on each :class:`Candidate`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Article:
    """One input document as text, with what is known about where it came from."""

    id: str
    text: str
    title: str
    path: Path | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    content_hash: str = ""

    @property
    def display_name(self) -> str:
        if self.url:
            return self.url
        return self.path.name if self.path else self.id


@dataclass(frozen=True)
class LoadProblem:
    """An input that could not be used, and why (shown to the user, one line)."""

    source: str
    reason: str


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


@dataclass(frozen=True)
class Paragraph:
    text: str
    is_heading: bool = False
    # A page summary or standfirst around the headline: shown, but it restates the
    # article in general words, so it never becomes a point.
    is_summary: bool = False
    # A line of a bulleted list ("• Orvane wants public support worth 30%"): a live blog's
    # key points, shown as a list. A short one without a full stop is no point (a heading
    # by its looks), but the sentences after it do not stand under it.
    is_list_item: bool = False


@dataclass
class CleanArticle:
    """An article with adverts, credits, repeated headlines and paragraphs removed."""

    article: Article
    paragraphs: list[Paragraph]
    removed: list[str] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Sentence:
    """A sentence exactly as it stands in its article."""

    text: str
    article_id: str
    paragraph: int
    position: int  # index of the sentence within its article's body
    previous: str = ""  # the sentence before it (since the last heading), for context
    heading: str = ""  # the heading it stands under ("6. The Risks"), if any
    opens_paragraph: bool = False  # so ``previous`` ends the paragraph before, if any
    # a list item finishing ``previous`` ("Vellmar is prepared to:" then "- build a smelter
    # ..."): its frame and its subject are in that line, and a reader needs it shown
    completes: bool = False


@dataclass
class Candidate:
    """One or more near-identical sentences: a possible briefing point.

    ``text`` is the wording of the first article that has it; ``sources`` are the
    articles where that wording stands verbatim, ``related`` the other articles that
    report the same thing in other words.
    """

    text: str
    members: list[Sentence]
    sources: list[str]
    related: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    section: str | None = None
    importance: float = 0.0

    @property
    def support(self) -> int:
        return len(set(self.sources) | set(self.related))

    @property
    def first(self) -> Sentence:
        return self.members[0]
