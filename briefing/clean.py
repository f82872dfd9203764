"""Stage 2: keep the article's own text.

Drops advert, copyright, credit, byline and sharing lines (patterns in
``resources/boilerplate.txt``), the headline and its repeats, and paragraphs that occur
again; marks headings and list labels so that they are shown but never become points.
"""
from __future__ import annotations

import re

from .documents import Article, CleanArticle, Paragraph
from .lexicon import boilerplate_patterns

_MD_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+•]\s+)")
_BULLET = re.compile(r"^\s{0,3}[-*+•]\s+")
_NUMBERED_LABEL = re.compile(r"^\s*(?:\d{1,2}|[ivxIVX]{1,4}|[A-Za-z])[.)]\s+")
_END_PUNCT = ('.', '!', '?', '."', '.”', "?”", '!”', '?"', '!"', ".’", ".'", ":", ";", ".)", "…")


def paragraph_key(text: str) -> str:
    """Comparison key: case, quotes, spacing and punctuation do not matter."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def is_boilerplate(line: str) -> bool:
    s = " ".join(line.split())  # a run of spaces would make the copyright patterns backtrack
    return any(p.fullmatch(s) for p in boilerplate_patterns())


QUESTION_HEADING_WORDS = 12
_QUOTE_OPENERS = ('"', '“', '‘', "'")


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence is a heading or a label."""
    s = line.strip()
    if _NUMBERED_LABEL.match(s) and len(s.split()) <= 16 and not s.endswith("."):
        return True
    words = s.split()
    if len(words) <= 16 and not s.endswith(_END_PUNCT):
        return True
    # "What does the government want?" alone on its line heads an explainer's section;
    # a question is never a point, and what follows answers it.
    if len(words) <= QUESTION_HEADING_WORDS and s.endswith("?") and not s.startswith(_QUOTE_OPENERS):
        return True
    return False


SUMMARY_MAX_WORDS = 40
LIST_ITEM_MIN_WORDS = 4  # "• Key dates" is a label; "• Kestria has tabled a rival offer" a list item
TOP_LINES = 8


def clean_article(article: Article) -> CleanArticle:
    """Paragraphs of the article's own text, in order.

    Saved web pages often open with the page description, then the headline (twice: page
    title and on-page heading) and a standfirst. Lines before the first headline, and
    the line right after a repeated headline, are marked as summaries.
    """
    paragraphs: list[Paragraph] = []
    removed: list[str] = []
    seen: set[str] = set()
    title_key = paragraph_key(article.title)
    raw_lines = [raw for raw in article.text.split("\n") if _MD_PREFIX.sub("", raw).strip()]
    marked = [bool(_BULLET.match(raw)) for raw in raw_lines]
    # a run of bullets is a list ("Key points"); a bullet alone between paragraphs labels them
    bulleted = [m and ((i > 0 and marked[i - 1]) or (i + 1 < len(marked) and marked[i + 1]))
                for i, m in enumerate(marked)]
    lines = [_MD_PREFIX.sub("", raw).strip() for raw in raw_lines]
    title_at = [i for i, ln in enumerate(lines[:TOP_LINES]) if paragraph_key(ln) == title_key]
    summary_at: set[int] = set()
    if title_at:
        summary_at.update(range(title_at[0]))
        if len(title_at) > 1:
            summary_at.add(title_at[-1] + 1)
    for i, line in enumerate(lines):
        key = paragraph_key(line)
        if not key:
            removed.append(line)
            continue
        if key == title_key or key in seen or is_boilerplate(line):
            removed.append(line)
            continue
        seen.add(key)
        heading = is_heading(line)
        summary = i in summary_at and not heading and len(line.split()) <= SUMMARY_MAX_WORDS
        paragraphs.append(Paragraph(text=line, is_heading=heading, is_summary=summary,
                                    is_list_item=bulleted[i] and (not heading or len(line.split()) >= LIST_ITEM_MIN_WORDS)))
    return CleanArticle(article=article, paragraphs=paragraphs, removed=removed)
