"""What every format reader shares: the error it raises, the limits it keeps and what it returns.

Readers never print and never raise anything but :class:`LoadError` for a bad input, so
the load stage can name each bad file once, with one line of reason, and go on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO

MB = 1024 * 1024


class LoadError(Exception):
    """An input that cannot be used; the message is the reason shown to the user."""


@dataclass(frozen=True)
class LoadLimits:
    """How much reading an input may cost, so one odd file cannot stall or exhaust a build.

    The figures are far above any news article (a long one is 50 KB of text) and keep a
    build within a couple of minutes and well under 3 GB: the later stages take about
    16 s per million characters on a two-core machine.
    """

    max_file_bytes: int = 10 * MB  # text, web pages, e-mails
    max_document_bytes: int = 100 * MB  # .docx and .pdf files, which carry pictures
    max_unpacked_bytes: int = 200 * MB  # a .docx's parts, unpacked
    max_zip_members: int = 10_000
    max_pdf_pages: int = 2_000
    max_text_chars: int = 2_000_000  # text taken from one input, about 330,000 words (a long book)
    max_total_chars: int = 5_000_000  # text of all inputs of one build together
    max_download_bytes: int = 5 * MB
    url_timeout: float = 10.0  # seconds for connecting and for each read
    url_deadline: float = 30.0  # seconds for a whole download
    max_files: int = 2_000  # files listed from the folders given


@dataclass
class Extracted:
    """The text of one input and what its format says about where it came from."""

    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None


# What office programs put in a document's title property when the author wrote none:
# the file name, "Microsoft Word - x.docx", or a default such as "Word Document"
# (python-docx's own) or "Document1".
_PLACEHOLDER_TITLE = re.compile(
    r"(?i)^(microsoft (word|powerpoint|excel) - |untitled\b)|\.(docx?|pdf|txt|html?|indd|pages|odt|rtf)$"
    r"|^((word|pdf|text|untitled|new) )?(document|presentation|title)\s*\d*$")


def document_title(title: str | None) -> str | None:
    """A document's title property, or None when it is a placeholder rather than a headline."""
    title = (title or "").strip()
    return title if title and not _PLACEHOLDER_TITLE.search(title) else None


def describe_size(n: int) -> str:
    """A byte count as people say it: "50 MB", "1.5 MB", "300 KB"."""
    if n >= 10 * MB:
        return f"{n / MB:.0f} MB"
    if n >= MB:
        return f"{n / MB:.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(n / 1024))} KB"


def too_large(size: int, limit: int, what: str = "too large") -> LoadError:
    return LoadError(f"{what} ({describe_size(size)}; the limit is {describe_size(limit)})")


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """The whole stream, or :class:`LoadError` as soon as it proves longer than ``limit``.

    The size was checked before, but a file can grow while it is read.
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(len(data), limit)
    return data


# Leading bytes of common binary formats, to say what a misnamed file really is.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (a Word, Excel or OpenDocument file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (or a password-protected one)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def sniff(data: bytes) -> str | None:
    """What a file is by its first bytes, when it is a well-known binary format."""
    for magic, what in SIGNATURES:
        if data.startswith(magic):
            return what
    if data[4:12] in (b"ftypisom", b"ftypmp42", b"ftypM4A ", b"ftypqt  ", b"ftypheic"):
        return "a video, audio or image file"
    return None
