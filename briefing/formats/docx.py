"""Word documents (.docx) by python-docx, with the title and date of the core properties.

A .docx is a zip archive. Before python-docx unpacks anything, the archive's directory
is checked: the declared sizes of its parts bound what unpacking can produce (Python's
zipfile never returns more than the declared size), so a "zip bomb" is refused
without reading it.
"""
from __future__ import annotations

import datetime
import zipfile
from typing import BinaryIO

from ..model import BRIEFING_COMMENT, OWN_BRIEFING_REASON
from .base import Extracted, LoadError, LoadLimits, document_title, sniff, too_large

SUFFIXES = (".docx", ".docm")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The creation date of python-docx's own blank template: a document made from it
# without setting the date says nothing about when the article was written.
_TEMPLATE_CREATED = datetime.date(2013, 12, 23)


def check_archive(stream: BinaryIO, limits: LoadLimits) -> None:
    """Refuse what is not a sound, reasonably sized zip archive, reading only its directory."""
    head = stream.read(8)
    stream.seek(0)
    if not head.strip(b"\x00 \t\r\n"):
        raise LoadError("empty (no text)")
    if head.startswith(_OLE):
        raise LoadError("an old Word (.doc) file or a password-protected document; "
                        "save it in Word as a .docx without a password")
    if not head.startswith(b"PK"):
        what = sniff(head)
        raise LoadError("not a Word document" + (f" (it looks like {what})" if what else " (not a zip archive)"))
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise LoadError(f"damaged or truncated Word document ({exc})") from exc
    finally:
        stream.seek(0)
    if len(members) > limits.max_zip_members:
        raise LoadError(f"not a plain Word document ({len(members)} parts; the limit is {limits.max_zip_members})")
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unpacked_bytes:
        raise too_large(unpacked, limits.max_unpacked_bytes, "too large when unpacked")
    if "[Content_Types].xml" not in {m.filename for m in members}:
        raise LoadError("not a Word document (a zip archive without Office content)")


def document_lines(doc) -> list[str]:
    """Paragraph and table-cell texts in reading order."""
    from docx.table import Table

    lines: list[str] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(block.text)
    return lines


# LibreOffice relates docProps/core.xml by a type python-docx does not know. python-docx
# then reads no title or date and, on saving, adds a second docProps/core.xml, which Word
# calls damaged (python-docx PR #1436).
_CORE_PROPERTIES_LIBREOFFICE = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"


def adopt_core_properties(doc) -> None:
    """Relate a LibreOffice document's core properties by the standard type, in place."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    for rel in doc.part.package.rels.values():
        if rel.reltype == _CORE_PROPERTIES_LIBREOFFICE:
            rel._reltype = RELATIONSHIP_TYPE.CORE_PROPERTIES  # no public setter (python-docx PR #1436)


def read(stream: BinaryIO, limits: LoadLimits) -> Extracted:
    import docx
    from lxml import etree

    check_archive(stream, limits)
    try:
        doc = docx.Document(stream)
        adopt_core_properties(doc)
        text = "\n".join(document_lines(doc))
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise LoadError(f"damaged Word document ({exc})") from exc
    except (etree.LxmlError, SyntaxError) as exc:
        raise LoadError(f"damaged Word document (invalid XML: {str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__})") from exc
    except (KeyError, ValueError, AttributeError, IndexError, TypeError, NotImplementedError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise LoadError(f"not a readable Word document ({reason})") from exc
    if not text.strip():
        raise LoadError("the document has no text")
    title = date = None
    try:
        props = doc.core_properties
        if (props.comments or "").startswith(BRIEFING_COMMENT):
            raise LoadError(OWN_BRIEFING_REASON)
        title = document_title(props.title)
        if props.created is not None and props.created.date() != _TEMPLATE_CREATED:
            date = props.created.date().isoformat()
    except (ValueError, TypeError, AttributeError, etree.LxmlError):
        pass  # damaged metadata is not worth refusing the text for
    return Extracted(text=text, title=title or None, date=date)
