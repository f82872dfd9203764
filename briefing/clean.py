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
_NUMBERED_LABEL = re.compile(r"^\s*(?:\d{1,2}|[ivxIVX]{1,4}|[A-Za-z])[.)]\s+")
_END_PUNCT = ('.', '!', '?', '."', '.”', "?”", '!”', '?"', '!"', ".’", ".'", ":", ";", ".)", "…")


def paragraph_key(text: str) -> str:
    """Comparison key: case, quotes, spacing and punctuation do not matter."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def is_boilerplate(line: str) -> bool:
    s = line.strip()
    return any(p.fullmatch(s) for p in boilerplate_patterns())


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence is a heading or a label."""
    s = line.strip()
    if _NUMBERED_LABEL.match(s) and len(s.split()) <= 16 and not s.endswith("."):
        return True
    words = s.split()
    if len(words) <= 16 and not s.endswith(_END_PUNCT):
        return True
    return False


def clean_article(article: Article) -> CleanArticle:
    paragraphs: list[Paragraph] = []
    removed: list[str] = []
    seen: set[str] = set()
    title_key = paragraph_key(article.title)
    for raw in article.text.split("\n"):
        line = _MD_PREFIX.sub("", raw).strip()
        if not line:
            continue
        key = paragraph_key(line)
        if not key:
            removed.append(line)
            continue
        if key == title_key or key in seen or is_boilerplate(line):
            removed.append(line)
            continue
        seen.add(key)
        paragraphs.append(Paragraph(text=line, is_heading=is_heading(line)))
    return CleanArticle(article=article, paragraphs=paragraphs, removed=removed)
