"""PDF files: the text layer by pypdf, hard-wrapped lines joined back into paragraphs.

A PDF without a text layer (a scan) has nothing to quote, so it is refused with that
reason rather than passed through OCR here.
"""
from __future__ import annotations

import logging
from typing import BinaryIO

from ..model import BRIEFING_CREATOR, OWN_BRIEFING_REASON
from .base import Extracted, LoadError, LoadLimits, document_title, sniff
from .text import unwrap_lines

SUFFIXES = (".pdf",)

# pypdf logs its repairs of sloppy files ("incorrect startxref pointer"); they are not
# the user's business and would land on stderr between our one-line reasons.
logging.getLogger("pypdf").addHandler(logging.NullHandler())



def _open(stream: BinaryIO, limits: LoadLimits):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError, PyPdfError

    head = stream.read(1024)
    stream.seek(0)
    if not head.strip(b"\x00 \t\r\n"):
        raise LoadError("empty (no text)")
    if b"%PDF-" not in head:
        what = sniff(head)
        raise LoadError("not a PDF" + (f" (it looks like {what})" if what else " (no PDF header)"))
    try:
        reader = PdfReader(stream)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs restrict printing only and open with no password
            except DependencyError as exc:
                raise LoadError("encrypted PDF this installation cannot open (AES); "
                                "save or print it as a PDF without protection") from exc
            if not opened:
                raise LoadError("encrypted PDF (it needs a password); save or print it as a PDF without one")
        pages = len(reader.pages)
    except LoadError:
        raise
    except (PyPdfError, PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError) as exc:
        raise LoadError(f"damaged PDF ({_first_line(exc)})") from exc
    if pages == 0:
        raise LoadError("the PDF has no pages")
    if pages > limits.max_pdf_pages:
        raise LoadError(f"too many pages ({pages}; the limit is {limits.max_pdf_pages})")
    return reader


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else exc.__class__.__name__


def _written_by_us(reader) -> bool:
    from pypdf.errors import PyPdfError

    try:
        meta = reader.metadata
        return meta is not None and str(meta.creator or "").startswith(BRIEFING_CREATOR)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return False


def read(stream: BinaryIO, limits: LoadLimits) -> Extracted:
    from pypdf.errors import PyPdfError

    reader = _open(stream, limits)
    if _written_by_us(reader):
        raise LoadError(OWN_BRIEFING_REASON)
    pages: list[str] = []
    size = 0
    for number, page in enumerate(reader.pages, 1):
        try:
            text = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
                ZeroDivisionError, OSError) as exc:
            raise LoadError(f"damaged PDF (page {number}: {_first_line(exc)})") from exc
        pages.append(text)
        size += len(text)
        if size > limits.max_text_chars:
            raise LoadError(f"too much text (more than {limits.max_text_chars:,} characters by page {number}; "
                            f"the limit is {limits.max_text_chars:,})")
    text = unwrap_lines("\n".join(pages))
    if not text.strip():
        raise LoadError("the PDF has no text layer (a scan?); it needs text recognition (OCR) first")
    title = date = None
    try:
        meta = reader.metadata
        if meta is not None:
            title = document_title(meta.title)
            created = meta.creation_date
            date = created.date().isoformat() if created else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        pass  # damaged metadata is not worth refusing the text for
    return Extracted(text=text, title=title, date=date)
