"""Web pages (.html, .htm): the article's main text by trafilatura, with title, outlet and date.

Nothing is fetched or expanded while reading: trafilatura parses with lxml's HTML parser,
which resolves no external entities and loads no images, scripts or frames, and drops
scripts and styles from the text.
"""
from __future__ import annotations

import html
import logging
import re
from typing import BinaryIO

from .base import Extracted, LoadError, LoadLimits, read_at_most
from .text import decode_bytes, decode_declared

SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# trafilatura and its helpers log through the standard logging module; without a
# handler Python would print their warnings on stderr, between our one-line reasons.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


# A DOCTYPE with an internal subset declares entities (possibly external ones); lxml
# leaves them unexpanded, but the subset derails trafilatura's reading of the page's
# metadata, so it is dropped before parsing.
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_DOCTYPE_SUBSET_BYTES = re.compile(_DOCTYPE_SUBSET.pattern.encode(), re.IGNORECASE | re.DOTALL)


def _without_entity_declarations(data: bytes | str) -> bytes | str:
    if isinstance(data, bytes):
        return _DOCTYPE_SUBSET_BYTES.sub(b"<!DOCTYPE html>", data, count=1)
    return _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", data, count=1)


def extract_html(data: bytes | str, *, url: str | None = None) -> Extracted:
    """Main text and metadata of one page; :class:`LoadError` when it has no readable text."""
    import trafilatura

    if isinstance(data, bytes):
        if not data.strip():
            raise LoadError("empty (no text)")
        if b"\x00" in data[:4096]:
            data = decode_bytes(data)  # UTF-16 pages decode; binary data raises
    elif not data.strip():
        raise LoadError("empty (no text)")
    data = _without_entity_declarations(data)
    try:
        # Dates only from the page's markup and address: the extensive search also reads
        # free text, and made "2025-01-01" of a "Copyright 2025" line, which a reader takes
        # for the day the story was published.
        from trafilatura.settings import set_date_params

        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False, include_links=False,
                                          date_extraction_params=set_date_params(extensive=False))
        text = doc.text if doc is not None and doc.text else ""
        if not text.strip():
            text = trafilatura.html2txt(data) or ""
    except (ValueError, TypeError, LookupError, RecursionError) as exc:
        raise LoadError(f"the page cannot be read ({exc.__class__.__name__})") from exc
    if not text.strip():
        raise LoadError("no readable text in the page")
    title = getattr(doc, "title", None)
    outlet = getattr(doc, "sitename", None)
    if not outlet:
        page = _as_text(data)
        if any(_same(title, h) for h in _headlines(page)):
            outlet = title_suffix_outlet(_page_title(page), title)
    return Extracted(text=text, title=title, outlet=outlet, date=getattr(doc, "date", None), url=url or None)


# Every run is bounded ({0,N}), so a tag that never closes costs a fixed amount per
# "<", not a scan to the end of the page from each one.
_TITLE_ELEMENT = re.compile(r"<title[^<>]{0,200}>([^<]{0,1000})</title\s*>", re.IGNORECASE)
_HEADLINE_ELEMENT = re.compile(r"<h1[^<>]{0,200}>([^<]{0,1000})</h1\s*>", re.IGNORECASE)
_OG_TITLE = re.compile(r"""<meta\s[^<>]{0,200}?property=["']og:title["'][^<>]{0,200}?content=["']([^"'<>]{0,1000})["']""",
                       re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset=["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u2022]\s+")
MAX_OUTLET_WORDS = 6
_HEAD_CHARS = 200_000


def _as_text(data: bytes | str) -> str:
    """The top of the page as text, in its declared encoding ("Le Télégramme" in Latin-1)."""
    if isinstance(data, str):
        return data[:_HEAD_CHARS]
    declared = _CHARSET.search(data[:_HEAD_CHARS])
    try:
        return decode_declared(data, declared.group(1).decode("ascii") if declared else "utf-8")[:_HEAD_CHARS]
    except LoadError:
        return data[:_HEAD_CHARS].decode("utf-8", errors="replace")


def _clean(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", fragment)).strip()


def _page_title(page: str) -> str | None:
    """The document's <title> (the head's, not one inside an <svg> drawing in the body)."""
    head = re.split(r"<body\b", page, maxsplit=1, flags=re.IGNORECASE)[0]
    m = _TITLE_ELEMENT.search(head)
    return _clean(m.group(1)) if m else None


def _headlines(page: str) -> list[str]:
    """The page's own statements of its headline: <h1> elements and og:title."""
    return [_clean(m.group(1)) for pattern in (_HEADLINE_ELEMENT, _OG_TITLE) for m in pattern.finditer(page)]


def _words_of(text: str | None) -> str:
    return re.sub(r"\W+", " ", text or "").strip().casefold()


def _same(a: str | None, b: str | None) -> bool:
    """The same headline, whatever its punctuation and case."""
    return bool(_words_of(a)) and _words_of(a) == _words_of(b)


def title_suffix_outlet(page_title: str | None, headline: str | None) -> str | None:
    """The outlet a page names after its headline ("Talks stall in Oslo | Harbour Times").

    Pages without outlet metadata still end their <title> with the outlet's name. The
    part after the last separator is taken only when what stands before it is the
    headline itself, which the page states on its own in an <h1> or og:title (the caller
    checks that); otherwise "Oslo talks - day two" would name the outlet "day two".
    """
    if not page_title or not headline:
        return None
    parts = _TITLE_SEPARATOR.split(page_title)
    if len(parts) < 2:
        return None
    head, outlet = " ".join(parts[:-1]), parts[-1].strip()
    if not _same(head, headline) or not outlet or len(outlet.split()) > MAX_OUTLET_WORDS:
        return None
    return outlet


def read(stream: BinaryIO, limits: LoadLimits) -> Extracted:
    return extract_html(read_at_most(stream, limits.max_file_bytes))
