"""One reader per input format; :func:`format_for` picks it by the file's suffix.

Each reader takes an open, seekable binary file whose size was already checked
against its limit, and returns :class:`Extracted` text or raises :class:`LoadError`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Callable

from . import docx, eml, html, pdf, text
from .base import Extracted, LoadError, LoadLimits

__all__ = ["Extracted", "Format", "FORMATS", "LoadError", "LoadLimits", "format_for", "unsupported_reason"]


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    read: Callable[[BinaryIO, LoadLimits], Extracted]
    compound: bool = False  # .docx and .pdf carry pictures, so their files may be larger

    def max_bytes(self, limits: LoadLimits) -> int:
        return limits.max_document_bytes if self.compound else limits.max_file_bytes


FORMATS: tuple[Format, ...] = (
    Format("text", text.SUFFIXES, text.read),
    Format("web page", html.SUFFIXES, html.read),
    Format("Word document", docx.SUFFIXES, docx.read, compound=True),
    Format("PDF", pdf.SUFFIXES, pdf.read, compound=True),
    Format("e-mail", eml.SUFFIXES, eml.read),
)

# What to tell the user about formats we do not read, and how to get a readable one.
_ADVICE = {
    ".doc": "old Word format; save it as .docx",
    ".rtf": "save it as .docx",
    ".odt": "save it as .docx",
    ".pages": "export it as .docx or PDF",
    ".msg": "Outlook message; save it as .eml or PDF",
    ".webarchive": "save the page as HTML",
    ".xps": "save it as PDF",
    ".epub": "not an article format",
}


def format_for(suffix: str) -> Format | None:
    suffix = suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.suffixes:
            return fmt
    return None


def unsupported_reason(suffix: str) -> str:
    label = suffix.lower() or "none"
    advice = _ADVICE.get(suffix.lower())
    known = ", ".join(s for f in FORMATS for s in f.suffixes[: 2 if f.name == "text" else 1])
    return f"unsupported file type '{label}'" + (f" ({advice})" if advice else f" (readable: {known})")
