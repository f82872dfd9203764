"""Web pages (.html, .htm): the article's main text by trafilatura, with title, outlet and date.

Nothing is fetched or expanded while reading: trafilatura parses with lxml's HTML parser,
which resolves no external entities and loads no images, scripts or frames, and drops
scripts and styles from the text.
"""
from __future__ import annotations

import logging
import re
from typing import BinaryIO

from .base import Extracted, LoadError, LoadLimits, read_at_most
from .text import decode_bytes

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
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False, include_links=False)
        text = doc.text if doc is not None and doc.text else ""
        if not text.strip():
            text = trafilatura.html2txt(data) or ""
    except (ValueError, TypeError, LookupError, RecursionError) as exc:
        raise LoadError(f"the page cannot be read ({exc.__class__.__name__})") from exc
    if not text.strip():
        raise LoadError("no readable text in the page")
    return Extracted(text=text, title=getattr(doc, "title", None), outlet=getattr(doc, "sitename", None),
                     date=getattr(doc, "date", None), url=url or None)


def read(stream: BinaryIO, limits: LoadLimits) -> Extracted:
    return extract_html(read_at_most(stream, limits.max_file_bytes))
